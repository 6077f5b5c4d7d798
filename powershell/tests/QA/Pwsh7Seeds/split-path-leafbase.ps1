# Construct: Split-Path -LeafBase
# Kind: api
# Line: 4
$base = Split-Path -Path $file -LeafBase
