# Construct: Unicode escape
# Kind: syntax
# Line: 4
$tick = "`u{2713}"
