//go:build !race

package cronplan_test

// propertyYears is how long each plan is simulated (1 under -race).
const propertyYears = 2
