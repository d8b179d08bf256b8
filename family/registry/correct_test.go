package registry_test

import (
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/ovsdatapath"
	"github.com/nlwire/nlwire/family/ovsflow"
	"github.com/nlwire/nlwire/family/ovspacket"
	"github.com/nlwire/nlwire/family/ovsvport"
)

// TestOpenvswitchNotStrict: every operation of the openvswitch families
// is GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP in the kernel
// (net/openvswitch/datapath.c), which their specs do not say and
// ynl/tables' corrections add.
func TestOpenvswitchNotStrict(t *testing.T) {
	n := 0
	for _, f := range []*family.Family{&ovsdatapath.Family, &ovsflow.Family, &ovspacket.Family, &ovsvport.Family} {
		for _, op := range f.Ops {
			if op.Flags&(family.OpDo|family.OpDump) == 0 {
				continue
			}
			n++
			if want := family.OpDontValidateStrict | family.OpDontValidateDump; op.Flags&want != want {
				t.Errorf("%s %s: flags %v, want GENL_DONT_VALIDATE_STRICT and _DUMP", f.Name, op.Name, op.Flags)
			}
		}
	}
	// The specs describe 9 of datapath.c's 13 operations.
	if n != 9 {
		t.Errorf("%d openvswitch operations, want the specs' 9", n)
	}
}
