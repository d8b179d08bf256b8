package ynl

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

const yamlModule = "go.yaml.in/yaml/v3"

// TestImports: non-test files import the standard library (not fmt),
// this module's packages and the YAML library, nothing else.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first := strings.Split(path, "/")[0]
			switch {
			case path == "fmt":
				t.Errorf("%s imports fmt", f)
			case path == yamlModule, strings.HasPrefix(path, "github.com/nlwire/nlwire"):
			case strings.Contains(first, "."):
				t.Errorf("%s imports non-standard %s", f, path)
			}
		}
	}
}

// TestOnlyYNLImportsYAML: no other package of the module imports the
// YAML library (DESIGN.md: at run time nothing parses YAML unless a user
// asks for a spec).
func TestOnlyYNLImportsYAML(t *testing.T) {
	gobin := testenv.LookPath(t, "go")
	cmd := exec.Command(gobin, "list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "github.com/nlwire/nlwire/...")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		n++
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, "go.yaml.in/") && fields[0] != "github.com/nlwire/nlwire/ynl" {
				t.Errorf("%s imports %s", fields[0], imp)
			}
		}
	}
	if n < 5 {
		t.Fatalf("go list printed %d packages:\n%s", n, out)
	}
}
