package capture

import (
	"encoding/binary"
	"time"

	"github.com/nlwire/nlwire"
)

// Link-layer constants of netlink captures.
const (
	LinkType        = 253 // LINKTYPE_NETLINK
	ARPHRDNetlink   = 824 // ARPHRD_NETLINK: the pseudo-header's sll_hatype
	PseudoHeaderLen = 16  // the pseudo-header before each datagram
)

// Packet types of the pseudo-header (sll_pkttype, include/uapi/linux/if_packet.h).
const (
	PacketHost     uint16 = 0 // PACKET_HOST: addressed to this host
	PacketOutgoing uint16 = 4 // PACKET_OUTGOING: sent by this host; nlmon marks every packet so
)

// Direction says which way a datagram went, where the capture says so.
type Direction uint8

// Directions, as pcapng's epb_flags encode them.
const (
	DirectionUnknown  Direction = 0
	DirectionInbound  Direction = 1 // received by the capturing program
	DirectionOutbound Direction = 2 // sent by the capturing program
)

// String returns "unknown", "in" or "out".
func (d Direction) String() string {
	switch d {
	case DirectionInbound:
		return "in"
	case DirectionOutbound:
		return "out"
	}
	return "unknown"
}

// Record is one captured netlink datagram.
type Record struct {
	Index     int       // the record's number in the file, from 0
	Time      time.Time // when it was captured
	Protocol  uint16    // the netlink family (sll_protocol): 0 NETLINK_ROUTE, 16 NETLINK_GENERIC, ...
	PktType   uint16    // sll_pkttype
	Direction Direction // from pcapng's epb_flags, else DirectionUnknown
	Data      []byte    // the datagram; a reader reuses its storage on the next call to Next
	Length    int       // the datagram's length on the wire: more than len(Data) if the capture cut it
}

// Truncated reports whether the capture holds less than the whole datagram.
func (r *Record) Truncated() bool { return r.Length > len(r.Data) }

// appendPseudoHeader appends the 16-byte pseudo-header.
func appendPseudoHeader(b []byte, pktType, protocol uint16) []byte {
	b = binary.BigEndian.AppendUint16(b, pktType)
	b = binary.BigEndian.AppendUint16(b, ARPHRDNetlink)
	b = append(b, make([]byte, 2+8)...) // address length and address: none
	return binary.BigEndian.AppendUint16(b, protocol)
}

// GuessOrder returns the byte order of the netlink messages in datagram:
// hint if the first message's nlmsg_len read in that order fits the
// datagram, else the other order if it fits there, else hint. Wireshark's
// netlink dissector decides the same way.
func GuessOrder(datagram []byte, hint nlwire.Order) nlwire.Order {
	if len(datagram) < 16 {
		return hint
	}
	if hint == nlwire.Native {
		hint = nlwire.Host()
	}
	fits := func(n uint32) bool { return n >= 16 && uint64(n) <= uint64(len(datagram)) }
	le, be := binary.LittleEndian.Uint32(datagram), binary.BigEndian.Uint32(datagram)
	switch {
	case hint == nlwire.LittleEndian && fits(le), hint == nlwire.BigEndian && fits(be):
		return hint
	case fits(le):
		return nlwire.LittleEndian
	case fits(be):
		return nlwire.BigEndian
	}
	return hint
}
