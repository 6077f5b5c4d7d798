//go:build windows

package eventlog_test

import (
	"fmt"
	"strings"
	"unsafe"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var (
	advapi32       = windows.NewLazySystemDLL("advapi32.dll")
	procOpenLog    = advapi32.NewProc("OpenEventLogW")
	procReadLog    = advapi32.NewProc("ReadEventLogW")
	procCloseLog   = advapi32.NewProc("CloseEventLog")
	readSequential = uint32(0x0001)
	readBackwards  = uint32(0x0008)
)

// newestEvents reads up to n entries of the Application log, newest first,
// as "ID|string1|string2…" (the ID without its severity bits).
func newestEvents(n int) ([]string, error) {
	name, _ := windows.UTF16PtrFromString("Application")
	h, _, err := procOpenLog.Call(0, uintptr(unsafe.Pointer(name)))
	if h == 0 {
		return nil, fmt.Errorf("OpenEventLogW: %w", err)
	}
	defer procCloseLog.Call(h)
	var out []string
	buf := make([]byte, 64*1024)
	for len(out) < n {
		var read, needed uint32
		ok, _, err := procReadLog.Call(h, uintptr(readSequential|readBackwards), 0,
			uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), uintptr(unsafe.Pointer(&read)), uintptr(unsafe.Pointer(&needed)))
		if ok == 0 {
			if len(out) > 0 {
				return out, nil
			}
			return nil, fmt.Errorf("ReadEventLogW: %w", err)
		}
		for off := uint32(0); off < read; {
			// EVENTLOGRECORD: Length@0, EventID@20, NumStrings@26, StringOffset@36.
			rec := buf[off:]
			length := *(*uint32)(unsafe.Pointer(&rec[0]))
			id := *(*uint32)(unsafe.Pointer(&rec[20])) & 0xFFFF
			num := *(*uint16)(unsafe.Pointer(&rec[26]))
			so := *(*uint32)(unsafe.Pointer(&rec[36]))
			parts := []string{fmt.Sprint(id)}
			p := (*uint16)(unsafe.Pointer(&rec[so]))
			for i := 0; i < int(num); i++ {
				s := windows.UTF16PtrToString(p)
				parts = append(parts, s)
				p = (*uint16)(unsafe.Add(unsafe.Pointer(p), 2*(len(windows.StringToUTF16(s)))))
			}
			out = append(out, strings.Join(parts, "|"))
			off += length
		}
	}
	return out, nil
}

var _ = Describe("the Windows sink", Ordered, func() {
	const source = "OrchestratorSpec"

	AfterAll(func() { _ = eventlog.Remove(source) })

	It("registers the source in the Application log, idempotently", func() {
		Expect(eventlog.Install(source)).To(Succeed())
		Expect(eventlog.Install(source)).To(Succeed())
		Expect(eventlog.Installed(source)).To(BeTrue())
	})

	It("writes an outcome with its insertion strings, and reads it back where the Event Log can be read", func() {
		s, err := eventlog.Open(source)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(s.Close)
		rec := result.Record{Task: "spec-task", RunID: "spec-run-1", Status: result.Timeout, DurationMs: 2000, ExitCode: -1, Reason: "timed out after 2s"}
		Expect(s.Outcome(rec)).To(Succeed())

		events, err := newestEvents(20)
		if err != nil {
			Skip("Wine gap: the event was accepted (ReportEventW succeeded) but Wine's Event Log cannot be read back: " + err.Error())
		}
		if len(events) == 0 {
			Skip("Wine gap: the event was accepted (ReportEventW succeeded) but the Application log reads back empty")
		}
		Expect(events).To(ContainElement("102|Task spec-task: TIMEOUT after 2s, exit code -1: timed out after 2s (run spec-run-1)|spec-task|spec-run-1|TIMEOUT|2000|-1|timed out after 2s"))
	})

	It("removes the source, idempotently", func() {
		Expect(eventlog.Remove(source)).To(Succeed())
		Expect(eventlog.Remove(source)).To(Succeed())
		Expect(eventlog.Installed(source)).To(BeFalse())
	})
})
