package taskxml_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

func parsed(json string) *definition.Task {
	GinkgoHelper()
	t, err := definition.Parse("", []byte(json))
	Expect(err).NotTo(HaveOccurred())
	return t
}

var _ = Describe("DefinitionHash", func() {
	base := `{"name": "h", "action": {"command": "C:\\x.exe", "environment": {"B": "2", "A": "1"}}, "timeout": "1h"}`

	It("is a hex SHA-256 that ignores formatting, $schema, defaults and key order", func() {
		h := taskxml.DefinitionHash(parsed(base))
		Expect(h).To(MatchRegexp(`^[0-9a-f]{64}$`))
		same := `{
		  "$schema": "https://orchestrator.dev/schema/task.v1.json",
		  "timeout": "60m", "enabled": true, "overlap": "skip", "outputCap": "1MiB",
		  "action": {"environment": {"A": "1", "B": "2"}, "command": "C:\\x.exe"},
		  "name": "h"
		}`
		Expect(taskxml.DefinitionHash(parsed(same))).To(Equal(h))
	})

	It("changes with anything that changes the run", func() {
		h := taskxml.DefinitionHash(parsed(base))
		for _, other := range []string{
			`{"name": "h", "action": {"command": "C:\\y.exe", "environment": {"B": "2", "A": "1"}}, "timeout": "1h"}`,
			`{"name": "h", "action": {"command": "C:\\x.exe", "environment": {"B": "3", "A": "1"}}, "timeout": "1h"}`,
			`{"name": "h", "action": {"command": "C:\\x.exe", "environment": {"B": "2", "A": "1"}}, "timeout": "2h"}`,
		} {
			Expect(taskxml.DefinitionHash(parsed(other))).NotTo(Equal(h), other)
		}
	})

	It("ignores enabled: disabling toggles the registration, it is not drift", func() {
		h := taskxml.DefinitionHash(parsed(base))
		off := `{"name": "h", "enabled": false, "action": {"command": "C:\\x.exe", "environment": {"B": "2", "A": "1"}}, "timeout": "1h"}`
		Expect(taskxml.DefinitionHash(parsed(off))).To(Equal(h))
	})

	It("does not modify the task it hashes", func() {
		t := &definition.Task{Name: "raw", Action: definition.Action{Command: "x"}}
		_ = taskxml.DefinitionHash(t)
		Expect(t.Overlap).To(BeEmpty())
		Expect(t.OutputCap).To(BeZero())
	})

	It("round-trips through the Documentation text", func() {
		h := taskxml.DefinitionHash(parsed(base))
		got, v, ok := taskxml.ParseDocumentation(taskxml.Documentation(h))
		Expect(ok).To(BeTrue())
		Expect(got).To(Equal(h))
		Expect(v).To(Equal(taskxml.RenderVersion))
		_, _, ok = taskxml.ParseDocumentation("edited by hand")
		Expect(ok).To(BeFalse())
	})
})
