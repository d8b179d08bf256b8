package proc

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

// TestRun: a child's peak is its own, not its parent's, and the output
// and exit status come through.
func TestRun(t *testing.T) {
	if _, err := os.Stat(Time); err != nil {
		testenv.Skip(t, "GNU time is not installed")
	}
	sh := testenv.LookPath(t, "sh")
	hold := bytes.Repeat([]byte{1}, 200<<20) // this process's peak: over 200 MiB
	var out bytes.Buffer
	r, err := Run([]string{sh, "-c", "echo hi; exit 3"}, &out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != 3 || strings.TrimSpace(out.String()) != "hi" {
		t.Errorf("status %d, output %q", r.Status, out.String())
	}
	if r.PeakRSS <= 0 || r.PeakRSS > 100<<20 {
		t.Errorf("peak RSS %d bytes for sh, while this process holds %d", r.PeakRSS, len(hold))
	}
	_ = hold[len(hold)-1]
}
