# Construct: -Encoding utf8NoBOM
# Kind: api
# Line: 4
Out-File -FilePath a.txt -InputObject $text -Encoding:'utf8NoBOM'
