//go:build windows

package secret

import (
	"bytes"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The file starts with a tag naming the scope, then the DPAPI blob.
var (
	tagMachine = []byte("ORC-DPAPI-MACHINE\n")
	tagUser    = []byte("ORC-DPAPI-USER\n")
)

// entropy binds blobs to Orchestrator, so a blob cannot be swapped with
// another program's. It is a constant in a public binary, not a secret:
// the file's DACL decides who can read the blob (see the package comment).
var entropy = []byte("Orchestrator notify secret v1")

func seal(data []byte, scope Scope) ([]byte, error) {
	blob, err := Protect(data, scope)
	if err != nil {
		return nil, err
	}
	tag := tagMachine
	if scope == User {
		tag = tagUser
	}
	return append(append([]byte{}, tag...), blob...), nil
}

func unseal(blob []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(blob, tagMachine):
		return Unprotect(blob[len(tagMachine):])
	case bytes.HasPrefix(blob, tagUser):
		return Unprotect(blob[len(tagUser):])
	}
	return nil, errors.New("not an Orchestrator DPAPI secret; fix: set it again with 'orc-exec notify set --password-stdin'")
}

func blobOf(b []byte) *windows.DataBlob {
	if len(b) == 0 {
		return &windows.DataBlob{}
	}
	return &windows.DataBlob{Size: uint32(len(b)), Data: &b[0]}
}

// Protect encrypts data with DPAPI in the given scope.
func Protect(data []byte, scope Scope) ([]byte, error) {
	var flags uint32 = windows.CRYPTPROTECT_UI_FORBIDDEN
	if scope != User {
		flags |= windows.CRYPTPROTECT_LOCAL_MACHINE
	}
	var out windows.DataBlob
	if err := windows.CryptProtectData(blobOf(data), nil, blobOf(entropy), 0, nil, flags, &out); err != nil {
		return nil, fmt.Errorf("CryptProtectData: %w", err)
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(out.Data)))
	return append([]byte{}, unsafe.Slice(out.Data, out.Size)...), nil
}

// Unprotect decrypts a DPAPI blob made by Protect.
func Unprotect(blob []byte) ([]byte, error) {
	var out windows.DataBlob
	if err := windows.CryptUnprotectData(blobOf(blob), nil, blobOf(entropy), 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out); err != nil {
		return nil, fmt.Errorf("CryptUnprotectData: %w", err)
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(out.Data)))
	return append([]byte{}, unsafe.Slice(out.Data, out.Size)...), nil
}
