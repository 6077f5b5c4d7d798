# Construct: Join-Path -AdditionalChildPath
# Kind: api
# Line: 4
$path = Join-Path -Path a -ChildPath b -AdditionalChildPath c
