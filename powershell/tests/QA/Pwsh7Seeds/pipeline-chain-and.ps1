# Construct: pipeline chain operator (&&)
# Kind: syntax
# Line: 4
git status && Write-Output ok
