package sockdiag

import (
	"encoding/binary"
	"net/netip"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
)

// Sizes of the fixed headers of NETLINK_SOCK_DIAG messages.
const (
	SockDiagReqLen    = 2  // sizeof(struct sock_diag_req)
	SockIDLen         = 48 // sizeof(struct inet_diag_sockid)
	InetDiagReqLen    = 60 // sizeof(struct inet_diag_req), of TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK
	InetDiagReqV2Len  = 56 // sizeof(struct inet_diag_req_v2) (and of struct inet_diag_req_raw)
	InetDiagMsgLen    = 72 // sizeof(struct inet_diag_msg)
	UnixDiagReqLen    = 24 // sizeof(struct unix_diag_req)
	UnixDiagMsgLen    = 16 // sizeof(struct unix_diag_msg)
	NetlinkDiagReqLen = 20 // sizeof(struct netlink_diag_req)
	NetlinkDiagMsgLen = 28 // sizeof(struct netlink_diag_msg)
	PacketDiagReqLen  = 20 // sizeof(struct packet_diag_req)
	PacketDiagMsgLen  = 16 // sizeof(struct packet_diag_msg)
	VsockDiagReqLen   = 24 // sizeof(struct vsock_diag_req)
	VsockDiagMsgLen   = 32 // sizeof(struct vsock_diag_msg)
)

func short(name string, have, want int) error {
	return &family.HeaderError{Struct: name, Len: have, Want: want}
}

// grow appends n zero bytes to b and returns the longer slice and its
// new tail.
func grow(b []byte, n int) ([]byte, []byte) {
	b = append(b, make([]byte, n)...)
	return b, b[len(b)-n:]
}

// Cookie is a socket's cookie as the kernel splits it into two u32s
// (idiag_cookie, udiag_cookie, ...), each in the message's byte order.
type Cookie [2]uint32

// Uint64 returns the cookie as the kernel's u64 (sock_gen_cookie): the
// first u32 holds the low half.
func (c Cookie) Uint64() uint64 { return uint64(c[0]) | uint64(c[1])<<32 }

func parseCookie(b []byte, s bool) Cookie {
	return Cookie{endian.Uint32(b[0:4], s), endian.Uint32(b[4:8], s)}
}

func putCookie(b []byte, c Cookie, s bool) {
	endian.PutUint32(b[0:4], c[0], s)
	endian.PutUint32(b[4:8], c[1], s)
}

// SockDiagReq is the start of every SOCK_DIAG_BY_FAMILY and
// SOCK_DESTROY request (struct sock_diag_req): its Family selects the
// rest of the header.
type SockDiagReq struct {
	Family   uint8 // sdiag_family: AF_INET, AF_UNIX, ...
	Protocol uint8 // sdiag_protocol: IPPROTO_TCP, ...
}

// ParseSockDiagReq decodes the struct sock_diag_req at the start of b.
// A b shorter than SockDiagReqLen yields a *family.HeaderError.
func ParseSockDiagReq(b []byte) (SockDiagReq, error) {
	if len(b) < SockDiagReqLen {
		return SockDiagReq{}, short("sock_diag_req", len(b), SockDiagReqLen)
	}
	return SockDiagReq{Family: b[0], Protocol: b[1]}, nil
}

// SockID identifies an inet socket (struct inet_diag_sockid). Its ports
// and addresses are big-endian on the wire in every byte order; Sport
// and Dport hold the port numbers, Src and Dst the address bytes as sent
// (the first 4 for AF_INET). If and Cookie are in the message's order.
type SockID struct {
	Sport  uint16   // idiag_sport
	Dport  uint16   // idiag_dport
	Src    [16]byte // idiag_src
	Dst    [16]byte // idiag_dst
	If     uint32   // idiag_if: interface index, 0 for any
	Cookie Cookie   // idiag_cookie; INET_DIAG_NOCOOKIE in both for any
}

// SrcAddr returns the source address for address family af (AF_INET or
// AF_INET6), or the zero netip.Addr for another family.
func (id *SockID) SrcAddr(af uint8) netip.Addr { return addr(&id.Src, af) }

// DstAddr returns the destination address for address family af.
func (id *SockID) DstAddr(af uint8) netip.Addr { return addr(&id.Dst, af) }

func addr(a *[16]byte, af uint8) netip.Addr {
	switch af {
	case AF_INET:
		return netip.AddrFrom4([4]byte(a[:4]))
	case AF_INET6:
		return netip.AddrFrom16(*a)
	}
	return netip.Addr{}
}

// parseSockID decodes the struct inet_diag_sockid in b[:SockIDLen].
func parseSockID(b []byte, s bool) SockID {
	b = b[:SockIDLen]
	return SockID{
		Sport:  binary.BigEndian.Uint16(b[0:2]),
		Dport:  binary.BigEndian.Uint16(b[2:4]),
		Src:    [16]byte(b[4:20]),
		Dst:    [16]byte(b[20:36]),
		If:     endian.Uint32(b[36:40], s),
		Cookie: parseCookie(b[40:48], s),
	}
}

func (id *SockID) put(b []byte, s bool) {
	b = b[:SockIDLen]
	binary.BigEndian.PutUint16(b[0:2], id.Sport)
	binary.BigEndian.PutUint16(b[2:4], id.Dport)
	copy(b[4:20], id.Src[:])
	copy(b[20:36], id.Dst[:])
	endian.PutUint32(b[36:40], id.If, s)
	putCookie(b[40:48], id.Cookie, s)
}

// InetDiagReqV2 is the header of SOCK_DIAG_BY_FAMILY and SOCK_DESTROY
// requests for AF_INET and AF_INET6 (struct inet_diag_req_v2; struct
// inet_diag_req_raw for IPPROTO_RAW, whose pad byte is RawProtocol).
type InetDiagReqV2 struct {
	Family      uint8  // sdiag_family
	Protocol    uint8  // sdiag_protocol: IPPROTO_TCP, IPPROTO_UDP, ...
	Ext         uint8  // idiag_ext: bit n-1 asks for INET_DIAG_* attribute n
	RawProtocol uint8  // pad, or sdiag_raw_protocol of a raw socket request
	States      uint32 // idiag_states: bit n for TCP state n
	ID          SockID // id
}

// ParseInetDiagReqV2 decodes the struct inet_diag_req_v2 at the start
// of b, in byte order o. A b shorter than InetDiagReqV2Len yields a
// *family.HeaderError.
func ParseInetDiagReqV2(b []byte, o nlwire.Order) (InetDiagReqV2, error) {
	if len(b) < InetDiagReqV2Len {
		return InetDiagReqV2{}, short("inet_diag_req_v2", len(b), InetDiagReqV2Len)
	}
	s := o.Swap()
	return InetDiagReqV2{
		Family: b[0], Protocol: b[1], Ext: b[2], RawProtocol: b[3],
		States: endian.Uint32(b[4:8], s),
		ID:     parseSockID(b[8:56], s),
	}, nil
}

// Put writes m into b[:InetDiagReqV2Len] in byte order o and reports
// whether b was long enough (it writes nothing otherwise).
func (m InetDiagReqV2) Put(b []byte, o nlwire.Order) bool {
	if len(b) < InetDiagReqV2Len {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Protocol, m.Ext, m.RawProtocol
	endian.PutUint32(b[4:8], m.States, s)
	m.ID.put(b[8:56], s)
	return true
}

// Len returns InetDiagReqV2Len: with Put, it makes InetDiagReqV2 a
// wire.FixedHeader.
func (m InetDiagReqV2) Len() int { return InetDiagReqV2Len }

// Append appends m to b in byte order o.
func (m InetDiagReqV2) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, InetDiagReqV2Len)
	m.Put(t, o)
	return b
}

// InetDiagReq is the header of the legacy TCPDIAG_GETSOCK and
// DCCPDIAG_GETSOCK requests (struct inet_diag_req).
type InetDiagReq struct {
	Family uint8  // idiag_family
	SrcLen uint8  // idiag_src_len
	DstLen uint8  // idiag_dst_len
	Ext    uint8  // idiag_ext
	ID     SockID // id
	States uint32 // idiag_states
	DBs    uint32 // idiag_dbs
}

// ParseInetDiagReq decodes the struct inet_diag_req at the start of b,
// in byte order o. A b shorter than InetDiagReqLen yields a
// *family.HeaderError.
func ParseInetDiagReq(b []byte, o nlwire.Order) (InetDiagReq, error) {
	if len(b) < InetDiagReqLen {
		return InetDiagReq{}, short("inet_diag_req", len(b), InetDiagReqLen)
	}
	s := o.Swap()
	return InetDiagReq{
		Family: b[0], SrcLen: b[1], DstLen: b[2], Ext: b[3],
		ID:     parseSockID(b[4:52], s),
		States: endian.Uint32(b[52:56], s),
		DBs:    endian.Uint32(b[56:60], s),
	}, nil
}

// Put writes m into b[:InetDiagReqLen] in byte order o and reports
// whether b was long enough.
func (m InetDiagReq) Put(b []byte, o nlwire.Order) bool {
	if len(b) < InetDiagReqLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.SrcLen, m.DstLen, m.Ext
	m.ID.put(b[4:52], s)
	endian.PutUint32(b[52:56], m.States, s)
	endian.PutUint32(b[56:60], m.DBs, s)
	return true
}

// Len returns InetDiagReqLen: with Put, it makes InetDiagReq a
// wire.FixedHeader.
func (m InetDiagReq) Len() int { return InetDiagReqLen }

// Append appends m to b in byte order o.
func (m InetDiagReq) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, InetDiagReqLen)
	m.Put(t, o)
	return b
}

// InetDiagMsg is the header of the kernel's inet socket descriptions
// (struct inet_diag_msg), the replies to inet requests and the
// SKNLGRP_*_DESTROY notifications.
type InetDiagMsg struct {
	Family  uint8  // idiag_family
	State   uint8  // idiag_state: TCP_ESTABLISHED, TCP_LISTEN, ...
	Timer   uint8  // idiag_timer
	Retrans uint8  // idiag_retrans
	ID      SockID // id
	Expires uint32 // idiag_expires
	RQueue  uint32 // idiag_rqueue
	WQueue  uint32 // idiag_wqueue
	UID     uint32 // idiag_uid
	Inode   uint32 // idiag_inode
}

// ParseInetDiagMsg decodes the struct inet_diag_msg at the start of b,
// in byte order o. A b shorter than InetDiagMsgLen yields a
// *family.HeaderError.
func ParseInetDiagMsg(b []byte, o nlwire.Order) (InetDiagMsg, error) {
	if len(b) < InetDiagMsgLen {
		return InetDiagMsg{}, short("inet_diag_msg", len(b), InetDiagMsgLen)
	}
	s := o.Swap()
	return InetDiagMsg{
		Family: b[0], State: b[1], Timer: b[2], Retrans: b[3],
		ID:      parseSockID(b[4:52], s),
		Expires: endian.Uint32(b[52:56], s),
		RQueue:  endian.Uint32(b[56:60], s),
		WQueue:  endian.Uint32(b[60:64], s),
		UID:     endian.Uint32(b[64:68], s),
		Inode:   endian.Uint32(b[68:72], s),
	}, nil
}

// Put writes m into b[:InetDiagMsgLen] in byte order o and reports
// whether b was long enough.
func (m InetDiagMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < InetDiagMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.State, m.Timer, m.Retrans
	m.ID.put(b[4:52], s)
	endian.PutUint32(b[52:56], m.Expires, s)
	endian.PutUint32(b[56:60], m.RQueue, s)
	endian.PutUint32(b[60:64], m.WQueue, s)
	endian.PutUint32(b[64:68], m.UID, s)
	endian.PutUint32(b[68:72], m.Inode, s)
	return true
}

// Len returns InetDiagMsgLen: with Put, it makes InetDiagMsg a
// wire.FixedHeader.
func (m InetDiagMsg) Len() int { return InetDiagMsgLen }

// Append appends m to b in byte order o.
func (m InetDiagMsg) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, InetDiagMsgLen)
	m.Put(t, o)
	return b
}

// UnixDiagReq is the header of SOCK_DIAG_BY_FAMILY requests for AF_UNIX
// (struct unix_diag_req). Its padding is written as zero.
type UnixDiagReq struct {
	Family   uint8  // sdiag_family: AF_UNIX
	Protocol uint8  // sdiag_protocol: 0
	States   uint32 // udiag_states: bit n for state n
	Ino      uint32 // udiag_ino: one socket's inode (with Cookie), for a request without NLM_F_DUMP
	Show     uint32 // udiag_show: UDIAG_SHOW_*
	Cookie   Cookie // udiag_cookie
}

// ParseUnixDiagReq decodes the struct unix_diag_req at the start of b,
// in byte order o. A b shorter than UnixDiagReqLen yields a
// *family.HeaderError.
func ParseUnixDiagReq(b []byte, o nlwire.Order) (UnixDiagReq, error) {
	if len(b) < UnixDiagReqLen {
		return UnixDiagReq{}, short("unix_diag_req", len(b), UnixDiagReqLen)
	}
	s := o.Swap()
	return UnixDiagReq{
		Family: b[0], Protocol: b[1],
		States: endian.Uint32(b[4:8], s),
		Ino:    endian.Uint32(b[8:12], s),
		Show:   endian.Uint32(b[12:16], s),
		Cookie: parseCookie(b[16:24], s),
	}, nil
}

// Put writes m into b[:UnixDiagReqLen] in byte order o and reports
// whether b was long enough.
func (m UnixDiagReq) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UnixDiagReqLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Protocol, 0, 0
	endian.PutUint32(b[4:8], m.States, s)
	endian.PutUint32(b[8:12], m.Ino, s)
	endian.PutUint32(b[12:16], m.Show, s)
	putCookie(b[16:24], m.Cookie, s)
	return true
}

// Len returns UnixDiagReqLen: with Put, it makes UnixDiagReq a
// wire.FixedHeader.
func (m UnixDiagReq) Len() int { return UnixDiagReqLen }

// Append appends m to b in byte order o.
func (m UnixDiagReq) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UnixDiagReqLen)
	m.Put(t, o)
	return b
}

// UnixDiagMsg is the header of the kernel's unix socket descriptions
// (struct unix_diag_msg). Its padding is written as zero.
type UnixDiagMsg struct {
	Family uint8  // udiag_family: AF_UNIX
	Type   uint8  // udiag_type: SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET
	State  uint8  // udiag_state: TCP_LISTEN, TCP_ESTABLISHED, TCP_CLOSE
	Ino    uint32 // udiag_ino
	Cookie Cookie // udiag_cookie
}

// ParseUnixDiagMsg decodes the struct unix_diag_msg at the start of b,
// in byte order o. A b shorter than UnixDiagMsgLen yields a
// *family.HeaderError.
func ParseUnixDiagMsg(b []byte, o nlwire.Order) (UnixDiagMsg, error) {
	if len(b) < UnixDiagMsgLen {
		return UnixDiagMsg{}, short("unix_diag_msg", len(b), UnixDiagMsgLen)
	}
	s := o.Swap()
	return UnixDiagMsg{
		Family: b[0], Type: b[1], State: b[2],
		Ino:    endian.Uint32(b[4:8], s),
		Cookie: parseCookie(b[8:16], s),
	}, nil
}

// Put writes m into b[:UnixDiagMsgLen] in byte order o and reports
// whether b was long enough.
func (m UnixDiagMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UnixDiagMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Type, m.State, 0
	endian.PutUint32(b[4:8], m.Ino, s)
	putCookie(b[8:16], m.Cookie, s)
	return true
}

// Len returns UnixDiagMsgLen: with Put, it makes UnixDiagMsg a
// wire.FixedHeader.
func (m UnixDiagMsg) Len() int { return UnixDiagMsgLen }

// Append appends m to b in byte order o.
func (m UnixDiagMsg) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UnixDiagMsgLen)
	m.Put(t, o)
	return b
}

// NetlinkDiagReq is the header of SOCK_DIAG_BY_FAMILY requests for
// AF_NETLINK (struct netlink_diag_req). Its padding is written as zero.
type NetlinkDiagReq struct {
	Family   uint8  // sdiag_family: AF_NETLINK
	Protocol uint8  // sdiag_protocol: a netlink protocol, or NDIAG_PROTO_ALL
	Ino      uint32 // ndiag_ino
	Show     uint32 // ndiag_show: NDIAG_SHOW_*
	Cookie   Cookie // ndiag_cookie
}

// ParseNetlinkDiagReq decodes the struct netlink_diag_req at the start
// of b, in byte order o. A b shorter than NetlinkDiagReqLen yields a
// *family.HeaderError.
func ParseNetlinkDiagReq(b []byte, o nlwire.Order) (NetlinkDiagReq, error) {
	if len(b) < NetlinkDiagReqLen {
		return NetlinkDiagReq{}, short("netlink_diag_req", len(b), NetlinkDiagReqLen)
	}
	s := o.Swap()
	return NetlinkDiagReq{
		Family: b[0], Protocol: b[1],
		Ino:    endian.Uint32(b[4:8], s),
		Show:   endian.Uint32(b[8:12], s),
		Cookie: parseCookie(b[12:20], s),
	}, nil
}

// Put writes m into b[:NetlinkDiagReqLen] in byte order o and reports
// whether b was long enough.
func (m NetlinkDiagReq) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NetlinkDiagReqLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Protocol, 0, 0
	endian.PutUint32(b[4:8], m.Ino, s)
	endian.PutUint32(b[8:12], m.Show, s)
	putCookie(b[12:20], m.Cookie, s)
	return true
}

// Len returns NetlinkDiagReqLen: with Put, it makes NetlinkDiagReq a
// wire.FixedHeader.
func (m NetlinkDiagReq) Len() int { return NetlinkDiagReqLen }

// Append appends m to b in byte order o.
func (m NetlinkDiagReq) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, NetlinkDiagReqLen)
	m.Put(t, o)
	return b
}

// NetlinkDiagMsg is the header of the kernel's netlink socket
// descriptions (struct netlink_diag_msg).
type NetlinkDiagMsg struct {
	Family    uint8  // ndiag_family: AF_NETLINK
	Type      uint8  // ndiag_type: SOCK_RAW, SOCK_DGRAM
	Protocol  uint8  // ndiag_protocol: NETLINK_ROUTE, ...
	State     uint8  // ndiag_state
	PortID    uint32 // ndiag_portid
	DstPortID uint32 // ndiag_dst_portid
	DstGroup  uint32 // ndiag_dst_group
	Ino       uint32 // ndiag_ino
	Cookie    Cookie // ndiag_cookie
}

// ParseNetlinkDiagMsg decodes the struct netlink_diag_msg at the start
// of b, in byte order o. A b shorter than NetlinkDiagMsgLen yields a
// *family.HeaderError.
func ParseNetlinkDiagMsg(b []byte, o nlwire.Order) (NetlinkDiagMsg, error) {
	if len(b) < NetlinkDiagMsgLen {
		return NetlinkDiagMsg{}, short("netlink_diag_msg", len(b), NetlinkDiagMsgLen)
	}
	s := o.Swap()
	return NetlinkDiagMsg{
		Family: b[0], Type: b[1], Protocol: b[2], State: b[3],
		PortID:    endian.Uint32(b[4:8], s),
		DstPortID: endian.Uint32(b[8:12], s),
		DstGroup:  endian.Uint32(b[12:16], s),
		Ino:       endian.Uint32(b[16:20], s),
		Cookie:    parseCookie(b[20:28], s),
	}, nil
}

// Put writes m into b[:NetlinkDiagMsgLen] in byte order o and reports
// whether b was long enough.
func (m NetlinkDiagMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NetlinkDiagMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Type, m.Protocol, m.State
	endian.PutUint32(b[4:8], m.PortID, s)
	endian.PutUint32(b[8:12], m.DstPortID, s)
	endian.PutUint32(b[12:16], m.DstGroup, s)
	endian.PutUint32(b[16:20], m.Ino, s)
	putCookie(b[20:28], m.Cookie, s)
	return true
}

// Len returns NetlinkDiagMsgLen: with Put, it makes NetlinkDiagMsg a
// wire.FixedHeader.
func (m NetlinkDiagMsg) Len() int { return NetlinkDiagMsgLen }

// Append appends m to b in byte order o.
func (m NetlinkDiagMsg) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, NetlinkDiagMsgLen)
	m.Put(t, o)
	return b
}

// PacketDiagReq is the header of SOCK_DIAG_BY_FAMILY requests for
// AF_PACKET (struct packet_diag_req). Its padding is written as zero.
type PacketDiagReq struct {
	Family   uint8  // sdiag_family: AF_PACKET
	Protocol uint8  // sdiag_protocol: must be 0
	Ino      uint32 // pdiag_ino
	Show     uint32 // pdiag_show: PACKET_SHOW_*
	Cookie   Cookie // pdiag_cookie
}

// ParsePacketDiagReq decodes the struct packet_diag_req at the start of
// b, in byte order o. A b shorter than PacketDiagReqLen yields a
// *family.HeaderError.
func ParsePacketDiagReq(b []byte, o nlwire.Order) (PacketDiagReq, error) {
	if len(b) < PacketDiagReqLen {
		return PacketDiagReq{}, short("packet_diag_req", len(b), PacketDiagReqLen)
	}
	s := o.Swap()
	return PacketDiagReq{
		Family: b[0], Protocol: b[1],
		Ino:    endian.Uint32(b[4:8], s),
		Show:   endian.Uint32(b[8:12], s),
		Cookie: parseCookie(b[12:20], s),
	}, nil
}

// Put writes m into b[:PacketDiagReqLen] in byte order o and reports
// whether b was long enough.
func (m PacketDiagReq) Put(b []byte, o nlwire.Order) bool {
	if len(b) < PacketDiagReqLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Protocol, 0, 0
	endian.PutUint32(b[4:8], m.Ino, s)
	endian.PutUint32(b[8:12], m.Show, s)
	putCookie(b[12:20], m.Cookie, s)
	return true
}

// Len returns PacketDiagReqLen: with Put, it makes PacketDiagReq a
// wire.FixedHeader.
func (m PacketDiagReq) Len() int { return PacketDiagReqLen }

// Append appends m to b in byte order o.
func (m PacketDiagReq) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, PacketDiagReqLen)
	m.Put(t, o)
	return b
}

// PacketDiagMsg is the header of the kernel's packet socket descriptions
// (struct packet_diag_msg).
type PacketDiagMsg struct {
	Family uint8  // pdiag_family: AF_PACKET
	Type   uint8  // pdiag_type: SOCK_RAW, SOCK_DGRAM
	Num    uint16 // pdiag_num: the bound protocol (an EtherType), in the message's byte order
	Ino    uint32 // pdiag_ino
	Cookie Cookie // pdiag_cookie
}

// ParsePacketDiagMsg decodes the struct packet_diag_msg at the start of
// b, in byte order o. A b shorter than PacketDiagMsgLen yields a
// *family.HeaderError.
func ParsePacketDiagMsg(b []byte, o nlwire.Order) (PacketDiagMsg, error) {
	if len(b) < PacketDiagMsgLen {
		return PacketDiagMsg{}, short("packet_diag_msg", len(b), PacketDiagMsgLen)
	}
	s := o.Swap()
	return PacketDiagMsg{
		Family: b[0], Type: b[1],
		Num:    endian.Uint16(b[2:4], s),
		Ino:    endian.Uint32(b[4:8], s),
		Cookie: parseCookie(b[8:16], s),
	}, nil
}

// Put writes m into b[:PacketDiagMsgLen] in byte order o and reports
// whether b was long enough.
func (m PacketDiagMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < PacketDiagMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1] = m.Family, m.Type
	endian.PutUint16(b[2:4], m.Num, s)
	endian.PutUint32(b[4:8], m.Ino, s)
	putCookie(b[8:16], m.Cookie, s)
	return true
}

// Len returns PacketDiagMsgLen: with Put, it makes PacketDiagMsg a
// wire.FixedHeader.
func (m PacketDiagMsg) Len() int { return PacketDiagMsgLen }

// Append appends m to b in byte order o.
func (m PacketDiagMsg) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, PacketDiagMsgLen)
	m.Put(t, o)
	return b
}

// VsockDiagReq is the header of SOCK_DIAG_BY_FAMILY requests for
// AF_VSOCK (struct vsock_diag_req, linux/vm_sockets_diag.h). Its padding
// is written as zero.
type VsockDiagReq struct {
	Family   uint8  // sdiag_family: AF_VSOCK
	Protocol uint8  // sdiag_protocol: must be 0
	States   uint32 // vdiag_states: a bit for each TCP_* state asked for
	Ino      uint32 // vdiag_ino: must be 0
	Show     uint32 // vdiag_show: must be 0
	Cookie   Cookie // vdiag_cookie
}

// ParseVsockDiagReq decodes the struct vsock_diag_req at the start of b,
// in byte order o. A b shorter than VsockDiagReqLen yields a
// *family.HeaderError.
func ParseVsockDiagReq(b []byte, o nlwire.Order) (VsockDiagReq, error) {
	if len(b) < VsockDiagReqLen {
		return VsockDiagReq{}, short("vsock_diag_req", len(b), VsockDiagReqLen)
	}
	s := o.Swap()
	return VsockDiagReq{
		Family: b[0], Protocol: b[1],
		States: endian.Uint32(b[4:8], s),
		Ino:    endian.Uint32(b[8:12], s),
		Show:   endian.Uint32(b[12:16], s),
		Cookie: parseCookie(b[16:24], s),
	}, nil
}

// Put writes m into b[:VsockDiagReqLen] in byte order o and reports
// whether b was long enough.
func (m VsockDiagReq) Put(b []byte, o nlwire.Order) bool {
	if len(b) < VsockDiagReqLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Protocol, 0, 0
	endian.PutUint32(b[4:8], m.States, s)
	endian.PutUint32(b[8:12], m.Ino, s)
	endian.PutUint32(b[12:16], m.Show, s)
	putCookie(b[16:24], m.Cookie, s)
	return true
}

// Len returns VsockDiagReqLen: with Put, it makes VsockDiagReq a
// wire.FixedHeader.
func (m VsockDiagReq) Len() int { return VsockDiagReqLen }

// Append appends m to b in byte order o.
func (m VsockDiagReq) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, VsockDiagReqLen)
	m.Put(t, o)
	return b
}

// VsockDiagMsg is the header of the kernel's AF_VSOCK socket
// descriptions (struct vsock_diag_msg), which carry no attributes.
type VsockDiagMsg struct {
	Family   uint8  // vdiag_family: AF_VSOCK
	Type     uint8  // vdiag_type: SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET
	State    uint8  // vdiag_state: a TCP_* state
	Shutdown uint8  // vdiag_shutdown: RCV_SHUTDOWN, SEND_SHUTDOWN bits
	SrcCID   uint32 // vdiag_src_cid
	SrcPort  uint32 // vdiag_src_port
	DstCID   uint32 // vdiag_dst_cid
	DstPort  uint32 // vdiag_dst_port
	Ino      uint32 // vdiag_ino
	Cookie   Cookie // vdiag_cookie
}

// ParseVsockDiagMsg decodes the struct vsock_diag_msg at the start of b,
// in byte order o. A b shorter than VsockDiagMsgLen yields a
// *family.HeaderError.
func ParseVsockDiagMsg(b []byte, o nlwire.Order) (VsockDiagMsg, error) {
	if len(b) < VsockDiagMsgLen {
		return VsockDiagMsg{}, short("vsock_diag_msg", len(b), VsockDiagMsgLen)
	}
	s := o.Swap()
	return VsockDiagMsg{
		Family: b[0], Type: b[1], State: b[2], Shutdown: b[3],
		SrcCID:  endian.Uint32(b[4:8], s),
		SrcPort: endian.Uint32(b[8:12], s),
		DstCID:  endian.Uint32(b[12:16], s),
		DstPort: endian.Uint32(b[16:20], s),
		Ino:     endian.Uint32(b[20:24], s),
		Cookie:  parseCookie(b[24:32], s),
	}, nil
}

// Put writes m into b[:VsockDiagMsgLen] in byte order o and reports
// whether b was long enough.
func (m VsockDiagMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < VsockDiagMsgLen {
		return false
	}
	s := o.Swap()
	b[0], b[1], b[2], b[3] = m.Family, m.Type, m.State, m.Shutdown
	endian.PutUint32(b[4:8], m.SrcCID, s)
	endian.PutUint32(b[8:12], m.SrcPort, s)
	endian.PutUint32(b[12:16], m.DstCID, s)
	endian.PutUint32(b[16:20], m.DstPort, s)
	endian.PutUint32(b[20:24], m.Ino, s)
	putCookie(b[24:32], m.Cookie, s)
	return true
}

// Len returns VsockDiagMsgLen: with Put, it makes VsockDiagMsg a
// wire.FixedHeader.
func (m VsockDiagMsg) Len() int { return VsockDiagMsgLen }

// Append appends m to b in byte order o.
func (m VsockDiagMsg) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, VsockDiagMsgLen)
	m.Put(t, o)
	return b
}
