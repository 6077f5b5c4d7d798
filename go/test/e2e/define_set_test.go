//go:build linux

package e2e_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
)

// everyField is the definition that sets every schema field, with
// date-like strings wherever a string may go (the PowerShell tests use it too).
var everyField = filepath.Join("..", "..", "..", "powershell", "tests", "fixtures", "every-field.json")

// stored defines the fixture (optionally changed by edit) in a new store and
// returns the store and the bytes orc-exec stored.
func storedFixture(edit func(map[string]any)) (*store, []byte) {
	GinkgoHelper()
	data, err := os.ReadFile(everyField)
	Expect(err).NotTo(HaveOccurred())
	if edit != nil {
		var doc map[string]any
		Expect(json.Unmarshal(data, &doc)).To(Succeed())
		edit(doc)
		data, err = json.Marshal(doc)
		Expect(err).NotTo(HaveOccurred())
	}
	s := newStore()
	file := filepath.Join(GinkgoT().TempDir(), "every-field.json")
	Expect(os.WriteFile(file, data, 0o600)).To(Succeed())
	sess := s.run("define", "--file", file, "--output", "json")
	Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
	return s, s.bytes()
}

func (s *store) bytes() []byte {
	GinkgoHelper()
	b, err := os.ReadFile(filepath.Join(s.home, "tasks", "every-field.json"))
	Expect(err).NotTo(HaveOccurred())
	return b
}

func exported(sess *gexec.Session) string {
	GinkgoHelper()
	Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
	var rep struct{ Schema, Task, File, JSON string }
	Expect(json.Unmarshal(sess.Out.Contents(), &rep)).To(Succeed())
	Expect(rep.Schema).To(Equal("orc.export/v1"))
	return rep.JSON
}

var _ = Describe("define <task> --set", func() {
	DescribeTable("changes only the named field, byte for byte",
		func(set, before, after string) {
			s, old := storedFixture(nil)
			Expect(bytes.Count(old, []byte(before))).To(Equal(1), "the fixture holds %s once", before)
			sess := s.run("define", "every-field", "--set", set, "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			Expect(string(sess.Out.Contents())).To(ContainSubstring(`"changed":true`))
			Expect(string(s.bytes())).To(Equal(strings.Replace(string(old), before, after, 1)))
		},
		Entry("a duration", `timeout="3h"`, `"timeout": "2h"`, `"timeout": "3h"`),
		Entry("a boolean", `enabled=false`, `"enabled": true`, `"enabled": false`),
		Entry("a date-like string", `description="2027-01-01T00:00:00+01:00"`, `"2026-01-01T00:00:00+01:00",
  "enabled"`, `"2027-01-01T00:00:00+01:00",
  "enabled"`),
		Entry("a member in an array element", `dependencies.checks[1].address="db02:5432"`, `db01:5432`, `db02:5432`),
		Entry("a removed member (null)", `schedule.jitter=null`, `
    "jitter": "5m",`, ``),
	)

	It("replaces one schedule kind with another when the old one is removed in the same call", func() {
		s, _ := storedFixture(nil)
		sess := s.run("define", "every-field", "--set", `schedule.cron=null`, "--set", `schedule.timezone=null`,
			"--set", `schedule.interval="15m"`, "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(string(s.bytes())).To(ContainSubstring(`"schedule": {
    "interval": "15m",
    "jitter": "5m",
    "catchUp": true
  }`))
	})

	It("appends to an array with [] and removes an element with null", func() {
		s, _ := storedFixture(nil)
		sess := s.run("define", "every-field", "--set", `dependencies.checks[0]=null`,
			"--set", `dependencies.checks[]={"type":"task","task":"other"}`, "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		var def struct {
			Dependencies struct{ Checks []map[string]any }
		}
		Expect(json.Unmarshal(s.bytes(), &def)).To(Succeed())
		Expect(def.Dependencies.Checks).To(HaveLen(9))
		Expect(def.Dependencies.Checks[0]["type"]).To(Equal("tcp"))
		Expect(def.Dependencies.Checks[8]).To(HaveKeyWithValue("task", "other"))
	})

	It("says nothing changed when the value is the stored one", func() {
		s, old := storedFixture(nil)
		sess := s.run("define", "every-field", "--set", `timeout="2h"`, "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(string(sess.Out.Contents())).To(ContainSubstring(`"changed":false`))
		Expect(s.bytes()).To(Equal(old))
	})

	DescribeTable("refuses bad edits and leaves the stored bytes alone",
		func(code int, stderr string, args ...string) {
			s, old := storedFixture(nil)
			sess := s.run(append([]string{"define", "every-field", "--output", "json"}, args...)...)
			Expect(sess.ExitCode()).To(Equal(code))
			Expect(string(sess.Err.Contents())).To(ContainSubstring(stderr))
			Expect(s.bytes()).To(Equal(old))
		},
		Entry("a value that fails validation names the field", 3, "timeout", "--set", `timeout="soon"`),
		Entry("an unknown field names it", 3, "timeoutt", "--set", `timeoutt="2h"`),
		Entry("a value that is not JSON says to quote strings", 2, "quote strings", "--set", `description=hello`),
		Entry("an index past the end", 3, "past the end", "--set", `dependencies.checks[42].task="x"`),
		Entry("renaming the task", 3, "name", "--set", `name="other"`),
		Entry("--set and --export together", 2, "either", "--set", `timeout="2h"`, "--export"),
	)

	It("reports a missing task with exit code 10", func() {
		s := newStore()
		sess := s.run("define", "nosuch", "--set", `timeout="2h"`)
		Expect(sess.ExitCode()).To(Equal(10))
	})
})

var _ = Describe("define <task> --export", func() {
	DescribeTable("round-trips through define --file byte for byte, for every schedule kind",
		func(schedule map[string]any) {
			s, old := storedFixture(func(doc map[string]any) {
				if schedule != nil {
					doc["schedule"] = schedule
				}
			})
			text := exported(s.run("define", "every-field", "--export", "--output", "json"))
			Expect(text).To(Equal(string(old)))

			file := filepath.Join(GinkgoT().TempDir(), "exported.json")
			Expect(os.WriteFile(file, []byte(text), 0o600)).To(Succeed())
			again := s.run("define", "--file", file, "--output", "json")
			Expect(again.ExitCode()).To(Equal(0), string(again.Err.Contents()))
			Expect(string(again.Out.Contents())).To(ContainSubstring(`"changed":false`))
			Expect(s.bytes()).To(Equal(old))

			// And into a fresh store: the same bytes come out.
			fresh := newStore()
			Expect(fresh.run("define", "--file", file, "--output", "json").ExitCode()).To(Equal(0))
			Expect(fresh.bytes()).To(Equal(old))
		},
		Entry("cron with zone, jitter and catch-up", nil),
		Entry("at startup", map[string]any{"startup": map[string]any{"delay": "30s"}}),
		Entry("at logon", map[string]any{"logon": map[string]any{"user": `CORP\alice`, "delay": "1m"}}),
		Entry("once", map[string]any{"once": "2030-01-01T00:00:00+01:00"}),
		Entry("every interval", map[string]any{"interval": "15m", "jitter": "1m"}),
	)

	It("prints the stored text as it is with --output table", func() {
		s, old := storedFixture(nil)
		sess := s.run("define", "every-field", "--export", "--output", "table")
		Expect(sess.ExitCode()).To(Equal(0))
		Expect(sess.Out.Contents()).To(Equal(old))
	})

	It("exports a definition that no longer validates, so it can be fixed", func() {
		s := newStore()
		s.define("broken", `{"name": "broken", "action": {"command": "x"}, "timeout": "soon"}`)
		text := exported(s.run("define", "broken", "--export", "--output", "json"))
		Expect(text).To(ContainSubstring(`"soon"`))
	})

	It("reports a missing task with exit code 10", func() {
		Expect(newStore().run("define", "nosuch", "--export").ExitCode()).To(Equal(10))
	})

	It("stores the bytes as given with --exact", func() {
		s, _ := storedFixture(nil)
		hand := []byte("{\"name\":\"every-field\",   \"action\": {\"command\": \"/bin/true\"}}\r\n")
		file := filepath.Join(GinkgoT().TempDir(), "hand.json")
		Expect(os.WriteFile(file, hand, 0o600)).To(Succeed())
		sess := s.run("define", "--file", file, "--exact", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(s.bytes()).To(Equal(hand))
	})
})
