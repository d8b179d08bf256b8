// Package registry maps the names of generic netlink families to the
// tables generated from the kernel's YNL specs (family/netdev,
// family/ethtool, ...), for programs that learn a family's name at run
// time (from CTRL_CMD_NEWFAMILY) and want its operations and attributes.
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
)

// generic holds the generic netlink families with generated tables,
// sorted by name. It is read, never written.
var generic = [...]*family.Family{
	&binder.Family,         // binder
	&devenergymodel.Family, // dev-energymodel
	&devlink.Family,        // devlink
	&dpll.Family,           // dpll
	&drmras.Family,         // drm-ras
	&ethtool.Family,        // ethtool
	&fou.Family,            // fou
	&handshake.Family,      // handshake
	&lockd.Family,          // lockd
	&mptcppm.Family,        // mptcp_pm
	&netshaper.Family,      // net-shaper
	&netdev.Family,         // netdev
	&nfsd.Family,           // nfsd
	&nl80211.Family,        // nl80211
	&nlctrl.Family,         // nlctrl
	&ovpn.Family,           // ovpn
	&ovsdatapath.Family,    // ovs_datapath
	&ovsflow.Family,        // ovs_flow
	&ovspacket.Family,      // ovs_packet
	&ovsvport.Family,       // ovs_vport
	&psp.Family,            // psp
	&sunrpc.Family,         // sunrpc
	&tcpmetrics.Family,     // tcp_metrics
	&team.Family,           // team
	&wireguard.Family,      // wireguard
}

// Generic returns the generated tables of the generic netlink family
// whose name (what CTRL_ATTR_FAMILY_NAME reports: "netdev", "ovs_flow")
// is name, or nil if there are none. It does not allocate.
func Generic(name string) *family.Family {
	lo, hi := 0, len(generic)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if generic[m].Name < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(generic) && generic[lo].Name == name {
		return generic[lo]
	}
	return nil
}

// GenericFamilies returns the generic netlink families with generated
// tables, sorted by name. The slice is the caller's; the families are
// shared and must not be changed.
func GenericFamilies() []*family.Family {
	return append([]*family.Family(nil), generic[:]...)
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
