package output_test

import (
	"encoding/base64"
	"math/rand/v2"
	"os"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// printerEnv set to 1 makes the test binary print the base64 of 10 MB of
// random bytes and exit, so the pipe spec needs no shell: it runs the same
// on Windows (the Windows lane under Wine) as on Linux.
const printerEnv = "ORC_OUTPUT_SPEC_PRINTER"

func TestMain(m *testing.M) {
	if os.Getenv(printerEnv) == "1" {
		os.Exit(printMain())
	}
	os.Exit(m.Run())
}

func printMain() int {
	r := rand.New(rand.NewPCG(3, 4))
	enc := base64.NewEncoder(base64.StdEncoding, os.Stdout)
	chunk := make([]byte, 64<<10)
	for left := 10_000_000; left > 0; left -= len(chunk) {
		if left < len(chunk) {
			chunk = chunk[:left]
		}
		for i := range chunk {
			chunk[i] = byte(r.UintN(256))
		}
		if _, err := enc.Write(chunk); err != nil {
			return 1
		}
	}
	if err := enc.Close(); err != nil {
		return 1
	}
	return 0
}

func TestOutput(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Output Suite")
}
