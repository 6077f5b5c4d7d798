# Construct: $PSStyle
# Kind: api
# Line: 4
Write-Host "$($PSStyle.Bold)done$($PSStyle.Reset)"
