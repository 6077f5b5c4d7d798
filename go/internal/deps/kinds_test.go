package deps_test

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("a task check", func() {
	var (
		now     time.Time
		records map[string]result.Record
		env     deps.Env
	)
	BeforeEach(func() {
		now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		records = map[string]result.Record{}
		env = deps.Env{
			Now: func() time.Time { return now },
			LastResult: func(task string) (result.Record, bool, error) {
				r, ok := records[task]
				return r, ok, nil
			},
		}
	})
	check := func(within time.Duration) result.Dependency {
		return checkOne(definition.Check{Type: definition.CheckTask, Task: "db-export", Within: dur(within)}, env)
	}

	Context("when the other task succeeded recently", func() {
		It("is met and says how long ago", func() {
			records["db-export"] = result.Record{Status: result.Success, Start: now.Add(-3 * time.Hour), End: now.Add(-2 * time.Hour)}
			r := check(12 * time.Hour)
			Expect(r.Met).To(BeTrue())
			Expect(r.Name).To(Equal("task db-export"))
			Expect(r.Type).To(Equal("task"))
			Expect(r.Reason).To(Equal("db-export last succeeded 2h ago"))
		})
	})

	Context("when the last success is older than within", func() {
		It("is unmet and says how old it is", func() {
			records["db-export"] = result.Record{Status: result.Success, End: now.Add(-14 * time.Hour)}
			r := check(12 * time.Hour)
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("db-export last succeeded 14h ago, older than 12h"))
		})

		It("is met when no within is set", func() {
			records["db-export"] = result.Record{Status: result.Success, End: now.Add(-50 * time.Hour)}
			r := check(0)
			Expect(r.Met).To(BeTrue())
			Expect(r.Reason).To(Equal("db-export last succeeded 2d2h ago"))
		})
	})

	Context("when the last run failed", func() {
		It("is unmet and names the status and time", func() {
			end := now.Add(-time.Hour)
			records["db-export"] = result.Record{Status: result.Failed, End: end}
			r := check(12 * time.Hour)
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("db-export last run FAILED at " + end.Local().Format("2006-01-02 15:04:05")))
		})
	})

	Context("when the newest record is a start marker", func() {
		It("is unmet because the task is still running", func() {
			records["db-export"] = result.Record{Status: result.Running, Start: now.Add(-time.Minute)}
			r := check(0)
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HavePrefix("db-export is still running"))
		})
	})

	Context("when the other task never ran", func() {
		It("is unmet", func() {
			r := check(12 * time.Hour)
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("db-export never ran"))
		})
	})

	Context("when history cannot be read", func() {
		It("is unmet with the error", func() {
			env.LastResult = func(string) (result.Record, bool, error) {
				return result.Record{}, false, errors.New("history.jsonl: permission denied")
			}
			r := check(0)
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(ContainSubstring("permission denied"))
		})
	})

	Context("when no history is wired in", func() {
		It("is unmet instead of crashing", func() {
			r := checkOne(definition.Check{Type: definition.CheckTask, Task: "db-export"}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(ContainSubstring("history"))
		})
	})
})

var _ = Describe("a tcp check", func() {
	Context("when something listens on the address", func() {
		It("is met and says how fast it accepted", func() {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(l.Close)
			addr := l.Addr().String()

			r := checkOne(definition.Check{Type: definition.CheckTCP, Address: addr}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Name).To(Equal("tcp " + addr))
			Expect(r.Reason).To(MatchRegexp(`^127\.0\.0\.1:\d+ accepted in [\d.]+[µm]?s$`))
		})
	})

	Context("when the port is closed", func() {
		It("is unmet with the refusal", func() {
			addr := closedPort()
			r := checkOne(definition.Check{Type: definition.CheckTCP, Address: addr}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HavePrefix(addr + " not reachable: "))
			Expect(r.Reason).To(ContainSubstring("refused"))
		})
	})

	Context("when the address is IPv6 loopback", func() {
		It("is met", func() {
			l, err := net.Listen("tcp", "[::1]:0")
			if err != nil {
				Skip("no IPv6 loopback here: " + err.Error())
			}
			DeferCleanup(l.Close)
			r := checkOne(definition.Check{Type: definition.CheckTCP, Address: l.Addr().String()}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
		})
	})
})

var _ = Describe("an http check", func() {
	serve := func(status int) *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/moved" {
				http.Redirect(w, r, "/login", http.StatusFound)
				return
			}
			w.WriteHeader(status)
		}))
		DeferCleanup(s.Close)
		return s
	}

	Context("when the server answers 200", func() {
		It("is met", func() {
			s := serve(http.StatusOK)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL + "/health"}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Name).To(Equal("http " + s.URL + "/health"))
			Expect(r.Reason).To(HavePrefix("GET " + s.URL + "/health answered 200 OK in "))
		})
	})

	Context("when the server answers 503", func() {
		It("is unmet by default", func() {
			s := serve(http.StatusServiceUnavailable)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("GET " + s.URL + " answered 503 Service Unavailable, want 2xx"))
		})

		It("is met when 503 is an expected status", func() {
			s := serve(http.StatusServiceUnavailable)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL, ExpectStatus: []int{200, 503}}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
		})
	})

	Context("when 200 is not in the expected statuses", func() {
		It("is unmet and lists what it wanted", func() {
			s := serve(http.StatusOK)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL, ExpectStatus: []int{204, 401}}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HaveSuffix("answered 200 OK, want 204 or 401"))
		})
	})

	Context("when the URL redirects", func() {
		It("does not follow the redirect and is unmet", func() {
			s := serve(http.StatusOK)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL + "/moved"}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(ContainSubstring("302 Found (redirect to /login, not followed), want 2xx"))
		})

		It("is met when the redirect status is expected", func() {
			s := serve(http.StatusOK)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL + "/moved", ExpectStatus: []int{302}}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
		})
	})

	Context("when the server's certificate is not trusted", func() {
		It("is unmet because TLS verification is on", func() {
			s := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
			s.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is the point
			s.StartTLS()
			DeferCleanup(s.Close)
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: s.URL}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(ContainSubstring("certificate"))
		})
	})

	Context("when nothing listens", func() {
		It("is unmet with the refusal", func() {
			r := checkOne(definition.Check{Type: definition.CheckHTTP, URL: "http://" + closedPort() + "/"}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(ContainSubstring("refused"))
		})
	})
})

var _ = Describe("a dns check", func() {
	Context("when the name resolves", func() {
		It("is met and lists addresses", func() {
			r := checkOne(definition.Check{Type: definition.CheckDNS, Host: "localhost"}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Reason).To(MatchRegexp(`^localhost resolved to .*(127\.0\.0\.1|::1)`))
		})
	})

	Context("when the name cannot exist", func() {
		It("is unmet", func() {
			r := checkOne(definition.Check{Type: definition.CheckDNS, Host: "no-such-host.invalid", Timeout: dur(3 * time.Second)}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HavePrefix("no-such-host.invalid d"))
		})
	})
})

var _ = Describe("a path check", func() {
	var dir string
	BeforeEach(func() { dir = testutil.TempDir() })

	Context("when the file exists", func() {
		It("is met", func() {
			p := filepath.Join(dir, "export.csv")
			Expect(os.WriteFile(p, []byte("x"), 0o600)).To(Succeed())
			r := checkOne(definition.Check{Type: definition.CheckPath, Path: p, MaxAge: dur(time.Hour)}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Reason).To(HavePrefix(p + " exists, modified "))
		})
	})

	Context("when the file is missing", func() {
		It("is unmet", func() {
			p := filepath.Join(dir, "missing.csv")
			r := checkOne(definition.Check{Type: definition.CheckPath, Path: p}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal(p + " does not exist"))
		})
	})

	Context("when the file is older than maxAge", func() {
		It("is unmet and says how old it is", func() {
			p := filepath.Join(dir, "old.csv")
			Expect(os.WriteFile(p, []byte("x"), 0o600)).To(Succeed())
			old := time.Now().Add(-3 * time.Hour)
			Expect(os.Chtimes(p, old, old)).To(Succeed())
			r := checkOne(definition.Check{Type: definition.CheckPath, Path: p, MaxAge: dur(time.Hour)}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal(p + " was modified 3h ago, older than 1h"))
		})
	})

	Context("when the path is a directory", func() {
		It("is met", func() {
			r := checkOne(definition.Check{Type: definition.CheckPath, Path: dir}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
		})
	})
})

var _ = Describe("a process check", func() {
	Context("when a process with that image name runs", func() {
		It("is met and gives its pid", func() {
			name := uniqueName("orcdep")
			cmd := startNamed(name)
			c := definition.Check{Type: definition.CheckProcess, Process: name}
			Eventually(func() result.Dependency { return checkOne(c, deps.Env{}) }).
				Should(And(HaveField("Met", BeTrue()), HaveField("Reason", Equal(name+" is running (pid "+strconv.Itoa(cmd.Process.Pid)+")"))))
		})

		It("accepts the name with .exe", func() {
			name := uniqueName("orcdep")
			startNamed(name)
			c := definition.Check{Type: definition.CheckProcess, Process: name + ".EXE"}
			Eventually(func() bool { return checkOne(c, deps.Env{}).Met }).Should(BeTrue())
		})

		It("finds a name longer than the kernel's 15-byte comm", func() {
			name := uniqueName("orc-dependency-check-")
			startNamed(name)
			c := definition.Check{Type: definition.CheckProcess, Process: name}
			Eventually(func() bool { return checkOne(c, deps.Env{}).Met }).Should(BeTrue())
		})
	})

	Context("when no such process runs", func() {
		It("is unmet", func() {
			name := uniqueName("orcdep")
			r := checkOne(definition.Check{Type: definition.CheckProcess, Process: name}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("no process named " + name + " is running"))
		})
	})

	Context("when the process exits", func() {
		It("becomes unmet", func() {
			name := uniqueName("orcdep")
			cmd := startNamed(name)
			c := definition.Check{Type: definition.CheckProcess, Process: name}
			Eventually(func() bool { return checkOne(c, deps.Env{}).Met }).Should(BeTrue())
			Expect(cmd.Process.Kill()).To(Succeed())
			_ = cmd.Wait()
			Expect(checkOne(c, deps.Env{}).Met).To(BeFalse())
		})
	})
})

var _ = Describe("an interface check", func() {
	loopback := func() string {
		ifs, err := net.Interfaces()
		Expect(err).NotTo(HaveOccurred())
		for _, i := range ifs {
			if i.Flags&net.FlagLoopback != 0 && i.Flags&net.FlagUp != 0 {
				return i.Name
			}
		}
		Skip("no loopback interface")
		return ""
	}

	Context("when the interface is up", func() {
		It("is met and lists its addresses", func() {
			name := loopback()
			r := checkOne(definition.Check{Type: definition.CheckInterface, Interface: name}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Reason).To(HavePrefix("interface " + name + " is up"))
			if runtime.GOOS == "linux" {
				Expect(r.Reason).To(ContainSubstring("127.0.0.1/8"))
			}
		})
	})

	Context("when there is no such interface", func() {
		It("is unmet and lists the interfaces there are", func() {
			name := loopback()
			r := checkOne(definition.Check{Type: definition.CheckInterface, Interface: "orc-no-vpn"}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HavePrefix(`no interface named "orc-no-vpn" (found `))
			Expect(r.Reason).To(ContainSubstring(name))
		})
	})
})

var _ = Describe("a service check", func() {
	Context("when the service does not exist or cannot be asked about", func() {
		It("is unmet with a reason", func() {
			name := uniqueName("orc-no-service-")
			r := checkOne(definition.Check{Type: definition.CheckService, Service: name}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Name).To(Equal("service " + name))
			Expect(r.Reason).To(Or(ContainSubstring(name), ContainSubstring("need Windows")))
		})
	})
})

var _ = Describe("a command check", func() {
	// commandName is what a check on cmd and args is called.
	commandName := func(cmd string, args []string) string {
		return "command " + strings.Join(append([]string{cmd}, args...), " ")
	}

	Context("when the command exits 0", func() {
		It("is met", func() {
			cmd, args := exiting(0)
			r := checkOne(definition.Check{Type: definition.CheckCommand, Command: cmd, Arguments: args}, deps.Env{})
			Expect(r.Met).To(BeTrue(), r.Reason)
			Expect(r.Name).To(Equal(commandName(cmd, args)))
			Expect(r.Reason).To(HavePrefix("exited with code 0 in "))
		})
	})

	Context("when the command exits non-zero", func() {
		It("is unmet with the exit code", func() {
			cmd, args := exiting(3)
			r := checkOne(definition.Check{Type: definition.CheckCommand, Command: cmd, Arguments: args}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Name).To(Equal(commandName(cmd, args)))
			Expect(r.Reason).To(Equal("exited with code 3"))
		})
	})

	Context("when the command does not exist", func() {
		It("is unmet because it could not run", func() {
			r := checkOne(definition.Check{Type: definition.CheckCommand, Command: uniqueName("orc-no-such-cmd-")}, deps.Env{})
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(HavePrefix("could not run "))
		})
	})

	Context("when the command outlives its timeout", func() {
		// expectStopped runs c, which starts a sleeper named name, and
		// expects the check to give up at its 300ms timeout and the
		// sleeper to be gone afterwards.
		expectStopped := func(c definition.Check, name string) {
			GinkgoHelper()
			probe := definition.Check{Type: definition.CheckProcess, Process: name}
			done := make(chan result.Dependency, 1)
			start := time.Now()
			go func() { done <- deps.CheckAll(context.Background(), []definition.Check{c}, deps.Env{})[0] }()
			Eventually(func() bool { return checkOne(probe, deps.Env{}).Met }).Should(BeTrue())

			var r result.Dependency
			Eventually(done).Within(1500 * time.Millisecond).Should(Receive(&r))
			Expect(time.Since(start)).To(BeNumerically("<", 1500*time.Millisecond))
			Expect(r.Met).To(BeFalse())
			Expect(r.Reason).To(Equal("no answer within 300ms (stopped)"))
			Eventually(func() bool { return checkOne(probe, deps.Env{}).Met }).Should(BeFalse())
		}

		It("is unmet and the command is killed", func() {
			name := uniqueName("orcdep")
			sleeper, args := sleeperAs(name, 30)
			expectStopped(definition.Check{
				Type: definition.CheckCommand, Command: sleeper, Arguments: args,
				Timeout: dur(300 * time.Millisecond),
			}, name)
		})

		It("kills the command's children too", func() {
			if runtime.GOOS == "windows" {
				Skip("on Windows a check kills only its command; the children go when orc-exec's job object closes (command_windows.go)")
			}
			name := uniqueName("orcdep")
			sleeper, args := sleeperAs(name, 30)
			// A shell that starts a child: the kill must take the child too.
			expectStopped(definition.Check{
				Type: definition.CheckCommand, Command: "sh",
				Arguments: append([]string{"-c", `"$0" "$@"; true`, sleeper}, args...),
				Timeout:   dur(300 * time.Millisecond),
			}, name)
		})
	})

	Context("when a RunCommand is injected", func() {
		It("uses it with the command and arguments", func() {
			var got []string
			env := deps.Env{RunCommand: func(_ context.Context, cmd string, args []string) (int, error) {
				got = append([]string{cmd}, args...)
				return 0, nil
			}}
			r := checkOne(definition.Check{Type: definition.CheckCommand, Command: "ready.exe", Arguments: []string{"--db", "x y"}}, env)
			Expect(r.Met).To(BeTrue())
			Expect(got).To(Equal([]string{"ready.exe", "--db", "x y"}))
		})
	})
})
