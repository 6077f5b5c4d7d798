# Construct: Get-Content -AsByteStream
# Kind: api
# Line: 4
$bytes = Get-Content -Path a.bin -AsByteStream
