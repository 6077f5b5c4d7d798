package importer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/importer"
)

// The fuzz targets run their seeds (the testdata samples) as ordinary
// tests; `go test -fuzz FuzzCrontab ./go/internal/importer` explores
// further. Whatever the input: no panic, one entry per schedule line at
// most, and every converted definition loads as 'define' loads it.

func seeds(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func checkEntries(t *testing.T, es []importer.Entry) {
	for _, e := range es {
		if e.Status != importer.Converted {
			continue
		}
		if _, err := definition.Parse(e.Name+".json", e.Definition); err != nil {
			t.Fatalf("%s converted to an invalid definition: %v", e.Source, err)
		}
	}
}

func FuzzCrontab(f *testing.F) {
	seeds(f, "user.crontab", "cron.d-backup")
	f.Add([]byte("*/60 */24 1 */12 * a%b\\%c%d\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkEntries(t, importer.Crontab(data, "f", importer.CrontabOptions{}))
		checkEntries(t, importer.Crontab(data, "f", importer.CrontabOptions{System: true}))
	})
}

func FuzzTaskXML(f *testing.F) {
	seeds(f, "weekly-backup.xml", "repeating-poller.xml", "office-hours-sync.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		es := importer.TaskXML(data, "f.xml")
		if len(es) != 1 {
			t.Fatalf("%d entries for one task", len(es))
		}
		checkEntries(t, es)
	})
}

func FuzzList(f *testing.F) {
	seeds(f, "tasks.json", "tasks.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkEntries(t, importer.ListJSON(data, "f.json"))
		checkEntries(t, importer.ListCSV(data, "f.csv"))
	})
}
