# Construct: Start-Process -Environment
# Kind: api
# Line: 4
Start-Process -FilePath orc-exec.exe -Environment @{ ORC = 1 } -Wait
