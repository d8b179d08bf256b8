package attr

import "iter"

// Find returns a decoder positioned on the first attribute of type typ
// (flags stripped) among those d has not visited yet, and true; d itself
// does not move. Typed reads work on the result, and its Next goes on
// after the match. If no attribute matches, or the walk fails before one
// does, Find returns false and a decoder whose Err says why.
func (d Decoder) Find(typ uint16) (Decoder, bool) {
	for d.Next() {
		if d.Type() == typ {
			return d, true
		}
	}
	return d, false
}

// All returns an iterator over the attributes d has not visited yet,
// yielding each type (flags stripped) and a copy of d positioned on the
// attribute, for typed reads. A walk error latches in d: check d.Err
// after the loop. A typed read's error latches in the copy it was made
// on. It does not allocate. (A *Decoder would escape through the
// indirect call to the loop body, costing an allocation.)
func (d *Decoder) All() iter.Seq2[uint16, Decoder] {
	return func(yield func(uint16, Decoder) bool) {
		for d.Next() {
			if !yield(d.Type(), *d) {
				return
			}
		}
	}
}

// Scatter walks the attributes d has not visited yet in one pass and
// stores each in tb[type], a decoder positioned on it, like the kernel's
// nla_parse filling tb[] (lib/nlattr.c, __nla_validate_parse): tb is
// cleared first, type 0 and types >= len(tb) are skipped, and a repeated
// type keeps its last occurrence. Use Present to tell filled entries.
// It returns d.Err after the walk.
func (d *Decoder) Scatter(tb []Decoder) error {
	clear(tb)
	for d.Next() {
		if t := int(d.Type()); t != 0 && t < len(tb) {
			tb[t] = *d
		}
	}
	return d.Err()
}

// Array returns an iterator over the current attribute read as a nested
// array (NLA_NESTED_ARRAY): its payload is attributes whose type is an
// index and whose payloads are attributes again. It yields each index
// and a decoder of that element's attributes. An error in the array's
// own walk latches in d; errors inside an element latch in that
// element's decoder.
func (d *Decoder) Array() iter.Seq2[uint16, Decoder] {
	return func(yield func(uint16, Decoder) bool) {
		a := d.Nested()
		for a.Next() {
			if !yield(a.Type(), a.Nested()) {
				return
			}
		}
		if a.Err() != nil && d.st&stBad == 0 {
			// The array's walk failed: d ends there too, stuck on the
			// same bytes, and its Err reports the same error.
			d.rest, d.cur = a.rest, nil
		}
	}
}
