//go:build !linux

package nltestsock_test

import (
	"strings"
	"testing"

	"github.com/mdlayher/genetlink"
	"github.com/nlwire/nlwire/bench/nltestsock"
)

// genetlink v1.4.0 implements GetFamily and ListFamilies only on Linux
// (family_others.go); elsewhere getFamily above, its request through
// genetlink's Execute, stands in for them. This pins that limitation:
// if genetlink lifts it, this test fails and TestGenetlinkGetFamily can
// run here too.
func TestGenetlinkGetFamilyNotImplemented(t *testing.T) {
	k, _ := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()
	if _, err := c.GetFamily(testName); err == nil || !strings.Contains(err.Error(), "not implemented") {
		t.Errorf("GetFamily outside Linux: %v, want genetlink's not implemented error", err)
	}
}
