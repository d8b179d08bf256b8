// Package registry maps the names of generic netlink families to the
// tables generated from the kernel's YNL specs (family/netdev,
// family/ethtool, ...), for programs that learn a family's name at run
// time (from CTRL_CMD_NEWFAMILY) and want its operations, attributes and
// the input policies the kernel's generator makes of the spec.
package registry

import (
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/binder"
	"github.com/nlwire/nlwire/family/devenergymodel"
	"github.com/nlwire/nlwire/family/devlink"
	"github.com/nlwire/nlwire/family/dpll"
	"github.com/nlwire/nlwire/family/drmras"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/fou"
	"github.com/nlwire/nlwire/family/handshake"
	"github.com/nlwire/nlwire/family/lockd"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/netshaper"
	"github.com/nlwire/nlwire/family/nfsd"
	"github.com/nlwire/nlwire/family/nl80211"
	"github.com/nlwire/nlwire/family/nlctrl"
	"github.com/nlwire/nlwire/family/ovpn"
	"github.com/nlwire/nlwire/family/ovsdatapath"
	"github.com/nlwire/nlwire/family/ovsflow"
	"github.com/nlwire/nlwire/family/ovspacket"
	"github.com/nlwire/nlwire/family/ovsvport"
	"github.com/nlwire/nlwire/family/psp"
	"github.com/nlwire/nlwire/family/sunrpc"
	"github.com/nlwire/nlwire/family/tcpmetrics"
	"github.com/nlwire/nlwire/family/team"
	"github.com/nlwire/nlwire/family/wireguard"
	"github.com/nlwire/nlwire/validate"
)

// OpPolicyFunc returns the policies of a generic family's command cmd:
// of its do and dump handlers, nil where there is no handler or the
// handler takes no attributes (a generated package's OpPolicy).
type OpPolicyFunc func(cmd uint8) (do, dump *validate.Policy)

// entry is a family's tables and its policies; gen reports a family
// whose kernel code (its policies) is generated from its spec by
// ynl-gen-c ("YNL-GEN kernel source"), in the newest kernel tree read.
type entry struct {
	f   *family.Family
	pol OpPolicyFunc
	gen bool
}

// generic holds the generic netlink families with generated tables,
// sorted by name. It is read, never written.
var generic = [...]entry{
	{&binder.Family, binder.OpPolicy, true},                 // binder
	{&devenergymodel.Family, devenergymodel.OpPolicy, true}, // dev-energymodel
	{&devlink.Family, devlink.OpPolicy, true},               // devlink
	{&dpll.Family, dpll.OpPolicy, true},                     // dpll
	{&drmras.Family, drmras.OpPolicy, true},                 // drm-ras
	{&ethtool.Family, ethtool.OpPolicy, false},              // ethtool
	{&fou.Family, fou.OpPolicy, true},                       // fou
	{&handshake.Family, handshake.OpPolicy, true},           // handshake
	{&lockd.Family, lockd.OpPolicy, true},                   // lockd
	{&mptcppm.Family, mptcppm.OpPolicy, true},               // mptcp_pm
	{&netshaper.Family, netshaper.OpPolicy, true},           // net-shaper
	{&netdev.Family, netdev.OpPolicy, true},                 // netdev
	{&nfsd.Family, nfsd.OpPolicy, true},                     // nfsd
	{&nl80211.Family, nl80211.OpPolicy, false},              // nl80211
	{&nlctrl.Family, nlctrl.OpPolicy, false},                // nlctrl
	{&ovpn.Family, ovpn.OpPolicy, true},                     // ovpn
	{&ovsdatapath.Family, ovsdatapath.OpPolicy, false},      // ovs_datapath
	{&ovsflow.Family, ovsflow.OpPolicy, false},              // ovs_flow
	{&ovspacket.Family, ovspacket.OpPolicy, false},          // ovs_packet
	{&ovsvport.Family, ovsvport.OpPolicy, false},            // ovs_vport
	{&psp.Family, psp.OpPolicy, true},                       // psp
	{&sunrpc.Family, sunrpc.OpPolicy, true},                 // sunrpc
	{&tcpmetrics.Family, tcpmetrics.OpPolicy, false},        // tcp_metrics
	{&team.Family, team.OpPolicy, true},                     // team
	{&wireguard.Family, wireguard.OpPolicy, true},           // wireguard
}

// Generic returns the generated tables of the generic netlink family
// whose name (what CTRL_ATTR_FAMILY_NAME reports: "netdev", "ovs_flow")
// is name, or nil if there are none. It does not allocate.
func Generic(name string) *family.Family {
	if e := lookup(name); e != nil {
		return e.f
	}
	return nil
}

// Policies returns the OpPolicy function of the generic netlink family
// whose name is name: the input policies the kernel's generator
// (ynl-gen-c) makes of its spec, or nil if there are none. Only the
// families whose kernel code is generated from the spec are checked by
// these exactly (KernelGenerated). It does not allocate.
func Policies(name string) OpPolicyFunc {
	if e := lookup(name); e != nil {
		return e.pol
	}
	return nil
}

// KernelGenerated reports whether the kernel's policies of the generic
// family name are generated from its spec (netdev, mptcp_pm, devlink,
// dpll, fou, team, ...), so that Policies are the kernel's. The others
// (ethtool, nl80211, nlctrl, tcp_metrics, ovs_*) have hand-written
// policies that the spec describes in part: a request their kernel
// accepts may list attributes the spec's request does not (ethtool's
// ETHTOOL_MSG_MODULE_EEPROM_GET), and checks the spec omits are not
// made.
func KernelGenerated(name string) bool {
	e := lookup(name)
	return e != nil && e.gen
}

func lookup(name string) *entry {
	lo, hi := 0, len(generic)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if generic[m].f.Name < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(generic) && generic[lo].f.Name == name {
		return &generic[lo]
	}
	return nil
}

// GenericFamilies returns the generic netlink families with generated
// tables, sorted by name. The slice is the caller's; the families are
// shared and must not be changed.
func GenericFamilies() []*family.Family {
	all := make([]*family.Family, len(generic))
	for i := range generic {
		all[i] = generic[i].f
	}
	return all
}

// Op returns the operation of f whose command is cmd: of requests if
// request is true, else of replies and notifications (the two differ in
// families that number the directions apart, such as ethtool). It
// returns nil if f has none.
func Op(f *family.Family, cmd uint8, request bool) *family.Op {
	if f == nil {
		return nil
	}
	for i := range f.Ops {
		o := &f.Ops[i]
		c := o.Reply
		if request {
			c = o.Request
		}
		if c == int32(cmd) {
			return o
		}
	}
	return nil
}

// Request returns the policy the kernel validates a request of command
// cmd of family f against, with pol its policies (Policies), and the
// strictness it parses with; dump reports NLM_F_DUMP. It follows the
// operations the kernel registers for a spec'd family (nltest.FamilySpec
// builds the same): by f.KernelPolicy, a split family validates each
// form with its own policy, a per-op or global one both forms with the
// do request's (else the dump's); a form the operation lacks, or
// without a policy, or the dump of a per-op or global family's operation
// under dont-validate dump (genl_cmd_full_to_split drops its policy; a
// split operation's dump is parsed all the same), is not validated
// (false); dont-validate strict (dump-strict for a dump)
// makes the parse liberal, else it is strict.
func Request(f *family.Family, pol OpPolicyFunc, cmd uint8, dump bool) (*validate.Policy, validate.Mode, bool) {
	op := Op(f, cmd, true)
	if op == nil || pol == nil {
		return nil, 0, false
	}
	form, liberal := family.OpDo, family.OpDontValidateStrict
	if dump {
		form, liberal = family.OpDump, family.OpDontValidateDumpStrict
	}
	split := f.KernelPolicy == family.KernelPolicySplit
	if op.Flags&form == 0 || dump && !split && op.Flags&family.OpDontValidateDump != 0 {
		return nil, 0, false
	}
	do, dp := pol(cmd)
	p := do
	switch {
	case split:
		if dump {
			p = dp
		}
	case p == nil:
		p = dp
	}
	if p == nil || len(p.Rules) <= 1 && p.MaxType == 0 {
		return nil, 0, false // maxattr 0: the kernel parses nothing
	}
	if op.Flags&liberal != 0 {
		return p, validate.ModeLiberal, true
	}
	return p, validate.ModeStrict, true
}
