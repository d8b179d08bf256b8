package dissect

import (
	"net/netip"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/endian"
)

// structValue makes v, the payload p of an attribute whose table
// describes it as C struct st (family.Attr.Struct), a Struct value if p
// is long enough for it; otherwise v stays bytes. Bytes past the struct
// (or past an array's last whole element) are given as a member
// "trailing", so that nothing of the payload is left out; an array of
// more elements than family.MaxStructElems, or a description whose
// members lie past the payload, leaves v as bytes.
func (d *Dissector) structValue(v *Value, st *family.Struct, p []byte, k *Kind, depth int) {
	if len(p) < st.Size {
		return
	}
	l := fieldList{d: d}
	used := 0
	switch {
	case k.Protocol == ProtoXFRM && st == xfrm.UsersaInfoStruct:
		m, _ := xfrm.ParseUsersaInfo(p, k.Order)
		l.usersaInfo(&saTop, &m)
		used = st.Size
	case k.Protocol == ProtoXFRM && st == xfrm.UserpolicyInfoStruct:
		m, _ := xfrm.ParseUserpolicyInfo(p, k.Order)
		l.userpolicyInfo(&polTop, &m)
		used = st.Size
	default:
		for i := 0; i == 0 || st.Array && used+st.Size <= len(p); i++ {
			if i >= len(st.Names) {
				return // more elements than are shown by members
			}
			n, ok := l.members(st, st.Names[i], p[used:], k)
			if !ok {
				return
			}
			used += n
			if st.Size == 0 {
				break // an empty struct's array: nothing to repeat
			}
		}
	}
	if used < len(p) {
		l.bytes("trailing", FieldBytes, p[used:])
	}
	if l.full {
		return // more members than the storage holds: bytes
	}
	h := &d.hdr // free: the message's Header event is over
	*h = Header{Struct: st.Name, Fields: d.fields[:l.n], Addrs: d.addrs[:l.na],
		Offset: d.ev.Offset + attr.HeaderLen, Len: len(p), Depth: depth}
	v.Kind, v.Struct, v.Bytes = Struct, h, p
}

// members adds the members of one struct at the start of p (len(p) is
// at least st.Size), named by names, and returns the bytes they span
// (st.Size, or all of p for a struct ending in a flexible array) and
// whether every member lay within p.
func (l *fieldList) members(st *family.Struct, names []string, p []byte, k *Kind) (int, bool) {
	swap := k.Order.Swap()
	used := st.Size
	for i := range st.Members {
		m, name := &st.Members[i], names[i]
		n := m.Size()
		if m.Offset+n > len(p) || m.Kind == family.MemberAddr && m.FamilyAt != family.FamilyOfMessage && m.FamilyAt+2 > len(p) {
			return 0, false
		}
		b := p[m.Offset:]
		switch m.Kind {
		case family.MemberU8:
			l.add(name, int64(b[0]))
		case family.MemberS8:
			l.add(name, int64(int8(b[0])))
		case family.MemberU16:
			l.add(name, int64(endian.Uint16(b[:2], swap)))
		case family.MemberS16:
			l.add(name, int64(int16(endian.Uint16(b[:2], swap))))
		case family.MemberU32:
			l.add(name, int64(endian.Uint32(b[:4], swap)))
		case family.MemberS32:
			l.add(name, int64(int32(endian.Uint32(b[:4], swap))))
		case family.MemberU64:
			l.u64(name, endian.Uint64(b[:8], swap))
		case family.MemberS64:
			l.add(name, int64(endian.Uint64(b[:8], swap)))
		case family.MemberBE16:
			l.add(name, int64(b[0])<<8|int64(b[1]))
		case family.MemberBE32:
			l.add(name, int64(b[0])<<24|int64(b[1])<<16|int64(b[2])<<8|int64(b[3]))
		case family.MemberBE64:
			l.u64(name, endian.Uint64(b[:8], nlwire.BigEndian.Swap()))
		case family.MemberString:
			l.bytes(name, FieldString, b[:n])
		case family.MemberBytes:
			if n == 0 { // to the end: a flexible array
				n, used = len(b), len(p)
			}
			l.bytes(name, FieldBytes, b[:n])
		case family.MemberIPv4:
			l.addr(name, netip.AddrFrom4([4]byte(b[:4])), [16]byte{})
		case family.MemberIPv6:
			l.addr(name, netip.AddrFrom16([16]byte(b[:16])), [16]byte{})
		case family.MemberAddr:
			af := l.d.xfrmAF
			if m.FamilyAt != family.FamilyOfMessage {
				af = endian.Uint16(p[m.FamilyAt:m.FamilyAt+2], swap)
			}
			a := xfrm.Address(b[:xfrm.AddressLen])
			l.addr(name, a.Addr(af), a)
		}
	}
	return used, true
}
