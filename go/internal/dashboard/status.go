package dashboard

import (
	"runtime"

	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

func backendName() string {
	if runtime.GOOS == "windows" {
		return "TaskScheduler"
	}
	return "Cron"
}

// storeSecurity is the check orc-exec makes before it trusts the store:
// nobody but its owner and the administrators may change it.
func storeSecurity(home string) (bool, string) {
	if err := store.CheckSecure(home); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// outboxItems are the notifications waiting to be delivered (the backlog);
// an insecure outbox counts as empty here and shows in the store check.
func outboxItems(s *store.Store) []notify.Item {
	items, err := notify.OutboxItems(notify.PathsOf(s))
	if err != nil {
		return nil
	}
	return items
}

func outboxBacklog(s *store.Store) int { return len(outboxItems(s)) }
