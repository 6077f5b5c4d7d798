# Construct: ProcessId
# Kind: api
# Line: 4
$id = [Environment]::ProcessId
