// Command dashboardgen writes a store for the dashboard's benchmarks and
// screenshots (see bench/dashboardstore).
//
//	go run ./bench/dashboardgen -home /tmp/orc-dash -tasks 1000 -runs 1000   # 1,000,000 records
//	go run ./bench/dashboardgen -home /tmp/orc-demo -demo                     # the screenshots' store
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/orchestrator/orchestrator/bench/dashboardstore"
)

func main() {
	var o dashboardstore.Options
	flag.StringVar(&o.Home, "home", "", "the store to write (required)")
	flag.IntVar(&o.Tasks, "tasks", 1000, "number of tasks")
	flag.IntVar(&o.Runs, "runs", 1000, "history records per task")
	flag.BoolVar(&o.Demo, "demo", false, "a small, realistic store for screenshots (8 tasks, 30 runs each unless -tasks/-runs say otherwise)")
	flag.StringVar(&o.Command, "command", "/bin/true", "the program every task runs")
	flag.Parse()
	if o.Home == "" {
		fmt.Fprintln(os.Stderr, "dashboardgen: -home is required: the folder to write the store into, e.g. -home /tmp/orc-dash")
		os.Exit(2)
	}
	if o.Demo {
		set := map[string]bool{}
		flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["tasks"] {
			o.Tasks = 8
		}
		if !set["runs"] {
			o.Runs = 30
		}
	}
	t0 := time.Now()
	names, err := dashboardstore.Generate(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboardgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "dashboardgen: %d tasks, %d history records in %s, in %v\n",
		len(names), len(names)*o.Runs, o.Home, time.Since(t0).Round(time.Millisecond))
}
