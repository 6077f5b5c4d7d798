# Construct: Test-Json
# Kind: api
# Line: 4
if (Test-Json -Json $text) { Write-Output valid }
