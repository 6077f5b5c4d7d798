//go:build unix

package store

// UnixHome exposes the Unix home rule to the specs.
var UnixHome = unixHome
