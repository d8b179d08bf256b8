package validate

import (
	"slices"

	"github.com/nlwire/nlwire/attr"
)

// Compile returns a copy of p, and of every policy its rules nest, that
// validates exactly as p does but faster: a table built here decides
// the common rules (integers without a check, strings and binaries
// within their Len, Unspec payloads of at least Len bytes, flags) from
// the attribute's length alone, and the rest go through the full check.
// Compile allocates; Validate and Parse with the result do not. Do not
// change the rules of the result: its table would not follow them.
// Errors name the result's rules, which equal p's.
func Compile(p *Policy) *Policy {
	return compile(p, map[*Policy]*Policy{})
}

// compile copies p, reusing the copy of a policy met before, so that
// shared and recursive nested policies stay shared and recursive.
func compile(p *Policy, done map[*Policy]*Policy) *Policy {
	if p == nil {
		return nil
	}
	if c, ok := done[p]; ok {
		return c
	}
	c := &Policy{Rules: slices.Clone(p.Rules), MaxType: p.MaxType, StrictStartType: p.StrictStartType}
	done[p] = c
	for i := range c.Rules {
		c.Rules[i].Nested = compile(c.Rules[i].Nested, done)
	}
	// One entry per rule written up to MaxType, not per type up to
	// MaxType, which a dumped policy may set to 0xffff in a few bytes:
	// the types past the rules have the unspec rule, decided in full.
	c.fast = make([]fastRule, max(min(len(c.Rules), c.maxType()+1), 1))
	c.fast[0] = fastNever
	for t := 1; t < len(c.fast); t++ {
		c.fast[t] = fastRuleOf(c.rule(t))
	}
	return c
}

// A fastRule says which payload lengths the rule of a type accepts with
// nothing more to check: uint32(n)-lo <= span. Its class says what else
// the attribute's flags and the mode must allow (see fastOK). A Nested
// rule with a policy is accepted on length, then its attributes are
// walked against the policy; an empty nest needs no walk, and a nest of
// 1 to 3 bytes is for attr to refuse. Other lengths, and other rules,
// are for attr to decide. It is one word, read with one load: lo in bits
// 0 to 31, span in 32 to 47, the class above.
type fastRule uint64

// The classes of fastRule.
const (
	fastLeaf   = iota // no NLA_F_NESTED
	fastUnspec        // no NLA_F_NESTED, and a mode without ModeUnspec
	fastNest          // NLA_F_NESTED, if the mode has ModeNested
)

// fastNever decides nothing: uint32(n) - MaxUint32 is n+1, never <= 0.
const fastNever fastRule = 1<<32 - 1

// makeFast returns the fastRule accepting lo to hi bytes in class c.
func makeFast(lo, hi uint16, c uint8) fastRule {
	return fastRule(lo) | fastRule(hi-lo)<<32 | fastRule(c)<<48
}

// accepts reports whether a payload of n bytes is within f's lengths.
func (f fastRule) accepts(n int) bool { return uint32(n)-uint32(f) <= uint32(f>>32)&0xffff }

// class returns f's class.
func (f fastRule) class() uint8 { return uint8(f >> 48) }

// fastRuleOf returns the fastRule of r, which validate_nla accepts on
// these lengths without a warning.
func fastRuleOf(r *Rule) fastRule {
	if r.Check != CheckNone {
		return fastNever
	}
	switch k := r.Kind; k {
	case U8, U16, U32, U64, S8, S16, S32, S64, BE16, BE32:
		if r.Len != 0 {
			return fastNever
		}
		return makeFast(uint16(exactLen[k]), uint16(exactLen[k]), fastLeaf)
	case Msecs:
		ml := uint16(minLen[Msecs])
		if r.Len != 0 {
			ml = r.Len
		}
		if ml > maxPayload {
			return fastNever
		}
		return makeFast(ml, maxPayload, fastLeaf)
	case String:
		if r.Len != 0 {
			return makeFast(1, min(r.Len, maxPayload), fastLeaf) // Len+1 with a NUL: attr decides
		}
		return makeFast(1, maxPayload, fastLeaf)
	case Binary:
		if r.Len != 0 {
			return makeFast(0, min(r.Len, maxPayload), fastLeaf)
		}
		return makeFast(0, maxPayload, fastLeaf)
	case Unspec:
		if r.Len > maxPayload {
			return fastNever
		}
		return makeFast(r.Len, maxPayload, fastUnspec)
	case Flag:
		return makeFast(0, 0, fastLeaf)
	case Nested:
		return makeFast(0, maxPayload, fastNest)
	}
	return fastNever
}

// leaf reports whether f accepts a leaf of n bytes of payload, of
// nla_type raw, with nothing more to check.
func (f fastRule) leaf(n int, raw uint16) bool {
	return f.accepts(n) && f.class() == fastLeaf && raw&attr.FlagNested == 0
}

// fastOK reports whether an attribute with nla_type raw, in mode m,
// meets what f's class asks of its flags and the mode.
func (f fastRule) fastOK(raw uint16, m Mode) bool {
	switch f.class() {
	case fastLeaf:
		return raw&attr.FlagNested == 0
	case fastUnspec:
		return raw&attr.FlagNested == 0 && m&ModeUnspec == 0
	}
	return m&ModeNested == 0 || raw&attr.FlagNested != 0
}

// maxPayload is the longest attribute payload: 65535 bytes of nla_len
// less the 4-byte header.
const maxPayload = 65535 - 4
