package doctor

import (
	"fmt"
	"strconv"
	"strings"
)

// checkExecutor compares this orc-exec with the module that asked: a
// module newer than its executor registers definitions the executor may
// not understand (a stale executor left by an older install).
func checkExecutor(o Options) Check {
	c := Check{Name: "executor.version"}
	where := o.ExecutorPath
	if where == "" {
		where = "orc-exec"
	}
	switch {
	case o.ModuleVersion == "":
		c.Status, c.Detail = OK, fmt.Sprintf("%s is version %s (no module version to compare with)", where, o.ExecutorVersion)
	case !isSemver(o.ExecutorVersion):
		c.Status = Warn
		c.Detail = fmt.Sprintf("%s is a development build (%q), not comparable with the module's %s", where, o.ExecutorVersion, o.ModuleVersion)
		c.Fix = "install a released orc-exec with the module (Initialize-Orchestrator or Register-OrcTask installs the one it ships)"
	default:
		switch cmp := compareSemver(o.ExecutorVersion, o.ModuleVersion); {
		case cmp < 0:
			c.Status = Fail
			c.Detail = fmt.Sprintf("%s is version %s, older than the module's %s: a stale executor", where, o.ExecutorVersion, o.ModuleVersion)
			c.Fix = "install the module's executor: Register-OrcTask -Force on any task, or Initialize-Orchestrator, replaces it"
		case cmp > 0:
			c.Status = Warn
			c.Detail = fmt.Sprintf("%s is version %s, newer than the module's %s", where, o.ExecutorVersion, o.ModuleVersion)
			c.Fix = "update the module (Update-Module Orchestrator) so its cmdlets know what the executor does"
		default:
			c.Status, c.Detail = OK, fmt.Sprintf("%s is version %s, the module's", where, o.ExecutorVersion)
		}
	}
	return c
}

func isSemver(v string) bool {
	_, _, ok := splitSemver(v)
	return ok
}

// splitSemver parses major.minor.patch[-prerelease][+build] (a leading v
// allowed).
func splitSemver(v string) (nums [3]int64, pre []string, ok bool) {
	v = strings.TrimPrefix(v, "v")
	v, _, _ = strings.Cut(v, "+")
	core, p, hasPre := strings.Cut(v, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return nums, nil, false
	}
	for i, s := range parts {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return nums, nil, false
		}
		nums[i] = n
	}
	if hasPre {
		pre = strings.Split(p, ".")
	}
	return nums, pre, true
}

// compareSemver orders by SemVer 2.0.0 precedence (build metadata ignored),
// as the module's Compare-OrcExecutableVersion does.
func compareSemver(a, b string) int {
	an, ap, _ := splitSemver(a)
	bn, bp, _ := splitSemver(b)
	for i := range an {
		if an[i] != bn[i] {
			return sign(an[i] - bn[i])
		}
	}
	switch {
	case len(ap) == 0 && len(bp) == 0:
		return 0
	case len(ap) == 0:
		return 1
	case len(bp) == 0:
		return -1
	}
	for i := 0; i < len(ap) && i < len(bp); i++ {
		x, xerr := strconv.ParseInt(ap[i], 10, 64)
		y, yerr := strconv.ParseInt(bp[i], 10, 64)
		switch {
		case xerr == nil && yerr == nil && x != y:
			return sign(x - y)
		case xerr == nil && yerr != nil:
			return -1
		case xerr != nil && yerr == nil:
			return 1
		case xerr != nil && yerr != nil && ap[i] != bp[i]:
			return strings.Compare(ap[i], bp[i])
		}
	}
	return sign(int64(len(ap) - len(bp)))
}

func sign(n int64) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
