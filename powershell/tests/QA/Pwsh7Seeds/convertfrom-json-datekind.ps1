# Construct: ConvertFrom-Json -DateKind
# Kind: api
# Line: 4
$data = ConvertFrom-Json -InputObject $text -DateKind String
