package dissect

import (
	"net/netip"

	"github.com/nlwire/nlwire/family/sockdiag"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/wire"
)

// The netlink protocols whose tables family/sockdiag and family/xfrm
// hold.
const (
	ProtoSockDiag = 4 // NETLINK_SOCK_DIAG (NETLINK_INET_DIAG)
	ProtoXFRM     = 6 // NETLINK_XFRM
)

// sockDiagKind fills in what family/sockdiag says about a message: its
// header and attributes depend on its direction and, for
// SOCK_DIAG_BY_FAMILY and SOCK_DESTROY, on the address family in the
// payload's first byte. A family without tables (AF_SMC, AF_TIPC, ...)
// leaves the payload as bytes.
func sockDiagKind(k *Kind, h wire.Header, payload []byte, names *nameCache) {
	var af uint8
	if len(payload) > 0 {
		af = payload[0]
	}
	switch h.Type {
	case sockdiag.SOCK_DESTROY:
		k.Op = wire.OpDelete
	case sockdiag.SOCK_DIAG_BY_FAMILY, sockdiag.TCPDIAG_GETSOCK, sockdiag.DCCPDIAG_GETSOCK:
		k.Op = wire.OpGet
	}
	m := sockdiag.Lookup(h.Type, h.Flags&wire.Request != 0, af)
	if m == nil {
		if k.Name = sockdiag.Messages.Name(h.Type); k.Name == "" {
			k.Name = names.name("type ", h.Type, 10)
		}
		return
	}
	k.Known = true
	k.Name, k.HeaderLen, k.Attrs, k.Struct = m.Name, m.HeaderLen, m.Attrs, m.Struct
}

// xfrmKind fills in what family/xfrm says about a message; the dump
// requests of XFRM_MSG_GETSA and XFRM_MSG_GETPOLICY have no fixed
// header.
func xfrmKind(k *Kind, h wire.Header, names *nameCache) {
	dump := h.Flags&wire.Request != 0 && h.Flags&wire.Dump != 0
	m := xfrm.Lookup(h.Type, dump)
	if m == nil {
		k.Name = names.name("type ", h.Type, 10)
		return
	}
	k.Known = true
	k.Name, k.HeaderLen, k.Attrs = m.Name, m.HeaderLen, m.Attrs
	if m.HeaderLen > 0 {
		k.Struct = xfrm.Struct(h.Type)
	}
	switch h.Type {
	case xfrm.XFRM_MSG_NEWSA, xfrm.XFRM_MSG_NEWPOLICY, xfrm.XFRM_MSG_ALLOCSPI, xfrm.XFRM_MSG_NEWAE,
		xfrm.XFRM_MSG_NEWSADINFO, xfrm.XFRM_MSG_NEWSPDINFO:
		k.Op = wire.OpNew
	case xfrm.XFRM_MSG_DELSA, xfrm.XFRM_MSG_DELPOLICY, xfrm.XFRM_MSG_FLUSHSA, xfrm.XFRM_MSG_FLUSHPOLICY:
		k.Op = wire.OpDelete
	case xfrm.XFRM_MSG_GETSA, xfrm.XFRM_MSG_GETPOLICY, xfrm.XFRM_MSG_GETAE, xfrm.XFRM_MSG_GETSADINFO,
		xfrm.XFRM_MSG_GETSPDINFO, xfrm.XFRM_MSG_GETDEFAULT:
		k.Op = wire.OpGet
	}
}

// fieldList fills a Header's Fields and Addrs in the Dissector's
// storage, without allocating.
type fieldList struct {
	d     *Dissector
	n, na int
	full  bool // a field did not fit the storage
}

func (l *fieldList) add(name string, v int64) {
	if l.n < len(l.d.fields) {
		l.d.fields[l.n] = Field{Name: name, Value: v}
		l.n++
	} else {
		l.full = true
	}
}

// u64 adds a u64 field, by its own kind: its value may be above what an
// int64 holds.
func (l *fieldList) u64(name string, v uint64) {
	if l.n < len(l.d.fields) {
		l.d.fields[l.n] = Field{Name: name, Kind: FieldU64, Uint: v}
		l.n++
	} else {
		l.full = true
	}
}

// bytes adds a string (a NUL-padded char array, cut at its first NUL)
// or a byte field.
func (l *fieldList) bytes(name string, k FieldKind, b []byte) {
	if k == FieldString {
		if i := indexNUL(b); i >= 0 {
			b = b[:i]
		}
	}
	if l.n < len(l.d.fields) {
		l.d.fields[l.n] = Field{Name: name, Kind: k, Bytes: b}
		l.n++
	} else {
		l.full = true
	}
}

// indexNUL returns the index of b's first NUL, or -1.
func indexNUL(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

// addr adds an address field: a, or if a is the zero netip.Addr (an
// address of another family than IPv4 or IPv6) the field's bytes raw.
func (l *fieldList) addr(name string, a netip.Addr, raw [16]byte) {
	f := AddrField{Name: name, Addr: a}
	if !a.IsValid() {
		f.Addr, f.Other = netip.AddrFrom16(raw), true
	}
	if l.na < len(l.d.addrs) {
		l.d.addrs[l.na] = f
		l.na++
	} else {
		l.full = true
	}
}

func (l *fieldList) u32(name string, v uint32) { l.add(name, int64(v)) }

// diagHeader decodes the fixed header p of a NETLINK_SOCK_DIAG or
// NETLINK_XFRM message into h's Fields (by the C members' names, their
// prefixes dropped as for the route headers) and Addrs, and returns the
// number of fields, 0 if k.Struct is not one of theirs. Every member
// is given: u64 ones (xfrm_lifetime_cfg's limits, mostly XFRM_INF) as
// FieldU64.
func (d *Dissector) diagHeader(h *Header, p []byte, k *Kind) int {
	l := fieldList{d: d}
	o := k.Order
	switch k.Struct {
	case "inet_diag_msg":
		m, _ := sockdiag.ParseInetDiagMsg(p, o)
		l.add("family", int64(m.Family))
		l.add("state", int64(m.State))
		l.add("timer", int64(m.Timer))
		l.add("retrans", int64(m.Retrans))
		l.sockID(&m.ID, m.Family)
		l.u32("expires", m.Expires)
		l.u32("rqueue", m.RQueue)
		l.u32("wqueue", m.WQueue)
		l.u32("uid", m.UID)
		l.u32("inode", m.Inode)
	case "inet_diag_req_v2":
		m, _ := sockdiag.ParseInetDiagReqV2(p, o)
		l.add("family", int64(m.Family))
		l.add("protocol", int64(m.Protocol))
		l.add("ext", int64(m.Ext))
		l.add("pad", int64(m.RawProtocol))
		l.u32("states", m.States)
		l.sockID(&m.ID, m.Family)
	case "inet_diag_req":
		m, _ := sockdiag.ParseInetDiagReq(p, o)
		l.add("family", int64(m.Family))
		l.add("src_len", int64(m.SrcLen))
		l.add("dst_len", int64(m.DstLen))
		l.add("ext", int64(m.Ext))
		l.sockID(&m.ID, m.Family)
		l.u32("states", m.States)
		l.u32("dbs", m.DBs)
	case "unix_diag_req":
		m, _ := sockdiag.ParseUnixDiagReq(p, o)
		l.diagReq(m.Family, m.Protocol, true, m.States, m.Ino, m.Show, m.Cookie)
	case "unix_diag_msg":
		m, _ := sockdiag.ParseUnixDiagMsg(p, o)
		l.add("family", int64(m.Family))
		l.add("type", int64(m.Type))
		l.add("state", int64(m.State))
		l.u32("ino", m.Ino)
		l.cookie(m.Cookie)
	case "netlink_diag_req":
		m, _ := sockdiag.ParseNetlinkDiagReq(p, o)
		l.diagReq(m.Family, m.Protocol, false, 0, m.Ino, m.Show, m.Cookie)
	case "netlink_diag_msg":
		m, _ := sockdiag.ParseNetlinkDiagMsg(p, o)
		l.add("family", int64(m.Family))
		l.add("type", int64(m.Type))
		l.add("protocol", int64(m.Protocol))
		l.add("state", int64(m.State))
		l.u32("portid", m.PortID)
		l.u32("dst_portid", m.DstPortID)
		l.u32("dst_group", m.DstGroup)
		l.u32("ino", m.Ino)
		l.cookie(m.Cookie)
	case "packet_diag_req":
		m, _ := sockdiag.ParsePacketDiagReq(p, o)
		l.diagReq(m.Family, m.Protocol, false, 0, m.Ino, m.Show, m.Cookie)
	case "packet_diag_msg":
		m, _ := sockdiag.ParsePacketDiagMsg(p, o)
		l.add("family", int64(m.Family))
		l.add("type", int64(m.Type))
		l.add("num", int64(m.Num))
		l.u32("ino", m.Ino)
		l.cookie(m.Cookie)
	case "vsock_diag_req":
		m, _ := sockdiag.ParseVsockDiagReq(p, o)
		l.diagReq(m.Family, m.Protocol, true, m.States, m.Ino, m.Show, m.Cookie)
	case "vsock_diag_msg":
		m, _ := sockdiag.ParseVsockDiagMsg(p, o)
		l.add("family", int64(m.Family))
		l.add("type", int64(m.Type))
		l.add("state", int64(m.State))
		l.add("shutdown", int64(m.Shutdown))
		l.u32("src_cid", m.SrcCID)
		l.u32("src_port", m.SrcPort)
		l.u32("dst_cid", m.DstCID)
		l.u32("dst_port", m.DstPort)
		l.u32("ino", m.Ino)
		l.cookie(m.Cookie)
	default:
		l.xfrmHeader(p, k)
	}
	if l.na > 0 {
		h.Addrs = d.addrs[:l.na]
	}
	return l.n
}

// sockID adds an inet_diag_sockid's members, its addresses by the
// header's address family.
func (l *fieldList) sockID(id *sockdiag.SockID, af uint8) {
	l.add("id.sport", int64(id.Sport))
	l.add("id.dport", int64(id.Dport))
	l.addr("id.src", id.SrcAddr(af), id.Src)
	l.addr("id.dst", id.DstAddr(af), id.Dst)
	l.u32("id.if", id.If)
	l.u32("id.cookie[0]", id.Cookie[0])
	l.u32("id.cookie[1]", id.Cookie[1])
}

// diagReq adds the members of a unix_diag_req, netlink_diag_req,
// packet_diag_req or vsock_diag_req, which differ only in whether they
// have states (unix and vsock do): family, protocol, states, ino, show
// and the cookie.
func (l *fieldList) diagReq(family, protocol uint8, hasStates bool, states, ino, show uint32, c sockdiag.Cookie) {
	l.add("family", int64(family))
	l.add("protocol", int64(protocol))
	if hasStates {
		l.u32("states", states)
	}
	l.u32("ino", ino)
	l.u32("show", show)
	l.cookie(c)
}

func (l *fieldList) cookie(c sockdiag.Cookie) {
	l.u32("cookie[0]", c[0])
	l.u32("cookie[1]", c[1])
}

// xfrmHeader adds the members of an xfrm message's fixed header.
func (l *fieldList) xfrmHeader(p []byte, k *Kind) {
	o := k.Order
	switch k.Struct {
	case "xfrm_usersa_info":
		m, _ := xfrm.ParseUsersaInfo(p, o)
		l.usersaInfo(&saTop, &m)
		l.d.xfrmAF = m.Family
	case "xfrm_usersa_id":
		m, _ := xfrm.ParseUsersaID(p, o)
		l.usersaID(topSAID, &m)
		l.d.xfrmAF = m.Family
	case "xfrm_aevent_id":
		m, _ := xfrm.ParseAeventID(p, o)
		l.d.xfrmAF = m.SaID.Family
		l.usersaID(saIDSAID, &m.SaID)
		l.addr("saddr", m.Saddr.Addr(m.SaID.Family), m.Saddr)
		l.u32("flags", m.Flags)
		l.u32("reqid", m.Reqid)
	case "xfrm_userspi_info":
		m, _ := xfrm.ParseUserspiInfo(p, o)
		l.usersaInfo(&saInfo, &m.Info)
		l.d.xfrmAF = m.Info.Family
		l.u32("min", m.Min)
		l.u32("max", m.Max)
	case "xfrm_userpolicy_info":
		m, _ := xfrm.ParseUserpolicyInfo(p, o)
		l.userpolicyInfo(&polTop, &m)
		l.d.xfrmAF = m.Sel.Family
	case "xfrm_userpolicy_id":
		m, _ := xfrm.ParseUserpolicyID(p, o)
		l.d.xfrmAF = m.Sel.Family
		l.selector(topSel, &m.Sel, xfrm.AF_UNSPEC)
		l.u32("index", m.Index)
		l.add("dir", int64(m.Dir))
	case "xfrm_user_acquire":
		m, _ := xfrm.ParseUserAcquire(p, o)
		l.d.xfrmAF = m.Sel.Family
		l.id(topID, &m.ID, m.Sel.Family)
		l.addr("saddr", m.Saddr.Addr(m.Sel.Family), m.Saddr)
		l.selector(topSel, &m.Sel, xfrm.AF_UNSPEC)
		l.userpolicyInfo(&polPolicy, &m.Policy)
		l.u32("aalgos", m.Aalgos)
		l.u32("ealgos", m.Ealgos)
		l.u32("calgos", m.Calgos)
		l.u32("seq", m.Seq)
	case "xfrm_user_expire":
		m, _ := xfrm.ParseUserExpire(p, o)
		l.usersaInfo(&saState, &m.State)
		l.d.xfrmAF = m.State.Family
		l.add("hard", int64(m.Hard))
	case "xfrm_user_polexpire":
		m, _ := xfrm.ParseUserPolexpire(p, o)
		l.d.xfrmAF = m.Pol.Sel.Family
		l.userpolicyInfo(&polPol, &m.Pol)
		l.add("hard", int64(m.Hard))
	case "xfrm_usersa_flush":
		l.add("proto", int64(p[0]))
	case "xfrm_user_report":
		m, _ := xfrm.ParseUserReport(p, o)
		l.d.xfrmAF = m.Sel.Family
		l.add("proto", int64(m.Proto))
		l.selector(topSel, &m.Sel, xfrm.AF_UNSPEC)
	case "xfrm_user_mapping":
		m, _ := xfrm.ParseUserMapping(p, o)
		l.usersaID(idSAID, &m.ID)
		l.d.xfrmAF = m.ID.Family
		l.u32("reqid", m.Reqid)
		l.addr("old_saddr", m.OldSaddr.Addr(m.ID.Family), m.OldSaddr)
		l.addr("new_saddr", m.NewSaddr.Addr(m.ID.Family), m.NewSaddr)
		l.add("old_sport", int64(m.OldSport))
		l.add("new_sport", int64(m.NewSport))
	case "xfrm_userpolicy_default":
		l.add("in", int64(p[0]))
		l.add("fwd", int64(p[1]))
		l.add("out", int64(p[2]))
	case "u32":
		l.u32("flags", endian.Uint32(p[:4], o.Swap()))
	}
}

// The names of the members of the xfrm structs that others embed, each
// after the path of the embedding member: made once, so that a header's
// fields cost no allocation.
var (
	selMembers = []string{"daddr", "saddr", "dport", "dport_mask", "sport", "sport_mask",
		"family", "prefixlen_d", "prefixlen_s", "proto", "ifindex", "user"}
	idMembers  = []string{"daddr", "spi", "proto"}
	curMembers = []string{"bytes", "packets", "add_time", "use_time"}
	lftMembers = []string{"soft_byte_limit", "hard_byte_limit", "soft_packet_limit", "hard_packet_limit",
		"soft_add_expires_seconds", "hard_add_expires_seconds", "soft_use_expires_seconds", "hard_use_expires_seconds"}
	saMembers = []string{"saddr", "stats.replay_window", "stats.replay", "stats.integrity_failed",
		"seq", "reqid", "family", "mode", "replay_window", "flags"}
	saIDMembers = []string{"daddr", "spi", "family", "proto"}
	polMembers  = []string{"priority", "index", "dir", "action", "flags", "share"}
	topSel      = prefixed("sel.", selMembers)
	topID       = prefixed("id.", idMembers)
	topSAID     = prefixed("", saIDMembers)
	saIDSAID    = prefixed("sa_id.", saIDMembers)
	idSAID      = prefixed("id.", saIDMembers)
	saTop       = newSANames("")
	saInfo      = newSANames("info.")
	saState     = newSANames("state.")
	polTop      = newPolNames("")
	polPolicy   = newPolNames("policy.")
	polPol      = newPolNames("pol.")
)

// prefixed returns the members' names after prefix p.
func prefixed(p string, members []string) []string {
	out := make([]string, len(members))
	for i, m := range members {
		out[i] = p + m
	}
	return out
}

// saNames are the names of an xfrm_usersa_info's members.
type saNames struct{ sel, id, lft, cur, rest []string }

func newSANames(p string) saNames {
	return saNames{prefixed(p+"sel.", selMembers), prefixed(p+"id.", idMembers), prefixed(p+"lft.", lftMembers),
		prefixed(p+"curlft.", curMembers), prefixed(p, saMembers)}
}

// polNames are the names of an xfrm_userpolicy_info's members.
type polNames struct{ sel, lft, cur, rest []string }

func newPolNames(p string) polNames {
	return polNames{prefixed(p+"sel.", selMembers), prefixed(p+"lft.", lftMembers), prefixed(p+"curlft.", curMembers), prefixed(p, polMembers)}
}

// selector adds a selector's members; its addresses are of its family,
// or if that is AF_UNSPEC, of af (the SA's, as the kernel takes it).
func (l *fieldList) selector(n []string, s *xfrm.Selector, af uint16) {
	if s.Family != xfrm.AF_UNSPEC {
		af = s.Family
	}
	l.addr(n[0], s.Daddr.Addr(af), s.Daddr)
	l.addr(n[1], s.Saddr.Addr(af), s.Saddr)
	l.add(n[2], int64(s.Dport))
	l.add(n[3], int64(s.DportMask))
	l.add(n[4], int64(s.Sport))
	l.add(n[5], int64(s.SportMask))
	l.add(n[6], int64(s.Family))
	l.add(n[7], int64(s.PrefixlenD))
	l.add(n[8], int64(s.PrefixlenS))
	l.add(n[9], int64(s.Proto))
	l.add(n[10], int64(s.Ifindex))
	l.u32(n[11], s.User)
}

func (l *fieldList) id(n []string, id *xfrm.ID, af uint16) {
	l.addr(n[0], id.Daddr.Addr(af), id.Daddr)
	l.u32(n[1], id.SPI)
	l.add(n[2], int64(id.Proto))
}

func (l *fieldList) curlft(n []string, c *xfrm.LifetimeCur) {
	l.u64(n[0], c.Bytes)
	l.u64(n[1], c.Packets)
	l.u64(n[2], c.AddTime)
	l.u64(n[3], c.UseTime)
}

func (l *fieldList) lft(n []string, c *xfrm.LifetimeCfg) {
	l.u64(n[0], c.SoftByteLimit)
	l.u64(n[1], c.HardByteLimit)
	l.u64(n[2], c.SoftPacketLimit)
	l.u64(n[3], c.HardPacketLimit)
	l.u64(n[4], c.SoftAddExpiresSeconds)
	l.u64(n[5], c.HardAddExpiresSeconds)
	l.u64(n[6], c.SoftUseExpiresSeconds)
	l.u64(n[7], c.HardUseExpiresSeconds)
}

func (l *fieldList) usersaInfo(n *saNames, m *xfrm.UsersaInfo) {
	l.selector(n.sel, &m.Sel, m.Family)
	l.id(n.id, &m.ID, m.Family)
	r := n.rest
	l.addr(r[0], m.Saddr.Addr(m.Family), m.Saddr)
	l.lft(n.lft, &m.Lft)
	l.curlft(n.cur, &m.Curlft)
	l.u32(r[1], m.Stats.ReplayWindow)
	l.u32(r[2], m.Stats.Replay)
	l.u32(r[3], m.Stats.IntegrityFailed)
	l.u32(r[4], m.Seq)
	l.u32(r[5], m.Reqid)
	l.add(r[6], int64(m.Family))
	l.add(r[7], int64(m.Mode))
	l.add(r[8], int64(m.ReplayWindow))
	l.add(r[9], int64(m.Flags))
}

func (l *fieldList) usersaID(n []string, m *xfrm.UsersaID) {
	l.addr(n[0], m.Daddr.Addr(m.Family), m.Daddr)
	l.u32(n[1], m.SPI)
	l.add(n[2], int64(m.Family))
	l.add(n[3], int64(m.Proto))
}

func (l *fieldList) userpolicyInfo(n *polNames, m *xfrm.UserpolicyInfo) {
	l.selector(n.sel, &m.Sel, xfrm.AF_UNSPEC)
	l.lft(n.lft, &m.Lft)
	l.curlft(n.cur, &m.Curlft)
	r := n.rest
	l.u32(r[0], m.Priority)
	l.u32(r[1], m.Index)
	l.add(r[2], int64(m.Dir))
	l.add(r[3], int64(m.Action))
	l.add(r[4], int64(m.Flags))
	l.add(r[5], int64(m.Share))
}
