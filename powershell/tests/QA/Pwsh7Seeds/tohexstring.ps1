# Construct: ToHexString
# Kind: api
# Line: 4
$hex = [Convert]::ToHexString($bytes)
