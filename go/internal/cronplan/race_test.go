//go:build race

package cronplan_test

// Under -race every memory access costs ~10x: the property spec simulates
// one year instead of two to stay within CI's budget.
const propertyYears = 1
