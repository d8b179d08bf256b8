//go:build linux

package bench

import (
	"encoding/binary"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/wire"
)

// The dump's layers apart (workload DumpShapes): the Messages work with
// the message walk and the attribute decode each taken from nlwire or
// written by hand, and with the decode done by the reduced decoders of
// shapes.go, so that what each layer of nlwire costs in the dump, and
// what any decoder of attr.Decoder's method shape costs, can be read off.

// walkByHand splits the datagram by hand and decodes each RTM_NEWLINK's
// attributes with decode: walkHandwritten's loop, with the decode a
// parameter. walkHandwritten keeps its own copy, calling
// decodeHandwritten directly, so that the Messages reference pays for no
// call through a function value.
func walkByHand(b []byte, out []link, decode func(attrs []byte, l *link) error) (int, error) {
	const hdrLen = 16
	ne := binary.NativeEndian
	n := 0
	for len(b) >= hdrLen {
		ml := int(ne.Uint32(b))
		if ml < hdrLen || ml > len(b) {
			return n, errLen
		}
		m := b[hdrLen:ml]
		typ := ne.Uint16(b[4:])
		b = b[min((ml+3)&^3, len(b)):]
		if typ != rtmNewLink || n == len(out) {
			continue
		}
		if len(m) < ifinfomsgLen {
			return n, errLen
		}
		l := &out[n]
		*l = link{Index: ifIndex(m)}
		if err := decode(m[ifinfomsgLen:], l); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// walkReader splits the datagram with wire.Reader, as walkNlwire does,
// and decodes each RTM_NEWLINK's attributes with decode.
func walkReader(dg []byte, out []link, decode func(attrs []byte, l *link) error) (int, error) {
	r := wire.NewReader(dg)
	n := 0
	for r.Next() {
		if r.Type() != rtmNewLink || n == len(out) {
			continue
		}
		p := r.Payload()
		if len(p) < ifinfomsgLen {
			return n, errLen
		}
		l := &out[n]
		*l = link{Index: ifIndex(p)}
		if err := decode(p[ifinfomsgLen:], l); err != nil {
			return n, err
		}
		n++
	}
	return n, r.Err()
}

// dumpShapes are the walkers of DumpShapes: "<message walk>+<decode>".
var dumpShapes = []dumpWalker{
	{"hand+hand", func(dg []byte, out []link) (int, error) { return walkByHand(dg, out, decodeHandwritten) }},
	{"hand+minimal", func(dg []byte, out []link) (int, error) {
		return walkByHand(dg, out, func(b []byte, l *link) error { return decodeMinimal(minimalDecoder{rest: b}, l) })
	}},
	{"hand+ordered", func(dg []byte, out []link) (int, error) {
		return walkByHand(dg, out, func(b []byte, l *link) error {
			return decodeOrdered(orderedDecoder{minimalDecoder: minimalDecoder{rest: b}}, l)
		})
	}},
	{"hand+attr.Decoder", func(dg []byte, out []link) (int, error) {
		return walkByHand(dg, out, func(b []byte, l *link) error { return decodeNlwire(attr.NewDecoder(b), l) })
	}},
	{"wire.Reader+hand", func(dg []byte, out []link) (int, error) { return walkReader(dg, out, decodeHandwritten) }},
	{"nlwire", walkNlwire},
}
