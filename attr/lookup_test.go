package attr_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

func lookupInput() []byte {
	e := attr.NewEncoder(nil).WithOrder(nlwire.LittleEndian)
	e.Uint32(1, 10)
	e.Uint32(0, 99) // type 0: nla_parse skips it
	e.Uint32(2, 20)
	e.Uint32(1, 11) // repeated: the last one wins in Scatter
	e.Uint32(7, 70) // beyond a 4-entry table
	b, _ := e.Finish()
	return b
}

func TestFind(t *testing.T) {
	d := attr.NewDecoder(lookupInput()).WithOrder(nlwire.LittleEndian)
	a, ok := d.Find(1)
	if !ok || a.Uint32() != 10 || a.Offset() != 0 {
		t.Errorf("Find(1) = %v %d", ok, a.Uint32())
	}
	// Next on the result goes on after the match; d has not moved.
	if !a.Next() || a.Uint32() != 99 {
		t.Error("Next after Find")
	}
	if a, ok := d.Find(7); !ok || a.Uint32() != 70 {
		t.Errorf("Find(7) = %v", ok)
	}
	if a, ok := d.Find(5); ok || a.Err() != nil {
		t.Errorf("Find(5) = %v %v", ok, a.Err())
	}
	bad := attr.NewDecoder(h("08000100 01000000 0900 0200")).WithOrder(nlwire.LittleEndian)
	if a, ok := bad.Find(2); ok || !errors.Is(a.Err(), attr.ErrTruncated) {
		t.Errorf("Find in a bad run = %v %v", ok, a.Err())
	}
}

func TestAll(t *testing.T) {
	d := attr.NewDecoder(lookupInput()).WithOrder(nlwire.LittleEndian)
	var got [][2]uint32
	for typ, a := range d.All() {
		got = append(got, [2]uint32{uint32(typ), a.Uint32()})
		if typ == 1 && len(got) > 1 {
			break
		}
	}
	want := [][2]uint32{{1, 10}, {0, 99}, {2, 20}, {1, 11}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A typed read failing inside the loop latches in the copy.
	d = attr.NewDecoder(lookupInput()).WithOrder(nlwire.LittleEndian)
	n := 0
	for _, a := range d.All() {
		n++
		if a.Uint8(); !errors.Is(a.Err(), attr.ErrBadLength) {
			t.Errorf("typed read error %v", a.Err())
		}
	}
	if n != 5 || d.Err() != nil {
		t.Errorf("%d iterations, err %v", n, d.Err())
	}
	// A walk error latches in d.
	d = attr.NewDecoder(h("04000100 0500")).WithOrder(nlwire.LittleEndian)
	for range d.All() {
	}
	if !errors.Is(d.Err(), attr.ErrTrailing) {
		t.Errorf("walk error %v", d.Err())
	}
}

func TestScatter(t *testing.T) {
	d := attr.NewDecoder(lookupInput()).WithOrder(nlwire.LittleEndian)
	var tb [4]attr.Decoder
	tb[3] = d // stale entries are cleared
	if err := d.Scatter(tb[:]); err != nil {
		t.Fatal(err)
	}
	if tb[0].Present() || tb[3].Present() || !tb[1].Present() || !tb[2].Present() {
		t.Fatalf("presence %v %v %v %v", tb[0].Present(), tb[1].Present(), tb[2].Present(), tb[3].Present())
	}
	if tb[1].Uint32() != 11 || tb[2].Uint32() != 20 || tb[1].Offset() != 24 {
		t.Errorf("tb[1] = %d at %d, tb[2] = %d", tb[1].Uint32(), tb[1].Offset(), tb[2].Uint32())
	}
	bad := attr.NewDecoder(h("08000100 01000000 03000200")).WithOrder(nlwire.LittleEndian)
	if err := bad.Scatter(tb[:]); !errors.Is(err, attr.ErrBadLength) || !tb[1].Present() {
		t.Errorf("Scatter on a bad run: %v", err)
	}
}

func TestArray(t *testing.T) {
	e := attr.NewEncoder(nil).WithOrder(nlwire.LittleEndian)
	arr := e.Begin(6)
	for _, v := range []uint32{10, 20, 30} {
		el := e.Element(&arr)
		e.Uint32(1, v)
		e.End(el)
	}
	e.End(arr)
	b, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian)
	d.Next()
	var got [][2]uint32
	for i, el := range d.Array() {
		a, _ := el.Find(1)
		got = append(got, [2]uint32{uint32(i), a.Uint32()})
	}
	if diff := cmp.Diff([][2]uint32{{1, 10}, {2, 20}, {3, 30}}, got); diff != "" || d.Err() != nil {
		t.Errorf("(-want +got):\n%s err %v", diff, d.Err())
	}
	// A broken array latches its error in the parent.
	d = attr.NewDecoder(h("0c000600 04000100 03000200")).WithOrder(nlwire.LittleEndian)
	d.Next()
	n := 0
	for range d.Array() {
		n++
	}
	var ae *attr.Error
	if n != 1 || !errors.As(d.Err(), &ae) || ae.Offset != 8 || d.Next() {
		t.Errorf("%d elements, err %v", n, d.Err())
	}
}
