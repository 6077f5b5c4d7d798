// Package output captures a run's output into a file of bounded size: the
// first half of the cap, a marker line saying how much was left out, and the
// last half. Memory stays at half the cap however much the command prints:
// the head goes straight to disk and the tail lives in a ring buffer until
// Close.
package output

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"unicode/utf8"
)

// DefaultCap is the file size Create uses for a cap <= 0.
const DefaultCap = 1 << 20

// File is a capped output file. It is an io.Writer safe for concurrent use,
// so the stdout and stderr copiers can share it.
//
// The file is written in place rather than via temp+rename, so that a live
// run's output can be followed and a killed orc-exec still leaves its head.
type File struct {
	mu    sync.Mutex
	f     *os.File
	path  string
	half  int64
	total int64  // bytes the command wrote
	ring  []byte // last len(ring) bytes of the stream, of everything written
	next  int    // where the next byte goes in ring
	err   error  // first write error; Write hides it (see Write)
	done  bool
}

// Create creates (or truncates) the output file at path, capped at cap bytes
// plus the marker line; cap <= 0 means DefaultCap.
func Create(path string, cap int64) (*File, error) {
	if cap <= 0 {
		cap = DefaultCap
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // output may hold secrets
	if err != nil {
		return nil, fmt.Errorf("create output %s: %w", path, err)
	}
	half := max(cap/2, 1)
	return &File{f: f, path: path, half: half, ring: make([]byte, 0, half)}, nil
}

// Write records p. It always reports success: a copier that stopped on an
// error would stop draining the pipe and block the command on a full pipe.
// The first disk error is returned by Close instead.
func (f *File) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return 0, os.ErrClosed
	}
	if room := f.half - f.total; room > 0 && f.err == nil {
		head := p[:min(int64(len(p)), room)]
		if _, err := f.f.Write(head); err != nil {
			f.err = err
		}
	}
	f.total += int64(len(p))
	f.keep(p)
	return len(p), nil
}

// keep puts p into the ring, which holds the last half bytes written.
func (f *File) keep(p []byte) {
	size := int(f.half)
	if len(p) >= size {
		p = p[len(p)-size:]
	}
	if len(f.ring) < size { // still filling up
		n := min(size-len(f.ring), len(p))
		f.ring = append(f.ring, p[:n]...)
		p = p[n:]
		if len(p) == 0 {
			return
		}
	}
	n := copy(f.ring[f.next:], p)
	copy(f.ring, p[n:])
	f.next = (f.next + len(p)) % size
}

// last returns the last n bytes written (n <= len(ring)), in order.
func (f *File) last(n int) []byte {
	out := make([]byte, 0, n)
	if len(f.ring) < cap(f.ring) { // never wrapped: ring is the stream so far
		return append(out, f.ring[len(f.ring)-n:]...)
	}
	start := (f.next - n + len(f.ring)) % len(f.ring)
	if start < f.next {
		return append(out, f.ring[start:f.next]...)
	}
	out = append(out, f.ring[start:]...)
	return append(out, f.ring[:f.next]...)
}

// Close writes the tail after the head, with a marker line between them if
// bytes were left out, and closes the file. Later Writes fail.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return nil
	}
	f.done = true
	err := f.err
	if rest := f.total - f.half; rest > 0 && err == nil {
		tail := f.last(int(min(rest, f.half)))
		if omitted := rest - int64(len(tail)); omitted > 0 {
			tail = append([]byte(fmt.Sprintf("\n[orc-exec: %d bytes omitted]\n", omitted)), tail...)
		}
		_, err = f.f.Write(tail)
	}
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write output %s: %w", f.path, err)
	}
	return nil
}

// Total returns the number of bytes the command wrote, kept or not.
func (f *File) Total() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.total
}

// Tail returns at most the last n bytes written (and at most cap/2) as valid
// UTF-8 for the result's outputTail: a rune cut at either end is dropped, and
// other invalid bytes become U+FFFD, trimming from the front to stay within n.
func (f *File) Tail(n int) string {
	f.mu.Lock()
	b := f.last(max(min(n, len(f.ring)), 0))
	f.mu.Unlock()
	return validTail(b, n)
}

func validTail(b []byte, n int) string {
	// A rune starting before the window: drop its continuation bytes.
	for i := 0; i < utf8.UTFMax-1 && len(b) > 0 && !utf8.RuneStart(b[0]); i++ {
		b = b[1:]
	}
	// A rune still being written when the window ends.
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				b = b[:i]
			}
			break
		}
	}
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	for len(s) > n {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}
