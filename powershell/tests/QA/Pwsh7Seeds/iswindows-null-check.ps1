# Construct: $IsWindows without a 5.1-safe guard
# Kind: api
# Line: 5
Set-StrictMode -Version Latest
if ($IsWindows -or $null -eq $IsWindows) { $root = $env:ProgramData }
