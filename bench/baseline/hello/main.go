// Command hello is the baseline of a not-due gate tick: a Go program that
// starts and exits. A gate tick costs at least this; the target is
// 1.2 times it (bench/ratio_test.go).
package main

func main() {}
