# Construct: $IsWindows without a 5.1-safe guard
# Kind: api
# Line: 4
if ($IsWindows) { $root = $env:ProgramData }
