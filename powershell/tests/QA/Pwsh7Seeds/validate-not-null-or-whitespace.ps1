# Construct: [ValidateNotNullOrWhiteSpace] attribute
# Kind: syntax
# Line: 4
function f { param([ValidateNotNullOrWhiteSpace()] [string] $Name) $Name }
