# Construct: Join-Path with 3 positional paths
# Kind: api
# Line: 4
$path = Join-Path $env:ProgramData "Orchestrator" "history"
