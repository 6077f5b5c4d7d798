//go:build windows

package proc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// killCode is the exit code TerminateJobObject gives the tree; Run reports it
// as -1 ("killed, no code of its own").
const killCode = 0x4F524301

var procNtResumeProcess = windows.NewLazySystemDLL("ntdll.dll").NewProc("NtResumeProcess")

// command builds the exec.Cmd. The child is born suspended so that attach can
// put it into its job before it runs a single instruction: every process it
// ever creates is then born inside the job, with no window for escape.
func command(s Spec) (*exec.Cmd, error) {
	attr := &syscall.SysProcAttr{
		CreationFlags: windows.CREATE_SUSPENDED | windows.CREATE_NEW_PROCESS_GROUP,
	}
	if !s.Shell {
		// os/exec quotes each argument with syscall.EscapeArg, the
		// CommandLineToArgvW convention.
		cmd := exec.Command(s.Command, s.Args...)
		if cmd.Err != nil {
			return nil, cmd.Err
		}
		cmd.SysProcAttr = attr
		return cmd, nil
	}
	comspec := os.Getenv("ComSpec")
	if comspec == "" {
		dir, err := windows.GetSystemDirectory()
		if err != nil {
			return nil, fmt.Errorf("find cmd.exe: %w", err)
		}
		comspec = filepath.Join(dir, "cmd.exe")
	}
	line := s.Command
	for _, a := range s.Args {
		line += " " + cmdQuote(a)
	}
	// /s: cmd.exe strips exactly the outer quotes and runs the rest as typed;
	// /d: no AutoRun commands from the registry.
	attr.CmdLine = `cmd.exe /d /s /c "` + line + `"`
	cmd := exec.Command(comspec)
	cmd.SysProcAttr = attr
	return cmd, nil
}

// cmdQuote quotes a for CommandLineToArgvW (EscapeArg) and then puts a
// caret before every character cmd.exe acts on. Quoting alone is not enough:
// cmd.exe toggles its "inside quotes" state at every quote, escaped for
// CommandLineToArgvW or not, so `say "&" now` put a bare & on the line and
// ran " now" as a second command; and wrapping an argument EscapeArg left
// bare in quotes turned a trailing backslash into an escaped quote. With
// ^" cmd.exe never enters quotes and drops only the carets. % stays as it
// is: cmd.exe expands %VAR% on its command line whatever comes before it.
func cmdQuote(a string) string {
	var b strings.Builder
	for _, r := range syscall.EscapeArg(a) {
		if strings.ContainsRune(`"&|<>()^`, r) {
			b.WriteByte('^')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tree is the child's Job Object plus a handle to the child itself.
type tree struct {
	job     windows.Handle
	process windows.Handle
}

// attach creates the job, puts the suspended child in it and resumes it.
// The child's PID cannot be reused before Run's cmd.Wait, because os/exec
// holds a handle to it, so opening it by PID is safe.
func attach(cmd *exec.Cmd) (*tree, error) {
	pid := uint32(cmd.Process.Pid)
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE|
		windows.PROCESS_SUSPEND_RESUME|windows.SYNCHRONIZE|windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return nil, fmt.Errorf("open process %d: %w", pid, err)
	}
	// The job handle is not inheritable and lives only in orc-exec: if
	// orc-exec dies (Task Scheduler's "stop the task"), the handle closes
	// and KILL_ON_JOB_CLOSE takes the whole tree with it.
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		windows.CloseHandle(h)
		return nil, fmt.Errorf("create job object: %w", err)
	}
	t := &tree{job: job, process: h}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{}
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		t.close()
		return nil, fmt.Errorf("configure job object: %w", err)
	}
	if err := windows.AssignProcessToJobObject(job, h); err != nil {
		t.close()
		return nil, fmt.Errorf("assign process %d to job: %w", pid, err)
	}
	if err := procNtResumeProcess.Find(); err != nil {
		t.close()
		return nil, fmt.Errorf("resume process %d: %w", pid, err)
	}
	if st, _, _ := procNtResumeProcess.Call(uintptr(h)); st != 0 {
		t.close()
		return nil, fmt.Errorf("resume process %d: %w", pid, windows.NTStatus(st))
	}
	return t, nil
}

func (t *tree) waitExit() error {
	ev, err := windows.WaitForSingleObject(t.process, windows.INFINITE)
	if err != nil {
		return fmt.Errorf("wait for process: %w", err)
	}
	if ev != windows.WAIT_OBJECT_0 {
		return fmt.Errorf("wait for process: unexpected result %#x", ev)
	}
	return nil
}

// terminate reports false: Windows has no polite stop for an arbitrary
// console-less tree, so stopTree goes straight to kill.
func (t *tree) terminate() bool { return false }

func (t *tree) kill() error {
	if err := windows.TerminateJobObject(t.job, killCode); err != nil {
		return fmt.Errorf("terminate job: %w", err)
	}
	return nil
}

func (t *tree) close() {
	windows.CloseHandle(t.job)
	windows.CloseHandle(t.process)
}

// inherit does nothing: the job object, not a shared lock, keeps a tree from
// outliving orc-exec on Windows.
func inherit(*exec.Cmd, []*os.File) {}

// killEscaped has nothing to do: no process leaves a job object.
func (t *tree) killEscaped(string) (int, bool) { return 0, false }

// KillTagged has nothing to do on Windows: see killEscaped.
func KillTagged(string) (int, error) { return 0, nil }

func signalName(*os.ProcessState) string { return "" }

func exitCode(ps *os.ProcessState, killed bool) int {
	code := ps.ExitCode()
	if killed && uint32(code) == killCode {
		return -1
	}
	return code
}
