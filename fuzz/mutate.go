package fuzz

import (
	"fmt"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// Mutate returns a copy of attrs, a run of attributes of the Generator's
// policy in the Generator's byte order (a real message's, or a valid run),
// with the Generator's violation placed at one place that choices pick,
// at any depth: one attribute replaced by one of a bad length or value
// (Length, Range), NLA_F_NESTED toggled on one (Flag), an attribute of
// an unknown type inserted (Type), or junk appended inside one nest or
// nested array element (Nesting). Nests around it get their new lengths;
// every other byte is kept, padding aside. It is the mutator for a
// native Go fuzz target seeded with real messages:
//
//	f.Fuzz(func(t *testing.T, attrs, choices []byte) {
//		run := g.Mutate(attrs, choices)
//		...
//	})
//
// If attrs is valid under the policy in g's Mode (ModeStrict unless
// WithMode set another), the result breaks it as Run says, at Run.Offset
// and Run.Path: a parse in that mode rejects it. (Mutate follows the
// mode alone; it does not turn strict below a policy's StrictStartType
// as the generator's own runs do.) If attrs has no place for the
// violation (or the Generator asks for Valid, or a nest around the place
// would outgrow 65535 bytes), Mutate returns the copy unchanged with
// Run.Violation Valid. Malformed attrs are walked as the
// kernel walks them; the bytes it cannot walk are kept as they are.
func (g Generator) Mutate(attrs, choices []byte) Run {
	b := g.builder(&byteSource{b: choices})
	var sites []site
	if g.Violation != Valid && g.Violation < numViolations {
		b.sites(attrs, g.policy(), 0, at{}, &sites)
	}
	unchanged := Run{Attrs: append([]byte{}, attrs...), Offset: -1}
	if len(sites) == 0 {
		return unchanged
	}
	s := &sites[b.s.intn(len(sites))]
	out, off, what := b.apply(attrs, s, 0)
	if b.tooLong {
		return unchanged // a nest around the site would outgrow 65535 bytes
	}
	return Run{Attrs: out, Violation: g.Violation, Offset: off, Path: s.path, What: what}
}

// site is a place Mutate can put the violation.
type site struct {
	// steps are attribute indexes from the top level down; a nested
	// array's element index is a step of its own, after the array's. For
	// Type the last step is where the unknown attribute goes (it may
	// equal the number of attributes: at the end).
	steps []int
	// array marks the steps that index a nested array attribute.
	array []bool
	path  []uint16
	rule  *validate.Rule   // the rule broken (Length, Range, Flag, Nesting)
	pol   *validate.Policy // the policy of the level (Type)
	depth int
}

// at is the position of a level's attributes: the steps, array marks and
// path that lead there.
type at struct {
	steps []int
	array []bool
	path  []uint16
}

func (a at) down(i int, array bool, t uint16) at {
	return at{
		steps: append(append([]int{}, a.steps...), i),
		array: append(append([]bool{}, a.array...), array),
		path:  append(append([]uint16{}, a.path...), t),
	}
}

// sites lists the places for the violation in a run of p's attributes.
func (g *builder) sites(b []byte, p *validate.Policy, depth int, pos at, out *[]site) {
	here := func(i int) site {
		a := pos.down(i, false, 0)
		return site{steps: a.steps, array: a.array, path: a.path[:len(pos.path)], pol: p, depth: depth}
	}
	d := attr.NewDecoder(b).WithOrder(g.order).Lenient()
	i := 0
	for ; d.Next(); i++ {
		if g.v == Type {
			*out = append(*out, here(i))
		}
		t := d.Type()
		if int(t) == 0 || int(t) > maxType(p) || int(t) >= len(p.Rules) {
			continue
		}
		r := &p.Rules[t]
		if !usable(r) {
			continue
		}
		isArray := r.Kind == validate.NestedArray
		a := pos.down(i, isArray, t)
		if g.v != Nesting && g.v != Type && g.hosts(r, depth) {
			*out = append(*out, site{steps: a.steps, array: a.array, path: a.path, rule: r, depth: depth})
		}
		if r.Nested == nil || depth+1 >= validate.MaxDepth {
			continue
		}
		if !isArray {
			if r.Kind != validate.Nested {
				continue
			}
			if g.v == Nesting {
				*out = append(*out, site{steps: a.steps, array: a.array, path: a.path, rule: r, depth: depth})
			}
			g.sites(d.Bytes(), r.Nested, depth+1, a, out)
			continue
		}
		el := d.Nested()
		for j := 0; el.Next(); j++ {
			e := a.down(j, false, el.Type())
			if g.v == Nesting && el.Len() >= attr.HeaderLen {
				*out = append(*out, site{steps: e.steps, array: e.array, path: e.path, rule: r, depth: depth})
			}
			if el.Len() > 0 {
				g.sites(el.Bytes(), r.Nested, depth+1, e, out)
			}
		}
	}
	if g.v == Type {
		*out = append(*out, here(i))
	}
}

// apply rebuilds the run b at level lvl of site s, and returns it, the
// offset of the violation in it and what it is.
func (g *builder) apply(b []byte, s *site, lvl int) (out []byte, off int, what string) {
	d := attr.NewDecoder(b).WithOrder(g.order).Lenient()
	last := lvl == len(s.steps)-1
	want := s.steps[lvl]
	i := 0
	for ; d.Next(); i++ {
		raw := b[d.Offset() : d.Offset()+attr.HeaderLen+d.Len()]
		if i == want && g.v == Type && last {
			off, what = g.insert(&out, s)
		}
		if i != want || (g.v == Type && last) {
			out = appendPadded(out, raw)
			continue
		}
		rt := d.RawType()
		switch {
		case last && g.v == Nesting:
			junk, w := g.junk(d.Len() > 0)
			off, what = len(out), fmt.Sprintf("%d(%v) %s", d.Type(), s.rule.Kind, w)
			out = append(out, g.put(rt, cat(padded(d.Bytes()), junk))...)
		case last && g.v == Flag:
			off, what = len(out), fmt.Sprintf("%d(%v) NLA_F_NESTED toggled", d.Type(), s.rule.Kind)
			out = append(out, g.put(rt^attr.FlagNested, d.Bytes())...)
		case last:
			a := g.badPayload(s.rule, d.Type(), s.depth)
			off, what = len(out), fmt.Sprintf("%d(%v) %s", d.Type(), s.rule.Kind, a.what)
			out = append(out, a.b...)
		default: // a nest or nested array on the way down
			inner, ioff, w := g.descend(d.Bytes(), s, lvl)
			off, what = len(out)+attr.HeaderLen+ioff, fmt.Sprintf("%d/%s", d.Type(), w)
			out = append(out, g.put(rt, inner)...)
		}
	}
	if i == want && g.v == Type && last { // at the end
		off, what = g.insert(&out, s)
	}
	if n := d.Leftover(); n > 0 {
		out = append(out, b[len(b)-n:]...)
	}
	return out, off, what
}

// descend rebuilds the payload of the attribute at step lvl of s: a nest's
// attributes, or a nested array's elements.
func (g *builder) descend(p []byte, s *site, lvl int) ([]byte, int, string) {
	if !s.array[lvl] {
		return g.apply(p, s, lvl+1)
	}
	// The next step picks an element.
	el := attr.NewDecoder(p).WithOrder(g.order).Lenient()
	want := s.steps[lvl+1]
	lastEl := lvl+1 == len(s.steps)-1
	var out []byte
	off, what := 0, ""
	for j := 0; el.Next(); j++ {
		raw := p[el.Offset() : el.Offset()+attr.HeaderLen+el.Len()]
		if j != want {
			out = appendPadded(out, raw)
			continue
		}
		var inner []byte
		ioff := 0
		if lastEl { // Nesting in this element
			junk, w := g.junk(false)
			inner, what = cat(padded(el.Bytes()), junk), fmt.Sprintf("[%d] %s", el.Type(), w)
			off = len(out)
		} else {
			var w string
			inner, ioff, w = g.apply(el.Bytes(), s, lvl+2)
			off, what = len(out)+attr.HeaderLen+ioff, fmt.Sprintf("[%d]/%s", el.Type(), w)
		}
		out = append(out, g.put(el.RawType(), inner)...)
	}
	if n := el.Leftover(); n > 0 {
		out = append(out, p[len(p)-n:]...)
	}
	return out, off, what
}

// insert appends an attribute of a type the site's policy does not know,
// and completes the site's path with it.
func (g *builder) insert(out *[]byte, s *site) (int, string) {
	u := g.unknown(s.pol)
	off := len(*out)
	s.path = append(s.path, u.path...)
	*out = append(*out, u.b...)
	return off, u.what
}

// padded returns p followed by its padding to 4 bytes.
func padded(p []byte) []byte { return appendPadded(nil, p) }

// appendPadded appends an attribute's bytes and its padding.
func appendPadded(out, raw []byte) []byte {
	out = append(out, raw...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}
