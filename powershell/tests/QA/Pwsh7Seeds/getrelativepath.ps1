# Construct: GetRelativePath
# Kind: api
# Line: 4
$relative = [System.IO.Path]::GetRelativePath($root, $file)
