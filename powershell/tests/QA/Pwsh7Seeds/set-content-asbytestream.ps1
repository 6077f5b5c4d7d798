# Construct: Set-Content -AsByteStream
# Kind: api
# Line: 4
Set-Content -Path a.bin -Value $bytes -AsByteStream
