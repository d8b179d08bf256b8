package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Sizes of the family headers of the address label, bridge VLAN, VXLAN
// VNI filter, data center bridging, prefix and ND user option messages.
const (
	IfAddrLblMsgLen = 12 // sizeof(struct ifaddrlblmsg)
	BrVlanMsgLen    = 8  // sizeof(struct br_vlan_msg)
	TunnelMsgLen    = 8  // sizeof(struct tunnel_msg)
	DcbMsgLen       = 4  // sizeof(struct dcbmsg)
	PrefixMsgLen    = 12 // sizeof(struct prefixmsg)
	NdUserOptMsgLen = 16 // sizeof(struct nduseroptmsg)
)

// IfAddrLblMsg is the family header of address label messages
// (RTM_NEWADDRLABEL, RTM_DELADDRLABEL, RTM_GETADDRLABEL; struct ifaddrlblmsg,
// include/uapi/linux/if_addrlabel.h). Its reserved byte is written as
// zero and ignored when parsing.
type IfAddrLblMsg struct {
	Family    uint8  // ifal_family: AF_INET6
	PrefixLen uint8  // ifal_prefixlen: prefix length of IFAL_ADDRESS
	Flags     uint8  // ifal_flags
	Index     uint32 // ifal_index: interface index, 0 for any
	Seq       uint32 // ifal_seq: the label table's sequence number
}

// ParseIfAddrLblMsg decodes the struct ifaddrlblmsg at the start of b, in byte
// order o.
// A b shorter than IfAddrLblMsgLen yields a *family.HeaderError.
func ParseIfAddrLblMsg(b []byte, o nlwire.Order) (IfAddrLblMsg, error) {
	if len(b) < IfAddrLblMsgLen {
		return IfAddrLblMsg{}, short("ifaddrlblmsg", len(b), IfAddrLblMsgLen)
	}
	s := o.Swap()
	return IfAddrLblMsg{
		Family:    b[0],
		PrefixLen: b[2],
		Flags:     b[3],
		Index:     endian.Uint32(b[4:8], s),
		Seq:       endian.Uint32(b[8:12], s),
	}, nil
}

// Put writes m into b[:IfAddrLblMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m IfAddrLblMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < IfAddrLblMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:IfAddrLblMsgLen])
	b[0] = m.Family
	b[2] = m.PrefixLen
	b[3] = m.Flags
	endian.PutUint32(b[4:8], m.Index, s)
	endian.PutUint32(b[8:12], m.Seq, s)
	return true
}

// Len returns IfAddrLblMsgLen, sizeof(struct ifaddrlblmsg): with Put, it makes
// IfAddrLblMsg a wire.FixedHeader.
func (m IfAddrLblMsg) Len() int { return IfAddrLblMsgLen }

// Append appends m to b in byte order o.
func (m IfAddrLblMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, IfAddrLblMsgLen)...)
	m.Put(b[len(b)-IfAddrLblMsgLen:], o)
	return b
}

// BrVlanMsg is the family header of bridge VLAN messages (RTM_NEWVLAN,
// RTM_DELVLAN, RTM_GETVLAN; struct br_vlan_msg,
// include/uapi/linux/if_bridge.h). Its reserved bytes are written as
// zero and ignored when parsing.
type BrVlanMsg struct {
	Family uint8  // family: AF_BRIDGE
	Index  uint32 // ifindex: bridge or port interface index, 0 for all in a dump
}

// ParseBrVlanMsg decodes the struct br_vlan_msg at the start of b, in byte
// order o.
// A b shorter than BrVlanMsgLen yields a *family.HeaderError.
func ParseBrVlanMsg(b []byte, o nlwire.Order) (BrVlanMsg, error) {
	if len(b) < BrVlanMsgLen {
		return BrVlanMsg{}, short("br_vlan_msg", len(b), BrVlanMsgLen)
	}
	s := o.Swap()
	return BrVlanMsg{
		Family: b[0],
		Index:  endian.Uint32(b[4:8], s),
	}, nil
}

// Put writes m into b[:BrVlanMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m BrVlanMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < BrVlanMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:BrVlanMsgLen])
	b[0] = m.Family
	endian.PutUint32(b[4:8], m.Index, s)
	return true
}

// Len returns BrVlanMsgLen, sizeof(struct br_vlan_msg): with Put, it makes
// BrVlanMsg a wire.FixedHeader.
func (m BrVlanMsg) Len() int { return BrVlanMsgLen }

// Append appends m to b in byte order o.
func (m BrVlanMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, BrVlanMsgLen)...)
	m.Put(b[len(b)-BrVlanMsgLen:], o)
	return b
}

// TunnelMsg is the family header of VXLAN VNI filter messages
// (RTM_NEWTUNNEL, RTM_DELTUNNEL, RTM_GETTUNNEL; struct tunnel_msg,
// include/uapi/linux/if_link.h). Its reserved bytes are written as zero
// and ignored when parsing.
type TunnelMsg struct {
	Family uint8  // family: AF_BRIDGE
	Flags  uint8  // flags: TUNNEL_MSG_FLAG_*
	Index  uint32 // ifindex: VXLAN interface index
}

// ParseTunnelMsg decodes the struct tunnel_msg at the start of b, in byte
// order o.
// A b shorter than TunnelMsgLen yields a *family.HeaderError.
func ParseTunnelMsg(b []byte, o nlwire.Order) (TunnelMsg, error) {
	if len(b) < TunnelMsgLen {
		return TunnelMsg{}, short("tunnel_msg", len(b), TunnelMsgLen)
	}
	s := o.Swap()
	return TunnelMsg{
		Family: b[0],
		Flags:  b[1],
		Index:  endian.Uint32(b[4:8], s),
	}, nil
}

// Put writes m into b[:TunnelMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m TunnelMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < TunnelMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:TunnelMsgLen])
	b[0] = m.Family
	b[1] = m.Flags
	endian.PutUint32(b[4:8], m.Index, s)
	return true
}

// Len returns TunnelMsgLen, sizeof(struct tunnel_msg): with Put, it makes
// TunnelMsg a wire.FixedHeader.
func (m TunnelMsg) Len() int { return TunnelMsgLen }

// Append appends m to b in byte order o.
func (m TunnelMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, TunnelMsgLen)...)
	m.Put(b[len(b)-TunnelMsgLen:], o)
	return b
}

// DcbMsg is the family header of data center bridging messages
// (RTM_GETDCB, RTM_SETDCB; struct dcbmsg, include/uapi/linux/dcbnl.h).
// Its padding is written as zero and ignored when parsing.
type DcbMsg struct {
	Family uint8 // dcb_family: AF_UNSPEC
	Cmd    uint8 // cmd: DCB_CMD_*
}

// ParseDcbMsg decodes the struct dcbmsg at the start of b, in byte
// order o.
// A b shorter than DcbMsgLen yields a *family.HeaderError.
func ParseDcbMsg(b []byte, o nlwire.Order) (DcbMsg, error) {
	if len(b) < DcbMsgLen {
		return DcbMsg{}, short("dcbmsg", len(b), DcbMsgLen)
	}
	return DcbMsg{
		Family: b[0],
		Cmd:    b[1],
	}, nil
}

// Put writes m into b[:DcbMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m DcbMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < DcbMsgLen {
		return false
	}
	clear(b[:DcbMsgLen])
	b[0] = m.Family
	b[1] = m.Cmd
	return true
}

// Len returns DcbMsgLen, sizeof(struct dcbmsg): with Put, it makes
// DcbMsg a wire.FixedHeader.
func (m DcbMsg) Len() int { return DcbMsgLen }

// Append appends m to b in byte order o.
func (m DcbMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, DcbMsgLen)...)
	m.Put(b[len(b)-DcbMsgLen:], o)
	return b
}

// PrefixMsg is the family header of IPv6 prefix notifications (RTM_NEWPREFIX;
// struct prefixmsg, include/uapi/linux/rtnetlink.h). Its padding is
// written as zero and ignored when parsing.
type PrefixMsg struct {
	Family    uint8 // prefix_family: AF_INET6
	Index     int32 // prefix_ifindex: interface index
	Type      uint8 // prefix_type: ND option type (3, prefix information)
	PrefixLen uint8 // prefix_len: prefix length
	Flags     uint8 // prefix_flags: IF_PREFIX_ONLINK, IF_PREFIX_AUTOCONF
}

// ParsePrefixMsg decodes the struct prefixmsg at the start of b, in byte
// order o.
// A b shorter than PrefixMsgLen yields a *family.HeaderError.
func ParsePrefixMsg(b []byte, o nlwire.Order) (PrefixMsg, error) {
	if len(b) < PrefixMsgLen {
		return PrefixMsg{}, short("prefixmsg", len(b), PrefixMsgLen)
	}
	s := o.Swap()
	return PrefixMsg{
		Family:    b[0],
		Index:     int32(endian.Uint32(b[4:8], s)),
		Type:      b[8],
		PrefixLen: b[9],
		Flags:     b[10],
	}, nil
}

// Put writes m into b[:PrefixMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m PrefixMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < PrefixMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:PrefixMsgLen])
	b[0] = m.Family
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	b[8] = m.Type
	b[9] = m.PrefixLen
	b[10] = m.Flags
	return true
}

// Len returns PrefixMsgLen, sizeof(struct prefixmsg): with Put, it makes
// PrefixMsg a wire.FixedHeader.
func (m PrefixMsg) Len() int { return PrefixMsgLen }

// Append appends m to b in byte order o.
func (m PrefixMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, PrefixMsgLen)...)
	m.Put(b[len(b)-PrefixMsgLen:], o)
	return b
}

// NdUserOptMsg is the family header of ND user option notifications
// (RTM_NEWNDUSEROPT; struct nduseroptmsg, include/uapi/linux/rtnetlink.h).
// OptsLen bytes of ND options follow it, then the NDUSEROPT_* attributes
// (NdUserOptAttrs). Its padding is written as zero and ignored when
// parsing.
type NdUserOptMsg struct {
	Family   uint8  // nduseropt_family: AF_INET6
	OptsLen  uint16 // nduseropt_opts_len: length of the ND options after the header
	Index    int32  // nduseropt_ifindex: interface index
	ICMPType uint8  // nduseropt_icmp_type: ICMPv6 type of the message the options came in
	ICMPCode uint8  // nduseropt_icmp_code: its ICMPv6 code
}

// ParseNdUserOptMsg decodes the struct nduseroptmsg at the start of b, in byte
// order o.
// A b shorter than NdUserOptMsgLen yields a *family.HeaderError.
func ParseNdUserOptMsg(b []byte, o nlwire.Order) (NdUserOptMsg, error) {
	if len(b) < NdUserOptMsgLen {
		return NdUserOptMsg{}, short("nduseroptmsg", len(b), NdUserOptMsgLen)
	}
	s := o.Swap()
	return NdUserOptMsg{
		Family:   b[0],
		OptsLen:  endian.Uint16(b[2:4], s),
		Index:    int32(endian.Uint32(b[4:8], s)),
		ICMPType: b[8],
		ICMPCode: b[9],
	}, nil
}

// Put writes m into b[:NdUserOptMsgLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise).
func (m NdUserOptMsg) Put(b []byte, o nlwire.Order) bool {
	if len(b) < NdUserOptMsgLen {
		return false
	}
	s := o.Swap()
	clear(b[:NdUserOptMsgLen])
	b[0] = m.Family
	endian.PutUint16(b[2:4], m.OptsLen, s)
	endian.PutUint32(b[4:8], uint32(m.Index), s)
	b[8] = m.ICMPType
	b[9] = m.ICMPCode
	return true
}

// Len returns NdUserOptMsgLen, sizeof(struct nduseroptmsg): with Put, it makes
// NdUserOptMsg a wire.FixedHeader.
func (m NdUserOptMsg) Len() int { return NdUserOptMsgLen }

// Append appends m to b in byte order o.
func (m NdUserOptMsg) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, NdUserOptMsgLen)...)
	m.Put(b[len(b)-NdUserOptMsgLen:], o)
	return b
}
