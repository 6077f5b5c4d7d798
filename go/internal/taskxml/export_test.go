package taskxml

// XSDuration exposes xsDuration to the specs.
var XSDuration = xsDuration
