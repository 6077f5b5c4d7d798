package definition_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

func edits(sets ...string) []definition.Edit {
	GinkgoHelper()
	out := make([]definition.Edit, 0, len(sets))
	for _, s := range sets {
		e, err := definition.ParseEdit(s)
		Expect(err).NotTo(HaveOccurred())
		out = append(out, e)
	}
	return out
}

var _ = Describe("ParseEdit", func() {
	DescribeTable("refuses what is not path=json, saying how to write it",
		func(set, want string) {
			_, err := definition.ParseEdit(set)
			Expect(err).To(MatchError(ContainSubstring(want)))
		},
		Entry("no '='", "timeout", "want path=value"),
		Entry("an unquoted string", "description=hello", "quote strings"),
		Entry("an empty member", "schedule..cron=null", "empty member name"),
		Entry("a bad index", `checks[x]=null`, "is not an index"),
		Entry("append before the end", `checks[].task="a"`, "must come last"),
	)
})

var _ = Describe("ApplyEdits", func() {
	const doc = `{"name":"db","description":"2026-01-01T00:00:00+01:00","action":{"command":"x","arguments":["a","b"]},"retry":{"attempts":3,"backoffFactor":1.50}}`

	It("sets, creates, appends and removes members and elements", func() {
		out, err := definition.ApplyEdits([]byte(doc), edits(
			`timeout="2h"`, `schedule.cron="0 3 * * *"`, `action.arguments[0]=null`, `action.arguments[]="c"`, `description=null`))
		Expect(err).NotTo(HaveOccurred())
		Expect(out).To(MatchJSON(`{"name":"db","action":{"command":"x","arguments":["b","c"]},"retry":{"attempts":3,"backoffFactor":1.50},
			"timeout":"2h","schedule":{"cron":"0 3 * * *"}}`))
	})

	It("keeps numbers exact", func() {
		out, err := definition.ApplyEdits([]byte(doc), edits(`timeout="1m"`))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(out)).To(ContainSubstring(`"backoffFactor":1.50`))
	})

	It("says where a path runs into something that is not an object or array", func() {
		_, err := definition.ApplyEdits([]byte(doc), edits(`name.first="x"`))
		Expect(err).To(MatchError(ContainSubstring("not an object")))
		_, err = definition.ApplyEdits([]byte(doc), edits(`action.arguments[5]="x"`))
		Expect(err).To(MatchError(ContainSubstring("past the end")))
	})

	It("carries any string through byte for byte (1,000 random strings, seeded)", func() {
		r := rand.New(rand.NewPCG(8, 2))
		alphabet := []rune("0123456789-:+TZ./\\ \"'<>&\u00e9\u2713\U0001F600\t\n")
		for range 1000 {
			var b strings.Builder
			for range r.IntN(40) {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			want := b.String()
			value, err := json.Marshal(want)
			Expect(err).NotTo(HaveOccurred())
			out, err := definition.ApplyEdits([]byte(doc), edits("description="+string(value)))
			Expect(err).NotTo(HaveOccurred())
			var got struct{ Description string }
			Expect(json.Unmarshal(out, &got)).To(Succeed())
			Expect(got.Description).To(Equal(want))
		}
	})
})
