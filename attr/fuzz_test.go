package attr_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// exercise walks b in both modes with every typed read, recursing into
// anything that parses as a nest, and panics if an offset or a view
// falls outside b.
func exercise(b []byte, order nlwire.Order, base, depth int) {
	if depth > 16 {
		return
	}
	for _, lenient := range []bool{false, true} {
		d := attr.NewDecoder(b).WithOrder(order).WithBase(base)
		if lenient {
			d = d.Lenient()
		}
		for d.Next() {
			off := d.Offset() - base
			if off < 0 || off+attr.HeaderLen+d.Len() > len(b) || off%4 != 0 {
				panic("offset out of range")
			}
			if p := d.Bytes(); len(p) > 0 && &p[0] != &b[off+attr.HeaderLen] {
				panic("payload is not a view at its offset")
			}
			if s := d.StringBytes(); len(s) > d.Len() {
				panic("string longer than payload")
			}
			reads := []func(c *attr.Decoder){
				func(c *attr.Decoder) { c.Uint8() }, func(c *attr.Decoder) { c.Uint16() },
				func(c *attr.Decoder) { c.Uint32() }, func(c *attr.Decoder) { c.Uint64() },
				func(c *attr.Decoder) { c.Int8() }, func(c *attr.Decoder) { c.Int16() },
				func(c *attr.Decoder) { c.Int32() }, func(c *attr.Decoder) { c.Int64() },
				func(c *attr.Decoder) { c.Uint() }, func(c *attr.Decoder) { c.Int() },
				func(c *attr.Decoder) { c.BE16() }, func(c *attr.Decoder) { c.BE32() },
				func(c *attr.Decoder) { c.BE64() }, func(c *attr.Decoder) { c.Flag() },
				func(c *attr.Decoder) { c.Bitfield32() },
			}
			for _, r := range reads {
				c := d
				r(&c)
				if c.Err() != nil && c.Next() {
					panic("Next after a failed read")
				}
			}
			exercise(d.Bytes(), order, base+off+attr.HeaderLen, depth+1)
		}
		if l := d.Leftover(); l < 0 || l > len(b) || (lenient && d.Err() != nil) {
			panic("bad leftover or lenient error")
		}
		if err, ok := d.Err().(*attr.Error); ok && (err.Offset < base || err.Offset > base+len(b)) {
			panic("error offset out of range")
		}
	}
}

func fuzzSeeds(f *testing.F) {
	f.Add(fixture())
	f.Add([]byte{})
	f.Add(h("08000100 2a000000 05000200 ff"))
	f.Add(h("0c000180 08000100 03000200"))
	f.Add(h("04000100 000000"))
}

func FuzzDecoder(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, o := range orders {
			exercise(b[:len(b):len(b)], o, 20, 0)
		}
	})
}

// parseClean decodes the attributes of b that parse, leniently,
// recursing into flagged nests whose payload walks cleanly.
func parseClean(d attr.Decoder, depth int) []node {
	var out []node
	for d.Next() {
		n := node{Type: d.RawType()}
		if d.Flags()&attr.FlagNested != 0 && depth < 16 {
			c := d.Nested()
			for c.Next() {
			}
			if c.Err() == nil && c.Leftover() == 0 {
				n.Nest = true
				n.Kids = parseClean(d.Nested(), depth+1)
			}
		}
		if !n.Nest {
			n.Data = d.Bytes()
		}
		out = append(out, n)
	}
	return out
}

func FuzzRoundTrip(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, o := range orders {
			tree := parseClean(attr.NewDecoder(b).WithOrder(o).Lenient(), 0)
			e := attr.NewEncoder(nil).WithOrder(o)
			encodeTree(&e, tree)
			out, err := e.Finish()
			if err != nil {
				t.Fatal(err)
			}
			d := attr.NewDecoder(out).WithOrder(o)
			again := parseClean(d, 0)
			if diff := cmp.Diff(stripOffsets(tree), stripOffsets(again)); diff != "" {
				t.Fatalf("(-first +second):\n%s", diff)
			}
			// The encoding is canonical: re-encoding gives the same bytes.
			e2 := attr.NewEncoder(nil).WithOrder(o)
			encodeTree(&e2, again)
			out2, err := e2.Finish()
			if err != nil || !bytes.Equal(out, out2) {
				t.Fatalf("not canonical: %v\n%x\n%x", err, out, out2)
			}
		}
	})
}
