package fuzz

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
	"pgregory.net/rapid"
)

// Case is one generated run of attributes, in the host's byte order, and
// a note saying what it tries ("top/3(NLA_U32) value 0x100").
type Case struct {
	Attrs []byte
	What  string
}

// Cases returns a systematic set of attribute runs for the policy p:
// stream-level oddities (no attributes, unknown types 0, MaxType+1,
// MaxType+2 and 0x3fff, trailing bytes, nla_len 0, 2 and past the end, a
// repeated attribute) and, for every type up to p's maximum, valid
// payloads, boundary and out-of-range values, masks, every short and long
// length, strings with and without NUL around their maximum length,
// Bitfield32 selectors, empty and malformed nests, NLA_F_NESTED and
// NLA_F_NET_BYTEORDER where they do and do not belong, an unpadded last
// attribute; nested policies are followed four levels deep, each visited
// once. The result is deterministic.
func Cases(p *validate.Policy) []Case {
	g := &caseGen{visited: map[*validate.Policy]bool{}}
	g.table(p, func(b []byte) []byte { return b }, "top", 0)
	return g.out
}

// Random returns a random run of up to four attributes of the policy p,
// each valid or spoiled in one way (a value out of range, a wrong length,
// a flag misused, a type the policy does not know), nests filled the same
// way through nested policies, and sometimes trailing bytes.
func Random(r *rand.Rand, p *validate.Policy) []byte {
	return genSet(randSource{r}, p, 0)
}

// Attrs returns a rapid generator of the attribute runs Random makes, which
// rapid can shrink.
func Attrs(p *validate.Policy) *rapid.Generator[[]byte] {
	return rapid.Custom(func(t *rapid.T) []byte { return genSet(rapidSource{t}, p, 0) })
}

// FromBytes returns the attribute run Random would make, drawing its
// choices from the bytes of b instead of a random source: a fuzz target
// passes the fuzzer's input, so that the coverage-guided engine steers
// which attributes, values and violations come out. Past the end of b
// every choice is 0, so the run is finite.
func FromBytes(b []byte, p *validate.Policy) []byte {
	return genSet(&byteSource{b: b}, p, 0)
}

// byteSource draws choices from a byte string.
type byteSource struct{ b []byte }

func (s *byteSource) intn(n int) int {
	if n <= 1 {
		return 0
	}
	var v uint32
	for i := 0; i < 4 && len(s.b) > 0; i++ {
		v = v<<8 | uint32(s.b[0])
		s.b = s.b[1:]
		if uint64(1)<<(8*(i+1)) >= uint64(n) {
			break
		}
	}
	return int(v % uint32(n))
}

// source is the randomness Random and Attrs draw from.
type source interface {
	intn(n int) int // in [0, n)
}

type randSource struct{ r *rand.Rand }

func (s randSource) intn(n int) int { return s.r.IntN(n) }

type rapidSource struct{ t *rapid.T }

func (s rapidSource) intn(n int) int { return rapid.IntRange(0, n-1).Draw(s.t, "n") }

var ne = binary.NativeEndian

// put encodes one attribute, padded.
func put(t uint16, p []byte) []byte {
	n := attr.HeaderLen + len(p)
	if n > attr.MaxLen {
		panic(fmt.Sprintf("fuzz: an attribute of %d bytes", n)) // the generators stay well below
	}
	b := make([]byte, 4, attr.Align(n))
	ne.PutUint16(b, uint16(n))
	ne.PutUint16(b[2:], t)
	b = append(b, p...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// rawHdr encodes a header with any nla_len, followed by p, unpadded.
func rawHdr(nlaLen, t uint16, p []byte) []byte {
	b := make([]byte, 4, 4+len(p))
	ne.PutUint16(b, nlaLen)
	ne.PutUint16(b[2:], t)
	return append(b, p...)
}

func cat(bs ...[]byte) []byte {
	var o []byte
	for _, b := range bs {
		o = append(o, b...)
	}
	return o
}

// uN encodes the low n bytes of v in host order.
func uN(v uint64, n int) []byte {
	var b [8]byte
	ne.PutUint64(b[:], v)
	if ne.Uint16([]byte{1, 0}) == 1 {
		return append([]byte(nil), b[:n]...)
	}
	return append([]byte(nil), b[8-n:]...)
}

func fill(n int, c byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

func maxType(p *validate.Policy) int {
	if p.MaxType != 0 {
		return int(p.MaxType)
	}
	return len(p.Rules) - 1
}

func ruleOf(p *validate.Policy, t int) validate.Rule {
	if t > 0 && t < len(p.Rules) {
		return p.Rules[t]
	}
	return validate.Rule{}
}

func isUnsigned(k validate.Kind) bool {
	switch k {
	case validate.U8, validate.U16, validate.U32, validate.U64, validate.UInt, validate.Msecs:
		return true
	}
	return false
}

func isSigned(k validate.Kind) bool {
	switch k {
	case validate.S8, validate.S16, validate.S32, validate.S64, validate.SInt:
		return true
	}
	return false
}

// size is an integer kind's natural payload size.
func size(k validate.Kind) int {
	switch k {
	case validate.U8, validate.S8:
		return 1
	case validate.U16, validate.S16, validate.BE16:
		return 2
	case validate.U32, validate.S32, validate.UInt, validate.SInt, validate.BE32:
		return 4
	}
	return 8
}

func typeMax(k validate.Kind) uint64 {
	switch size(k) {
	case 1:
		return 0xff
	case 2:
		return 0xffff
	case 4:
		if k == validate.UInt {
			return 1<<64 - 1
		}
		return 0xffffffff
	}
	return 1<<64 - 1
}

// valid returns a payload the rule accepts (for nests: an empty one).
func valid(r *validate.Rule) []byte {
	switch {
	case isUnsigned(r.Kind):
		lo, _ := r.UnsignedRange()
		return uN(lo, size(r.Kind))
	case isSigned(r.Kind):
		lo, hi := r.SignedRange()
		v := int64(0)
		if v < lo || v > hi {
			v = lo
		}
		return uN(uint64(v), size(r.Kind))
	}
	switch r.Kind {
	case validate.String, validate.NulString:
		return []byte("a\x00")
	case validate.Binary:
		lo, _ := r.UnsignedRange()
		return make([]byte, lo)
	case validate.Bitfield32:
		return make([]byte, 8)
	case validate.Unspec:
		return make([]byte, r.Len)
	}
	return nil
}

func nestKind(k validate.Kind) bool { return k == validate.Nested || k == validate.NestedArray }

type caseGen struct {
	out     []Case
	visited map[*validate.Policy]bool
}

func (g *caseGen) add(b []byte, what string) { g.out = append(g.out, Case{b, what}) }

func (g *caseGen) table(p *validate.Policy, wrap func([]byte) []byte, path string, depth int) {
	if g.visited[p] || depth > 4 {
		return
	}
	g.visited[p] = true
	mt := maxType(p)
	g.add(wrap(nil), path+" empty")
	for _, t := range []int{0, mt + 1, mt + 2, attr.TypeMask} {
		g.add(wrap(put(uint16(t), uN(0, 4))), fmt.Sprintf("%s unknown type %d", path, t))
	}
	var first []byte
	for t := 1; t <= mt && t < len(p.Rules); t++ {
		r := &p.Rules[t]
		if r.Kind != validate.Unspec {
			f := uint16(0)
			if nestKind(r.Kind) {
				f = attr.FlagNested
			}
			first = put(uint16(t)|f, valid(r))
			break
		}
	}
	for k := 1; k <= 3; k++ {
		g.add(wrap(cat(first, fill(k, 0))), fmt.Sprintf("%s trailing %d", path, k))
	}
	g.add(wrap(cat(first, rawHdr(2, 1, fill(4, 0)))), path+" nla_len 2")
	g.add(wrap(cat(first, rawHdr(0, 1, fill(4, 0)))), path+" nla_len 0")
	g.add(wrap(cat(first, rawHdr(40, 1, fill(4, 0)))), path+" nla_len past end")
	g.add(wrap(cat(first, first)), path+" repeated")
	for t := 1; t <= mt; t++ {
		r := ruleOf(p, t)
		g.attr(&r, uint16(t), wrap, fmt.Sprintf("%s/%d(%v)", path, t, r.Kind), depth)
	}
}

func (g *caseGen) attr(r *validate.Rule, t uint16, wrap func([]byte) []byte, path string, depth int) {
	emit := func(flags uint16, pl []byte, what string) {
		g.add(wrap(put(t|flags, pl)), path+" "+what)
	}
	k := r.Kind
	switch {
	case isUnsigned(k) || isSigned(k):
		n := size(k)
		for _, l := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12} {
			emit(0, fill(l, 0), fmt.Sprintf("len %d", l))
		}
		if isUnsigned(k) {
			lo, hi := r.UnsignedRange()
			vals := []uint64{0, 1, lo, hi, typeMax(k)}
			if lo > 0 {
				vals = append(vals, lo-1)
			}
			if hi < typeMax(k) {
				vals = append(vals, hi+1)
			}
			if r.Check == validate.CheckMask {
				for b := 0; b < n*8; b++ {
					vals = append(vals, 1<<b)
				}
				vals = append(vals, r.Mask)
			}
			for _, v := range vals {
				emit(0, uN(v&typeMax(k), n), fmt.Sprintf("value %#x", v))
				if k == validate.UInt {
					emit(0, uN(v, 8), fmt.Sprintf("value %#x as 8 bytes", v))
				}
			}
		} else {
			lo, hi := r.SignedRange()
			vals := []int64{0, -1, lo, hi}
			if lo > -1<<63 {
				vals = append(vals, lo-1)
			}
			if hi < 1<<63-1 {
				vals = append(vals, hi+1)
			}
			for _, v := range vals {
				emit(0, uN(uint64(v), n), fmt.Sprintf("value %d", v))
				if k == validate.SInt {
					emit(0, uN(uint64(v), 8), fmt.Sprintf("value %d as 8 bytes", v))
				}
			}
		}
	case k == validate.String || k == validate.NulString:
		lens := []int{0, 1, 2, 15, 16, 17, 40}
		if r.Len != 0 {
			L := int(r.Len)
			lens = append(lens, L-1, L, L+1, L+2)
		}
		for _, l := range lens {
			if l < 0 {
				continue
			}
			emit(0, fill(l, 'a'), fmt.Sprintf("%d chars no NUL", l))
			if l > 0 {
				emit(0, append(fill(l-1, 'a'), 0), fmt.Sprintf("%d bytes NUL-terminated", l))
			}
			if l > 2 {
				b := fill(l, 'b')
				b[1] = 0
				emit(0, b, fmt.Sprintf("%d bytes early NUL", l))
			}
		}
		emit(0, []byte{0}, "just NUL")
		emit(0, []byte{0, 0}, "two NULs")
	case k == validate.Binary:
		lo, hi := r.UnsignedRange()
		lens := []int{0, 1, 4, 16, 100}
		for _, l := range []uint64{lo, hi, uint64(r.Len)} {
			if l <= 200 {
				lens = append(lens, int(l), int(l)+1)
				if l > 0 {
					lens = append(lens, int(l)-1)
				}
			}
		}
		seen := map[int]bool{}
		for _, l := range lens {
			if !seen[l] {
				seen[l] = true
				emit(0, fill(l, 0x11), fmt.Sprintf("len %d", l))
			}
		}
	case k == validate.Flag:
		for _, l := range []int{0, 1, 4} {
			emit(0, fill(l, 0), fmt.Sprintf("len %d", l))
		}
	case k == validate.Bitfield32:
		for _, l := range []int{0, 4, 7, 9, 12} {
			emit(0, fill(l, 0), fmt.Sprintf("len %d", l))
		}
		m := uint32(r.Mask)
		out := ^m
		low := m & -m
		for _, vs := range [][2]uint32{{0, 0}, {m, m}, {0, m}, {low, 0}, {0, out}, {out, out}, {low, low}, {0x80000000, 0x80000000}} {
			emit(0, cat(uN(uint64(vs[0]), 4), uN(uint64(vs[1]), 4)), fmt.Sprintf("value %#x selector %#x", vs[0], vs[1]))
		}
	case nestKind(k):
		emit(attr.FlagNested, nil, "empty nest")
		emit(0, nil, "empty nest without NLA_F_NESTED")
		for l := 1; l <= 3; l++ {
			emit(attr.FlagNested, fill(l, 0), fmt.Sprintf("nest of %d bytes", l))
		}
		emit(0, put(1, uN(0, 4)), "non-empty nest without NLA_F_NESTED")
		emit(attr.FlagNested, rawHdr(3, 1, fill(4, 0)), "nest with nla_len 3 child")
		emit(attr.FlagNested, cat(put(1, nil), []byte{0, 0}), "nest with 2 leftover bytes")
		if r.Nested != nil {
			sub := r.Nested
			if k == validate.Nested {
				g.table(sub, func(b []byte) []byte { return wrap(put(t|attr.FlagNested, b)) }, path, depth+1)
			} else {
				emit(attr.FlagNested, put(1, nil), "array with empty element")
				emit(attr.FlagNested, put(1, []byte{0, 0}), "array with 2-byte element")
				emit(attr.FlagNested, put(attr.TypeMask, nil), "array with empty element of type 0x3fff")
				g.table(sub, func(b []byte) []byte { return wrap(put(t|attr.FlagNested, put(1|attr.FlagNested, b))) }, path+"[1]", depth+1)
			}
		}
	default: // Unspec, and the kinds a dump never shows
		for _, l := range []int{0, 4} {
			emit(0, fill(l, 0), fmt.Sprintf("len %d", l))
		}
	}
	if !nestKind(k) {
		v := valid(r)
		emit(attr.FlagNested, v, "valid payload with NLA_F_NESTED")
		emit(attr.FlagNested, append(append([]byte(nil), v...), 0, 0, 0, 0, 0), "payload +5 with NLA_F_NESTED")
		emit(attr.FlagNested, nil, "empty payload with NLA_F_NESTED")
		g.add(wrap(cat(put(t, v), fill(2, 0))), path+" valid then 2 trailing")
		g.add(wrap(cat(put(attr.TypeMask, nil), put(t, v))), path+" unknown type before valid")
		g.add(wrap(cat(put(0, nil), put(t|attr.FlagNested, v))), path+" type 0 before flagged")
		emit(attr.FlagNetByteOrder, v, "valid payload with NLA_F_NET_BYTEORDER")
		emit(0, v, "valid payload")
		g.add(wrap(rawHdr(uint16(4+len(v)), t, v)), path+" valid payload unpadded")
	}
}

// genSet draws a run of attributes of policy p.
func genSet(s source, p *validate.Policy, depth int) []byte {
	var b []byte
	n := s.intn(5)
	if depth > 0 {
		n = s.intn(3)
	}
	for range n {
		b = append(b, genAttr(s, p, depth)...)
	}
	if s.intn(16) == 0 {
		b = append(b, fill(1+s.intn(3), 0)...)
	}
	return b
}

// genAttr draws one attribute of policy p, valid three times in five.
func genAttr(s source, p *validate.Policy, depth int) []byte {
	mt := maxType(p)
	var t int
	switch s.intn(12) {
	case 0:
		t = []int{0, mt + 1, mt + 2 + s.intn(8), attr.TypeMask}[s.intn(4)]
	default:
		if mt < 1 {
			t = 1
			break
		}
		t = 1 + s.intn(mt)
		// Prefer types the policy describes.
		for range 3 {
			if ruleOf(p, t).Kind != validate.Unspec {
				break
			}
			t = 1 + s.intn(mt)
		}
	}
	r := ruleOf(p, t)
	flags := uint16(0)
	if nestKind(r.Kind) {
		flags = attr.FlagNested
	}
	spoil := s.intn(5) >= 3
	var pl []byte
	if spoil {
		switch s.intn(4) {
		case 0: // a flag where it does not belong, or none where it must be
			flags ^= attr.FlagNested
			pl = payload(s, &r, depth, false)
		case 1:
			flags |= attr.FlagNetByteOrder
			pl = payload(s, &r, depth, false)
		case 2: // wrong length
			pl = payload(s, &r, depth, false)
			switch {
			case len(pl) > 0 && s.intn(2) == 0:
				pl = pl[:s.intn(len(pl))]
			default:
				pl = append(pl, fill(1+s.intn(8), 0x5a)...)
			}
		default: // a value out of range
			pl = payload(s, &r, depth, true)
		}
	} else {
		pl = payload(s, &r, depth, false)
	}
	return put(uint16(t)|flags, pl)
}

// payload draws a payload for r: a valid one, or with bad an invalid
// value (out of range, masked bits, a string too long, bad Bitfield32
// bits).
func payload(s source, r *validate.Rule, depth int, bad bool) []byte {
	k := r.Kind
	switch {
	case isUnsigned(k):
		lo, hi := r.UnsignedRange()
		n := size(k)
		if k == validate.UInt && s.intn(2) == 0 {
			n = 8
		}
		var v uint64
		if bad {
			cands := []uint64{typeMax(k)}
			if lo > 0 {
				cands = append(cands, lo-1, 0)
			}
			if hi < typeMax(k) {
				cands = append(cands, hi+1)
			}
			if r.Check == validate.CheckMask {
				cands = append(cands, ^r.Mask&typeMax(k), 1<<s.intn(n*8))
			}
			v = cands[s.intn(len(cands))]
		} else {
			v = lo
			switch s.intn(3) {
			case 1:
				v = hi
			case 2:
				if hi-lo < 1<<30 {
					v = lo + uint64(s.intn(int(hi-lo)+1))
				}
			}
			if r.Check == validate.CheckMask {
				v &= r.Mask
			}
		}
		return uN(v, n)
	case isSigned(k):
		lo, hi := r.SignedRange()
		n := size(k)
		if k == validate.SInt && s.intn(2) == 0 {
			n = 8
		}
		v := lo
		if bad {
			cands := []int64{}
			if lo > -1<<63 {
				cands = append(cands, lo-1)
			}
			if hi < 1<<63-1 {
				cands = append(cands, hi+1)
			}
			if len(cands) > 0 {
				v = cands[s.intn(len(cands))]
			}
		} else if s.intn(2) == 0 {
			v = hi
		}
		return uN(uint64(v), n)
	}
	switch k {
	case validate.String, validate.NulString:
		n := s.intn(8)
		if r.Len != 0 {
			n = s.intn(int(r.Len) + 1)
			if bad {
				n = int(r.Len) + 1 + s.intn(3)
			}
		}
		b := fill(n, 'a')
		if k == validate.NulString || s.intn(2) == 0 {
			b = append(b, 0)
		}
		return b
	case validate.Binary:
		lo, hi := r.UnsignedRange()
		if hi > 256 {
			hi = 256
		}
		if bad {
			return fill(int(hi)+1+s.intn(4), 0x22)
		}
		if lo > hi {
			return fill(int(lo), 0x22)
		}
		return fill(int(lo)+s.intn(int(hi-lo)+1), 0x22)
	case validate.Flag:
		if bad {
			return fill(1+s.intn(4), 0)
		}
		return nil
	case validate.Bitfield32:
		m := uint32(r.Mask)
		val, sel := m&uint32(s.intn(1<<16)), m
		if bad {
			val, sel = ^m|1, ^m|1
		}
		val &= sel
		return cat(uN(uint64(val), 4), uN(uint64(sel), 4))
	case validate.Nested:
		if r.Nested == nil || depth >= 4 {
			return nil
		}
		return genSet(s, r.Nested, depth+1)
	case validate.NestedArray:
		if r.Nested == nil || depth >= 4 {
			return nil
		}
		var b []byte
		for i := range s.intn(3) {
			b = append(b, put(uint16(i+1)|attr.FlagNested, genSet(s, r.Nested, depth+1))...)
		}
		return b
	}
	return fill(int(r.Len)+4*s.intn(2), 0)
}
