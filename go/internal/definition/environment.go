package definition

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// validateEnvironment checks the names and values of action.environment
// as the operating system takes them: a name with '=' or NUL, or an empty
// one, would be cut or refused when the command starts.
func validateEnvironment(c *errs, env map[string]string) {
	// Sorted: document order is lost in a map, and messages stay stable.
	for _, k := range slices.Sorted(maps.Keys(env)) {
		v := env[k]
		switch {
		case k == "":
			c.add("action.environment", "a variable name is empty", "remove the \"\" member, or give it a name such as \"EXPORT_LEVEL\"")
		case strings.ContainsRune(k, '='):
			c.add("action.environment", fmt.Sprintf("the variable name %q contains '='", k),
				"a name cannot hold '=' (it separates name from value); write \"NAME\": \"value\"")
		case strings.ContainsRune(k, 0):
			c.add("action.environment", fmt.Sprintf("the variable name %q contains NUL", k), "remove the \\u0000 from the name")
		}
		if strings.ContainsRune(v, 0) {
			c.add("action.environment", fmt.Sprintf("the value of %q contains NUL", k), "remove the \\u0000 from the value; the OS would cut it there")
		}
	}
}
