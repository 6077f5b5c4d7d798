package taskxml

import "strings"

// QuoteArg quotes one argument so that Windows' standard command-line parser
// (CommandLineToArgvW, and the Microsoft C runtime Go's os.Args uses) reads
// it back as exactly s: an argument with no space, tab, newline, vertical
// tab or double quote is left alone; otherwise it is wrapped in quotes, a
// quote becomes \" and the backslashes before a quote or before the closing
// quote are doubled. (Backslashes elsewhere are literal in these rules.)
//
// Task Scheduler also expands %VARIABLE% references in Arguments, which no
// quoting prevents: Render refuses '%' in the values it quotes.
func QuoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n\v\"") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			slashes++
		case '"':
			// n backslashes before a quote: 2n+1 backslashes, then the quote.
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(c)
	}
	// Trailing backslashes would escape the closing quote: double them.
	b.WriteString(strings.Repeat(`\`, slashes))
	b.WriteByte('"')
	return b.String()
}

// JoinArgs quotes each argument with QuoteArg and joins them with spaces.
func JoinArgs(args ...string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = QuoteArg(a)
	}
	return strings.Join(q, " ")
}
