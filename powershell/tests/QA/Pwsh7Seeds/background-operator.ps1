# Construct: background operator
# Kind: syntax
# Line: 4
Get-ChildItem -Recurse &
