//go:build unix

package secret

func seal(data []byte, _ Scope) ([]byte, error) { return data, nil }

func unseal(blob []byte) ([]byte, error) { return blob, nil }
