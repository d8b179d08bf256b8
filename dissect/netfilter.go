package dissect

import (
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/conntrack"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/wire"
)

// ProtoNetfilter is NETLINK_NETFILTER: nfnetlink, whose message types
// carry a subsystem in their high byte and the subsystem's message in
// their low byte, and whose messages start with a struct nfgenmsg.
const ProtoNetfilter = 12

// The netfilter facts of include/uapi/linux/netfilter/nfnetlink.h.
const (
	nfgenmsgLen = 4 // struct nfgenmsg: nfgen_family u8, version u8, res_id be16

	nfnlMsgBatchBegin = wire.MinType     // NFNL_MSG_BATCH_BEGIN; res_id is the subsystem
	nfnlMsgBatchEnd   = wire.MinType + 1 // NFNL_MSG_BATCH_END

	nfnlSubsysCtnetlink = 1  // NFNL_SUBSYS_CTNETLINK
	nfnlSubsysNftables  = 10 // NFNL_SUBSYS_NFTABLES

	ipctnlMsgCtGetStats = 5 // IPCTNL_MSG_CT_GET_STATS: the global counters

	nftMsgGetObjReset = 21 // NFT_MSG_GETOBJ_RESET, which the spec lacks
)

// nfnlSubsystems names the subsystems by number (NFNL_SUBSYS_*).
var nfnlSubsystems = [...]string{
	"NFNL_SUBSYS_NONE", "NFNL_SUBSYS_CTNETLINK", "NFNL_SUBSYS_CTNETLINK_EXP",
	"NFNL_SUBSYS_QUEUE", "NFNL_SUBSYS_ULOG", "NFNL_SUBSYS_OSF", "NFNL_SUBSYS_IPSET",
	"NFNL_SUBSYS_ACCT", "NFNL_SUBSYS_CTNETLINK_TIMEOUT", "NFNL_SUBSYS_CTHELPER",
	"NFNL_SUBSYS_NFTABLES", "NFNL_SUBSYS_NFT_COMPAT", "NFNL_SUBSYS_HOOK",
}

// nftMessages names nf_tables' messages (enum nf_tables_msg_types),
// which the nftables spec names by operation only.
var nftMessages = [...]string{
	"NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE",
	"NFT_MSG_NEWCHAIN", "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN",
	"NFT_MSG_NEWRULE", "NFT_MSG_GETRULE", "NFT_MSG_DELRULE",
	"NFT_MSG_NEWSET", "NFT_MSG_GETSET", "NFT_MSG_DELSET",
	"NFT_MSG_NEWSETELEM", "NFT_MSG_GETSETELEM", "NFT_MSG_DELSETELEM",
	"NFT_MSG_NEWGEN", "NFT_MSG_GETGEN", "NFT_MSG_TRACE",
	"NFT_MSG_NEWOBJ", "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET",
	"NFT_MSG_NEWFLOWTABLE", "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE",
	"NFT_MSG_GETRULE_RESET", "NFT_MSG_DESTROYTABLE", "NFT_MSG_DESTROYCHAIN",
	"NFT_MSG_DESTROYRULE", "NFT_MSG_DESTROYSET", "NFT_MSG_DESTROYSETELEM",
	"NFT_MSG_DESTROYOBJ", "NFT_MSG_DESTROYFLOWTABLE", "NFT_MSG_GETSETELEM_RESET",
}

// ctMessages names ctnetlink's messages (enum cntl_msg_types).
var ctMessages = [...]string{
	"IPCTNL_MSG_CT_NEW", "IPCTNL_MSG_CT_GET", "IPCTNL_MSG_CT_DELETE",
	"IPCTNL_MSG_CT_GET_CTRZERO", "IPCTNL_MSG_CT_GET_STATS_CPU", "IPCTNL_MSG_CT_GET_STATS",
	"IPCTNL_MSG_CT_GET_DYING", "IPCTNL_MSG_CT_GET_UNCONFIRMED",
}

// ctExpMessages names the expectation messages (enum ctnl_exp_msg_types).
var ctExpMessages = [...]string{
	"IPCTNL_MSG_EXP_NEW", "IPCTNL_MSG_EXP_GET", "IPCTNL_MSG_EXP_DELETE", "IPCTNL_MSG_EXP_GET_STATS_CPU",
}

// CtStatsGlobalAttrs is the attribute space of IPCTNL_MSG_CT_GET_STATS's
// answer (enum ctattr_stats_global), which the conntrack spec does not
// describe: the kernel puts both values with nla_put_be32.
var CtStatsGlobalAttrs = family.Set{Space: "CTA_STATS_GLOBAL", Attrs: []family.Attr{
	1: {Name: "CTA_STATS_GLOBAL_ENTRIES", Format: family.BE32},
	2: {Name: "CTA_STATS_GLOBAL_MAX_ENTRIES", Format: family.BE32},
}}

// NftSetAttrs is the nftables spec's set-attrs with the attributes the
// spec lacks and include/uapi/linux/netfilter/nf_tables.h defines (Linux
// 6.18 puts both in its NEWSET replies): NFTA_SET_TYPE (19, the set
// backend's type, a string) and NFTA_SET_COUNT (20, the number of
// elements, a u32 that nf_tables puts big-endian). They are named as
// the spec names its own.
var NftSetAttrs = family.Set{Space: nftables.SetAttrs.Space, Attrs: withNftSetTypeCount(nftables.SetAttrs.Attrs)}

// withNftSetTypeCount returns a copy of the spec's set-attrs with
// NFTA_SET_TYPE and NFTA_SET_COUNT.
func withNftSetTypeCount(spec []family.Attr) []family.Attr {
	const nftaSetType, nftaSetCount = 19, 20
	a := make([]family.Attr, max(len(spec), nftaSetCount+1))
	copy(a, spec)
	if a[nftaSetType].Name == "" {
		a[nftaSetType] = family.Attr{Name: "NFTABLES_A_SET_ATTRS_TYPE", Format: family.String}
	}
	if a[nftaSetCount].Name == "" {
		a[nftaSetCount] = family.Attr{Name: "NFTABLES_A_SET_ATTRS_COUNT", Format: family.BE32}
	}
	return a
}

// netfilterKind fills in what the tables say about an nfnetlink message:
// the nfgenmsg header; the batch delimiters by name; the nftables and
// ctnetlink messages by their UAPI names, with the attribute sets of the
// nftables and conntrack specs; the other subsystems by name, their
// messages by number and their attributes by type. A subsystem past
// NFNL_SUBSYS_HOOK, or another subsystem's message the tables do not
// name, is named by its number, from names (built once a number).
func netfilterKind(k *Kind, h wire.Header, names *nameCache) {
	k.Known, k.HeaderLen, k.Struct = true, nfgenmsgLen, "nfgenmsg"
	switch h.Type {
	case nfnlMsgBatchBegin, nfnlMsgBatchEnd:
		k.Name = "NFNL_MSG_BATCH_BEGIN"
		if h.Type == nfnlMsgBatchEnd {
			k.Name = "NFNL_MSG_BATCH_END"
		}
		k.Attrs = &nftables.BatchAttrs // NFNL_BATCH_GENID, for every subsystem
		return
	}
	sub, msg := h.Type>>8, h.Type&0xff
	request := h.Flags&wire.Request != 0
	switch {
	case sub == nfnlSubsysNftables:
		k.Name, k.Cmd = "nftables", pick(nftMessages[:], msg)
		k.Attrs = specAttrs(&nftables.Family, h.Type, request)
		switch {
		case msg == nftMsgGetObjReset:
			k.Attrs = &nftables.ObjAttrs // nf_tables reads it as NFT_MSG_GETOBJ
		case k.Attrs == &nftables.SetAttrs:
			k.Attrs = &NftSetAttrs
		}
		k.Op = nfOp(k.Cmd)
	case sub == nfnlSubsysCtnetlink:
		k.Name, k.Cmd = "conntrack", pick(ctMessages[:], msg)
		k.Op = nfOp(k.Cmd)
		switch {
		case msg == ipctnlMsgCtGetStats:
			k.Attrs = &CtStatsGlobalAttrs
		case k.Cmd == "":
		default:
			// The spec's operations cover IPCTNL_MSG_CT_NEW, _GET and
			// _GET_STATS_CPU; ctnetlink reads and writes the other
			// messages' attributes by the same conntrack-attrs.
			k.Attrs = specAttrs(&conntrack.Family, h.Type, request)
			if k.Attrs == nil {
				k.Attrs = &conntrack.ConntrackAttrs
			}
		}
	case int(sub) < len(nfnlSubsystems):
		k.Name = nfnlSubsystems[sub]
		if sub == nfnlSubsysCtnetlink+1 {
			k.Cmd = pick(ctExpMessages[:], msg)
		}
	default:
		k.Name = names.name("NFNL_SUBSYS ", uint16(sub), 10)
	}
	if k.Cmd == "" {
		k.Cmd = names.name("msg ", uint16(msg), 10)
	}
}

// pick returns names[i], or "" past its end.
func pick(names []string, i uint16) string {
	if int(i) < len(names) {
		return names[i]
	}
	return ""
}

// nfOp says how to read a netfilter message's flag modifiers from its
// name: NLM_F_CREATE and friends for a NEW, NLM_F_DUMP and friends for
// a GET, NLM_F_NONREC and NLM_F_BULK for a DEL or DESTROY.
func nfOp(name string) wire.Op {
	switch {
	case strings.Contains(name, "_NEW"):
		return wire.OpNew
	case strings.Contains(name, "_GET"):
		return wire.OpGet
	case strings.Contains(name, "_DEL"), strings.Contains(name, "_DESTROY"):
		return wire.OpDelete
	}
	return wire.OpUnknown
}

// specAttrs returns the attribute set a spec's operation gives message
// type t: the operation whose request (or, for a message the kernel
// sends, reply) id is t, else any operation using t in either
// direction; nil if none does.
func specAttrs(f *family.Family, t uint16, request bool) *family.Set {
	var any *family.Set
	for i := range f.Ops {
		o := &f.Ops[i]
		id := o.Reply
		if request {
			id = o.Request
		}
		if id == int32(t) {
			return o.Attrs
		}
		if any == nil && (o.Request == int32(t) || o.Reply == int32(t)) {
			any = o.Attrs
		}
	}
	return any
}

// anyType returns the attribute the kernel reads every type of set s as,
// or nil. nf_tables reads each element of NFTA_SET_ELEM_LIST_ELEMENTS
// whatever its type (nla_for_each_nested, no type check), and libnftnl
// numbers them 1, 2, 3, ...; the nftables spec names type 1 alone
// (NFTA_LIST_ELEM, multi-attr).
func anyType(s *family.Set) *family.Attr {
	if s == &nftables.SetelemListElemAttrs {
		return &s.Attrs[nftables.NFTABLES_A_SETELEM_LIST_ELEM_ATTRS_ELEM]
	}
	return nil
}
