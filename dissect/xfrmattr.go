package dissect

import (
	"strconv"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/endian"
)

// memberKind is how a struct member is read.
type memberKind uint8

const (
	mU8     memberKind = iota
	mU16               // in the message's byte order
	mU32               // in the message's byte order
	mS32               // in the message's byte order
	mU64               // in the message's byte order
	mBE16              // big-endian (a port)
	mBE32              // big-endian (an SPI)
	mString            // a NUL-padded char array of size bytes
	mAddr              // an xfrm_address_t, of the family at fam
	mRest              // the bytes from off to the end of the payload (a key, a bitmap)
)

// msgFamily, as a member's fam, is the address family of the message's
// fixed header.
const msgFamily = -1

// member is one member of a C struct, at offset off.
type member struct {
	name string
	kind memberKind
	off  int
	size int // of an mString
	fam  int // of an mAddr: the offset of the u16 family member, or msgFamily
}

// structDef is a C struct an attribute holds: size bytes (its minimum,
// for one ending in a flexible array), once or, for an array, as many
// times as the payload holds.
type structDef struct {
	name    string
	size    int
	array   bool
	members []member
	// names are the members' names, for a struct alone or an array of
	// one.
	names []string
	// elems are the members' names for each element of an array,
	// "[0].reqid" ...: made once, so that naming costs no allocation.
	elems [][]string
}

// maxStructElems is the most elements of an array of structs given by
// members: XFRM_MAX_DEPTH, the most templates the kernel takes. A longer
// array is given as bytes.
const maxStructElems = 6

// newStruct returns the description of struct name; an array's element
// names are made here.
func newStruct(name string, size int, array bool, members ...member) *structDef {
	s := &structDef{name: name, size: size, array: array, members: members}
	for _, m := range members {
		s.names = append(s.names, m.name)
	}
	if array {
		for i := range maxStructElems {
			names := make([]string, len(members))
			for j, m := range members {
				names[j] = "[" + strconv.Itoa(i) + "]." + m.name
			}
			s.elems = append(s.elems, names)
		}
	}
	return s
}

func u8(name string, off int) member  { return member{name: name, kind: mU8, off: off} }
func u16(name string, off int) member { return member{name: name, kind: mU16, off: off} }
func u32(name string, off int) member { return member{name: name, kind: mU32, off: off} }
func be(name string, k memberKind, off int) member {
	return member{name: name, kind: k, off: off}
}
func addr(name string, off, fam int) member {
	return member{name: name, kind: mAddr, off: off, fam: fam}
}
func rest(name string, off int) member { return member{name: name, kind: mRest, off: off} }
func str(name string, off, size int) member {
	return member{name: name, kind: mString, off: off, size: size}
}

// The structs of the XFRMA_* attributes (include/uapi/linux/xfrm.h):
// their members' names, kinds and offsets.
var (
	xfrmAlgo = newStruct("xfrm_algo", 68, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), rest("alg_key", 68))
	xfrmAlgoAuth = newStruct("xfrm_algo_auth", 72, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), u32("alg_trunc_len", 68), rest("alg_key", 72))
	xfrmAlgoAEAD = newStruct("xfrm_algo_aead", 72, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), u32("alg_icv_len", 68), rest("alg_key", 72))
	xfrmEncapTmpl = newStruct("xfrm_encap_tmpl", 24, false,
		u16("encap_type", 0), be("encap_sport", mBE16, 2), be("encap_dport", mBE16, 4), addr("encap_oa", 8, msgFamily))
	xfrmUserTmpl = newStruct("xfrm_user_tmpl", xfrm.UserTmplLen, true,
		addr("id.daddr", 0, 24), be("id.spi", mBE32, 16), u8("id.proto", 20), u16("family", 24), addr("saddr", 28, 24),
		u32("reqid", 44), u8("mode", 48), u8("share", 49), u8("optional", 50),
		u32("aalgos", 52), u32("ealgos", 56), u32("calgos", 60))
	xfrmUserSecCtx = newStruct("xfrm_user_sec_ctx", 8, false,
		u16("len", 0), u16("exttype", 2), u8("ctx_alg", 4), u8("ctx_doi", 5), u16("ctx_len", 6), rest("ctx", 8))
	xfrmLifetimeCur = newStruct("xfrm_lifetime_cur", 32, false,
		member{name: "bytes", kind: mU64}, member{name: "packets", kind: mU64, off: 8},
		member{name: "add_time", kind: mU64, off: 16}, member{name: "use_time", kind: mU64, off: 24})
	xfrmReplayState = newStruct("xfrm_replay_state", 12, false,
		u32("oseq", 0), u32("seq", 4), u32("bitmap", 8))
	xfrmReplayStateESN = newStruct("xfrm_replay_state_esn", 24, false,
		u32("bmp_len", 0), u32("oseq", 4), u32("seq", 8), u32("oseq_hi", 12), u32("seq_hi", 16),
		u32("replay_window", 20), rest("bmp", 24))
	xfrmAddress        = newStruct("xfrm_address_t", 16, false, addr("addr", 0, msgFamily))
	xfrmUserpolicyType = newStruct("xfrm_userpolicy_type", 6, false,
		u8("type", 0), u16("reserved1", 2), u8("reserved2", 4))
	xfrmUserMigrate = newStruct("xfrm_user_migrate", 80, true,
		addr("old_daddr", 0, 72), addr("old_saddr", 16, 72), addr("new_daddr", 32, 74), addr("new_saddr", 48, 74),
		u8("proto", 64), u8("mode", 65), u16("reserved", 66), u32("reqid", 68), u16("old_family", 72), u16("new_family", 74))
	xfrmUserKmaddress = newStruct("xfrm_user_kmaddress", 40, false,
		addr("local", 0, 36), addr("remote", 16, 36), u32("reserved", 32), u16("family", 36))
	xfrmMark = newStruct("xfrm_mark", 8, false,
		u32("v", 0), u32("m", 4))
	xfrmAddressFilter = newStruct("xfrm_address_filter", 36, false,
		addr("saddr", 0, 32), addr("daddr", 16, 32), u16("family", 32), u8("splen", 34), u8("dplen", 35))
	xfrmUserOffload = newStruct("xfrm_user_offload", 8, false,
		member{name: "ifindex", kind: mS32}, u8("flags", 4))
	xfrmuSADHInfo = newStruct("xfrmu_sadhinfo", 8, false,
		u32("sadhcnt", 0), u32("sadhmcnt", 4))
	xfrmuSPDInfo = newStruct("xfrmu_spdinfo", 24, false,
		u32("incnt", 0), u32("outcnt", 4), u32("fwdcnt", 8), u32("inscnt", 12), u32("outscnt", 16), u32("fwdscnt", 20))
	xfrmuSPDHInfo = newStruct("xfrmu_spdhinfo", 8, false,
		u32("spdhcnt", 0), u32("spdhmcnt", 4))
	xfrmuSPDHThresh = newStruct("xfrmu_spdhthresh", 2, false,
		u8("lbits", 0), u8("rbits", 1))
)

// xfrmAttrStruct returns the struct the payload of attribute type t of
// the xfrm attribute space s is, or nil if it is none (an integer, a
// string) or XFRMA_SA and XFRMA_POLICY, which xfrmStruct reads by
// package xfrm's parsers.
func xfrmAttrStruct(s *family.Set, t uint16) *structDef {
	switch s {
	case &xfrm.Attrs:
		switch t {
		case xfrm.XFRMA_ALG_AUTH, xfrm.XFRMA_ALG_CRYPT, xfrm.XFRMA_ALG_COMP:
			return xfrmAlgo
		case xfrm.XFRMA_ALG_AUTH_TRUNC:
			return xfrmAlgoAuth
		case xfrm.XFRMA_ALG_AEAD:
			return xfrmAlgoAEAD
		case xfrm.XFRMA_ENCAP:
			return xfrmEncapTmpl
		case xfrm.XFRMA_TMPL:
			return xfrmUserTmpl
		case xfrm.XFRMA_SEC_CTX:
			return xfrmUserSecCtx
		case xfrm.XFRMA_LTIME_VAL:
			return xfrmLifetimeCur
		case xfrm.XFRMA_REPLAY_VAL:
			return xfrmReplayState
		case xfrm.XFRMA_REPLAY_ESN_VAL:
			return xfrmReplayStateESN
		case xfrm.XFRMA_SRCADDR, xfrm.XFRMA_COADDR:
			return xfrmAddress
		case xfrm.XFRMA_POLICY_TYPE:
			return xfrmUserpolicyType
		case xfrm.XFRMA_MIGRATE:
			return xfrmUserMigrate
		case xfrm.XFRMA_KMADDRESS:
			return xfrmUserKmaddress
		case xfrm.XFRMA_MARK:
			return xfrmMark
		case xfrm.XFRMA_ADDRESS_FILTER:
			return xfrmAddressFilter
		case xfrm.XFRMA_OFFLOAD_DEV:
			return xfrmUserOffload
		}
	case &xfrm.SADAttrs:
		if t == xfrm.XFRMA_SAD_HINFO {
			return xfrmuSADHInfo
		}
	case &xfrm.SPDAttrs:
		switch t {
		case xfrm.XFRMA_SPD_INFO:
			return xfrmuSPDInfo
		case xfrm.XFRMA_SPD_HINFO:
			return xfrmuSPDHInfo
		case xfrm.XFRMA_SPD_IPV4_HTHRESH, xfrm.XFRMA_SPD_IPV6_HTHRESH:
			return xfrmuSPDHThresh
		}
	}
	return nil
}

// xfrmStruct makes v, the bytes p of attribute type t of space s, a
// Struct value if p is a C struct the tables describe and long enough
// for it; otherwise v stays bytes. Bytes past the struct (or past an
// array's last whole element) are given as a member "trailing", so that
// nothing of the payload is left out.
func (d *Dissector) xfrmStruct(v *Value, s *family.Set, t uint16, p []byte, k *Kind, depth int) {
	l := fieldList{d: d}
	h := &d.hdr
	used := 0
	switch {
	case s == &xfrm.Attrs && t == xfrm.XFRMA_SA:
		m, err := xfrm.ParseUsersaInfo(p, k.Order)
		if err != nil {
			return
		}
		l.usersaInfo(&saTop, &m)
		h.Struct, used = "xfrm_usersa_info", xfrm.UsersaInfoLen
	case s == &xfrm.Attrs && t == xfrm.XFRMA_POLICY:
		m, err := xfrm.ParseUserpolicyInfo(p, k.Order)
		if err != nil {
			return
		}
		l.userpolicyInfo(&polTop, &m)
		h.Struct, used = "xfrm_userpolicy_info", xfrm.UserpolicyInfoLen
	default:
		sd := xfrmAttrStruct(s, t)
		if sd == nil || len(p) < sd.size {
			return
		}
		h.Struct = sd.name
		if used = l.members(sd, sd.names, p, k); sd.array {
			for i := 1; used+sd.size <= len(p); i++ {
				if i >= len(sd.elems) {
					return // more elements than the kernel takes: bytes
				}
				if i == 1 {
					l.prefix(sd) // the first element's names, now that there are more
				}
				used += l.members(sd, sd.elems[i], p[used:], k)
			}
		}
	}
	if used < len(p) {
		l.bytes("trailing", FieldBytes, p[used:])
	}
	if l.full {
		return // more members than the storage holds: bytes
	}
	h.Fields, h.Addrs, h.Raw, h.User = d.fields[:l.n], d.addrs[:l.na], nil, nil
	h.Offset, h.Len, h.Depth = d.ev.Offset+attr.HeaderLen, len(p), depth
	v.Kind, v.Struct, v.Bytes = Struct, h, p
}

// members adds the members of one struct at the start of p (len(p) is
// at least sd.size), named by names, and returns the bytes they span:
// sd.size, or all of p for a struct ending in a flexible array.
func (l *fieldList) members(sd *structDef, names []string, p []byte, k *Kind) int {
	swap := k.Order.Swap()
	used := sd.size
	for i := range sd.members {
		m, name := &sd.members[i], names[i]
		b := p[m.off:]
		switch m.kind {
		case mU8:
			l.add(name, int64(b[0]))
		case mU16:
			l.add(name, int64(endian.Uint16(b[:2], swap)))
		case mU32:
			l.add(name, int64(endian.Uint32(b[:4], swap)))
		case mS32:
			l.add(name, int64(int32(endian.Uint32(b[:4], swap))))
		case mU64:
			l.u64(name, endian.Uint64(b[:8], swap))
		case mBE16:
			l.add(name, int64(b[0])<<8|int64(b[1]))
		case mBE32:
			l.add(name, int64(b[0])<<24|int64(b[1])<<16|int64(b[2])<<8|int64(b[3]))
		case mString:
			l.bytes(name, FieldString, b[:m.size])
		case mAddr:
			af := l.d.xfrmAF
			if m.fam != msgFamily {
				af = endian.Uint16(p[m.fam:m.fam+2], swap)
			}
			l.xfrmAddr(name, b[:xfrm.AddressLen], af)
		case mRest:
			l.bytes(name, FieldBytes, b)
			used = len(p)
		}
	}
	return used
}

// prefix renames the first element's members of an array ("reqid"
// becomes "[0].reqid"), once a second element shows it is an array of
// more than one.
func (l *fieldList) prefix(sd *structDef) {
	for i := range l.n {
		f := &l.d.fields[i]
		for j, m := range sd.members {
			if f.Name == m.name {
				f.Name = sd.elems[0][j]
			}
		}
	}
	for i := range l.na {
		a := &l.d.addrs[i]
		for j, m := range sd.members {
			if a.Name == m.name {
				a.Name = sd.elems[0][j]
			}
		}
	}
}

// xfrmAddr adds an xfrm_address_t of address family af: an address if
// af is AF_INET or AF_INET6, else its 16 bytes (AddrField.Other).
func (l *fieldList) xfrmAddr(name string, b []byte, af uint16) {
	a := xfrm.Address(b[:xfrm.AddressLen])
	l.addr(name, a.Addr(af), a)
}
