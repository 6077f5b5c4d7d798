package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// renderLine is the part of an orc.render/v1 line these specs read.
type renderLine struct {
	Task, File, XML, Stored, Error, DefinitionHash string
	Compared, Extra                                bool
	Drift                                          []string
}

func renderLines(out string) map[string]renderLine {
	got := map[string]renderLine{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var r renderLine
		Expect(json.Unmarshal([]byte(l), &r)).To(Succeed(), l)
		got[r.Task] = r
	}
	return got
}

// writeDefs writes each name's definition (a command and a cron schedule)
// into dir as <name>.json.
func writeDefs(dir string, defs map[string]string) {
	Expect(os.MkdirAll(dir, 0o700)).To(Succeed())
	for name, cron := range defs {
		def := `{"name":"` + name + `","action":{"command":"/bin/true"},"schedule":{"cron":"` + cron + `"}}`
		Expect(os.WriteFile(filepath.Join(dir, name+".json"), []byte(def), 0o600)).To(Succeed())
	}
}

var _ = Describe("the batch modes Sync-OrcTask runs", func() {
	var o *orc
	var dir string
	BeforeEach(func() {
		o = newOrc()
		dir = filepath.Join(o.dir, "desired")
	})

	Describe("define --files", func() {
		It("stores every listed file in one call and says which changed", func() {
			writeDefs(dir, map[string]string{"a": "0 1 * * *", "b": "0 2 * * *"})
			list := filepath.Join(dir, "a.json") + "\n" + filepath.Join(dir, "b.json") + "\n"
			inv := o.main(context.Background(), list, "define", "--files", "-")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(strings.Count(inv.stdout, `"changed":true`)).To(Equal(2), inv.stdout)

			again := o.main(context.Background(), list, "define", "--files", "-")
			Expect(again.code).To(Equal(0), again.stderr)
			Expect(strings.Count(again.stdout, `"changed":false`)).To(Equal(2), again.stdout)
		})

		Context("when one file is invalid", func() {
			It("stores the others, reports the bad one by file and exits 3", func() {
				writeDefs(dir, map[string]string{"good": "0 1 * * *"})
				bad := filepath.Join(dir, "bad.json")
				Expect(os.WriteFile(bad, []byte(`{"name":"bad","action":{}}`), 0o600)).To(Succeed())
				inv := o.main(context.Background(), bad+"\n"+filepath.Join(dir, "good.json")+"\n", "define", "--files", "-")
				Expect(inv.code).To(Equal(3))
				Expect(inv.stdout).To(ContainSubstring(`"schema":"orc.validate/v1"`))
				Expect(inv.stdout).To(ContainSubstring(`"task":"good"`))
				Expect(filepath.Join(o.home, "tasks", "good.json")).To(BeAnExistingFile())
				Expect(filepath.Join(o.home, "tasks", "bad.json")).NotTo(BeAnExistingFile())
			})
		})
	})

	Describe("render --dir", func() {
		It("compares each file with the store and lists stored tasks the folder lacks, writing nothing", func() {
			writeDefs(dir, map[string]string{"same": "0 1 * * *", "changed": "0 2 * * *", "new": "0 3 * * *"})
			stored := filepath.Join(o.dir, "stored")
			writeDefs(stored, map[string]string{"same": "0 1 * * *", "changed": "0 9 * * *", "gone": "0 4 * * *"})
			for _, n := range []string{"same", "changed", "gone"} {
				inv := o.run("define", "--file", filepath.Join(stored, n+".json"))
				Expect(inv.code).To(Equal(0), inv.stderr)
			}
			before, err := os.ReadDir(filepath.Join(o.home, "tasks"))
			Expect(err).NotTo(HaveOccurred())

			inv := o.run("render", "--dir", dir, "--exec-path", "/opt/orc-exec", "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			got := renderLines(inv.stdout)
			Expect(got).To(HaveLen(4))
			Expect(got["same"].Stored).To(Equal("same"))
			Expect(got["changed"].Stored).To(Equal("different"))
			Expect(got["new"].Stored).To(Equal("missing"))
			Expect(got["gone"].Extra).To(BeTrue())
			Expect(got["new"].XML).To(ContainSubstring("/opt/orc-exec"))
			Expect(got["new"].DefinitionHash).NotTo(BeEmpty())
			Expect(got["new"].File).To(Equal(filepath.Join(dir, "new.json")))

			after, err := os.ReadDir(filepath.Join(o.home, "tasks"))
			Expect(err).NotTo(HaveOccurred())
			Expect(after).To(HaveLen(len(before)))
		})

		It("names the parts a registration differs in, as render --all does", func() {
			writeDefs(dir, map[string]string{"a": "0 1 * * *"})
			first := renderLines(o.run("render", "--dir", dir, "--exec-path", "/opt/orc-exec", "--output", "json").stdout)
			// The registration runs at another hour: a hand edit of the trigger.
			edited := strings.Replace(first["a"].XML, "T01:00:00", "T05:00:00", 1)
			Expect(edited).NotTo(Equal(first["a"].XML))
			lines := ""
			for _, x := range []string{first["a"].XML, edited} {
				b, err := json.Marshal(map[string]string{"task": "a", "xml": x})
				Expect(err).NotTo(HaveOccurred())
				lines = string(b)
				inv := o.main(context.Background(), lines, "render", "--dir", dir, "--registered", "-", "--exec-path", "/opt/orc-exec", "--output", "json")
				Expect(inv.code).To(Equal(0), inv.stderr)
				r := renderLines(inv.stdout)["a"]
				Expect(r.Compared).To(BeTrue())
				if x == edited {
					Expect(r.Drift).To(ContainElement("Triggers"))
				} else {
					Expect(r.Drift).To(BeEmpty())
				}
			}
		})

		It("reports an invalid file as a record and renders the rest", func() {
			writeDefs(dir, map[string]string{"ok": "0 1 * * *"})
			Expect(os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"name":"other"}`), 0o600)).To(Succeed())
			inv := o.run("render", "--dir", dir, "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			got := renderLines(inv.stdout)
			Expect(got["broken"].Error).NotTo(BeEmpty())
			Expect(got["ok"].XML).NotTo(BeEmpty())
		})

		It("leaves the XML out with --no-xml and still compares with the store", func() {
			writeDefs(dir, map[string]string{"one": "0 1 * * *"})
			got := renderLines(o.run("render", "--dir", dir, "--no-xml", "--output", "json").stdout)
			Expect(got["one"].XML).To(BeEmpty())
			Expect(got["one"].Stored).To(Equal("missing"))
			Expect(got["one"].DefinitionHash).NotTo(BeEmpty())
		})

		It("reads a single file as well as a folder", func() {
			writeDefs(dir, map[string]string{"one": "0 1 * * *", "two": "0 2 * * *"})
			got := renderLines(o.run("render", "--dir", filepath.Join(dir, "one.json"), "--output", "json").stdout)
			Expect(got).To(HaveKey("one"))
			Expect(got).NotTo(HaveKey("two"))
		})
	})
})

var _ = Describe("render --registered", func() {
	It("reads the registrations as NDJSON lines or as one JSON array, with the same verdicts", func() {
		o := newOrc()
		dir := filepath.Join(o.dir, "desired")
		writeDefs(dir, map[string]string{"a": "0 1 * * *", "b": "0 2 * * *"})
		first := renderLines(o.run("render", "--dir", dir, "--exec-path", "/opt/orc-exec", "--output", "json").stdout)
		edited := strings.Replace(first["b"].XML, "T02:00:00", "T07:00:00", 1)
		recs := []map[string]string{{"task": "a", "xml": first["a"].XML}, {"task": "b", "xml": edited}}
		var ndjson strings.Builder
		for _, r := range recs {
			b, err := json.Marshal(r)
			Expect(err).NotTo(HaveOccurred())
			ndjson.Write(b)
			ndjson.WriteString("\n")
		}
		array, err := json.MarshalIndent(recs, "", "  ")
		Expect(err).NotTo(HaveOccurred())
		for _, input := range []string{ndjson.String(), string(array), "\ufeff \r\n" + string(array)} {
			inv := o.main(context.Background(), input, "render", "--dir", dir, "--registered", "-", "--exec-path", "/opt/orc-exec", "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			got := renderLines(inv.stdout)
			Expect(got["a"].Compared).To(BeTrue())
			Expect(got["a"].Drift).To(BeEmpty())
			Expect(got["b"].Drift).To(ConsistOf("Triggers"))
		}
	})

	It("refuses an array item without a task, naming the item", func() {
		o := newOrc()
		writeDefs(filepath.Join(o.dir, "d"), map[string]string{"a": "0 1 * * *"})
		inv := o.main(context.Background(), `[{"xml":"<Task/>"}]`, "render", "--dir", filepath.Join(o.dir, "d"), "--registered", "-", "--output", "json")
		Expect(inv.code).To(Equal(2))
		Expect(inv.stderr).To(ContainSubstring("item 1"))
	})
})
