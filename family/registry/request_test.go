package registry_test

import (
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/fou"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
)

// TestPolicies: every generic family of the registry has its generated
// package's policies.
func TestPolicies(t *testing.T) {
	for _, f := range registry.GenericFamilies() {
		if registry.Policies(f.Name) == nil {
			t.Errorf("%s: no policies", f.Name)
		}
	}
	if registry.Policies("no-such-family") != nil {
		t.Error("Policies of an unknown family")
	}
	d, _ := registry.Policies("netdev")(netdev.NETDEV_CMD_DEV_GET)
	if d != &netdev.DevGetPolicy {
		t.Error("netdev's dev-get policy is not the generated one")
	}
}

// TestRequest: examples of each kernel-policy.
func TestRequest(t *testing.T) {
	type want struct {
		p    *validate.Policy
		mode validate.Mode
		ok   bool
	}
	for _, c := range []struct {
		name string
		cmd  uint8
		dump bool
		want want
	}{
		{"netdev", netdev.NETDEV_CMD_DEV_GET, false, want{&netdev.DevGetPolicy, validate.ModeStrict, true}},
		{"netdev", netdev.NETDEV_CMD_QUEUE_GET, true, want{&netdev.QueueGetDumpPolicy, validate.ModeStrict, true}},
		{"netdev", netdev.NETDEV_CMD_DEV_GET, true, want{}}, // a dump without a request policy
		{"netdev", 200, false, want{}},
		{"mptcp_pm", mptcppm.MPTCP_PM_CMD_ADD_ADDR, false, want{&mptcppm.AddAddrPolicy, validate.ModeLiberal, true}},
		{"mptcp_pm", mptcppm.MPTCP_PM_CMD_GET_ADDR, true, want{&mptcppm.GetAddrPolicy, validate.ModeStrict, true}}, // dont-validate strict alone
		{"fou", fou.FOU_CMD_GET, false, want{&fou.Policy, validate.ModeLiberal, true}},
		{"fou", fou.FOU_CMD_GET, true, want{}}, // dont-validate dump
	} {
		f := registry.Generic(c.name)
		p, m, ok := registry.Request(f, registry.Policies(c.name), c.cmd, c.dump)
		if got := (want{p, m, ok}); got != c.want {
			t.Errorf("%s cmd %d dump %v: %p %v %v, want %p %v %v", c.name, c.cmd, c.dump, p, m, ok, c.want.p, c.want.mode, c.want.ok)
		}
	}
}

// TestRequestAsFake: Request agrees with the operations nltest.FamilySpec
// registers for every family of the registry (the fake kernel's forms:
// the do form checks Policy, the dump form DumpPolicy in a split family
// and Policy otherwise, dropped under DontValidateDump outside split
// families; DontValidate*Strict makes a form liberal).
func TestRequestAsFake(t *testing.T) {
	checked := 0
	for _, f := range registry.GenericFamilies() {
		pol := registry.Policies(f.Name)
		fam, err := nltest.FamilySpec(f, pol, nil)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		for _, o := range fam.Ops {
			so := registry.Op(f, o.Cmd, true)
			for _, dump := range []bool{false, true} {
				has := so.Flags&family.OpDo != 0
				p, liberal := o.Policy, o.Validate&nltest.DontValidateStrict != 0
				if dump {
					has, liberal = so.Flags&family.OpDump != 0, o.Validate&nltest.DontValidateDumpStrict != 0
					switch {
					case fam.Split:
						p = o.DumpPolicy
					case o.Validate&nltest.DontValidateDump != 0:
						p = nil
					}
				}
				if p != nil && len(p.Rules) <= 1 && p.MaxType == 0 {
					p = nil
				}
				mode := validate.ModeStrict
				if liberal {
					mode = validate.ModeLiberal
				}
				gp, gm, ok := registry.Request(f, pol, o.Cmd, dump)
				switch {
				case !has || p == nil:
					if ok {
						t.Errorf("%s %s dump %v: validated, the fake does not", f.Name, so.Name, dump)
					}
				case !ok || gp != p || gm != mode:
					t.Errorf("%s %s dump %v: %p %v %v, the fake %p %v", f.Name, so.Name, dump, gp, gm, ok, p, mode)
				default:
					checked++
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d forms validated", checked)
	}
	t.Logf("%d forms agree", checked)
}

// TestKernelGenerated: the families the kernel's generator writes
// policies for, and those it does not.
func TestKernelGenerated(t *testing.T) {
	for name, want := range map[string]bool{"netdev": true, "mptcp_pm": true, "devlink": true, "fou": true,
		"ethtool": false, "tcp_metrics": false, "nlctrl": false, "nl80211": false, "ovs_flow": false, "nonesuch": false} {
		if got := registry.KernelGenerated(name); got != want {
			t.Errorf("KernelGenerated(%q) = %v", name, got)
		}
	}
}
