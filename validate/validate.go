package validate

import (
	"bytes"
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
)

// MaxDepth is the number of nesting levels the kernel follows through
// nested policies: at the 10th level below the top it fails with
// "allowed policy recursion depth exceeded"
// (MAX_POLICY_RECURSION_DEPTH, lib/nlattr.c).
const MaxDepth = 10

// maxPath bounds Error.Path: MaxDepth levels of attributes plus one
// level per nested array element.
const maxPath = 2*MaxDepth + 2

// Options say how to read the attributes: their byte order, where they
// sit in the message and who hears the warnings. The zero Options read
// host-order attributes at offset 0 and drop warnings.
type Options struct {
	// Order is the byte order of integer payloads and attribute headers.
	// BE16 and BE32 payloads are big-endian whatever it says.
	Order nlwire.Order
	// Base is the offset of the attributes' first byte from the start of
	// the nlmsghdr (for example 32 for RTM_NEWLINK: 16 bytes of nlmsghdr,
	// 16 of ifinfomsg), so that Error.Offset equals the kernel's
	// NLMSGERR_ATTR_OFFS. The message functions set it themselves.
	Base int
	// Warn, if not nil, is called with every finding the kernel only
	// logs (see WarnKind). It costs nothing when nil.
	Warn func(Warning)

	// inFull decides every rule through attr, the whole validate_nla,
	// never from the table of common rules: the tests' reference.
	inFull bool
}

// Validate checks the attributes in b against p in mode m, with the
// host's byte order and offsets counted from b[0]. It returns nil or an
// *Error; see Options.Validate.
func Validate(b []byte, p *Policy, m Mode) error {
	return Options{}.Validate(b, p, m)
}

// Parse is Validate that also stores each attribute in tb; see
// Options.Parse.
func Parse(b []byte, p *Policy, m Mode, tb []attr.Decoder) error {
	return Options{}.Parse(b, p, m, tb)
}

// Validate checks the attributes in b against p in mode m and returns
// nil if the kernel accepts them, else an *Error carrying the kernel's
// errno, extended ACK message, offset and rule. It is the kernel's
// __nla_validate (lib/nlattr.c): attributes are walked as
// nla_for_each_attr walks them, each one is checked by validate_nla,
// nests are followed through nested policies, and the first failure
// ends the walk. It does not allocate unless it fails (or o.Warn
// allocates).
//
// A nil policy accepts anything: it stands for an operation that has
// none, whose attributes the kernel does not parse at all (a generic
// netlink operation without .policy), unlike an empty policy, under
// which the walk still happens and every type is unknown.
func (o Options) Validate(b []byte, p *Policy, m Mode) error {
	if p == nil {
		return nil
	}
	s := o.state(b, nil)
	if !s.parse(b, p, m, 0, nil, 0) {
		return s.error()
	}
	return nil
}

// Parse validates the attributes in b like Validate and stores each one
// in tb[type], a decoder positioned on it, like the kernel's
// __nla_parse: tb is cleared first, a repeated type keeps its last
// occurrence, and type 0 and types above the policy's maximum type are
// not stored (nor types beyond len(tb); give tb MaxType+1 entries). Use
// Decoder.Present to tell filled entries; the stored decoders read in
// o.Order, report offsets counted from o.Base and, like the kernel's
// tb[] pointers, stand for their attribute alone (attr.Decoder.On): Next,
// Find, All and Scatter see nothing after it, and Leftover is 0. Nested
// attributes are validated but not stored. On failure tb holds what was
// stored before the offending attribute. A nil policy accepts anything
// and stores nothing, as for Validate.
func (o Options) Parse(b []byte, p *Policy, m Mode, tb []attr.Decoder) error {
	clear(tb)
	if p == nil {
		return nil
	}
	s := o.state(b, nil)
	if !s.parse(b, p, m, 0, tb, 0) {
		return s.error()
	}
	return nil
}

// ParseInto is Parse that reports a failure into e, the caller's
// storage, instead of returning a new *Error: it returns true if the
// kernel accepts the attributes, else false with *e set as Parse's
// *Error would be, its Path reusing e.Path's array when that is long
// enough. It does not allocate once e.Path has grown to the failing
// path's length (unless a CheckFunc's error or o.Warn allocates). e
// must not be nil.
func (o Options) ParseInto(b []byte, p *Policy, m Mode, tb []attr.Decoder, e *Error) bool {
	clear(tb)
	if p == nil {
		return true
	}
	s := o.state(b, e)
	if !s.parse(b, p, m, 0, tb, 0) {
		s.error()
		return false
	}
	return true
}

// state returns the state of a run over b that records a failure in e
// (a new Error if e is nil).
func (o Options) state(b []byte, e *Error) state {
	return state{swap: o.Order.Swap(), warn: o.Warn, all: b, base: o.Base, inFull: o.inFull, err: e,
		tmpl: attr.NewDecoder(nil).WithOrder(o.Order).Lenient()}
}

// state is one validation run. It lives on the caller's stack.
type state struct {
	swap     bool
	inFull   bool // see Options.inFull
	leftover bool // an extended ACK "bytes leftover" message was set
	warn     func(Warning)
	err      *Error
	// rpath is the failing attribute's path, innermost first: each level
	// adds its attribute's type as a failure returns through it, so that
	// a walk that succeeds keeps no path at all.
	rpath [maxPath]uint16
	rlen  int
	// all and base are the validated bytes and the offset of all[0],
	// for reading past a short integer payload as the kernel does.
	all     []byte
	base    int
	scratch [8]byte
	// tmpl is a decoder of the run's byte order, lenient, which Parse's
	// table entries are made from (attr.Decoder.On).
	tmpl attr.Decoder
}

// offsetOf returns the offset of x, a slice of all whose capacity runs
// to the end of all's, as every slice the walk takes does.
func (s *state) offsetOf(x []byte) int { return s.base + cap(s.all) - cap(x) }

// unwind adds t to the failing attribute's path as the failure returns
// through the level of the attribute of type t.
func (s *state) unwind(t uint16) {
	if s.rlen < len(s.rpath) {
		s.rpath[s.rlen] = t
	}
	s.rlen++
}

// error returns the recorded error with its path, outermost first,
// stored in the error's own Path when it has room.
func (s *state) error() *Error {
	if n := min(s.rlen, len(s.rpath)); n > 0 {
		p := s.err.Path
		if cap(p) < n {
			p = make([]uint16, n)
		}
		p = p[:n]
		for i := range n {
			p[i] = s.rpath[n-1-i]
		}
		s.err.Path = p
	}
	return s.err
}

// fail records an error and returns false. off < 0 means no offset;
// rule nil means no policy. The levels the failure returns through add
// the path. The error is written into s.err when it is set (the
// caller's storage, see Options.ParseMessageInto), else into a new one.
func (s *state) fail(errno nlwire.Errno, msg string, off int, rule *Rule) bool {
	e := s.err
	if e == nil {
		e = new(Error)
		s.err = e
	}
	*e = Error{Errno: errno, Msg: msg, Offset: off, HasOffset: off >= 0, Path: e.Path[:0], Rule: rule}
	if off < 0 {
		e.Offset = 0
	}
	if rule != nil {
		_, e.HasPolicy = rule.Describe()
	}
	return false
}

// failBare records an errno returned without touching the extended
// ACK: the message is whatever was set before, which can only be an
// earlier "bytes leftover" one; no offset, no policy.
func (s *state) failBare(errno nlwire.Errno) bool {
	msg := ""
	if s.leftover {
		msg = MsgLeftover
	}
	return s.fail(errno, msg, -1, nil)
}

// parse is __nla_validate_parse: it walks the attributes in b (a slice
// of the validated bytes with their capacity, see state.offsetOf) as
// nla_for_each_attr does, checks each known one against p and stores it
// in tb if tb is not nil. It returns false after recording an error.
// parent is the type of the attribute that holds them, 0 at the top
// level.
//
// The walk reads the headers itself, into local variables, rather than
// through an attr.Decoder, whose methods take its address and so keep it
// in memory: the loop's values stay in registers. Each loop reads the
// header in place: a helper shared by them, returning the length, type
// and nla_ok's verdict, measured a quarter more instructions.
func (s *state) parse(b []byte, p *Policy, m Mode, depth int, tb []attr.Decoder, parent uint16) bool {
	if depth >= MaxDepth {
		return s.fail(nlwire.EINVAL, MsgDepth, -1, nil)
	}
	end := s.offsetOf(b) + len(b)
	maxtype := p.maxType()
	strictFrom := maxtype + 1 // from the policy's strict_start_type on, the walk is strict
	if p.StrictStartType != 0 {
		strictFrom = int(p.StrictStartType)
	}
	// Where the common rules come from: a compiled policy's table, or
	// the rule of each attribute; neither when every rule is decided in
	// full (Options.inFull).
	fast, byRule := p.fast, p.fast == nil
	if s.inFull {
		fast, byRule = nil, false
	}
	swap := s.swap
	for {
		// First the leaves the compiled table accepts, while nothing is
		// stored: a loop without a call, whose values all stay in
		// registers (with the calls of the full loop below, they went
		// through the stack on every attribute).
		if tb == nil {
			for len(b) >= attr.HeaderLen {
				l := int(endian.Uint16(b, swap))
				raw := endian.Uint16(b[2:], swap)
				t := int(raw & attr.TypeMask)
				if l < attr.HeaderLen || l > len(b) || uint(t) >= uint(len(fast)) || !fast[t].leaf(l-attr.HeaderLen, raw) {
					break
				}
				b = b[min(attr.Align(l), len(b)):]
			}
		}
		if len(b) < attr.HeaderLen {
			break
		}
		// nla_ok: 4 <= nla_len <= the bytes left.
		l := int(endian.Uint16(b, swap))
		if l < attr.HeaderLen || l > len(b) {
			break
		}
		a := b[:l]
		b = b[min(attr.Align(l), len(b)):]
		raw := endian.Uint16(a[2:], swap)
		t := int(raw & attr.TypeMask)
		n := l - attr.HeaderLen
		// A compiled table covers types 1 to at most the maximum (its
		// entry 0 decides nothing); a policy not compiled decides
		// integers of their exact size without calling fastRuleOf.
		f := fastNever
		if uint(t) < uint(len(fast)) {
			f = fast[t]
		} else if byRule && t != 0 && t <= maxtype {
			if r := p.rule(t); r.Check == CheckNone && r.Len == 0 && r.Kind < numKinds && exactLen[r.Kind] != 0 {
				f = makeFast(uint16(exactLen[r.Kind]), uint16(exactLen[r.Kind]), fastLeaf)
			} else {
				f = fastRuleOf(r)
			}
		}
		// The compiled table decides the common cases here: a leaf of an
		// accepted length, and for a mode that allows the attribute's
		// flags, an unspec rule or a nest, whose attributes are walked
		// from this loop (one call a level, which measured 15-20% of a
		// compiled validation against three). Everything else, and every
		// failure, goes through the full check.
		if f.accepts(n) {
			if f.class() == fastLeaf {
				if raw&attr.FlagNested == 0 {
					if t < len(tb) {
						tb[t] = s.tmpl.On(a, s.offsetOf(a))
					}
					continue
				}
			} else if am := m.strictFor(t >= strictFrom); f.fastOK(raw, am) && (f.class() != fastNest || n == 0 || n >= attr.HeaderLen) {
				// An unspec rule, or a nest: empty, or attributes walked
				// against its policy, if any (1 to 3 bytes are refused
				// by the full check).
				if f.class() == fastNest && n != 0 {
					if nested := p.rule(t).Nested; nested != nil && !s.parse(a[attr.HeaderLen:], nested, am, depth+1, nil, uint16(t)) {
						s.unwind(uint16(t))
						return false
					}
				}
				if t < len(tb) {
					tb[t] = s.tmpl.On(a, s.offsetOf(a))
				}
				continue
			}
		}
		if t == 0 || t > maxtype {
			if m&ModeMaxType != 0 {
				s.unwind(uint16(t))
				return s.fail(nlwire.EINVAL, MsgUnknownType, s.offsetOf(a), nil)
			}
			continue
		}
		if !s.attr(a, raw, p.rule(t), t, m.strictFor(t >= strictFrom), depth) {
			s.unwind(uint16(t))
			return false
		}
		if t < len(tb) {
			tb[t] = s.tmpl.On(a, s.offsetOf(a))
		}
	}
	if n := len(b); n > 0 {
		// Bytes nla_ok refused: the kernel's pr_warn and
		// NL_SET_ERR_MSG; an error only with NL_VALIDATE_TRAILING.
		s.leftover = true
		if s.warn != nil {
			s.warn(Warning{Kind: WarnLeftover, Offset: end - n, Type: parent, Len: n})
		}
		if m&ModeTrailing != 0 {
			return s.fail(nlwire.EINVAL, MsgLeftover, -1, nil)
		}
	}
	return true
}

// strictFor returns m, made strict if strict.
func (m Mode) strictFor(strict bool) Mode {
	if strict {
		m |= ModeStrict
	}
	return m
}

// attr is validate_nla for the attribute a (header included, a slice
// of the validated bytes with their capacity) of nla_type raw, type t
// (1..maxtype) and rule pt, in mode m (made strict from the policy's
// StrictStartType on by the caller).
func (s *state) attr(a []byte, raw uint16, pt *Rule, t int, m Mode, depth int) bool {
	b := a[attr.HeaderLen:len(a):len(a)]
	n := len(b)
	off := s.offsetOf(a)
	k := pt.Kind
	if k >= numKinds {
		// The kernel BUG()s on an unknown policy type; reject instead.
		return s.fail(nlwire.EINVAL, MsgFailed, off, pt)
	}

	if x := int(exactLen[k]); x != 0 && n != x {
		if s.warn != nil {
			s.warn(Warning{Kind: WarnLength, Offset: off, Type: uint16(t), Len: n, Rule: pt})
		}
		if m&ModeStrictAttrs != 0 {
			return s.fail(nlwire.EINVAL, MsgInvalidLength, off, pt)
		}
	}

	if m&ModeNested != 0 {
		nested := raw&attr.FlagNested != 0
		if k == Nested || k == NestedArray {
			if !nested {
				return s.fail(nlwire.EINVAL, MsgNestedMissing, off, pt)
			}
		} else if k != Unspec && nested {
			return s.fail(nlwire.EINVAL, MsgNestedUnwanted, off, pt)
		}
	}

	switch k {
	case Reject:
		if pt.Msg != "" {
			// NL_SET_BAD_ATTR and the reject message: no policy.
			return s.fail(nlwire.EINVAL, pt.Msg, off, nil)
		}
		return s.fail(nlwire.EINVAL, MsgFailed, off, pt)

	case Flag:
		if n > 0 {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}

	case SInt, UInt:
		if n != 4 && n != 8 {
			return s.fail(nlwire.EINVAL, MsgInvalidLength, off, pt)
		}

	case Bitfield32:
		if n != 8 {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}
		if !bitfield32OK(b, uint32(pt.Mask), s.swap) {
			return s.fail(nlwire.EINVAL, MsgFailed, off, pt)
		}

	case NulString, String:
		if k == NulString {
			lim := n
			if pt.Len != 0 {
				lim = min(n, int(pt.Len)+1)
			}
			if lim == 0 || bytes.IndexByte(b[:lim], 0) < 0 {
				return s.fail(nlwire.EINVAL, MsgFailed, off, pt)
			}
		}
		if n < 1 {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}
		if pt.Len != 0 {
			l := n
			if b[l-1] == 0 {
				l--
			}
			if l > int(pt.Len) {
				return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
			}
		}

	case Binary:
		if pt.Len != 0 && n > int(pt.Len) {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}

	case Nested, NestedArray:
		// An empty nest is fine; a non-empty one holds at least a header.
		if n == 0 {
			break
		}
		if n < attr.HeaderLen {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}
		if pt.Nested != nil {
			inner := a[attr.HeaderLen:] // its capacity runs on, for offsets
			if k == Nested {
				if !s.parse(inner, pt.Nested, m, depth+1, nil, uint16(t)) {
					return false // the inner error stands
				}
			} else if !s.array(inner, pt.Nested, m, depth) {
				return false
			}
		}

	case Unspec:
		if m&ModeUnspec != 0 {
			return s.fail(nlwire.EINVAL, MsgUnsupported, off, nil)
		}
		if n < int(pt.Len) {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}

	default: // integers and Msecs
		ml := int(minLen[k])
		if pt.Len != 0 {
			ml = int(pt.Len)
		}
		if n < ml {
			return s.fail(nlwire.ERANGE, MsgFailed, off, pt)
		}
	}

	switch pt.Check {
	case CheckRange, CheckRangeWarnTooLong, CheckMin, CheckMax:
		return s.intRange(pt, b, off, t, m)
	case CheckMask:
		// nla_validate_mask reads U8...U64, UINT, BE16 and BE32 only:
		// MSECS and BINARY take its default case.
		if k == Msecs || k == Binary {
			return s.failBare(nlwire.EINVAL)
		}
		v, ok := s.unsignedValue(k, s.intBytes(k, b, off))
		if !ok {
			return s.failBare(nlwire.EINVAL) // the kernel's default case
		}
		if v&^pt.Mask != 0 {
			return s.fail(nlwire.EINVAL, MsgReservedBit, off, nil)
		}
	case CheckFunction:
		if pt.Func != nil {
			if err := pt.Func(b); err != nil {
				return s.funcFailed(err, off)
			}
		}
	}
	return true
}

// array is nla_validate_array: each non-empty element of the nested
// array b (a slice of the validated bytes with their capacity) must hold
// at least a header, and its contents are checked against p one level
// down.
func (s *state) array(b []byte, p *Policy, m Mode, depth int) bool {
	for len(b) >= attr.HeaderLen {
		l := int(endian.Uint16(b, s.swap))
		if l < attr.HeaderLen || l > len(b) {
			break
		}
		e := b[:l]
		b = b[min(attr.Align(l), len(b)):]
		t := endian.Uint16(e[2:], s.swap) & attr.TypeMask
		if n := l - attr.HeaderLen; n == 0 {
			continue
		} else if n < attr.HeaderLen {
			// The kernel reports the element policy's entry 0.
			s.unwind(t)
			return s.fail(nlwire.ERANGE, MsgArrayShort, s.offsetOf(e), p.rule0())
		}
		if !s.parse(e[attr.HeaderLen:], p, m, depth+1, nil, t) {
			s.unwind(t)
			return false
		}
	}
	// Bytes left over in the array itself go unreported: the kernel's
	// nla_validate_array does not look at them.
	return true
}

// rule0 returns &policy[0].
func (p *Policy) rule0() *Rule {
	if len(p.Rules) > 0 {
		return &p.Rules[0]
	}
	return &unspecRule
}

// bitfield32OK is validate_nla_bitfield32.
func bitfield32OK(b []byte, valid uint32, swap bool) bool {
	value := endian.Uint32(b, swap)
	selector := endian.Uint32(b[4:], swap)
	return valid != 0 && selector&^valid == 0 && value&^valid == 0 && value&^selector == 0
}

// unsignedValue reads an unsigned payload as nla_validate_range_unsigned
// and nla_validate_mask do: Binary yields its length. The length has
// been checked already.
func (s *state) unsignedValue(k Kind, b []byte) (uint64, bool) {
	switch k {
	case U8:
		return uint64(b[0]), true
	case U16:
		return uint64(endian.Uint16(b, s.swap)), true
	case U32:
		return uint64(endian.Uint32(b, s.swap)), true
	case U64, Msecs:
		return endian.Uint64(b, s.swap), true
	case UInt:
		if len(b) == 4 {
			return uint64(endian.Uint32(b, s.swap)), true
		}
		return endian.Uint64(b, s.swap), true
	case BE16:
		return uint64(uint16(b[0])<<8 | uint16(b[1])), true
	case BE32:
		return uint64(uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])), true
	case Binary:
		return uint64(len(b)), true
	}
	return 0, false
}

// intRange is nla_validate_int_range.
func (s *state) intRange(pt *Rule, b []byte, off, t int, m Mode) bool {
	k := pt.Kind
	b = s.intBytes(k, b, off)
	if k.signed() {
		var v int64
		switch k {
		case S8:
			v = int64(int8(b[0]))
		case S16:
			v = int64(int16(endian.Uint16(b, s.swap)))
		case S32:
			v = int64(int32(endian.Uint32(b, s.swap)))
		case S64:
			v = int64(endian.Uint64(b, s.swap))
		case SInt:
			if len(b) == 4 {
				v = int64(int32(endian.Uint32(b, s.swap)))
			} else {
				v = int64(endian.Uint64(b, s.swap))
			}
		}
		lo, hi := pt.signedRange()
		if v < lo || v > hi {
			return s.fail(nlwire.ERANGE, MsgOutOfRange, off, pt)
		}
		return true
	}
	v, ok := s.unsignedValue(k, b)
	if !ok {
		// WARN_ON(1) and -EINVAL without a message in the kernel.
		return s.failBare(nlwire.EINVAL)
	}
	lo, hi := pt.unsignedRange()
	if pt.Check == CheckRangeWarnTooLong && k == Binary && v > hi {
		if s.warn != nil {
			s.warn(Warning{Kind: WarnTooLong, Offset: off, Type: uint16(t), Len: len(b), Rule: pt})
		}
		if m&ModeStrictAttrs != 0 {
			return s.fail(nlwire.EINVAL, MsgInvalidLength, off, pt)
		}
		return true
	}
	if v < lo || v > hi {
		if k == Binary {
			return s.fail(nlwire.ERANGE, MsgBinaryRange, off, pt)
		}
		return s.fail(nlwire.ERANGE, MsgOutOfRange, off, pt)
	}
	return true
}

// intSize is the number of bytes nla_get_u8 ... nla_get_u64 (and the
// be and s variants) read for kind k; 0 for the kinds read otherwise.
var intSize = [numKinds]uint8{
	U8: 1, U16: 2, U32: 4, U64: 8, Msecs: 8, S8: 1, S16: 2, S32: 4, S64: 8, BE16: 2, BE32: 4,
}

// intBytes returns the bytes the kernel's nla_get_* reads for an integer
// of kind k whose payload b starts after the header at off. A Rule.Len
// below the integer's size lets a shorter payload through validate_nla's
// length checks, and the kernel's read then runs past it, into the
// padding or the next attribute: intBytes reads those same bytes, and
// zeros past the end of the validated bytes (where the kernel reads
// whatever follows the message), instead of panicking.
func (s *state) intBytes(k Kind, b []byte, off int) []byte {
	need := int(intSize[k])
	if len(b) >= need {
		return b
	}
	s.scratch = [8]byte{}
	if start := off + attr.HeaderLen - s.base; start >= 0 && start <= len(s.all) {
		copy(s.scratch[:need], s.all[start:])
	}
	return s.scratch[:need]
}

// funcFailed turns a CheckFunc's error into the kernel's report.
func (s *state) funcFailed(err error, off int) bool {
	var fe *FuncError
	var errno nlwire.Errno
	switch {
	case errors.As(err, &fe):
		return s.fail(fe.Errno, fe.Msg, off, nil)
	case errors.As(err, &errno):
		return s.failBare(errno)
	}
	return s.fail(nlwire.EINVAL, err.Error(), off, nil)
}
