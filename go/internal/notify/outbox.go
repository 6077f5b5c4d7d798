package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/uuid"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// OutboxSchema versions an outbox item.
const OutboxSchema = "orc.outbox/v1"

// Kinds of outbox items.
const (
	KindMail    = "mail"
	KindWebhook = "webhook"
)

// Item is one undelivered notification in state/outbox/. A mail keeps its
// composed bytes; a webhook keeps its JSON body, never the URL (a secret,
// read again at delivery).
type Item struct {
	Schema      string    `json:"schema"`
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Task        string    `json:"task,omitempty"`
	RunID       string    `json:"runId,omitempty"`
	Event       Event     `json:"event,omitempty"`
	Created     time.Time `json:"created"`
	Attempts    int       `json:"attempts"` // deliveries tried, the first included
	LastAttempt time.Time `json:"lastAttempt"`
	LastError   string    `json:"lastError,omitempty"`
	Mail        *Mail     `json:"mail,omitempty"`
	Body        []byte    `json:"body,omitempty"` // webhook JSON
}

// FlushResult counts what a flush did.
type FlushResult struct {
	Delivered int  `json:"delivered"`
	Failed    int  `json:"failed"`         // tried and kept for later
	Dropped   int  `json:"dropped"`        // out of attempts or expired
	Pending   int  `json:"pending"`        // left in the outbox
	Busy      bool `json:"busy,omitempty"` // another orc-exec was flushing
}

func (i *Item) file(p Paths) string {
	return filepath.Join(p.Outbox, fmt.Sprintf("%s-%s.json", i.Created.UTC().Format("20060102T150405.000000000"), i.ID))
}

// Spool writes a new item to the outbox, atomically.
func Spool(p Paths, it Item) (Item, error) {
	it.Schema = OutboxSchema
	if it.ID == "" {
		it.ID = uuid.NewString()
	}
	if it.Created.IsZero() {
		it.Created = time.Now().UTC()
	}
	// A mail keeps the output it attaches: on Windows the state folder
	// lets Users read, the outbox must not.
	if _, err := os.Stat(p.Outbox); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(p.Outbox, 0o700); err != nil {
			return it, err
		}
		if err := store.ProtectOutputDir(p.Outbox); err != nil {
			return it, err
		}
	}
	return it, writeJSONAtomic(it.file(p), it)
}

// OutboxItems lists the outbox, oldest first. Unreadable files are
// skipped. An item someone else could have written (a mail sent with the
// stored credentials to anyone) stops the listing with an error wrapping
// store.ErrInsecure.
func OutboxItems(p Paths) ([]Item, error) {
	entries, err := os.ReadDir(p.Outbox)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var items []Item
	for _, n := range names {
		data, err := store.ReadTrusted(p.Home, filepath.Join(p.Outbox, n), maxItemSize)
		if errors.Is(err, store.ErrInsecure) {
			return nil, err
		}
		if err != nil {
			continue
		}
		var it Item
		if json.Unmarshal(data, &it) == nil && it.ID != "" {
			items = append(items, it)
		}
	}
	return items, nil
}

// outboxEmpty is the run path's cheap check: one ReadDir.
func outboxEmpty(p Paths) bool {
	d, err := os.Open(p.Outbox)
	if err != nil {
		return true
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	for _, n := range names {
		if strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") {
			return false
		}
	}
	return true
}

// deliverFunc sends one item; the notifier supplies it.
type deliverFunc func(ctx context.Context, it *Item) error

// flush tries every item once, oldest first, until ctx is done. Items out
// of attempts or older than the expiry are dropped (and logged by the
// caller through drop). After a failure of one kind (mail or webhook) the
// other items of that kind wait for the next flush: the server is down.
// down starts with the kinds that already failed in this invocation.
// Only one orc-exec flushes at a time; the others leave it to that one.
func flush(ctx context.Context, p Paths, s *Settings, now func() time.Time, down map[string]bool, deliver deliverFunc, drop func(it Item, why string)) (FlushResult, error) {
	var res FlushResult
	if err := os.MkdirAll(p.Outbox, 0o700); err != nil {
		return res, err
	}
	lk := flock.New(filepath.Join(filepath.Dir(p.Outbox), "outbox.lock"))
	ok, err := lk.TryLock()
	if err != nil {
		return res, err
	}
	if !ok {
		res.Busy = true
		return res, nil
	}
	defer func() { _ = lk.Unlock() }()
	items, err := OutboxItems(p)
	if err != nil {
		return res, err
	}
	if down == nil {
		down = map[string]bool{}
	}
	for i := range items {
		it := &items[i]
		path := it.file(p)
		if now().Sub(it.Created) > s.expiry() || it.Attempts >= s.maxAttempts() {
			why := fmt.Sprintf("expired after %s", s.expiry())
			if it.Attempts >= s.maxAttempts() {
				why = fmt.Sprintf("gave up after %d attempts", it.Attempts)
			}
			drop(*it, why)
			_ = os.Remove(path)
			res.Dropped++
			continue
		}
		if ctx.Err() != nil || down[it.Kind] {
			res.Pending++
			continue
		}
		it.Attempts++
		it.LastAttempt = now().UTC()
		if err := deliver(ctx, it); err != nil {
			down[it.Kind] = true
			it.LastError = err.Error()
			_ = writeJSONAtomic(path, it)
			res.Failed++
			res.Pending++
			continue
		}
		_ = os.Remove(path)
		res.Delivered++
	}
	return res, nil
}
