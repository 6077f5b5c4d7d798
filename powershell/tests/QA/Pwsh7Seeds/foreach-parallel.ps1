# Construct: ForEach-Object -Parallel
# Kind: api
# Line: 4
1..4 | ForEach-Object -Parallel { $_ * 2 }
