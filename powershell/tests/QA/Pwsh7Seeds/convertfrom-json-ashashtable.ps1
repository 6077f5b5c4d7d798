# Construct: ConvertFrom-Json -AsHashtable
# Kind: api
# Line: 4
$data = Get-Content -Raw a.json | ConvertFrom-Json -AsHashtable
