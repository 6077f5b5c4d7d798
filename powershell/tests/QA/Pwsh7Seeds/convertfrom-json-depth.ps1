# Construct: ConvertFrom-Json -Depth
# Kind: api
# Line: 4
$data = ConvertFrom-Json -InputObject $text -Depth 64
