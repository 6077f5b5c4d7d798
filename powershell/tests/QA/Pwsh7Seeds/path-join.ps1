# Construct: ::Join (not in .NET Framework
# Kind: api
# Line: 4
$path = [IO.Path]::Join("a", "b")
