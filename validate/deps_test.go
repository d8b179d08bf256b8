package validate

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports: non-test files import only the standard library (not
// fmt) and this module's packages (DESIGN.md, as x/net/dns/dnsmessage's
// TestNoFmt).
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
			case strings.HasPrefix(path, "github.com/nlwire/nlwire"):
			case strings.Contains(first, "."):
				t.Errorf("%s imports non-standard %s", f, path)
			}
		}
	}
}
