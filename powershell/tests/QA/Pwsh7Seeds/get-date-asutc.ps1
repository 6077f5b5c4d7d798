# Construct: Get-Date -AsUTC
# Kind: api
# Line: 4
$now = Get-Date -AsUTC
