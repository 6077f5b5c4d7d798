# Construct: Get-Error
# Kind: api
# Line: 4
Get-Error -Newest 1
