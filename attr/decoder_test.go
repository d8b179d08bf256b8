package attr_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// h decodes hex with spaces.
func h(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

type walked struct {
	Type, Flags uint16
	Off, Len    int
}

func walk(d attr.Decoder) ([]walked, error, int) {
	var out []walked
	for d.Next() {
		out = append(out, walked{d.Type(), d.Flags(), d.Offset(), d.Len()})
	}
	return out, d.Err(), d.Leftover()
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		base     int
		want     []walked
		err      error // strict mode; lenient never errs
		errOff   int
		errType  uint16
		leftover int
	}{
		{name: "empty"},
		{name: "u32", in: "08000100 2a000000", want: []walked{{1, 0, 0, 4}}},
		{name: "two", in: "05000200 ff000000 06000300 0102 0000", want: []walked{{2, 0, 0, 1}, {3, 0, 8, 2}}},
		{name: "unpadded last", in: "08000100 2a000000 05000200 ff", want: []walked{{1, 0, 0, 4}, {2, 0, 8, 1}}},
		{name: "part padded last", in: "05000200 ff00", want: []walked{{2, 0, 0, 1}}},
		{name: "empty payload", in: "04000900", want: []walked{{9, 0, 0, 0}}},
		{name: "flags", in: "04000180 04000240 0400ffff", want: []walked{{1, 0x8000, 0, 0}, {2, 0x4000, 4, 0}, {0x3fff, 0xc000, 8, 0}}},
		{name: "base", in: "08000100 2a000000 04000200", base: 32, want: []walked{{1, 0, 32, 4}, {2, 0, 40, 0}}},
		{name: "nla_len 0", in: "00000100", err: attr.ErrBadLength, errType: 1, leftover: 4},
		{name: "nla_len 3", in: "08000100 2a000000 03000500", want: []walked{{1, 0, 0, 4}}, err: attr.ErrBadLength, errOff: 8, errType: 5, leftover: 4},
		{name: "past end", in: "0c000780 00000000", err: attr.ErrTruncated, errType: 7, leftover: 8},
		{name: "past end after one", in: "04000100 09000200 0000", base: 100, want: []walked{{1, 0, 100, 0}}, err: attr.ErrTruncated, errOff: 4, errType: 2, leftover: 6},
		{name: "trailing 1", in: "04000100 00", want: []walked{{1, 0, 0, 0}}, err: attr.ErrTrailing, errOff: 4, leftover: 1},
		{name: "trailing 3", in: "04000100 000000", want: []walked{{1, 0, 0, 0}}, err: attr.ErrTrailing, errOff: 4, leftover: 3},
		{name: "short", in: "0800", err: attr.ErrTrailing, leftover: 2},
		{name: "padding past end then nothing", in: "05000100 01", want: []walked{{1, 0, 0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := h(tt.in)
			for _, lenient := range []bool{false, true} {
				d := attr.NewDecoder(b[:len(b):len(b)]).WithOrder(nlwire.LittleEndian).WithBase(tt.base)
				if lenient {
					d = d.Lenient()
				}
				got, err, left := walk(d)
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("lenient=%v walk (-want +got):\n%s", lenient, diff)
				}
				if left != tt.leftover {
					t.Errorf("lenient=%v leftover %d, want %d", lenient, left, tt.leftover)
				}
				if lenient || tt.err == nil {
					if err != nil {
						t.Errorf("lenient=%v: unexpected error %v", lenient, err)
					}
					continue
				}
				var ae *attr.Error
				if !errors.Is(err, tt.err) || !errors.As(err, &ae) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				if want := (attr.Error{Offset: tt.errOff + tt.base, Type: tt.errType, Err: tt.err}); *ae != want {
					t.Errorf("error %+v, want %+v", *ae, want)
				}
			}
		})
	}
}

func TestWalkBigEndian(t *testing.T) {
	b := h("00080001 0000002a 00068002 01020000")
	d := attr.NewDecoder(b).WithOrder(nlwire.BigEndian)
	got, err, _ := walk(d)
	want := []walked{{1, 0, 0, 4}, {2, 0x8000, 8, 2}}
	if diff := cmp.Diff(want, got); diff != "" || err != nil {
		t.Errorf("walk (-want +got):\n%s err %v", diff, err)
	}
	d = attr.NewDecoder(b).WithOrder(nlwire.BigEndian)
	if !d.Next() || d.Uint32() != 42 {
		t.Errorf("BE u32 read")
	}
}

func TestNextAfterEnd(t *testing.T) {
	d := attr.NewDecoder(h("04000100 00000500")).WithOrder(nlwire.LittleEndian)
	if !d.Next() || d.Next() || d.Next() {
		t.Fatal("walk did not stop")
	}
	if d.Present() || d.Bytes() != nil {
		t.Error("positioned after the end")
	}
	// Err builds its error from the decoder's state: the same error each
	// time, though not the same pointer.
	var e1, e2 *attr.Error
	if !errors.As(d.Err(), &e1) || !errors.As(d.Err(), &e2) || *e1 != *e2 {
		t.Errorf("error not latched: %v %v", e1, e2)
	}
}

type read struct {
	name string
	in   string // payload, little-endian
	fn   func(d *attr.Decoder) any
	want any // nil: ErrBadLength
}

var reads = []read{
	{"u8", "2a", func(d *attr.Decoder) any { return d.Uint8() }, uint8(42)},
	{"u8 long", "2a00", func(d *attr.Decoder) any { return d.Uint8() }, nil},
	{"u8 empty", "", func(d *attr.Decoder) any { return d.Uint8() }, nil},
	{"u16", "3412", func(d *attr.Decoder) any { return d.Uint16() }, uint16(0x1234)},
	{"u16 short", "34", func(d *attr.Decoder) any { return d.Uint16() }, nil},
	{"u32", "78563412", func(d *attr.Decoder) any { return d.Uint32() }, uint32(0x12345678)},
	{"u32 long", "7856341200", func(d *attr.Decoder) any { return d.Uint32() }, nil},
	{"u64", "efcdab8967452301", func(d *attr.Decoder) any { return d.Uint64() }, uint64(0x0123456789abcdef)},
	{"u64 short", "78563412", func(d *attr.Decoder) any { return d.Uint64() }, nil},
	{"s8", "ff", func(d *attr.Decoder) any { return d.Int8() }, int8(-1)},
	{"s16", "feff", func(d *attr.Decoder) any { return d.Int16() }, int16(-2)},
	{"s32", "fdffffff", func(d *attr.Decoder) any { return d.Int32() }, int32(-3)},
	{"s64", "fcffffffffffffff", func(d *attr.Decoder) any { return d.Int64() }, int64(-4)},
	{"s32 short", "fdff", func(d *attr.Decoder) any { return d.Int32() }, nil},
	{"uint 4", "ffffffff", func(d *attr.Decoder) any { return d.Uint() }, uint64(0xffffffff)},
	{"uint 8", "0000000001000000", func(d *attr.Decoder) any { return d.Uint() }, uint64(1 << 32)},
	{"uint 2", "0100", func(d *attr.Decoder) any { return d.Uint() }, nil},
	{"uint 5", "0100000000", func(d *attr.Decoder) any { return d.Uint() }, nil},
	{"sint 4", "ffffffff", func(d *attr.Decoder) any { return d.Int() }, int64(-1)},
	{"sint 8", "ffffffff00000000", func(d *attr.Decoder) any { return d.Int() }, int64(0xffffffff)},
	{"sint 1", "ff", func(d *attr.Decoder) any { return d.Int() }, nil},
	{"be16", "8100", func(d *attr.Decoder) any { return d.BE16() }, uint16(0x8100)},
	{"be32", "c0a80001", func(d *attr.Decoder) any { return d.BE32() }, uint32(0xc0a80001)},
	{"be64", "0102030405060708", func(d *attr.Decoder) any { return d.BE64() }, uint64(0x0102030405060708)},
	{"be16 long", "810000", func(d *attr.Decoder) any { return d.BE16() }, nil},
	{"flag", "", func(d *attr.Decoder) any { return d.Flag() }, true},
	{"flag payload", "00", func(d *attr.Decoder) any { return d.Flag() }, nil},
	{"string", "6c6f00", func(d *attr.Decoder) any { return d.String() }, "lo"},
	{"string no NUL", "6c6f", func(d *attr.Decoder) any { return d.String() }, "lo"},
	{"string inner NUL", "6c00 6f00", func(d *attr.Decoder) any { return string(d.StringBytes()) }, "l"},
	{"string empty", "", func(d *attr.Decoder) any { return d.String() }, ""},
	{"bitfield32", "01000000 03000000", func(d *attr.Decoder) any { v, s := d.Bitfield32(); return [2]uint32{v, s} }, [2]uint32{1, 3}},
	{"bitfield32 short", "01000000", func(d *attr.Decoder) any { v, s := d.Bitfield32(); return [2]uint32{v, s} }, nil},
	{"bytes", "0102", func(d *attr.Decoder) any { return d.Bytes() }, []byte{1, 2}},
}

func TestTypedReads(t *testing.T) {
	for _, tt := range reads {
		t.Run(tt.name, func(t *testing.T) {
			p := h(tt.in)
			e := attr.NewEncoder(nil).WithOrder(nlwire.LittleEndian)
			e.Put(7, p)
			e.Uint32(8, 1)
			b, _ := e.Finish()
			d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).WithBase(16)
			if !d.Next() {
				t.Fatal(d.Err())
			}
			got := tt.fn(&d)
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, got); diff != "" || d.Err() != nil {
					t.Errorf("(-want +got):\n%s err %v", diff, d.Err())
				}
				if !d.Next() || d.Type() != 8 {
					t.Error("walk did not go on")
				}
				return
			}
			var ae *attr.Error
			if !errors.As(d.Err(), &ae) || *ae != (attr.Error{Offset: 16, Type: 7, Err: attr.ErrBadLength}) {
				t.Errorf("error %v, want ErrBadLength at 16 type 7", d.Err())
			}
			if d.Next() {
				t.Error("Next after a failed read")
			}
			if d.Leftover() != 0 {
				t.Errorf("leftover %d after a failed read", d.Leftover())
			}
		})
	}
}

func TestTypedReadsBigEndian(t *testing.T) {
	e := attr.NewEncoder(nil).WithOrder(nlwire.BigEndian)
	e.Uint16(1, 0x1234)
	e.Uint32(2, 0x12345678)
	e.Uint64(3, 0x0123456789abcdef)
	e.Int(4, -5)
	e.Bitfield32(5, 1, 3)
	e.BE16(6, 0x8100)
	b, _ := e.Finish()
	if want := h("00060001 12340000 00080002 12345678 000c0003 01234567 89abcdef 00080004 fffffffb 000c0005 00000001 00000003 00060006 81000000"); string(b) != string(want) {
		t.Fatalf("big-endian encoding\n got %x\nwant %x", b, want)
	}
	d := attr.NewDecoder(b).WithOrder(nlwire.BigEndian)
	var got []any
	for d.Next() {
		switch d.Type() {
		case 1:
			got = append(got, d.Uint16())
		case 2:
			got = append(got, d.Uint32())
		case 3:
			got = append(got, d.Uint64())
		case 4:
			got = append(got, d.Int())
		case 5:
			v, s := d.Bitfield32()
			got = append(got, v, s)
		case 6:
			got = append(got, d.BE16())
		}
	}
	want := []any{uint16(0x1234), uint32(0x12345678), uint64(0x0123456789abcdef), int64(-5), uint32(1), uint32(3), uint16(0x8100)}
	if diff := cmp.Diff(want, got); diff != "" || d.Err() != nil {
		t.Errorf("(-want +got):\n%s err %v", diff, d.Err())
	}
}

func TestFlagNotPositioned(t *testing.T) {
	d := attr.NewDecoder(nil)
	if d.Flag() || d.Err() == nil {
		t.Error("Flag before Next succeeded")
	}
}

func TestNested(t *testing.T) {
	// 32 bytes of header before, then {1: {2: u32 7, 3: {}} , 4: u8 1}
	e := attr.NewEncoder(make([]byte, 32)).WithOrder(nlwire.LittleEndian)
	n := e.Begin(1)
	e.Uint32(2, 7)
	e.End(e.Begin(3))
	e.End(n)
	e.Uint8(4, 1)
	b, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	d := attr.NewDecoder(b[32:]).WithOrder(nlwire.LittleEndian).WithBase(32).Lenient()
	if !d.Next() || d.Type() != 1 || d.Flags() != attr.FlagNested || d.Offset() != 32 {
		t.Fatalf("outer: %d %#x %d", d.Type(), d.Flags(), d.Offset())
	}
	c := d.Nested()
	got, err, _ := walk(c)
	want := []walked{{2, 0, 36, 4}, {3, attr.FlagNested, 44, 0}}
	if diff := cmp.Diff(want, got); diff != "" || err != nil {
		t.Errorf("nested (-want +got):\n%s err %v", diff, err)
	}
	// The child inherits lenient mode and order.
	bad := attr.NewDecoder(h("08000100 03000200")).WithOrder(nlwire.LittleEndian).Lenient()
	bad.Next()
	c = bad.Nested()
	if c.Next() || c.Err() != nil || c.Leftover() != 4 {
		t.Errorf("lenient child: err %v leftover %d", c.Err(), c.Leftover())
	}
	strict := attr.NewDecoder(h("08000100 03000200")).WithOrder(nlwire.LittleEndian).WithBase(10)
	strict.Next()
	c = strict.Nested()
	var ae *attr.Error
	if c.Next() || !errors.As(c.Err(), &ae) || *ae != (attr.Error{Offset: 14, Type: 2, Err: attr.ErrBadLength}) {
		t.Errorf("strict child: %v", c.Err())
	}
	if strict.Err() != nil {
		t.Errorf("child error leaked into parent: %v", strict.Err())
	}
}

func TestErrorString(t *testing.T) {
	err := &attr.Error{Offset: 8, Type: 5, Err: attr.ErrBadLength}
	if got, want := err.Error(), "attr: bad attribute length at offset 8, type 5"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	err = &attr.Error{Offset: 1, Err: errors.New("custom")}
	if got, want := err.Error(), "attr: custom at offset 1, type 0"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(err, err.Err) {
		t.Error("Unwrap")
	}
}

func TestAlign(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 4, 3: 4, 4: 4, 5: 8, 65535: 65536} {
		if got := attr.Align(n); got != want {
			t.Errorf("Align(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestTypedReadAfterWalkError: a typed read after a strict walk stopped
// at a malformed attribute does not hide the walk's error.
func TestTypedReadAfterWalkError(t *testing.T) {
	// A good u32 attribute, then a header claiming 12 bytes with 4 left.
	d := attr.NewDecoder(h("08000100 2a000000 0c000200 00000000")).WithOrder(nlwire.LittleEndian)
	for d.Next() {
	}
	if v := d.Uint32(); v != 0 {
		t.Errorf("Uint32 after the end = %d", v)
	}
	var ae *attr.Error
	if err := d.Err(); !errors.As(err, &ae) || !errors.Is(err, attr.ErrTruncated) || ae.Offset != 8 || ae.Type != 2 {
		t.Errorf("Err() = %v, want ErrTruncated at offset 8, type 2", err)
	}
	// A rejected read while on an attribute reports that attribute, and
	// Next stops.
	d = attr.NewDecoder(h("06000300 01020000 08000400 2a000000")).WithOrder(nlwire.LittleEndian)
	d.Next()
	d.Uint32()
	if d.Next() || d.Leftover() != 0 {
		t.Error("walk went on after a rejected read")
	}
	if err := d.Err(); !errors.As(err, &ae) || !errors.Is(err, attr.ErrBadLength) || ae.Offset != 0 || ae.Type != 3 {
		t.Errorf("Err() = %v, want ErrBadLength at offset 0, type 3", err)
	}
}

// TestNetByteOrderReads: integers of attributes flagged
// NLA_F_NET_BYTEORDER are big-endian, whatever the decoder's order.
func TestNetByteOrderReads(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian, nlwire.Native} {
		e := attr.NewEncoder(nil).WithOrder(o)
		e.Net16(1, 0x0102)
		e.Net32(2, 0x01020304)
		e.Net64(3, 0x0102030405060708)
		e.Uint32(4, 0x01020304) // not flagged: the order's
		b, err := e.Finish()
		if err != nil {
			t.Fatal(err)
		}
		d := attr.NewDecoder(b).WithOrder(o)
		got := []uint64{}
		for d.Next() {
			switch d.Len() {
			case 2:
				got = append(got, uint64(d.Uint16()))
			case 4:
				got = append(got, uint64(d.Uint32()))
			case 8:
				got = append(got, d.Uint64())
			}
		}
		want := []uint64{0x0102, 0x01020304, 0x0102030405060708, 0x01020304}
		if diff := cmp.Diff(want, got); diff != "" || d.Err() != nil {
			t.Errorf("%v: (-want +got):\n%s %v", o, diff, d.Err())
		}
	}
}

// TestOver: a decoder made with Over from a template reads in the
// template's order and mode, over the new bytes, with offsets from the
// base given, and is the decoder NewDecoder, WithBase, WithOrder and
// Lenient would make.
func TestOver(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		for _, lenient := range []bool{false, true} {
			e := attr.NewEncoder(nil).WithOrder(o)
			e.Uint32(1, 0x01020304)
			e.Uint16(2, 0x0506)
			b, err := e.Finish()
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, 0xff, 0xff) // a short tail: an error unless lenient
			tmpl := attr.NewDecoder(nil).WithOrder(o)
			want := attr.NewDecoder(b).WithBase(32).WithOrder(o)
			if lenient {
				tmpl, want = tmpl.Lenient(), want.Lenient()
			}
			d := tmpl.Over(b, 32)
			var got []string
			for d.Next() {
				if !want.Next() {
					t.Fatalf("%v lenient=%v: Over walks further than the decoder it stands for", o, lenient)
				}
				var v uint64
				if d.Type() == 1 {
					v = uint64(d.Uint32())
				} else {
					v = uint64(d.Uint16())
				}
				got = append(got, fmt.Sprintf("%d@%d=%#x", d.Type(), d.Offset(), v))
				if d.Offset() != want.Offset() || d.Type() != want.Type() {
					t.Errorf("%v lenient=%v: at %d type %d, want at %d type %d", o, lenient, d.Offset(), d.Type(), want.Offset(), want.Type())
				}
			}
			if want.Next() {
				t.Errorf("%v lenient=%v: Over stops early", o, lenient)
			}
			if diff := cmp.Diff([]string{"1@32=0x1020304", "2@40=0x506"}, got); diff != "" {
				t.Errorf("%v lenient=%v: (-want +got):\n%s", o, lenient, diff)
			}
			if (d.Err() == nil) != lenient || fmt.Sprint(d.Err()) != fmt.Sprint(want.Err()) || d.Leftover() != want.Leftover() {
				t.Errorf("%v lenient=%v: Err %v Leftover %d, want Err %v Leftover %d", o, lenient, d.Err(), d.Leftover(), want.Err(), want.Leftover())
			}
		}
	}
}

// TestOn checks that a decoder made by On on an attribute a walk found
// reads it as the walking decoder does (type, flags, length, offset,
// payload, integers, its nest) and has nothing after it to walk.
func TestOn(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		e := attr.NewEncoder(nil).WithOrder(o)
		e.Uint32(1, 0x01020304)
		n := e.Begin(7)
		e.Uint16(2, 0x0506)
		e.End(n)
		e.Uint64(3|attr.FlagNetByteOrder, 0x0102030405060708)
		b, err := e.Finish()
		if err != nil {
			t.Fatal(err)
		}
		tmpl := attr.NewDecoder(nil).WithOrder(o).Lenient()
		walk := attr.NewDecoder(b).WithBase(20).WithOrder(o).Lenient()
		off := 0
		for walk.Next() {
			l := walk.Len() + attr.HeaderLen
			d := tmpl.On(b[off:off+l], 20+off)
			describe := func(d attr.Decoder) string {
				s := fmt.Sprintf("type %d flags %#x len %d @%d %x present=%v", d.Type(), d.Flags(), d.Len(), d.Offset(), d.Bytes(), d.Present())
				switch d.Len() {
				case 4:
					s += fmt.Sprintf(" u32 %#x", d.Uint32())
				case 8:
					s += fmt.Sprintf(" u64 %#x", d.Uint64())
				}
				for in := d.Nested(); in.Next(); {
					s += fmt.Sprintf(" {%d@%d %#x}", in.Type(), in.Offset(), in.Uint16())
				}
				return s
			}
			if diff := cmp.Diff(describe(walk), describe(d)); diff != "" {
				t.Errorf("%v: attribute at %d (-walk +On):\n%s", o, off, diff)
			}
			if d.Next() || d.Err() != nil || d.Leftover() != 0 {
				t.Errorf("%v: On's decoder at %d walks on: Err %v Leftover %d", o, off, d.Err(), d.Leftover())
			}
			off += attr.Align(l)
		}
		if off != len(b) {
			t.Fatalf("%v: walked %d of %d bytes", o, off, len(b))
		}
		if d := tmpl.On(b[:3], 0); d.Present() || d.Len() != 0 {
			t.Errorf("%v: On of 3 bytes is on an attribute (len %d)", o, d.Len())
		}
	}
}
