# Construct: null-coalescing assignment (??=)
# Kind: syntax
# Line: 4
$settings.Retries ??= 3
