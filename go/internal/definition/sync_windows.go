//go:build windows

package definition

// syncDir is a no-op on Windows: NTFS journals the rename itself, and a
// directory cannot be opened for FlushFileBuffers without backup semantics.
func syncDir(string) {}
