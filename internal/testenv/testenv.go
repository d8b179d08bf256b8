// Package testenv lets tests that need something from the machine (the
// go command, the running kernel, root, tshark) skip where it is missing,
// and fail instead where it must be present: when NLWIRE_NO_SKIP=1, as
// .ci/run sets it.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// NoSkipVar names the environment variable that turns skips into failures.
const NoSkipVar = "NLWIRE_NO_SKIP"

// Skip skips the test with the reason, or fails it if NLWIRE_NO_SKIP=1.
func Skip(tb testing.TB, reason string) {
	tb.Helper()
	if os.Getenv(NoSkipVar) == "1" {
		tb.Fatalf("%s (%s=1 forbids skipping)", reason, NoSkipVar)
	}
	tb.Skip(reason)
}

// LookPath returns the path of the program name, or skips the test
// (fails it under NLWIRE_NO_SKIP=1) if it is not installed.
func LookPath(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Skip(tb, name+" not found: "+err.Error())
	}
	return p
}
