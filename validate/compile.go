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
	c.fast = make([]fastRule, c.maxType()+1)
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
// walked against nested; an empty nest needs no walk, and a nest of 1 to
// 3 bytes is for attr to refuse. Other lengths, and other rules, are for
// attr to decide.
type fastRule struct {
	lo, span uint32
	class    uint8
	nested   *Policy
}

// The classes of fastRule.
const (
	fastLeaf   = iota // no NLA_F_NESTED
	fastUnspec        // no NLA_F_NESTED, and a mode without ModeUnspec
	fastNest          // NLA_F_NESTED, if the mode has ModeNested
)

// fastNever decides nothing: uint32(n) - MaxUint32 is n+1, never <= 0.
var fastNever = fastRule{lo: 1<<32 - 1}

// fastRuleOf returns the fastRule of r, which validate_nla accepts on
// these lengths without a warning.
func fastRuleOf(r *Rule) fastRule {
	if r.Check != CheckNone {
		return fastNever
	}
	span := func(lo, hi uint16) fastRule { return fastRule{lo: uint32(lo), span: uint32(hi - lo)} }
	switch k := r.Kind; k {
	case U8, U16, U32, U64, S8, S16, S32, S64, BE16, BE32:
		if r.Len != 0 {
			return fastNever
		}
		return span(uint16(exactLen[k]), uint16(exactLen[k]))
	case Msecs:
		ml := uint16(minLen[Msecs])
		if r.Len != 0 {
			ml = r.Len
		}
		if ml > maxPayload {
			return fastNever
		}
		return span(ml, maxPayload)
	case String:
		if r.Len != 0 {
			return span(1, min(r.Len, maxPayload)) // Len+1 with a NUL: attr decides
		}
		return span(1, maxPayload)
	case Binary:
		if r.Len != 0 {
			return span(0, min(r.Len, maxPayload))
		}
		return span(0, maxPayload)
	case Unspec:
		if r.Len > maxPayload {
			return fastNever
		}
		f := span(r.Len, maxPayload)
		f.class = fastUnspec
		return f
	case Flag:
		return span(0, 0)
	case Nested:
		f := span(0, maxPayload)
		f.class, f.nested = fastNest, r.Nested
		return f
	}
	return fastNever
}

// fastOK reports whether an attribute with nla_type raw, in mode m,
// meets what class f asks of its flags and the mode.
func (f *fastRule) fastOK(raw uint16, m Mode) bool {
	switch f.class {
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
