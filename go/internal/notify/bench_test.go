package notify_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// benchStore is a store with mail pointed at host:port.
func benchStore(b *testing.B, host string, port int, caFile string, tlsMode notify.TLSMode, timeout time.Duration) *store.Store {
	b.Helper()
	dir := b.TempDir()
	s, err := store.Open(filepath.Join(dir, "home"))
	if err != nil {
		b.Fatal(err)
	}
	p := notify.PathsOf(s)
	st := &notify.Settings{
		SMTP: notify.SMTP{Host: host, Port: port, TLS: tlsMode, Auth: notify.AuthPlain, Username: "orc", CAFile: caFile},
		From: "orc@example.com", To: []string{"ops@example.com"}, Timeout: definition.Duration(timeout),
	}
	if err := notify.SaveSettings(p, st); err != nil {
		b.Fatal(err)
	}
	if err := notify.SaveSecrets(p, notify.Secrets{SMTPPassword: password}, secret.Machine); err != nil {
		b.Fatal(err)
	}
	return s
}

func benchTask(n *definition.Notify) *definition.Task {
	return &definition.Task{Name: "bench", Action: definition.Action{Command: "true"}, Overlap: definition.OverlapParallel, Notify: n}
}

// BenchmarkRun is a whole run of /bin/true through the runner: without a
// policy, and with a policy that mails every success to a local server
// (STARTTLS on a self-signed certificate + AUTH PLAIN, and plain SMTP).
// The difference is the wall time a notification adds to a run.
func BenchmarkRun(b *testing.B) {
	if _, err := os.Stat("/bin/true"); err != nil {
		b.Skip("needs /bin/true")
	}
	run := func(b *testing.B, s *store.Store, t *definition.Task) {
		r := runner.New(s, zerolog.Nop(), result.Manual)
		b.ResetTimer()
		for b.Loop() {
			if rec, _ := r.Run(context.Background(), t); rec.Status != result.Success {
				b.Fatalf("run: %s %s", rec.Status, rec.Reason)
			}
		}
	}
	b.Run("no-policy", func(b *testing.B) {
		run(b, benchStore(b, "127.0.0.1", 1, "", notify.TLSNone, time.Second), benchTask(nil))
	})
	b.Run("mail-starttls-auth", func(b *testing.B) {
		srv, err := smtptest.Start(smtptest.Options{TLS: true, Dir: b.TempDir(), Username: "orc", Password: password})
		if err != nil {
			b.Fatal(err)
		}
		defer srv.Close()
		run(b, benchStore(b, srv.Host, srv.Port, srv.CAFile, notify.TLSStartTLS, 5*time.Second), benchTask(&definition.Notify{On: []string{"success"}}))
		if len(srv.Messages()) < b.N {
			b.Fatalf("%d mails for %d runs", len(srv.Messages()), b.N)
		}
	})
	b.Run("mail-plain", func(b *testing.B) {
		srv, err := smtptest.Start(smtptest.Options{Username: "orc", Password: password})
		if err != nil {
			b.Fatal(err)
		}
		defer srv.Close()
		run(b, benchStore(b, srv.Host, srv.Port, "", notify.TLSNone, 5*time.Second), benchTask(&definition.Notify{On: []string{"success"}}))
	})
	b.Run("policy-nothing-due", func(b *testing.B) {
		// A policy on failures only, and the run succeeds: incident lock + state read.
		run(b, benchStore(b, "127.0.0.1", 1, "", notify.TLSNone, time.Second), benchTask(&definition.Notify{}))
	})
}

// BenchmarkStallingServer is the worst case: a server that accepts the
// connection and never answers. Each notification must give up after the
// configured timeout, no later; "overshoot-ms" is how much later it did.
func BenchmarkStallingServer(b *testing.B) {
	for _, timeout := range []time.Duration{250 * time.Millisecond, time.Second} {
		b.Run(timeout.String(), func(b *testing.B) {
			st, err := smtptest.StartStaller()
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			s := benchStore(b, st.Host, st.Port, "", notify.TLSStartTLS, timeout)
			n := notify.New(s, zerolog.Nop())
			t := benchTask(&definition.Notify{On: []string{"success"}})
			var worst time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				n.Handle(context.Background(), t, result.Record{Task: "bench", RunID: "r" + string(rune('a'+i%26)), Status: result.Success, End: time.Now()})
				worst = max(worst, time.Since(start))
			}
			b.ReportMetric(float64((worst-timeout).Microseconds())/1000, "overshoot-ms")
		})
	}
}

// BenchmarkHandle is the notification step alone (what the runner's hook
// adds after the result is recorded), against a local server.
func BenchmarkHandle(b *testing.B) {
	cases := []struct {
		name string
		opts smtptest.Options
		mode notify.TLSMode
		pol  *definition.Notify
	}{
		{"mail-starttls-auth", smtptest.Options{TLS: true, Username: "orc", Password: password}, notify.TLSStartTLS, &definition.Notify{On: []string{"success"}}},
		{"mail-plain-auth", smtptest.Options{Username: "orc", Password: password}, notify.TLSNone, &definition.Notify{On: []string{"success"}}},
		{"nothing-due", smtptest.Options{Username: "orc", Password: password}, notify.TLSNone, &definition.Notify{}},
		{"no-policy", smtptest.Options{Username: "orc", Password: password}, notify.TLSNone, nil},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			c.opts.Dir = b.TempDir()
			srv, err := smtptest.Start(c.opts)
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			n := notify.New(benchStore(b, srv.Host, srv.Port, srv.CAFile, c.mode, 5*time.Second), zerolog.Nop())
			t := benchTask(c.pol)
			rec := result.Record{Task: "bench", RunID: "run", Status: result.Success, Attempts: []result.Attempt{{Number: 1}}, OutputTail: "done\n"}
			b.ResetTimer()
			for b.Loop() {
				rec.End = time.Now()
				n.Handle(context.Background(), t, rec)
			}
		})
	}
}
