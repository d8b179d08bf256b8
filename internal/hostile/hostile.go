// Package hostile builds netlink inputs shaped to make a decoder work
// hard: deep nests, wide nests, siblings that look each other up, errors
// that echo such requests. Tests and the scale measurements of nldump use
// them; every message is little-endian NETLINK_ROUTE.
package hostile

import (
	"bytes"
	"encoding/binary"
	"time"

	"github.com/nlwire/nlwire/capture"
)

// Netlink and rtnetlink numbers the shapes use.
const (
	rtmNewLink   = 16     // RTM_NEWLINK
	nlmsgError   = 2      // NLMSG_ERROR
	iflaLinkinfo = 18     // IFLA_LINKINFO
	infoKind     = 1      // IFLA_INFO_KIND
	infoData     = 2      // IFLA_INFO_DATA
	nested       = 0x8000 // NLA_F_NESTED
	unknownType  = 0x3ff0 // a type no rtnetlink table names
	maxNla       = 0xffff
	ifinfomsgLen = 16
)

// Shape is a kind of hostile input.
type Shape int

// The shapes.
const (
	Deep     Shape = iota // chains of nests 16,382 levels deep
	Wide                  // nests of 16,382 empty attributes
	Siblings              // an IFLA_LINKINFO of 16,382 IFLA_INFO_DATA, each looking for IFLA_INFO_KIND
	Echo                  // NLMSG_ERRORs echoing a deep request, OFFS at its innermost attribute
	DeepWide              // NLMSG_ERRORs echoing 6,000 levels over 8,000 siblings, OFFS at the last
	Policy                // generic netlink CTRL_CMD_GETPOLICY replies of sparse tables (policy 16383, type 16383)
	Huge                  // messages whose every length claims the most it can: nlmsg_len 4 GiB-1, nla_len 65535
)

// Shapes lists every shape.
func Shapes() []Shape { return []Shape{Deep, Wide, Siblings, Echo, DeepWide, Policy, Huge} }

// String names the shape.
func (s Shape) String() string {
	return [...]string{"deep", "wide", "siblings", "echo", "deep+wide", "policy", "huge"}[s]
}

// Protocol returns the netlink family of the shape's messages.
func (s Shape) Protocol() uint16 {
	if s == Policy {
		return 16 // NETLINK_GENERIC
	}
	return 0 // NETLINK_ROUTE
}

// Message returns one message of the shape, about 64 KiB long.
func (s Shape) Message() []byte { return s.MessageN((maxNla - 4) / 4) }

// MessageN returns one message of the shape made of about n attributes
// (1 <= n <= 16,382), for small fuzz seeds.
func (s Shape) MessageN(n int) []byte {
	n = max(1, min(n, (maxNla-4)/4))
	switch s {
	case Deep:
		return link(chain(nil, n))
	case Wide:
		return link(wide(nil, unknownType|nested, n, 0))
	case Siblings:
		return link(wide(nil, iflaLinkinfo|nested, n, infoData|nested))
	case Echo:
		n = min(n, (maxNla-4)/4-8)
		req := link(chain(nil, n))
		return errorOf(req, 16+ifinfomsgLen+4*(n-1))
	case DeepWide:
		depth, width := n*3/7+1, n*4/7+1
		var b []byte
		starts := make([]int, depth)
		for i := range depth {
			starts[i] = len(b)
			b = attrHdr(b, unknownType|nested, 0)
		}
		for range width {
			b = attrHdr(b, 1, 4)
		}
		for i := depth - 1; i >= 0; i-- {
			binary.LittleEndian.PutUint16(b[starts[i]:], uint16(len(b)-starts[i]))
		}
		req := link(b)
		return errorOf(req, len(req)-4)
	case Policy:
		return policy(n)
	case Huge:
		// A message of attributes that each claim 65535 bytes and have
		// 4, then a header whose nlmsg_len claims 4 GiB-1.
		var attrs []byte
		for range n {
			attrs = attrHdr(attrs, iflaLinkinfo|nested, maxNla)
		}
		b := link(attrs)
		b = append(b, link(nil)[:16]...)
		binary.LittleEndian.PutUint32(b[len(b)-16:], 0xffffffff)
		return b
	}
	return nil
}

// policy returns a CTRL_CMD_GETPOLICY reply of about n attributes: a
// CTRL_ATTR_POLICY nest of entries {policy 16383 {type 16383 {NL_POLICY_TYPE_ATTR_TYPE}}},
// the sparsest tables a dump can name.
func policy(n int) []byte {
	const (
		ctrlID         = 0x10 // GENL_ID_CTRL
		getPolicy      = 10   // CTRL_CMD_GETPOLICY
		ctrlAttrPolicy = 8    // CTRL_ATTR_POLICY
	)
	var entries []byte
	for len(entries)+16 < min(maxNla-4, 4*n) {
		entries = attrHdr(entries, 0x3fff|nested, 16)          // policy index 16383
		entries = attrHdr(entries, 0x3fff|nested, 12)          // attribute type 16383
		entries = attrHdr(entries, 1, 8)                       // NL_POLICY_TYPE_ATTR_TYPE
		entries = binary.LittleEndian.AppendUint32(entries, 3) // NL_ATTR_TYPE_U8
	}
	attrs := attrHdr(nil, ctrlAttrPolicy|nested, 4+len(entries))
	attrs = append(attrs, entries...)
	n = 16 + 4 + len(attrs)
	b := binary.LittleEndian.AppendUint32(nil, uint32(n))
	b = binary.LittleEndian.AppendUint16(b, ctrlID)
	b = binary.LittleEndian.AppendUint16(b, 0x2) // NLM_F_MULTI
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 1234)
	b = append(b, getPolicy, 1, 0, 0)
	return append(b, attrs...)
}

// Messages returns messages of the shape adding up to at least size bytes.
func (s Shape) Messages(size int) [][]byte {
	m := s.Message()
	out := make([][]byte, 0, size/len(m)+1)
	for n := 0; n < size; n += len(m) {
		out = append(out, m)
	}
	return out
}

// Pcap returns a pcap file of the shape's Messages(size), a record each.
func (s Shape) Pcap(size int) ([]byte, error) {
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		return nil, err
	}
	for _, m := range s.Messages(size) {
		if err := w.WriteDatagram(time.Unix(0, 0), s.Protocol(), true, m); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func attrHdr(b []byte, typ uint16, n int) []byte {
	return binary.LittleEndian.AppendUint32(b, uint32(n)|uint32(typ)<<16)
}

// chain appends n nests, each the only content of the one before.
func chain(b []byte, n int) []byte {
	for i := range n {
		b = attrHdr(b, unknownType|nested, 4*(n-i))
	}
	return b
}

// wide appends a nest of type typ holding n empty attributes of type child
// (1 if child is 0).
func wide(b []byte, typ uint16, n int, child uint16) []byte {
	if child == 0 {
		child = 1
	}
	b = attrHdr(b, typ, 4+4*n)
	for range n {
		b = attrHdr(b, child, 4)
	}
	return b
}

// link wraps attributes in an RTM_NEWLINK request with an ifinfomsg.
func link(attrs []byte) []byte {
	n := 16 + ifinfomsgLen + len(attrs)
	b := binary.LittleEndian.AppendUint32(nil, uint32(n))
	b = binary.LittleEndian.AppendUint16(b, rtmNewLink)
	b = binary.LittleEndian.AppendUint16(b, 0x1|0x4) // NLM_F_REQUEST|NLM_F_ACK
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = append(b, make([]byte, ifinfomsgLen)...)
	return append(b, attrs...)
}

// errorOf returns the NLMSG_ERROR (EINVAL) that echoes req whole, with
// NLMSGERR_ATTR_MSG and NLMSGERR_ATTR_OFFS = offs.
func errorOf(req []byte, offs int) []byte {
	const msg = "hostile\x00"
	tlvs := attrHdr(nil, 1, 4+len(msg))
	tlvs = append(tlvs, msg...)
	tlvs = attrHdr(tlvs, 2, 8)
	tlvs = binary.LittleEndian.AppendUint32(tlvs, uint32(offs))
	n := 16 + 4 + len(req) + len(tlvs)
	b := binary.LittleEndian.AppendUint32(nil, uint32(n))
	b = binary.LittleEndian.AppendUint16(b, nlmsgError)
	b = binary.LittleEndian.AppendUint16(b, 0x200) // NLM_F_ACK_TLVS
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 1234)
	b = binary.LittleEndian.AppendUint32(b, uint32(0xffffffea)) // -EINVAL
	b = append(b, req...)
	return append(b, tlvs...)
}

// BadRecords returns a pcap file of about size bytes whose every record
// header is wrong but keeps the framing: each claims a captured length
// above its original length. A reader should report each and go on.
func BadRecords(size int) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4) // pcap, microseconds
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)              // thiszone, sigfigs
	b = binary.LittleEndian.AppendUint32(b, 1<<18) // snaplen
	b = binary.LittleEndian.AppendUint32(b, 253)   // LINKTYPE_NETLINK
	msg := link(nil)
	pseudo := []byte{0, 4, 0x03, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0} // PACKET_OUTGOING, ARPHRD_NETLINK, NETLINK_ROUTE
	for i := 0; len(b) < size; i++ {
		b = binary.LittleEndian.AppendUint32(b, uint32(i)) // ts_sec
		b = binary.LittleEndian.AppendUint32(b, 0)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(pseudo)+len(msg))) // incl_len
		b = binary.LittleEndian.AppendUint32(b, 1)                            // orig_len: less than incl_len
		b = append(b, pseudo...)
		b = append(b, msg...)
	}
	return b
}
