package deps

import (
	"context"
	"errors"

	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// checkService asks the Service Control Manager with the least access that
// answers (connect + query status), so it works for a task that does not
// run as an administrator; mgr.Connect would demand full access.
func checkService(_ context.Context, c definition.Check) outcome {
	name := c.Service
	scm, err := windows.OpenSCManager(nil, nil, windows.SC_MANAGER_CONNECT)
	if err != nil {
		return unmet("cannot open the service manager: %v", err)
	}
	defer windows.CloseServiceHandle(scm)

	namePtr, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return unmet("bad service name %q", name)
	}
	h, err := windows.OpenService(scm, namePtr, windows.SERVICE_QUERY_STATUS)
	if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) {
		return unmet("no service named %s (use the service name, not the display name)", name)
	}
	if err != nil {
		return unmet("cannot open service %s: %v", name, err)
	}
	defer windows.CloseServiceHandle(h)

	var st windows.SERVICE_STATUS
	if err := windows.QueryServiceStatus(h, &st); err != nil {
		return unmet("cannot query service %s: %v", name, err)
	}
	if st.CurrentState != windows.SERVICE_RUNNING {
		return unmet("service %s is %s", name, serviceState(st.CurrentState))
	}
	return met("service %s is running", name)
}

func serviceState(s uint32) string {
	switch s {
	case windows.SERVICE_STOPPED:
		return "stopped"
	case windows.SERVICE_START_PENDING:
		return "starting"
	case windows.SERVICE_STOP_PENDING:
		return "stopping"
	case windows.SERVICE_CONTINUE_PENDING:
		return "resuming"
	case windows.SERVICE_PAUSE_PENDING:
		return "pausing"
	case windows.SERVICE_PAUSED:
		return "paused"
	}
	return "in an unknown state"
}
