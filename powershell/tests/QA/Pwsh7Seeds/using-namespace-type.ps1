# Construct: GetRelativePath
# Kind: api
# Line: 5
using namespace System.IO
$relative = [Path]::GetRelativePath($root, $file)
