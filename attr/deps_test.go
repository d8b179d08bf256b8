package attr_test

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestDeps checks that the package imports neither fmt nor anything
// outside the standard library and this module.
func TestDeps(t *testing.T) {
	gotool := runtime.GOROOT() + "/bin/go"
	if _, err := exec.LookPath(gotool); err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	out, err := exec.Command(gotool, "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v, %s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		switch {
		case path == "fmt":
			t.Errorf("imports fmt")
		case std != "true" && path != "github.com/nlwire/nlwire" && !strings.HasPrefix(path, "github.com/nlwire/nlwire/"):
			t.Errorf("imports non-standard package %s", path)
		}
	}
}
