package main

// Windows has no zoneinfo database; embed Go's so "timezone" works there.
import _ "time/tzdata"
