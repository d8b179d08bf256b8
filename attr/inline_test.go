package attr_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

// TestInlining checks that the hot methods stay inlinable on amd64, as
// net/netip's TestInlining does. It builds for linux/amd64 whatever the
// test itself runs on, since inlining budgets differ between targets.
func TestInlining(t *testing.T) {
	gotool := testenv.LookPath(t, "go")
	cmd := exec.Command(gotool, "build", "-gcflags=-m", ".")
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v, %s", err, out)
	}
	got := map[string]bool{}
	re := regexp.MustCompile(`can inline (\S+)`)
	for _, line := range strings.Split(string(out), "\n") {
		if m := re.FindStringSubmatch(line); m != nil {
			got[m[1]] = true
		}
	}
	want := []string{
		"Align",
		"NewDecoder",
		"Decoder.WithOrder",
		"Decoder.WithBase",
		"Decoder.Lenient",
		"(*Decoder).Next",
		"(*Decoder).Uint16",
		"(*Decoder).Type",
		"(*Decoder).RawType",
		"(*Decoder).Flags",
		"(*Decoder).Len",
		"(*Decoder).Offset",
		"(*Decoder).Bytes",
		"(*Decoder).Present",
		"(*Decoder).Uint8",
		"(*Decoder).Uint32",
		"(*Decoder).Uint64",
		"(*Decoder).Int8",
		"(*Decoder).Int16",
		"(*Decoder).Int32",
		"(*Decoder).Int64",
		"(*Decoder).BE16",
		"(*Decoder).BE32",
		"(*Decoder).BE64",
		"(*Decoder).Flag",
		"(*Decoder).Nested",
		"(*Decoder).All",
		"(*Decoder).Array",
		"NewEncoder",
		"NewFixedEncoder",
		"Encoder.WithOrder",
		"(*Encoder).Len",
		"(*Encoder).Bytes",
		"(*Encoder).Open",
		"(*Encoder).Err",
		"(*Encoder).Reset",
		"(*Encoder).Begin",
		"(*Encoder).Int32",
		"(*Encoder).Net32",
	}
	for _, fn := range want {
		if !got[fn] {
			t.Errorf("%s is not inlinable", fn)
		}
	}
}
