package dissect

import (
	"maps"
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// The netlink protocols with tables.
const (
	ProtoRoute   = 0  // NETLINK_ROUTE
	ProtoGeneric = 16 // NETLINK_GENERIC
)

// Kind is what the tables say about one message: its names, its fixed
// header and its attribute space.
type Kind struct {
	// Header is the message's nlmsghdr.
	Header wire.Header
	// Protocol is the netlink protocol, Order the byte order.
	Protocol uint16
	Order    nlwire.Order
	// Family names the protocol: "route", "generic", "netfilter",
	// "sock_diag", "xfrm", "netlink-N".
	Family string
	// Name is the message type's name ("RTM_NEWLINK", "type 99"), or for
	// generic netlink the family's ("nlctrl", "genl-0x1c"); Cmd is then
	// the command's name ("CTRL_CMD_GETFAMILY"), if the tables have one.
	// For netfilter, Name is the subsystem's ("nftables", "conntrack",
	// "NFNL_SUBSYS_IPSET") and Cmd the message's ("NFT_MSG_NEWRULE",
	// "msg 7"), or Name is a batch delimiter's ("NFNL_MSG_BATCH_BEGIN").
	// The message is named "Name Cmd" (FullName). Learned reports a
	// generic family's name as the input gave it (in CTRL_CMD_NEWFAMILY)
	// or a user did, to be escaped where it is shown; the other names are
	// the tables' and plain.
	Name    string
	Cmd     string
	Learned bool
	// HeaderLen is the fixed header's size, Struct its C struct.
	HeaderLen int
	Struct    string
	// Attrs is the space of the attributes after the header; nil: they
	// are named by number.
	Attrs *family.Set
	// Op says how to read the flags' modifier bits.
	Op wire.Op
	// Known reports a family whose payload is a header and attributes;
	// otherwise it is given as bytes.
	Known bool
	// Echo marks the request an NLMSG_ERROR echoes; Capped, an echo of
	// its header alone.
	Echo, Capped bool
}

// FullName returns the message's name: Name, and Cmd after a space if
// there is one. It allocates for a generic netlink message; a writer can
// append the two instead.
func (k *Kind) FullName() string {
	if k.Cmd == "" {
		return k.Name
	}
	return k.Name + " " + k.Cmd
}

// FamilyName returns the name of a netlink protocol as Kind.Family
// gives it.
func FamilyName(proto uint16) string {
	if n := knownFamilyName(proto); n != "" {
		return n
	}
	return "netlink-" + strconv.Itoa(int(proto))
}

// knownFamilyName is FamilyName of a protocol with tables, or "".
func knownFamilyName(proto uint16) string {
	switch proto {
	case ProtoRoute:
		return "route"
	case ProtoGeneric:
		return "generic"
	case ProtoNetfilter:
		return "netfilter"
	case ProtoSockDiag:
		return "sock_diag"
	case ProtoXFRM:
		return "xfrm"
	}
	return ""
}

// familyName is FamilyName, with the name of a protocol without tables
// built once.
func (d *Dissector) familyName(proto uint16) string {
	if n := knownFamilyName(proto); n != "" {
		return n
	}
	return d.names.name("netlink-", proto, 10)
}

// GenlName is a generic netlink family's name and, if a YNL spec
// describes it, its tables and the policies of its requests: those
// registry.Policies gives for a family whose kernel policies are
// generated from the spec (registry.KernelGenerated), those of a spec
// loaded at run time (GenlNames.Spec); nil otherwise.
type GenlName struct {
	Name   string
	Tables *family.Family
	Policy registry.OpPolicyFunc
}

// genlNameSize is GENL_NAMSIZ: a family's name and its NUL. A longer
// name is not a kernel's, and is not learned: a name given with every
// message of its family must cost what a real one does.
const genlNameSize = 16

// maxGenl is the most generic family names a GenlNames learns (a kernel
// has a few dozen families): a capture naming every id cannot make the
// table large.
const maxGenl = 1024

// GenlNames maps generic netlink family ids to names, as a capture's
// CTRL_CMD_NEWFAMILY messages (or a user) give them.
type GenlNames struct {
	m     map[uint16]GenlName
	specs map[string]GenlName // tables loaded at run time, by family name
}

// NewGenlNames returns a table that knows nlctrl's id alone.
func NewGenlNames() *GenlNames {
	return &GenlNames{m: map[uint16]GenlName{genl.GENL_ID_CTRL: {Name: "nlctrl"}}}
}

// Lookup returns the name of family id.
func (g *GenlNames) Lookup(id uint16) (GenlName, bool) {
	n, ok := g.m[id]
	return n, ok
}

// Add names family id, finding its tables by name: those Spec gave for
// the name, else family/registry's (with its policies if the kernel's
// are generated from the spec).
func (g *GenlNames) Add(id uint16, name string) {
	if n, ok := g.specs[name]; ok {
		g.Put(id, n)
		return
	}
	n := GenlName{Name: name, Tables: registry.Generic(name)}
	if registry.KernelGenerated(name) {
		// Only then are the spec's policies the kernel's: a hand-written
		// family's spec describes its policies in part.
		n.Policy = registry.Policies(name)
	}
	g.Put(id, n)
}

// Spec gives the tables and policies of the family f.Name (made from a
// spec at run time, as ynl/tables does), in place of family/registry's,
// to the ids Add names from now on and those already named so.
func (g *GenlNames) Spec(f *family.Family, policy registry.OpPolicyFunc) {
	n := GenlName{Name: f.Name, Tables: f, Policy: policy}
	if g.specs == nil {
		g.specs = map[string]GenlName{}
	}
	g.specs[f.Name] = n
	for id, old := range g.m {
		if old.Name == f.Name && id != genl.GENL_ID_CTRL {
			g.m[id] = n
		}
	}
}

// Put sets the entry of family id, as Lookup returned it (from another
// table).
func (g *GenlNames) Put(id uint16, n GenlName) { g.m[id] = n }

// Clone returns a copy of the table.
func (g *GenlNames) Clone() *GenlNames {
	return &GenlNames{m: maps.Clone(g.m), specs: g.specs} // specs are not changed after the input starts
}

// Learn learns a family's name from the payload of a CTRL_CMD_NEWFAMILY
// message, and returns the family's id if its name changed. Names longer
// than the kernel's (GENL_NAMSIZ) are ignored, and past 1024 ids only
// known ids are renamed.
func (g *GenlNames) Learn(payload []byte, o nlwire.Order) (uint16, bool) {
	gh, err := genl.ParseHeader(payload, o)
	if err != nil || gh.Cmd != genl.CTRL_CMD_NEWFAMILY {
		return 0, false
	}
	a := attr.NewDecoder(payload[genl.HeaderLen:]).WithOrder(o).Lenient()
	var id uint16
	var name []byte
	for a.Next() {
		switch a.Type() {
		case genl.CTRL_ATTR_FAMILY_ID:
			id = a.Uint16()
		case genl.CTRL_ATTR_FAMILY_NAME:
			name = a.StringBytes()
		}
	}
	if id == 0 || len(name) == 0 || len(name) >= genlNameSize || g.m[id].Name == string(name) {
		return 0, false
	}
	if _, known := g.m[id]; known || len(g.m) < maxGenl {
		g.Add(id, string(name))
		return id, true
	}
	return 0, false
}

// Classify sets k to what the tables say about a message of protocol
// proto in byte order o, with header h and payload (what follows the
// nlmsghdr, as wire.Reader's Header and Payload give them). It fills a
// caller's Kind, which a caller keeps where it likes, rather than
// returning one to be copied.
func (d *Dissector) Classify(k *Kind, proto uint16, o nlwire.Order, h wire.Header, payload []byte) {
	*k = Kind{Header: h, Protocol: proto, Order: o, Family: d.familyName(proto), Op: wire.OpOf(h.Type)}
	if name := wire.TypeName(h.Type); name != "" {
		k.Name = name
		return
	}
	switch proto {
	case ProtoRoute:
		routeKind(k, h, &d.names)
	case ProtoGeneric:
		d.genlKind(k, h, payload, o)
	case ProtoNetfilter:
		netfilterKind(k, h, &d.names)
	case ProtoSockDiag:
		sockDiagKind(k, h, payload, &d.names)
	case ProtoXFRM:
		xfrmKind(k, h, &d.names)
	default:
		k.Name = d.names.name("type ", h.Type, 10)
	}
	if d.Raw != nil {
		d.rawKind(k, proto, h)
	}
}

// routeKind fills in what family/route says about an rtnetlink message.
func routeKind(k *Kind, h wire.Header, names *nameCache) {
	k.Known = true
	if m := route.Messages.Msg(h.Type); m != nil {
		k.Name, k.HeaderLen, k.Attrs = m.Name, m.HeaderLen, m.Attrs
	} else {
		k.Name = names.name("type ", h.Type, 10)
	}
	switch {
	case h.Type >= route.RTM_NEWLINK && h.Type <= route.RTM_SETLINK,
		h.Type >= route.RTM_NEWLINKPROP && h.Type <= route.RTM_GETLINKPROP:
		k.Struct = "ifinfomsg"
	case h.Type >= route.RTM_NEWADDRLABEL && h.Type <= route.RTM_GETADDRLABEL:
		k.Struct = "ifaddrlblmsg"
	case h.Type == route.RTM_GETDCB || h.Type == route.RTM_SETDCB:
		k.Struct = "dcbmsg"
		if h.Type == route.RTM_SETDCB && h.Flags&wire.Request == 0 {
			k.Attrs = &route.DcbSetReplyAttrs // a u8 status for each command answered
		}
	case h.Type >= route.RTM_NEWVLAN && h.Type <= route.RTM_GETVLAN:
		k.Struct = "br_vlan_msg"
	case h.Type >= route.RTM_NEWTUNNEL && h.Type <= route.RTM_GETTUNNEL:
		k.Struct = "tunnel_msg"
	case h.Type == route.RTM_NEWPREFIX:
		k.Struct = "prefixmsg"
	case h.Type == route.RTM_NEWNDUSEROPT:
		// The header's nduseropt_opts_len bytes of ND options come
		// before the attributes: body skips them.
		k.Struct, k.HeaderLen, k.Attrs = "nduseroptmsg", route.NdUserOptMsgLen, &route.NdUserOptAttrs
	case h.Type >= route.RTM_NEWADDR && h.Type <= route.RTM_GETADDR:
		k.Struct = "ifaddrmsg"
	case h.Type >= route.RTM_NEWROUTE && h.Type <= route.RTM_GETROUTE:
		k.Struct = "rtmsg"
	case h.Type >= route.RTM_NEWNEIGH && h.Type <= route.RTM_GETNEIGH:
		k.Struct = "ndmsg"
	case h.Type >= route.RTM_NEWQDISC && h.Type <= route.RTM_GETTFILTER:
		k.Struct = "tcmsg"
	case h.Type >= route.RTM_NEWRULE && h.Type <= route.RTM_GETRULE:
		k.Struct = "fib_rule_hdr"
	case h.Type >= route.RTM_NEWACTION && h.Type <= route.RTM_GETACTION:
		k.Struct = "tcamsg"
	case h.Type >= route.RTM_NEWNEIGHTBL && h.Type <= route.RTM_SETNEIGHTBL:
		k.Struct = "ndtmsg"
	case h.Type >= route.RTM_NEWNETCONF && h.Type <= route.RTM_GETNETCONF:
		k.Struct = "netconfmsg"
	case h.Type >= route.RTM_NEWMDB && h.Type <= route.RTM_GETMDB:
		k.Struct = "br_port_msg"
		switch {
		case h.Flags&wire.Request == 0:
		case h.Type != route.RTM_GETMDB:
			// A request to add or delete an entry, not an entry the
			// kernel sends: MDBA_SET_ENTRY and MDBA_SET_ENTRY_ATTRS.
			k.Attrs = &route.MDBSetAttrs
		case h.Flags&wire.Dump == 0:
			// A request for one entry: MDBA_GET_ENTRY and
			// MDBA_GET_ENTRY_ATTRS.
			k.Attrs = &route.MDBGetAttrs
		}
	case h.Type >= route.RTM_NEWNSID && h.Type <= route.RTM_GETNSID, h.Type == route.RTM_NEWCACHEREPORT:
		k.Struct = "rtgenmsg"
	case h.Type >= route.RTM_NEWSTATS && h.Type <= route.RTM_SETSTATS:
		k.Struct = "if_stats_msg"
	case h.Type >= route.RTM_NEWNEXTHOP && h.Type <= route.RTM_GETNEXTHOP,
		h.Type >= route.RTM_NEWNEXTHOPBUCKET && h.Type <= route.RTM_GETNEXTHOPBUCKET:
		k.Struct = "nhmsg"
	}
	switch (h.Type - route.RTM_NEWLINK) % 4 {
	case 0:
		k.Op = wire.OpNew
	case 1:
		k.Op = wire.OpDelete
	case 2:
		k.Op = wire.OpGet
	}
}

// genlKind fills in what the generic netlink tables say: the family's
// name (learned, or "genl-0xID"), nlctrl's commands and attributes, and
// for a family a YNL spec describes, its operation's name, fixed header
// and attributes (the family's first set if the operation names none).
// A command the spec does not know is named by its number in the
// header, its attributes by theirs.
func (d *Dissector) genlKind(k *Kind, h wire.Header, payload []byte, o nlwire.Order) {
	k.Known, k.HeaderLen, k.Struct = true, genl.HeaderLen, "genlmsghdr"
	gn, ok := d.Genl.Lookup(h.Type)
	if ok {
		k.Name, k.Learned = gn.Name, true
	} else {
		k.Name = d.names.name("genl-0x", h.Type, 16)
	}
	if h.Type == genl.GENL_ID_CTRL {
		if m := genl.Messages.Msg(h.Type); m != nil {
			k.Attrs = m.Attrs
		}
		if gh, err := genl.ParseHeader(payload, o); err == nil {
			if c := genl.Commands.Name(uint16(gh.Cmd)); c != "" {
				k.Cmd = c
			}
		}
	} else if f := gn.Tables; f != nil {
		k.HeaderLen += f.HeaderLen
		if gh, err := genl.ParseHeader(payload, o); err == nil {
			if op := registry.Op(f, gh.Cmd, h.Flags&wire.Request != 0); op != nil {
				k.Cmd = op.Name // the spec's name, plain (TestTableNames)
				if op.HeaderLen > 0 {
					k.HeaderLen = genl.HeaderLen + op.HeaderLen
				}
				k.Attrs = op.Attrs
				if k.Attrs == nil && len(f.Sets) > 0 {
					k.Attrs = f.Sets[0]
				}
			}
		}
	}
	if h.Flags&wire.Request != 0 && h.Flags&wire.Dump != 0 {
		k.Op = wire.OpGet
	}
}
