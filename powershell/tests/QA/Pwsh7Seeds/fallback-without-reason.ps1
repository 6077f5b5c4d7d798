# Construct: 5.1-fallback marker without a reason
# Kind: marker
# Line: 4
$data = ConvertFrom-Json -InputObject $text # 5.1-fallback
