//go:build windows

package doctor

import (
	"errors"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

func diskSpace(path string) (free, total uint64, err error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return 0, 0, err
	}
	var avail, tot, all uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &tot, &all); err != nil {
		return 0, 0, err
	}
	return avail, tot, nil
}

// eventSourceKey is where an Application log source is registered.
const eventSourceKey = `SYSTEM\CurrentControlSet\Services\EventLog\Application\Orchestrator`

func eventSource() (exists, ok bool, err error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, eventSourceKey, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, true, nil
	}
	if err != nil {
		return false, true, err
	}
	k.Close()
	return true, true, nil
}
