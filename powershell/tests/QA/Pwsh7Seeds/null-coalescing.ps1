# Construct: null-coalescing operator (??)
# Kind: syntax
# Line: 4
$name = $env:ORC_NAME ?? "default"
