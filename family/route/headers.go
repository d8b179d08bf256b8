package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
)

// Sizes of the NETLINK_ROUTE family headers.
const (
	IfInfoMsgLen = 16 // sizeof(struct ifinfomsg)
	IfAddrMsgLen = 8  // sizeof(struct ifaddrmsg)
	RtMsgLen     = 12 // sizeof(struct rtmsg)
	NdMsgLen     = 12 // sizeof(struct ndmsg)
	TcMsgLen     = 20 // sizeof(struct tcmsg)
	RtNexthopLen = 8  // sizeof(struct rtnexthop)
)

func short(name string, have, want int) error {
	return &family.HeaderError{Struct: name, Len: have, Want: want}
}

// IfInfoMsg is the family header of link messages (struct ifinfomsg,
// include/uapi/linux/rtnetlink.h). Its padding byte is written as zero
// and ignored when parsing.
type IfInfoMsg struct {
	Family uint8  // ifi_family: AF_UNSPEC, or AF_BRIDGE for bridge port messages
	Type   uint16 // ifi_type: ARPHRD_*
	Index  int32  // ifi_index: interface index
	Flags  uint32 // ifi_flags: IFF_*
	Change uint32 // ifi_change: IFF_* bits to change (0xffffffff for all)
}

// ParseIfInfoMsg decodes the struct ifinfomsg at the start of b, in
// byte order o. A b shorter than IfInfoMsgLen yields a *family.HeaderError.
func ParseIfInfoMsg(b []byte, o nlwire.Order) (IfInfoMsg, error) {
	if len(b) < IfInfoMsgLen {
		return IfInfoMsg{}, short("ifinfomsg", len(b), IfInfoMsgLen)
	}
	s := o.Swap()
	return IfInfoMsg{
		Family: b[0],
		Type:   endian.Uint16(b[2:4], s),
		Index:  int32(endian.Uint32(b[4:8], s)),
		Flags:  endian.Uint32(b[8:12], s),
		Change: endian.Uint32(b[12:16], s),
	}, nil
}

// Put writes m into b[:IfInfoMsgLen] in byte order o and reports whether
// b was long enough (it writes nothing otherwise). To write m into a
// message, wire.PutFixedHeader(&b, m) calls it with the Builder's own
// order; Put itself is for a buffer of one's own, such as one from
// attr.Encoder.Header.
func (m IfInfoMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < IfInfoMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1] = m.Family, 0
	endian.PutUint16(b[2:4], m.Type, s)
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	endian.PutUint32(b[8:12], m.Flags, s)
	endian.PutUint32(b[12:16], m.Change, s)
	return true
}

// Len returns IfInfoMsgLen, sizeof(struct ifinfomsg): with Put, it makes IfInfoMsg a
// wire.FixedHeader.
func (m IfInfoMsg) Len() int { return IfInfoMsgLen }

// Append appends m to b in byte order o.
func (m IfInfoMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, IfInfoMsgLen)...)
	m.Put(b[len(b)-IfInfoMsgLen:], o)
	return b
}

// IfAddrMsg is the family header of address messages (struct ifaddrmsg,
// include/uapi/linux/if_addr.h).
type IfAddrMsg struct {
	Family    uint8  // ifa_family: AF_INET or AF_INET6
	PrefixLen uint8  // ifa_prefixlen
	Flags     uint8  // ifa_flags: the low 8 IFA_F_* bits (IFA_FLAGS holds all)
	Scope     uint8  // ifa_scope: RT_SCOPE_*
	Index     uint32 // ifa_index: interface index
}

// ParseIfAddrMsg decodes the struct ifaddrmsg at the start of b, in byte
// order o. A b shorter than IfAddrMsgLen yields a *family.HeaderError.
func ParseIfAddrMsg(b []byte, o nlwire.Order) (IfAddrMsg, error) {
	if len(b) < IfAddrMsgLen {
		return IfAddrMsg{}, short("ifaddrmsg", len(b), IfAddrMsgLen)
	}
	return IfAddrMsg{
		Family: b[0], PrefixLen: b[1], Flags: b[2], Scope: b[3],
		Index: endian.Uint32(b[4:8], o.Swap()),
	}, nil
}

// Put writes m into b[:IfAddrMsgLen] in byte order o and reports whether
// b was long enough.
func (m IfAddrMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < IfAddrMsgLen {
		return false
	}
	b[0], b[1], b[2], b[3] = m.Family, m.PrefixLen, m.Flags, m.Scope
	endian.PutUint32(b[4:8], m.Index, o.Swap())
	return true
}

// Len returns IfAddrMsgLen, sizeof(struct ifaddrmsg): with Put, it makes IfAddrMsg a
// wire.FixedHeader.
func (m IfAddrMsg) Len() int { return IfAddrMsgLen }

// Append appends m to b in byte order o.
func (m IfAddrMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, IfAddrMsgLen)...)
	m.Put(b[len(b)-IfAddrMsgLen:], o)
	return b
}

// RtMsg is the family header of route messages (struct rtmsg,
// include/uapi/linux/rtnetlink.h).
type RtMsg struct {
	Family   uint8  // rtm_family: AF_INET, AF_INET6, ...
	DstLen   uint8  // rtm_dst_len: destination prefix length
	SrcLen   uint8  // rtm_src_len: source prefix length
	TOS      uint8  // rtm_tos: TOS filter
	Table    uint8  // rtm_table: routing table ID (RT_TABLE_*; RTA_TABLE holds IDs above 255)
	Protocol uint8  // rtm_protocol: RTPROT_*
	Scope    uint8  // rtm_scope: RT_SCOPE_*
	Type     uint8  // rtm_type: RTN_*
	Flags    uint32 // rtm_flags: RTM_F_* and RTNH_F_*
}

// ParseRtMsg decodes the struct rtmsg at the start of b, in byte order
// o. A b shorter than RtMsgLen yields a *family.HeaderError.
func ParseRtMsg(b []byte, o nlwire.Order) (RtMsg, error) {
	if len(b) < RtMsgLen {
		return RtMsg{}, short("rtmsg", len(b), RtMsgLen)
	}
	return RtMsg{
		Family: b[0], DstLen: b[1], SrcLen: b[2], TOS: b[3],
		Table: b[4], Protocol: b[5], Scope: b[6], Type: b[7],
		Flags: endian.Uint32(b[8:12], o.Swap()),
	}, nil
}

// Put writes m into b[:RtMsgLen] in byte order o and reports whether b
// was long enough.
func (m RtMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < RtMsgLen {
		return false
	}
	b[0], b[1], b[2], b[3] = m.Family, m.DstLen, m.SrcLen, m.TOS
	b[4], b[5], b[6], b[7] = m.Table, m.Protocol, m.Scope, m.Type
	endian.PutUint32(b[8:12], m.Flags, o.Swap())
	return true
}

// Len returns RtMsgLen, sizeof(struct rtmsg): with Put, it makes RtMsg a
// wire.FixedHeader.
func (m RtMsg) Len() int { return RtMsgLen }

// Append appends m to b in byte order o.
func (m RtMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, RtMsgLen)...)
	m.Put(b[len(b)-RtMsgLen:], o)
	return b
}

// NdMsg is the family header of neighbour messages (struct ndmsg,
// include/uapi/linux/neighbour.h). Its padding is written as zero and
// ignored when parsing.
type NdMsg struct {
	Family uint8  // ndm_family: AF_INET, AF_INET6, AF_BRIDGE
	Index  int32  // ndm_ifindex: interface index
	State  uint16 // ndm_state: NUD_*
	Flags  uint8  // ndm_flags: NTF_*
	Type   uint8  // ndm_type: RTN_*
}

// ParseNdMsg decodes the struct ndmsg at the start of b, in byte order
// o. A b shorter than NdMsgLen yields a *family.HeaderError.
func ParseNdMsg(b []byte, o nlwire.Order) (NdMsg, error) {
	if len(b) < NdMsgLen {
		return NdMsg{}, short("ndmsg", len(b), NdMsgLen)
	}
	s := o.Swap()
	return NdMsg{
		Family: b[0],
		Index:  int32(endian.Uint32(b[4:8], s)),
		State:  endian.Uint16(b[8:10], s),
		Flags:  b[10],
		Type:   b[11],
	}, nil
}

// Put writes m into b[:NdMsgLen] in byte order o and reports whether b
// was long enough.
func (m NdMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NdMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, 0, 0, 0
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	endian.PutUint16(b[8:10], m.State, s)
	b[10], b[11] = m.Flags, m.Type
	return true
}

// Len returns NdMsgLen, sizeof(struct ndmsg): with Put, it makes NdMsg a
// wire.FixedHeader.
func (m NdMsg) Len() int { return NdMsgLen }

// Append appends m to b in byte order o.
func (m NdMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, NdMsgLen)...)
	m.Put(b[len(b)-NdMsgLen:], o)
	return b
}

// TcMsg is the family header of traffic-control messages (struct tcmsg,
// include/uapi/linux/rtnetlink.h). Its padding is written as zero and
// ignored when parsing.
type TcMsg struct {
	Family uint8  // tcm_family: AF_UNSPEC
	Index  int32  // tcm_ifindex: interface index
	Handle uint32 // tcm_handle: qdisc or class handle
	Parent uint32 // tcm_parent: parent handle
	Info   uint32 // tcm_info: filter priority and protocol, or qdisc refcount
}

// ParseTcMsg decodes the struct tcmsg at the start of b, in byte order
// o. A b shorter than TcMsgLen yields a *family.HeaderError.
func ParseTcMsg(b []byte, o nlwire.Order) (TcMsg, error) {
	if len(b) < TcMsgLen {
		return TcMsg{}, short("tcmsg", len(b), TcMsgLen)
	}
	s := o.Swap()
	return TcMsg{
		Family: b[0],
		Index:  int32(endian.Uint32(b[4:8], s)),
		Handle: endian.Uint32(b[8:12], s),
		Parent: endian.Uint32(b[12:16], s),
		Info:   endian.Uint32(b[16:20], s),
	}, nil
}

// Put writes m into b[:TcMsgLen] in byte order o and reports whether b
// was long enough.
func (m TcMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < TcMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, 0, 0, 0
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	endian.PutUint32(b[8:12], m.Handle, s)
	endian.PutUint32(b[12:16], m.Parent, s)
	endian.PutUint32(b[16:20], m.Info, s)
	return true
}

// Len returns TcMsgLen, sizeof(struct tcmsg): with Put, it makes TcMsg a
// wire.FixedHeader.
func (m TcMsg) Len() int { return TcMsgLen }

// Append appends m to b in byte order o.
func (m TcMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, TcMsgLen)...)
	m.Put(b[len(b)-TcMsgLen:], o)
	return b
}

// RtNexthop is one next hop of RTA_MULTIPATH (struct rtnexthop,
// include/uapi/linux/rtnetlink.h): an 8-byte header whose Len counts
// itself and the RTA_* attributes (RTA_GATEWAY, ...) that follow it.
type RtNexthop struct {
	Len     uint16 // rtnh_len: header and attributes, unpadded
	Flags   uint8  // rtnh_flags: RTNH_F_*
	Hops    uint8  // rtnh_hops: weight - 1
	IfIndex int32  // rtnh_ifindex: interface index
}

// ParseRtNexthop decodes the struct rtnexthop at the start of b, in byte
// order o. A b shorter than RtNexthopLen yields a *family.HeaderError.
// It does not check Len against b: use Nexthops to walk RTA_MULTIPATH.
func ParseRtNexthop(b []byte, o nlwire.Order) (RtNexthop, error) {
	if len(b) < RtNexthopLen {
		return RtNexthop{}, short("rtnexthop", len(b), RtNexthopLen)
	}
	s := o.Swap()
	return RtNexthop{
		Len:     endian.Uint16(b[0:2], s),
		Flags:   b[2],
		Hops:    b[3],
		IfIndex: int32(endian.Uint32(b[4:8], s)),
	}, nil
}

// Put writes m into b[:RtNexthopLen] in byte order o and reports whether
// b was long enough.
func (m RtNexthop) Put(b []byte, o nlwire.Order) bool {
	if len(b) < RtNexthopLen {
		return false
	}
	s := o.Swap()
	endian.PutUint16(b[0:2], m.Len, s)
	b[2], b[3] = m.Flags, m.Hops
	endian.PutUint32(b[4:8], uint32(m.IfIndex), s)
	return true
}

// Append appends m to b in byte order o.
func (m RtNexthop) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, RtNexthopLen)...)
	m.Put(b[len(b)-RtNexthopLen:], o)
	return b
}
