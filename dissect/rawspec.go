package dissect

import (
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/wire"
)

// RawSpecs holds the tables of netlink-raw families loaded at run time
// (from a YNL spec, by ynl/tables), indexed by protocol and message
// type. Their operations' attributes replace the built-in tables' for
// the message types they name: a spec of rtnetlink (protocol 0: rt-link,
// rt-route, tc, ...) or of nfnetlink (protocol 12: nftables, conntrack,
// whose message types carry the subsystem in the high byte) decodes its
// messages in place of family/route's or the generated nftables and
// conntrack tables. The built-in names and fixed headers stay where the
// built-in tables have them; a message type they do not name takes the
// operation's name and fixed header size.
type RawSpecs struct {
	req, rep map[uint32]rawOp // by protocol<<16 | type, the messages of each direction
}

type rawOp struct {
	f  *family.Family
	op *family.Op
}

// Add indexes the operations of f, a netlink-raw family of protocol
// f.Protocol; a later family's operation replaces an earlier one's of
// the same protocol, type and direction. Its cost is linear in f's
// operations.
func (r *RawSpecs) Add(f *family.Family) {
	if r.req == nil {
		r.req, r.rep = map[uint32]rawOp{}, map[uint32]rawOp{}
	}
	key := func(t int32) uint32 { return uint32(uint16(f.Protocol))<<16 | uint32(uint16(t)) }
	for i := range f.Ops {
		o := &f.Ops[i]
		if o.Request >= 0 && o.Request <= 0xffff {
			r.req[key(o.Request)] = rawOp{f, o}
		}
		if o.Reply >= 0 && o.Reply <= 0xffff {
			r.rep[key(o.Reply)] = rawOp{f, o}
		}
	}
}

// lookup returns the operation of message type t of protocol proto, in
// the message's direction first, else in the other.
func (r *RawSpecs) lookup(proto uint16, t uint16, request bool) (rawOp, bool) {
	if r == nil || r.req == nil {
		return rawOp{}, false
	}
	first, second := r.rep, r.req
	if request {
		first, second = r.req, r.rep
	}
	k := uint32(proto)<<16 | uint32(t)
	if o, ok := first[k]; ok {
		return o, true
	}
	o, ok := second[k]
	return o, ok
}

// rawKind applies the run-time tables to k, which the built-in ones
// have classified.
func (d *Dissector) rawKind(k *Kind, proto uint16, h wire.Header) {
	ro, ok := d.Raw.lookup(proto, h.Type, h.Flags&wire.Request != 0)
	if !ok || proto == ProtoGeneric {
		return
	}
	k.Attrs = ro.op.Attrs
	if k.Attrs == nil && len(ro.f.Sets) > 0 {
		k.Attrs = ro.f.Sets[0]
	}
	if !k.Known || k.Struct == "" {
		k.Known, k.Struct = true, ""
		k.HeaderLen = ro.op.HeaderLen
		if k.HeaderLen == 0 {
			k.HeaderLen = ro.f.HeaderLen
		}
	}
	switch {
	case strings.HasPrefix(k.Name, "type "):
		k.Name = ro.op.Name
	case strings.HasPrefix(k.Cmd, "msg "):
		k.Cmd = ro.op.Name
	}
}
