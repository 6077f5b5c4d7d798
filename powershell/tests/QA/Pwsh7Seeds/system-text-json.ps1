# Construct: System.Text.Json
# Kind: api
# Line: 4
$doc = [System.Text.Json.JsonDocument]::Parse($text)
