package testenv

import (
	"os/exec"
	"strings"
	"testing"
)

// CheckCodecImports fails the test if the package in the current
// directory depends on fmt or on a package outside the standard library
// and this module (DESIGN.md: the codec packages stay that small).
func CheckCodecImports(t *testing.T) {
	t.Helper()
	gobin := LookPath(t, "go")
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.Standard}} {{.ImportPath}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		std, path, _ := strings.Cut(line, " ")
		n++
		if path == "fmt" {
			t.Errorf("imports fmt")
		}
		if std != "true" && !strings.HasPrefix(path, "github.com/nlwire/nlwire") {
			t.Errorf("imports non-standard package %s", path)
		}
	}
	if n < 2 {
		t.Fatalf("go list printed %d packages: %s", n, out)
	}
}
