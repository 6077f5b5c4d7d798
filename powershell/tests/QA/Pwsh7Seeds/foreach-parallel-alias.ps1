# Construct: ForEach-Object -Parallel
# Kind: api
# Line: 4
1..4 | % -Parallel { $_ * 2 } -ThrottleLimit 2
