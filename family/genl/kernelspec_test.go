package genl_test

import (
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/nlctrl"
	"github.com/nlwire/nlwire/family/tcpmetrics"
)

// TestKernelFamiliesAgreeWithSpecs cross-checks the table, read from the
// kernel's C sources, with the families generated from the kernel's YNL
// specs: for every command both have, the do and dump forms, the
// permission bits and the GENL_DONT_VALIDATE_* opt-outs, but for what
// a spec does not state, listed below.
func TestKernelFamiliesAgreeWithSpecs(t *testing.T) {
	// Commands of a spec the table does not have.
	absent := map[string]string{
		"netdev NETDEV_CMD_PAGE_POOL_STATS_GET": "built only with CONFIG_PAGE_POOL_STATS, which the kernel of the table lacks (its CTRL_ATTR_OPS has no command 9)",
	}
	// Flags a spec does not state, by family.
	silent := map[string]family.OpFlags{
		// ethtool.yaml lists no permission flags; net/ethtool/netlink.c
		// gives every SET and ACT command, WOL_GET and
		// MODULE_EEPROM_GET GENL_UNS_ADMIN_PERM.
		"ethtool": family.OpAdminPerm | family.OpUnsAdminPerm,
		// nlctrl.yaml lists no dont-validate flags; genl_ctrl_ops gives
		// GETFAMILY's do GENL_DONT_VALIDATE_STRICT, its dump
		// GENL_DONT_VALIDATE_DUMP.
		"nlctrl": family.OpDontValidateStrict | family.OpDontValidateDump | family.OpDontValidateDumpStrict,
	}
	for _, spec := range []*family.Family{&ethtool.Family, &mptcppm.Family, &netdev.Family, &nlctrl.Family, &tcpmetrics.Family} {
		kf, ok := genl.KernelFamilyByName(spec.Name)
		if !ok {
			t.Errorf("%s: generated from a spec, not in genl.KernelFamilies", spec.Name)
			continue
		}
		both := 0
		for _, so := range spec.Ops {
			if so.Flags&(family.OpDo|family.OpDump) == 0 || so.Request < 0 {
				continue // notifications and events
			}
			ko, ok := kf.Op(uint8(so.Request))
			key := spec.Name + " " + so.Name
			if !ok {
				if why, ok := absent[key]; ok {
					t.Logf("%s: not in the table: %s", key, why)
				} else {
					t.Errorf("%s: in the spec, not in the table", key)
				}
				continue
			}
			both++
			var got family.OpFlags
			if ko.Do.Has {
				got |= family.OpDo
			}
			if ko.Dump.Has {
				got |= family.OpDump
			}
			for _, b := range []struct {
				kernel uint8
				spec   family.OpFlags
			}{{genl.GENL_ADMIN_PERM, family.OpAdminPerm}, {genl.GENL_UNS_ADMIN_PERM, family.OpUnsAdminPerm}} {
				if ko.Flags&b.kernel != 0 {
					got |= b.spec
				}
			}
			for _, b := range []struct {
				kernel uint8
				spec   family.OpFlags
			}{{genl.GENL_DONT_VALIDATE_STRICT, family.OpDontValidateStrict}, {genl.GENL_DONT_VALIDATE_DUMP, family.OpDontValidateDump}, {genl.GENL_DONT_VALIDATE_DUMP_STRICT, family.OpDontValidateDumpStrict}} {
				if ko.Validate&b.kernel != 0 {
					got |= b.spec
				}
			}
			mask := (family.OpDo | family.OpDump | family.OpAdminPerm | family.OpUnsAdminPerm |
				family.OpDontValidateStrict | family.OpDontValidateDump | family.OpDontValidateDumpStrict) &^ silent[spec.Name]
			if got, want := got&mask, so.Flags&mask; got != want {
				t.Errorf("%s: the table's flags %#x, the spec's %#x", key, got, want)
			}
		}
		if both == 0 {
			t.Errorf("%s: no command in both", spec.Name)
		}
		t.Logf("%s: %d commands in both", spec.Name, both)
	}
}
