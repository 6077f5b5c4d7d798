# Construct: clean {} block
# Kind: syntax-block
# Line: 6
function Invoke-Thing {
    process { $_ }
    clean { Remove-Item -LiteralPath $temp }
}
