package tables_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/ynl/tables"
)

// TestCorrectionsKernel: every corrected attribute number is the value
// of the kernel's constant in the Linux 6.12 uAPI header the correction
// names, as gcc reads it.
func TestCorrectionsKernel(t *testing.T) {
	var headers []string
	var prog strings.Builder
	prog.WriteString(testenv.CPrelude)
	n := 0
	for _, c := range tables.Corrections() {
		if c.Field != "value" && c.Field != "value-start" {
			continue
		}
		if c.Header == "" || c.Kernel == "" {
			t.Errorf("%s %s %s: a value correction names no header and constant", c.Family, c.Set, c.Attr)
			continue
		}
		if !slices.Contains(headers, c.Header) {
			headers = append(headers, c.Header)
		}
		n++
	}
	for _, h := range headers {
		prog.WriteString("#include <linux/" + h + ">\n")
	}
	prog.WriteString("int main(void) {\n")
	for _, c := range tables.Corrections() {
		if (c.Field == "value" || c.Field == "value-start") && c.Kernel != "" {
			prog.WriteString("\tC(" + c.Kernel + ")\n")
		}
	}
	prog.WriteString("\treturn 0;\n}\n")
	got := testenv.RunC(t, testenv.UAPIDir(t, headers...), prog.String())
	for _, c := range tables.Corrections() {
		if (c.Field != "value" && c.Field != "value-start") || c.Kernel == "" {
			continue
		}
		if v, err := strconv.Atoi(got[c.Kernel]); err != nil || strconv.Itoa(v) != c.To {
			t.Errorf("%s %s %q: corrected to %s, the kernel's %s is %q", c.Family, c.Set, c.Attr, c.To, c.Kernel, got[c.Kernel])
		}
	}
	if n < 15 {
		t.Errorf("only %d value corrections checked", n)
	}
}
