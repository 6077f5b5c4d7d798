# Construct: numeric literal suffix 'u'
# Kind: syntax
# Line: 4
$count = 10u
