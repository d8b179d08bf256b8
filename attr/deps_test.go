package attr_test

import (
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

// TestDeps checks that the package imports neither fmt nor anything
// outside the standard library and this module (DESIGN.md).
func TestDeps(t *testing.T) { testenv.CheckCodecImports(t) }
