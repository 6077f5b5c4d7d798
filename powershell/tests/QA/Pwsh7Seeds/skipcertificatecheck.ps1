# Construct: Invoke-RestMethod -SkipCertificateCheck
# Kind: api
# Line: 4
Invoke-RestMethod -Uri https://localhost/ -SkipCertificateCheck
