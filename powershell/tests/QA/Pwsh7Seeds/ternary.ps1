# Construct: ternary operator
# Kind: syntax
# Line: 4
$mode = $verbose ? "loud" : "quiet"
