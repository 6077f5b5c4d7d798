package runner

import (
	"os"
	"runtime"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// commandEnv is orc-exec's environment without its own secrets, plus the
// definition's, plus variables that tell the command which run it is part
// of. The secrets (notify.SecretEnv) are for orc-exec's notifier: a command
// that inherited them could print them into its output, and output goes
// to runs/, history, the log and the alert mail. A definition that names
// one in action.environment passes it on purpose, and so it is kept.
func commandEnv(t *definition.Task, rec *result.Record) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !isSecretEnv(name) {
			env = append(env, kv)
		}
	}
	for k, v := range t.Action.Environment {
		env = append(env, k+"="+v)
	}
	return append(env,
		"ORC_TASK="+t.Name,
		"ORC_RUN_ID="+rec.RunID,
		"ORC_TRIGGER="+strings.ToLower(string(rec.Trigger)),
	)
}

func isSecretEnv(name string) bool {
	for _, s := range notify.SecretEnv {
		// Windows looks variables up ignoring case, so ORC_smtp_password
		// is the same variable there.
		if name == s || (runtime.GOOS == "windows" && strings.EqualFold(name, s)) {
			return true
		}
	}
	return false
}
