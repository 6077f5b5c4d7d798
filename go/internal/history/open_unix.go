//go:build !windows

package history

import "os"

func openRead(path string) (*os.File, error) { return os.Open(path) }
