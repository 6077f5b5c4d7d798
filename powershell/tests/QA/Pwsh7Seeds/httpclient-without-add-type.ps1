# Construct: System.Net.Http without Add-Type
# Kind: api
# Line: 4
$client = [System.Net.Http.HttpClient]::new()
