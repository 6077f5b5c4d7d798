//go:build windows

package store

// SetDACL exposes setDACL to the specs.
var SetDACL = setDACL
