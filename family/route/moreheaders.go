package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Sizes of the family headers of the rule, next hop, namespace ID,
// netconf, statistics, neighbour table, bridge MDB and action messages.
const (
	IfStatsMsgLen = 12 // sizeof(struct if_stats_msg)
	FibRuleHdrLen = 12 // sizeof(struct fib_rule_hdr)
	NhMsgLen      = 8  // sizeof(struct nhmsg)
	RtGenMsgLen   = 1  // sizeof(struct rtgenmsg)
	NetconfMsgLen = 1  // sizeof(struct netconfmsg)
	NdtMsgLen     = 4  // sizeof(struct ndtmsg)
	BrPortMsgLen  = 8  // sizeof(struct br_port_msg)
	TcaMsgLen     = 4  // sizeof(struct tcamsg)
)

// IfStatsMsg is the family header of link statistics messages
// (RTM_NEWSTATS, RTM_GETSTATS, RTM_SETSTATS; struct if_stats_msg,
// include/uapi/linux/if_link.h). Its padding is written as zero and
// ignored when parsing.
type IfStatsMsg struct {
	Family     uint8  // family: AF_UNSPEC
	Index      int32  // ifindex: interface index, 0 for all in a dump
	FilterMask uint32 // filter_mask: IFLA_STATS_FILTER_BIT of each IFLA_STATS_* wanted
}

// ParseIfStatsMsg decodes the struct if_stats_msg at the start of b, in
// byte order o.
// A b shorter than IfStatsMsgLen yields a *family.HeaderError.
func ParseIfStatsMsg(b []byte, o nlwire.Order) (IfStatsMsg, error) {
	if len(b) < IfStatsMsgLen {
		return IfStatsMsg{}, short("if_stats_msg", len(b), IfStatsMsgLen)
	}
	s := o.Swap()
	return IfStatsMsg{
		Family:     b[0],
		Index:      int32(endian.Uint32(b[4:8], s)),
		FilterMask: endian.Uint32(b[8:12], s),
	}, nil
}

// Put writes m into b[:IfStatsMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m IfStatsMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < IfStatsMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:IfStatsMsgLen])
	b[0] = m.Family
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	endian.PutUint32(b[8:12], m.FilterMask, s)
	return true
}

// Len returns IfStatsMsgLen, sizeof(struct if_stats_msg): with Put, it
// makes IfStatsMsg a
// wire.FixedHeader.
func (m IfStatsMsg) Len() int { return IfStatsMsgLen }

// Append appends m to b in byte order o.
func (m IfStatsMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, IfStatsMsgLen)...)
	m.Put(b[len(b)-IfStatsMsgLen:], o)
	return b
}

// FibRuleHdr is the family header of policy routing rule messages
// (RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE; struct fib_rule_hdr,
// include/uapi/linux/fib_rules.h). Its two reserved bytes are written as
// zero and ignored when parsing.
type FibRuleHdr struct {
	Family uint8  // family: AF_INET, AF_INET6, ...
	DstLen uint8  // dst_len: destination prefix length
	SrcLen uint8  // src_len: source prefix length
	TOS    uint8  // tos: TOS (DSCP) to match
	Table  uint8  // table: routing table ID (FRA_TABLE holds IDs above 255)
	Action uint8  // action: FR_ACT_*
	Flags  uint32 // flags: FIB_RULE_*
}

// ParseFibRuleHdr decodes the struct fib_rule_hdr at the start of b, in
// byte order o.
// A b shorter than FibRuleHdrLen yields a *family.HeaderError.
func ParseFibRuleHdr(b []byte, o nlwire.Order) (FibRuleHdr, error) {
	if len(b) < FibRuleHdrLen {
		return FibRuleHdr{}, short("fib_rule_hdr", len(b), FibRuleHdrLen)
	}
	s := o.Swap()
	return FibRuleHdr{
		Family: b[0],
		DstLen: b[1],
		SrcLen: b[2],
		TOS:    b[3],
		Table:  b[4],
		Action: b[7],
		Flags:  endian.Uint32(b[8:12], s),
	}, nil
}

// Put writes m into b[:FibRuleHdrLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m FibRuleHdr) Put(b []byte, o nlwire.Order) bool {
	if len(b) < FibRuleHdrLen {
		return false
	}
	s := o.Swap()
	clear(b[:FibRuleHdrLen])
	b[0] = m.Family
	b[1] = m.DstLen
	b[2] = m.SrcLen
	b[3] = m.TOS
	b[4] = m.Table
	b[7] = m.Action
	endian.PutUint32(b[8:12], m.Flags, s)
	return true
}

// Len returns FibRuleHdrLen, sizeof(struct fib_rule_hdr): with Put, it
// makes FibRuleHdr a
// wire.FixedHeader.
func (m FibRuleHdr) Len() int { return FibRuleHdrLen }

// Append appends m to b in byte order o.
func (m FibRuleHdr) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, FibRuleHdrLen)...)
	m.Put(b[len(b)-FibRuleHdrLen:], o)
	return b
}

// NhMsg is the family header of next hop and next hop bucket messages
// (RTM_*NEXTHOP, RTM_*NEXTHOPBUCKET; struct nhmsg,
// include/uapi/linux/nexthop.h). Its reserved byte is written as zero and
// ignored when parsing.
type NhMsg struct {
	Family   uint8  // nh_family: AF_INET, AF_INET6, AF_UNSPEC for groups
	Scope    uint8  // nh_scope: RT_SCOPE_* (replies only)
	Protocol uint8  // nh_protocol: RTPROT_* of who installed the next hop
	Flags    uint32 // nh_flags: RTNH_F_*
}

// ParseNhMsg decodes the struct nhmsg at the start of b, in byte order o.
// A b shorter than NhMsgLen yields a *family.HeaderError.
func ParseNhMsg(b []byte, o nlwire.Order) (NhMsg, error) {
	if len(b) < NhMsgLen {
		return NhMsg{}, short("nhmsg", len(b), NhMsgLen)
	}
	s := o.Swap()
	return NhMsg{
		Family:   b[0],
		Scope:    b[1],
		Protocol: b[2],
		Flags:    endian.Uint32(b[4:8], s),
	}, nil
}

// Put writes m into b[:NhMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m NhMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NhMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:NhMsgLen])
	b[0] = m.Family
	b[1] = m.Scope
	b[2] = m.Protocol
	endian.PutUint32(b[4:8], m.Flags, s)
	return true
}

// Len returns NhMsgLen, sizeof(struct nhmsg): with Put, it makes NhMsg a
// wire.FixedHeader.
func (m NhMsg) Len() int { return NhMsgLen }

// Append appends m to b in byte order o.
func (m NhMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, NhMsgLen)...)
	m.Put(b[len(b)-NhMsgLen:], o)
	return b
}

// RtGenMsg is the family header of network namespace ID messages
// (RTM_NEWNSID, RTM_DELNSID, RTM_GETNSID; struct rtgenmsg,
// include/uapi/linux/rtnetlink.h), and the legacy header of dump requests:
// one byte, the attributes starting at NLMSG_ALIGN(1) = 4.
type RtGenMsg struct {
	Family uint8 // rtgen_family: AF_UNSPEC for NSID messages
}

// ParseRtGenMsg decodes the struct rtgenmsg at the start of b, in byte
// order o.
// A b shorter than RtGenMsgLen yields a *family.HeaderError.
func ParseRtGenMsg(b []byte, o nlwire.Order) (RtGenMsg, error) {
	if len(b) < RtGenMsgLen {
		return RtGenMsg{}, short("rtgenmsg", len(b), RtGenMsgLen)
	}
	return RtGenMsg{
		Family: b[0],
	}, nil
}

// Put writes m into b[:RtGenMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m RtGenMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < RtGenMsgLen {
		return false
	}
	clear(b[:RtGenMsgLen])
	b[0] = m.Family
	return true
}

// Len returns RtGenMsgLen, sizeof(struct rtgenmsg): with Put, it makes
// RtGenMsg a
// wire.FixedHeader.
func (m RtGenMsg) Len() int { return RtGenMsgLen }

// Append appends m to b in byte order o.
func (m RtGenMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, RtGenMsgLen)...)
	m.Put(b[len(b)-RtGenMsgLen:], o)
	return b
}

// NetconfMsg is the family header of device configuration messages
// (RTM_NEWNETCONF, RTM_DELNETCONF, RTM_GETNETCONF; struct netconfmsg,
// include/uapi/linux/netconf.h): one byte, the attributes starting at
// NLMSG_ALIGN(1) = 4.
type NetconfMsg struct {
	Family uint8 // ncm_family: AF_INET, AF_INET6, AF_MPLS, or AF_UNSPEC in a dump request
}

// ParseNetconfMsg decodes the struct netconfmsg at the start of b, in byte
// order o.
// A b shorter than NetconfMsgLen yields a *family.HeaderError.
func ParseNetconfMsg(b []byte, o nlwire.Order) (NetconfMsg, error) {
	if len(b) < NetconfMsgLen {
		return NetconfMsg{}, short("netconfmsg", len(b), NetconfMsgLen)
	}
	return NetconfMsg{
		Family: b[0],
	}, nil
}

// Put writes m into b[:NetconfMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m NetconfMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NetconfMsgLen {
		return false
	}
	clear(b[:NetconfMsgLen])
	b[0] = m.Family
	return true
}

// Len returns NetconfMsgLen, sizeof(struct netconfmsg): with Put, it makes
// NetconfMsg a
// wire.FixedHeader.
func (m NetconfMsg) Len() int { return NetconfMsgLen }

// Append appends m to b in byte order o.
func (m NetconfMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, NetconfMsgLen)...)
	m.Put(b[len(b)-NetconfMsgLen:], o)
	return b
}

// NdtMsg is the family header of neighbour table messages
// (RTM_NEWNEIGHTBL, RTM_GETNEIGHTBL, RTM_SETNEIGHTBL; struct ndtmsg,
// include/uapi/linux/neighbour.h). Its padding is written as zero and
// ignored when parsing.
type NdtMsg struct {
	Family uint8 // ndtm_family: AF_INET, AF_INET6, ...
}

// ParseNdtMsg decodes the struct ndtmsg at the start of b, in byte order o.
// A b shorter than NdtMsgLen yields a *family.HeaderError.
func ParseNdtMsg(b []byte, o nlwire.Order) (NdtMsg, error) {
	if len(b) < NdtMsgLen {
		return NdtMsg{}, short("ndtmsg", len(b), NdtMsgLen)
	}
	return NdtMsg{
		Family: b[0],
	}, nil
}

// Put writes m into b[:NdtMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m NdtMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NdtMsgLen {
		return false
	}
	clear(b[:NdtMsgLen])
	b[0] = m.Family
	return true
}

// Len returns NdtMsgLen, sizeof(struct ndtmsg): with Put, it makes NdtMsg a
// wire.FixedHeader.
func (m NdtMsg) Len() int { return NdtMsgLen }

// Append appends m to b in byte order o.
func (m NdtMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, NdtMsgLen)...)
	m.Put(b[len(b)-NdtMsgLen:], o)
	return b
}

// BrPortMsg is the family header of bridge multicast database messages
// (RTM_NEWMDB, RTM_DELMDB, RTM_GETMDB; struct br_port_msg,
// include/uapi/linux/if_bridge.h). Its padding is written as zero and
// ignored when parsing.
type BrPortMsg struct {
	Family uint8  // family: AF_BRIDGE
	Index  uint32 // ifindex: the bridge's interface index
}

// ParseBrPortMsg decodes the struct br_port_msg at the start of b, in byte
// order o.
// A b shorter than BrPortMsgLen yields a *family.HeaderError.
func ParseBrPortMsg(b []byte, o nlwire.Order) (BrPortMsg, error) {
	if len(b) < BrPortMsgLen {
		return BrPortMsg{}, short("br_port_msg", len(b), BrPortMsgLen)
	}
	s := o.Swap()
	return BrPortMsg{
		Family: b[0],
		Index:  endian.Uint32(b[4:8], s),
	}, nil
}

// Put writes m into b[:BrPortMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m BrPortMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < BrPortMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:BrPortMsgLen])
	b[0] = m.Family
	endian.PutUint32(b[4:8], m.Index, s)
	return true
}

// Len returns BrPortMsgLen, sizeof(struct br_port_msg): with Put, it makes
// BrPortMsg a
// wire.FixedHeader.
func (m BrPortMsg) Len() int { return BrPortMsgLen }

// Append appends m to b in byte order o.
func (m BrPortMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, BrPortMsgLen)...)
	m.Put(b[len(b)-BrPortMsgLen:], o)
	return b
}

// TcaMsg is the family header of traffic-control action messages
// (RTM_NEWACTION, RTM_DELACTION, RTM_GETACTION; struct tcamsg,
// include/uapi/linux/rtnetlink.h). Its padding is written as zero and
// ignored when parsing.
type TcaMsg struct {
	Family uint8 // tca_family: AF_UNSPEC
}

// ParseTcaMsg decodes the struct tcamsg at the start of b, in byte order o.
// A b shorter than TcaMsgLen yields a *family.HeaderError.
func ParseTcaMsg(b []byte, o nlwire.Order) (TcaMsg, error) {
	if len(b) < TcaMsgLen {
		return TcaMsg{}, short("tcamsg", len(b), TcaMsgLen)
	}
	return TcaMsg{
		Family: b[0],
	}, nil
}

// Put writes m into b[:TcaMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m TcaMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < TcaMsgLen {
		return false
	}
	clear(b[:TcaMsgLen])
	b[0] = m.Family
	return true
}

// Len returns TcaMsgLen, sizeof(struct tcamsg): with Put, it makes TcaMsg a
// wire.FixedHeader.
func (m TcaMsg) Len() int { return TcaMsgLen }

// Append appends m to b in byte order o.
func (m TcaMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, TcaMsgLen)...)
	m.Put(b[len(b)-TcaMsgLen:], o)
	return b
}
