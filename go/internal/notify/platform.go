package notify

import "runtime"

const isWindows = runtime.GOOS == "windows"
