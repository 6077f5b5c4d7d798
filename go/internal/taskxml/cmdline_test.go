package taskxml_test

import (
	"math/rand/v2"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

// parseArgs splits an argument string (what follows the program name on a
// Windows command line) the way CommandLineToArgvW and the Microsoft C
// runtime do: whitespace is space or tab; 2n backslashes before a quote are
// n backslashes and the quote toggles quoting; 2n+1 are n backslashes and a
// literal quote; inside quotes, "" is a literal quote (the post-2008 rule);
// backslashes elsewhere are literal.
func parseArgs(s string) []string {
	args := []string{}
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return args
		}
		var b strings.Builder
		inQuote := false
		for i < len(s) {
			c := s[i]
			if !inQuote && (c == ' ' || c == '\t') {
				break
			}
			switch c {
			case '\\':
				n := 0
				for i < len(s) && s[i] == '\\' {
					n++
					i++
				}
				if i < len(s) && s[i] == '"' {
					b.WriteString(strings.Repeat(`\`, n/2))
					if n%2 == 1 {
						b.WriteByte('"')
						i++
					}
				} else {
					b.WriteString(strings.Repeat(`\`, n))
				}
				continue
			case '"':
				if inQuote && i+1 < len(s) && s[i+1] == '"' {
					b.WriteByte('"')
					i += 2
					continue
				}
				inQuote = !inQuote
				i++
				continue
			}
			b.WriteByte(c)
			i++
		}
		args = append(args, b.String())
	}
}

var _ = Describe("Windows command-line quoting", func() {
	It("leaves plain arguments alone and quotes the rest", func() {
		Expect(taskxml.QuoteArg("db-export")).To(Equal("db-export"))
		Expect(taskxml.QuoteArg("")).To(Equal(`""`))
		Expect(taskxml.QuoteArg(`C:\Orc Store`)).To(Equal(`"C:\Orc Store"`))
		Expect(taskxml.QuoteArg(`C:\Orc Store\`)).To(Equal(`"C:\Orc Store\\"`))
		Expect(taskxml.QuoteArg(`a"b`)).To(Equal(`"a\"b"`))
		Expect(taskxml.QuoteArg(`a\"b`)).To(Equal(`"a\\\"b"`))
		Expect(taskxml.QuoteArg(`C:\dir\x`)).To(Equal(`C:\dir\x`))
	})

	DescribeTable("a name can never inject an argument, even one the definition would refuse",
		func(name string) {
			for _, gated := range []bool{false, true} {
				args := taskxml.Arguments(name, `C:\Program Data\Orc\`, gated)
				want := []string{"run", name, "--home", `C:\Program Data\Orc\`}
				if gated {
					want = append(want, "--cron-gate")
				}
				Expect(parseArgs(args)).To(Equal(want), "Arguments: %s", args)
			}
		},
		Entry(nil, "db-export"),
		Entry(nil, "a b"),
		Entry(nil, `x" --home "C:\evil`),
		Entry(nil, `x\" --cron-gate`),
		Entry(nil, `x\\" --cron-gate \\`),
		Entry(nil, `trailing\`),
		Entry(nil, "tab\there"),
		Entry(nil, `""`),
		Entry(nil, ""),
		Entry(nil, "--cron-gate"),
	)

	It("round-trips random arguments through the Windows parser", func() {
		r := rand.New(rand.NewPCG(1, 2))
		alphabet := []byte(" \t\"\\ab-%\n")
		for range 5000 {
			args := make([]string, 1+r.IntN(4))
			for i := range args {
				b := make([]byte, r.IntN(8))
				for j := range b {
					b[j] = alphabet[r.IntN(len(alphabet))]
				}
				args[i] = string(b)
			}
			line := taskxml.JoinArgs(args...)
			Expect(parseArgs(line)).To(Equal(args), "line: %q", line)
		}
	})
})
