# Construct: binary literal
# Kind: syntax
# Line: 4
$mask = 0b1010
