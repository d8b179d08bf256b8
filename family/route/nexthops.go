package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
)

// Nexthops walks the struct rtnexthop records of an RTA_MULTIPATH
// payload as the kernel's rtnh_ok and rtnh_next do
// (include/net/nexthop.h): a record needs at least RtNexthopLen bytes and
// RtNexthopLen <= rtnh_len <= remaining; the next one starts
// RTNH_ALIGN(rtnh_len) further on. It is a small value and does not
// allocate.
//
//	nh := route.NewNexthops(d.Bytes(), order)
//	for nh.Next() {
//		hop := nh.Nexthop()
//		attrs := attr.NewDecoder(nh.Attrs()).WithOrder(order)
//		...
//	}
//	if err := nh.Err(); err != nil { ... }
type Nexthops struct {
	b     []byte
	off   int
	cur   RtNexthop
	attrs []byte
	order nlwire.Order
	err   error
}

// NewNexthops returns a walker over the records in b, in byte order o.
func NewNexthops(b []byte, o nlwire.Order) Nexthops {
	return Nexthops{b: b, order: o}
}

// Next advances to the next record and reports whether there is one. A
// record whose length does not fit stops the walk with an error.
func (n *Nexthops) Next() bool {
	if n.err != nil || n.off >= len(n.b) {
		return false
	}
	rest := n.b[n.off:]
	h, err := ParseRtNexthop(rest, n.order)
	if err != nil {
		n.err = err
		return false
	}
	if int(h.Len) < RtNexthopLen || int(h.Len) > len(rest) {
		n.err = &family.HeaderError{Struct: "rtnexthop", Len: len(rest), Want: max(int(h.Len), RtNexthopLen)}
		return false
	}
	n.cur = h
	n.attrs = rest[RtNexthopLen:h.Len]
	n.off += min((int(h.Len)+3)&^3, len(rest))
	return true
}

// Nexthop returns the current record's header.
func (n *Nexthops) Nexthop() RtNexthop { return n.cur }

// Attrs returns the current record's attributes (RouteAttrs: RTA_GATEWAY,
// RTA_FLOW, RTA_VIA, RTA_NEWDST, RTA_ENCAP...), a view into the buffer.
func (n *Nexthops) Attrs() []byte { return n.attrs }

// Err returns the error that stopped the walk, or nil.
func (n *Nexthops) Err() error { return n.err }
