package route

import "github.com/nlwire/nlwire/family"

// Attribute spaces of NETLINK_ROUTE. Each is indexed by attribute type;
// Name, Lookup and ChildSet walk them without allocating.
var (
	// LinkAttrs is the IFLA_* space of link messages (RTM_*LINK).
	LinkAttrs = family.Set{Space: "IFLA", Attrs: linkAttrs[:]}
	// ProtoDownReasonAttrs is the space inside IFLA_PROTO_DOWN_REASON.
	ProtoDownReasonAttrs = family.Set{Space: "IFLA_PROTO_DOWN_REASON", Attrs: protoDownReasonAttrs[:]}
	// LinkInfoAttrs is the IFLA_INFO_* space inside IFLA_LINKINFO.
	// IFLA_INFO_DATA's space depends on IFLA_INFO_KIND (bridge, veth,
	// vlan and vxlan are described) and IFLA_INFO_SLAVE_DATA's on
	// IFLA_INFO_SLAVE_KIND (bridge).
	LinkInfoAttrs = family.Set{Space: "IFLA_INFO", Attrs: linkInfoAttrs[:]}
	// XDPAttrs is the IFLA_XDP_* space inside IFLA_XDP.
	XDPAttrs = family.Set{Space: "IFLA_XDP", Attrs: xDPAttrs[:]}
	// AFSpecAttrs is the space inside IFLA_AF_SPEC: its attribute types
	// are address families (AF_INET, AF_INET6, AF_BRIDGE, ...), each
	// holding that family's link attributes.
	AFSpecAttrs = family.Set{Space: "AF", Attrs: afSpecAttrs[:]}
	// InetAttrs is the IFLA_INET_* space of the AF_INET entry of IFLA_AF_SPEC.
	InetAttrs = family.Set{Space: "IFLA_INET", Attrs: inetAttrs[:]}
	// IPv4DevconfAttrs is the IPV4_DEVCONF_* space inside IFLA_INET_CONF.
	IPv4DevconfAttrs = family.Set{Space: "IPV4_DEVCONF", Attrs: iPv4DevconfAttrs[:]}
	// Inet6Attrs is the IFLA_INET6_* space of the AF_INET6 entry of IFLA_AF_SPEC.
	Inet6Attrs = family.Set{Space: "IFLA_INET6", Attrs: inet6Attrs[:]}
	// VethAttrs is the VETH_INFO_* space of IFLA_INFO_DATA for kind "veth".
	VethAttrs = family.Set{Space: "VETH_INFO", Attrs: vethAttrs[:]}
	// VLANAttrs is the IFLA_VLAN_* space of IFLA_INFO_DATA for kind "vlan".
	VLANAttrs = family.Set{Space: "IFLA_VLAN", Attrs: vLANAttrs[:]}
	// BridgeAttrs is the IFLA_BR_* space of IFLA_INFO_DATA for kind "bridge".
	BridgeAttrs = family.Set{Space: "IFLA_BR", Attrs: bridgeAttrs[:]}
	// BridgePortAttrs is the IFLA_BRPORT_* space of IFLA_INFO_SLAVE_DATA
	// for slave kind "bridge".
	BridgePortAttrs = family.Set{Space: "IFLA_BRPORT", Attrs: bridgePortAttrs[:]}
	// MacvlanAttrs is the IFLA_MACVLAN_* space of IFLA_INFO_DATA for kinds
	// "macvlan" and "macvtap".
	MacvlanAttrs = family.Set{Space: "IFLA_MACVLAN", Attrs: macvlanAttrs[:]}
	// VXLANAttrs is the IFLA_VXLAN_* space of IFLA_INFO_DATA for kind "vxlan".
	VXLANAttrs = family.Set{Space: "IFLA_VXLAN", Attrs: vXLANAttrs[:]}
	// AddrAttrs is the IFA_* space of address messages (RTM_*ADDR).
	AddrAttrs = family.Set{Space: "IFA", Attrs: addrAttrs[:]}
	// RouteAttrs is the RTA_* space of route messages (RTM_*ROUTE) and of
	// each next hop of RTA_MULTIPATH.
	RouteAttrs = family.Set{Space: "RTA", Attrs: routeAttrs[:]}
	// MetricsAttrs is the RTAX_* space inside RTA_METRICS.
	MetricsAttrs = family.Set{Space: "RTAX", Attrs: metricsAttrs[:]}
	// NeighAttrs is the NDA_* space of neighbour messages (RTM_*NEIGH).
	NeighAttrs = family.Set{Space: "NDA", Attrs: neighAttrs[:]}
	// TCAttrs is the top-level TCA_* space of traffic-control messages
	// (qdiscs, classes, filters, chains). TCA_OPTIONS depends on the
	// TCA_KIND and is left undescribed.
	TCAttrs = family.Set{Space: "TCA", Attrs: tCAttrs[:]}
)

var afSpecAttrs = [...]family.Attr{
	AF_INET:   {Name: "AF_INET", Format: family.Nested, Child: &InetAttrs},
	AF_BRIDGE: {Name: "AF_BRIDGE", Format: family.Nested},
	AF_INET6:  {Name: "AF_INET6", Format: family.Nested, Child: &Inet6Attrs},
	AF_MPLS:   {Name: "AF_MPLS", Format: family.Nested},
}
