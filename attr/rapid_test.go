package attr_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"pgregory.net/rapid"
)

// genTree draws a tree of attributes: random types, leaf payloads of
// 0..70000 bytes (mostly small), nests up to depth levels. Nests carry
// NLA_F_NESTED so that the decoder can tell them apart; leaves never do.
func genTree(t *rapid.T, depth int, label string) []node {
	n := rapid.IntRange(0, 5).Draw(t, label+"n")
	var out []node
	for i := 0; i < n; i++ {
		typ := rapid.Uint16Range(0, attr.TypeMask).Draw(t, label+"type")
		if depth > 0 && rapid.IntRange(0, 3).Draw(t, label+"nest") == 0 {
			out = append(out, node{Type: typ | attr.FlagNested, Nest: true, Kids: genTree(t, depth-1, label+">")})
			continue
		}
		if rapid.Bool().Draw(t, label+"netorder") {
			typ |= attr.FlagNetByteOrder
		}
		size := rapid.OneOf(rapid.IntRange(0, 64), rapid.IntRange(0, 70000)).Draw(t, label+"size")
		fill := rapid.Byte().Draw(t, label+"fill")
		out = append(out, node{Type: typ, Data: bytes.Repeat([]byte{fill}, size)})
	}
	return out
}

// treeSize returns the encoded size of nodes and whether every nla_len
// fits in 16 bits.
func treeSize(nodes []node) (int, bool) {
	total, fits := 0, true
	for _, n := range nodes {
		l := attr.HeaderLen + len(n.Data)
		if n.Nest {
			k, ok := treeSize(n.Kids)
			l = attr.HeaderLen + k
			fits = fits && ok
		}
		fits = fits && l <= attr.MaxLen
		total += attr.Align(l)
	}
	return total, fits
}

func TestRapidRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tree := genTree(t, 10, "")
		order := rapid.SampledFrom(orders).Draw(t, "order")
		prefix := rapid.IntRange(0, 9).Draw(t, "prefix")
		e := attr.NewEncoder(make([]byte, prefix)).WithOrder(order)
		encodeTree(&e, tree)
		b, err := e.Finish()
		size, fits := treeSize(tree)
		if !fits {
			if err == nil || b != nil || !errors.Is(err, attr.ErrAttrTooLong) {
				t.Fatalf("oversized tree: err %v, %d bytes", err, len(b))
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != prefix+size {
			t.Fatalf("%d bytes, want %d", len(b), prefix+size)
		}
		got, err := decodeTree(attr.NewDecoder(b[prefix:]).WithOrder(order).WithBase(prefix), nil, byFlag)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(stripOffsets(tree), stripOffsets(got)); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	})
}

type kattr struct {
	Type     uint16
	Off, Len int
	RawLen   int
}

// kernelWalk transcribes nla_for_each_attr / nla_ok / nla_next
// (include/net/netlink.h) over head = b, len = len(b).
func kernelWalk(b []byte, swap bool) ([]kattr, int) {
	u16 := func(p []byte) uint16 {
		if swap != (nlwire.Host() == nlwire.BigEndian) { // reading big-endian
			return uint16(p[0])<<8 | uint16(p[1])
		}
		return uint16(p[0]) | uint16(p[1])<<8
	}
	var out []kattr
	pos, rem := 0, len(b)
	nlaOK := func() bool {
		return rem >= 4 && int(u16(b[pos:])) >= 4 && int(u16(b[pos:])) <= rem
	}
	for nlaOK() /* nla_next */ {
		l := int(u16(b[pos:]))
		out = append(out, kattr{u16(b[pos+2:]) & attr.TypeMask, pos, l - 4, l})
		totlen := (l + 3) &^ 3
		rem -= totlen
		pos += totlen
	}
	leftover := 0
	if rem > 0 {
		leftover = rem
	}
	return out, leftover
}

// genAttrBytes draws byte strings that look like attribute runs, with
// plausible and implausible lengths.
func genAttrBytes(t *rapid.T) []byte {
	var b []byte
	for i := rapid.IntRange(0, 8).Draw(t, "n"); i > 0; i-- {
		l := rapid.OneOf(rapid.IntRange(0, 12), rapid.IntRange(0, 80)).Draw(t, "len")
		be := rapid.Bool().Draw(t, "be")
		hdr := []byte{byte(l), byte(l >> 8), byte(i), 0}
		if be {
			hdr = []byte{byte(l >> 8), byte(l), 0, byte(i)}
		}
		b = append(b, hdr...)
		b = append(b, make([]byte, rapid.IntRange(0, 20).Draw(t, "payload"))...)
	}
	return append(b, rapid.SliceOfN(rapid.Byte(), 0, 5).Draw(t, "tail")...)
}

func TestRapidKernelWalk(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := genAttrBytes(t)
		order := rapid.SampledFrom(orders).Draw(t, "order")
		want, left := kernelWalk(b, order.Swap())
		d := attr.NewDecoder(b[:len(b):len(b)]).WithOrder(order).Lenient()
		var got []kattr
		for d.Next() {
			got = append(got, kattr{d.Type(), d.Offset(), d.Len(), d.Len() + 4})
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("walk (-kernel +decoder):\n%s", diff)
		}
		if d.Leftover() != left || d.Err() != nil {
			t.Fatalf("leftover %d, kernel %d, err %v", d.Leftover(), left, d.Err())
		}
		// Strict mode walks the same attributes and errs exactly when
		// the kernel leaves bytes over.
		s := attr.NewDecoder(b).WithOrder(order)
		n := 0
		for s.Next() {
			n++
		}
		if n != len(want) || (s.Err() != nil) != (left > 0) {
			t.Fatalf("strict: %d attributes, err %v; kernel %d, leftover %d", n, s.Err(), len(want), left)
		}
	})
}

func TestRapidNoPanic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.OneOf(rapid.SliceOfN(rapid.Byte(), 0, 200), rapid.Custom(genAttrBytes)).Draw(t, "b")
		order := rapid.SampledFrom(orders).Draw(t, "order")
		base := rapid.IntRange(0, 100).Draw(t, "base")
		exercise(b[:len(b):len(b)], order, base, 0)
	})
}
