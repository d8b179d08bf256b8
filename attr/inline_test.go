package attr_test

import (
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestInlining checks that the hot methods stay inlinable, as
// net/netip's TestInlining does.
func TestInlining(t *testing.T) {
	gotool := runtime.GOROOT() + "/bin/go"
	if _, err := exec.LookPath(gotool); err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	out, err := exec.Command(gotool, "build", "--gcflags=-m", ".").CombinedOutput()
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
		"Decoder.Find",
		"(*Decoder).Type",
		"(*Decoder).RawType",
		"(*Decoder).Flags",
		"(*Decoder).Len",
		"(*Decoder).Offset",
		"(*Decoder).Bytes",
		"(*Decoder).Present",
		"(*Decoder).Leftover",
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
