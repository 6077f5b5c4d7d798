# Construct: -Encoding utf8NoBOM
# Kind: api
# Line: 4
Set-Content -Path a.txt -Value $text -Encoding utf8NoBOM
