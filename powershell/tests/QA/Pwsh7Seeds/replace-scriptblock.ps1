# Construct: -replace with a script block
# Kind: api
# Line: 4
$upper = $text -replace "[a-z]", { $_.Value.ToUpper() }
