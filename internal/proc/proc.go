// Package proc runs a program as a measured process: its wall time and
// its own peak resident memory, for the figures the README tables give.
//
// The peak comes from GNU time (Debian package "time", /usr/bin/time): a
// child started directly by a Go program reports, in its rusage, the
// parent's peak as well, which Linux carries across exec (a Go process
// holding 300 MiB that starts /bin/true gets 310 MiB back). GNU time is a
// small C program, so what it reports is the child's own.
package proc

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Time is the GNU time binary Run uses.
const Time = "/usr/bin/time"

// Result is what one run of a program cost.
type Result struct {
	Wall    time.Duration // wall time, GNU time's start included
	PeakRSS int64         // the program's peak resident memory, in bytes
	Status  int           // the exit status
}

// Run runs argv with standard output to stdout and standard error to
// stderr (each /dev/null if nil), under GNU time. A non-zero
// exit status is not an error; failing to start or to measure is.
func Run(argv []string, stdout, stderr io.Writer) (Result, error) {
	if _, err := os.Stat(Time); err != nil {
		return Result{}, fmt.Errorf("proc: %s is needed for peak memory (apt-get install time): %w", Time, err)
	}
	dir, err := os.MkdirTemp("", "proc")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "rss")
	cmd := exec.Command(Time, append([]string{"-f", "%M", "-o", out}, argv...)...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if stdout == nil || stderr == nil {
		// /dev/null itself, not a pipe to io.Discard: the program writes
		// to a file, as it would on a command line with >/dev/null.
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			return Result{}, err
		}
		defer null.Close()
		if stdout == nil {
			cmd.Stdout = null
		}
		if stderr == nil {
			cmd.Stderr = null
		}
	}
	start := time.Now()
	err = cmd.Run()
	r := Result{Wall: time.Since(start)}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return Result{}, err
	}
	r.Status = cmd.ProcessState.ExitCode()
	b, err := os.ReadFile(out)
	if err != nil {
		return Result{}, err
	}
	// The last field; GNU time puts "Command exited with non-zero
	// status N" before it.
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return Result{}, fmt.Errorf("proc: no peak memory from %s", Time)
	}
	var kib int64
	if _, err := fmt.Sscan(f[len(f)-1], &kib); err != nil {
		return Result{}, fmt.Errorf("proc: peak memory %q: %w", f[len(f)-1], err)
	}
	r.PeakRSS = kib << 10
	return r, nil
}
