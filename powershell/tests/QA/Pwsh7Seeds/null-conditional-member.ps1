# Construct: null-conditional member access (?.)
# Kind: syntax
# Line: 4
$length = ${task}?.Name.Length
