//go:build linux

package bench

import (
	"encoding/binary"
	"syscall"

	mdl "github.com/mdlayher/netlink"
	"github.com/vishvananda/netlink/nl"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/typed"
	"github.com/nlwire/nlwire/wire"
)

// A decoder fills l from the attributes in b. One whose result is a
// value of its own (the generated code's typed value) has only: the
// operation timed, called as a user calls it (rtlink.LinkSet's Decode,
// on genSet with genOpts), while decode, which reads that value into l,
// checks it.
type decoder struct {
	name   string
	decode func(b []byte, l *link) error
	only   func(x *rtlink.LinkSet, b []byte, o *typed.Options) error
}

var decoders = []decoder{
	{"nlwire", func(b []byte, l *link) error { return decodeNlwire(attr.NewDecoder(b), l) }, nil},
	{"mdlayher", decodeMdlayher, nil},
	{"vishvananda", decodeVishvananda, nil},
	// generated and generated+getters are not part of the AttrDecode
	// workload (their own workload, GeneratedDecode, sets them against
	// handwritten); they stay before handwritten, which shapesWorkload
	// takes as the last entry.
	{"generated", decodeGenerated, (*rtlink.LinkSet).Decode},
	{"generated+getters", decodeGenerated, nil},
	{"handwritten", decodeHandwritten, nil},
}

// An encoder appends the fixture's attributes to buf[:0]. The ones with
// spec build them in the rt-link spec's order (as the generated Encode
// writes them) and are compared with encodeHandwrittenSpec; the others
// build encodeNlwire's bytes.
type encoder struct {
	name   string
	encode func(buf []byte) ([]byte, error)
	spec   bool
}

var encoders = []encoder{
	{"nlwire", encodeNlwire, false},
	{"mdlayher", encodeMdlayher, false},
	{"vishvananda", encodeVishvananda, false},
	{"generated", encodeGeneratedBuilder, true},
	{"generated-set", encodeGenerated, true},
	{"handwritten-spec", encodeHandwrittenSpec, true},
}

// encoderRef returns the bytes e must build.
func encoderRef(e encoder) ([]byte, error) {
	if e.spec {
		return encodeHandwrittenSpec(make([]byte, 0, 1024))
	}
	return encodeNlwire(make([]byte, 0, 1024))
}

// A dumpWalker walks every message of the datagram and decodes each
// RTM_NEWLINK's ifinfomsg and attributes into the next element of out.
// It returns the number of links decoded.
type dumpWalker struct {
	name string
	walk func(dg []byte, out []link) (int, error)
}

var dumpWalkers = []dumpWalker{
	{"nlwire", walkNlwire},
	{"mdlayher", walkMdlayher},
	{"vishvananda", walkVishvananda},
	{"handwritten", walkHandwritten},
}

// walkNlwire: wire.Reader, and Attrs(16) for the decoder after the
// ifinfomsg.
func walkNlwire(dg []byte, out []link) (int, error) {
	r := wire.NewReader(dg)
	n := 0
	for r.Next() {
		if r.Type() != rtmNewLink || n == len(out) {
			continue
		}
		d := r.Attrs(ifinfomsgLen)
		if err := r.Err(); err != nil {
			return n, err
		}
		l := &out[n]
		*l = link{Index: ifIndex(r.Payload())}
		if err := decodeNlwire(d, l); err != nil {
			return n, err
		}
		n++
	}
	return n, r.Err()
}

// walkMdlayher splits the datagram as mdlayher's Conn.Receive does: its
// parseMessagesIter is not exported, so this is a transcription of that
// loop, calling the exported (*Message).UnmarshalBinary on each aligned
// message; then an AttributeDecoder after the ifinfomsg, as a
// mdlayher/netlink rtnetlink user (jsimonetti/rtnetlink) decodes links.
func walkMdlayher(b []byte, out []link) (int, error) {
	const hdrLen = 16
	n := 0
	for len(b) >= hdrLen {
		ml := int(nlNative.Uint32(b))
		if ml < hdrLen {
			return n, errLen
		}
		al := (ml + 3) &^ 3
		if al > len(b) {
			return n, errLen
		}
		var m mdl.Message
		if err := m.UnmarshalBinary(b[:al]); err != nil {
			return n, err
		}
		b = b[al:]
		if m.Header.Type != rtmNewLink || n == len(out) {
			continue
		}
		if len(m.Data) < ifinfomsgLen {
			return n, errLen
		}
		l := &out[n]
		*l = link{Index: ifIndex(m.Data)}
		if err := decodeMdlayher(m.Data[ifinfomsgLen:], l); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

var nlNative = nl.NativeEndian()

// walkVishvananda: syscall.ParseNetlinkMessage, nl.DeserializeIfInfomsg
// and the attributes after it, as vishvananda/netlink's LinkList does.
func walkVishvananda(dg []byte, out []link) (int, error) {
	msgs, err := syscall.ParseNetlinkMessage(dg)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range msgs {
		if m.Header.Type != rtmNewLink || n == len(out) {
			continue
		}
		ifi := nl.DeserializeIfInfomsg(m.Data)
		l := &out[n]
		*l = link{Index: ifi.Index}
		if err := decodeVishvananda(m.Data[syscall.SizeofIfInfomsg:], l); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// walkHandwritten: nlmsg_ok/nlmsg_next by hand, then decodeHandwritten.
func walkHandwritten(b []byte, out []link) (int, error) {
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
		if err := decodeHandwritten(m[ifinfomsgLen:], l); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
