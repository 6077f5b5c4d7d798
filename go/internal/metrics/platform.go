package metrics

import "runtime"

// isWindows: chmod on an open file is not supported there (ACLs decide).
var isWindows = runtime.GOOS == "windows"
