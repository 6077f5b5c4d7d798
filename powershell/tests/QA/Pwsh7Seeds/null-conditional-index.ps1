# Construct: null-conditional index (?[])
# Kind: syntax
# Line: 4
$first = ${items}?[0]
