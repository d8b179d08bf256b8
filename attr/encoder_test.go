package attr_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

func TestPut(t *testing.T) {
	tests := []struct {
		name string
		fn   func(e *attr.Encoder)
		want string // little-endian
	}{
		{"u8", func(e *attr.Encoder) { e.Uint8(1, 0xab) }, "05000100 ab000000"},
		{"u16", func(e *attr.Encoder) { e.Uint16(1, 0x1234) }, "06000100 34120000"},
		{"u32", func(e *attr.Encoder) { e.Uint32(1, 0x12345678) }, "08000100 78563412"},
		{"u64", func(e *attr.Encoder) { e.Uint64(1, 0x0123456789abcdef) }, "0c000100 efcdab89 67452301"},
		{"s8", func(e *attr.Encoder) { e.Int8(1, -1) }, "05000100 ff000000"},
		{"s16", func(e *attr.Encoder) { e.Int16(1, -2) }, "06000100 feff0000"},
		{"s32", func(e *attr.Encoder) { e.Int32(1, -3) }, "08000100 fdffffff"},
		{"s64", func(e *attr.Encoder) { e.Int64(1, -4) }, "0c000100 fcffffff ffffffff"},
		{"uint small", func(e *attr.Encoder) { e.Uint(1, 0xffffffff) }, "08000100 ffffffff"},
		{"uint big", func(e *attr.Encoder) { e.Uint(1, 1<<32) }, "0c000100 00000000 01000000"},
		{"sint small", func(e *attr.Encoder) { e.Int(1, -1) }, "08000100 ffffffff"},
		{"sint min32", func(e *attr.Encoder) { e.Int(1, -1<<31) }, "08000100 00000080"},
		{"sint big", func(e *attr.Encoder) { e.Int(1, 1<<31) }, "0c000100 00000080 00000000"},
		{"be16", func(e *attr.Encoder) { e.BE16(5, 0x8100) }, "06000500 81000000"},
		{"be32", func(e *attr.Encoder) { e.BE32(5, 0xc0a80001) }, "08000500 c0a80001"},
		{"be64", func(e *attr.Encoder) { e.BE64(5, 1) }, "0c000500 00000000 00000001"},
		{"net16", func(e *attr.Encoder) { e.Net16(5, 0x8100) }, "06000540 81000000"},
		{"net32", func(e *attr.Encoder) { e.Net32(5, 1) }, "08000540 00000001"},
		{"net64", func(e *attr.Encoder) { e.Net64(5, 1) }, "0c000540 00000000 00000001"},
		{"flag", func(e *attr.Encoder) { e.Flag(9) }, "04000900"},
		{"put", func(e *attr.Encoder) { e.Put(2, []byte{1, 2, 3, 4, 5}) }, "09000200 01020304 05000000"},
		{"put empty", func(e *attr.Encoder) { e.Put(2, nil) }, "04000200"},
		{"string", func(e *attr.Encoder) { e.String(3, "lo") }, "07000300 6c6f0000"},
		{"string 3", func(e *attr.Encoder) { e.String(3, "abc") }, "08000300 61626300"},
		{"string empty", func(e *attr.Encoder) { e.String(3, "") }, "05000300 00000000"},
		{"bitfield32", func(e *attr.Encoder) { e.Bitfield32(4, 1, 3) }, "0c000400 01000000 03000000"},
		{"nest", func(e *attr.Encoder) { n := e.Begin(1); e.Uint8(2, 1); e.End(n) }, "0c000180 05000200 01000000"},
		{"nest noflag", func(e *attr.Encoder) { n := e.BeginNoFlag(1); e.End(n) }, "04000100"},
		{"nest two levels", func(e *attr.Encoder) {
			a := e.Begin(1)
			b := e.Begin(2)
			e.Flag(3)
			e.End(b)
			e.Flag(4)
			e.End(a)
		}, "10000180 08000280 04000300 04000400"},
		{"array", func(e *attr.Encoder) {
			arr := e.BeginNoFlag(6)
			for _, v := range []uint32{10, 20} {
				el := e.Element(&arr)
				e.Uint32(1, v)
				e.End(el)
			}
			e.End(arr)
		}, "1c000600 0c000180 08000100 0a000000 0c000280 08000100 14000000"},
		{"u64bit no pad", func(e *attr.Encoder) { e.Flag(7); e.Uint64bit(1, 2, 0) }, "04000700 0c000100 02000000 00000000"},
		{"u64bit pad", func(e *attr.Encoder) { e.Uint64bit(1, 2, 9) }, "04000900 0c000100 02000000 00000000"},
		{"put64bit pad", func(e *attr.Encoder) { e.Put64bit(1, []byte{1}, 9) }, "04000900 05000100 01000000"},
		{"header", func(e *attr.Encoder) { p := e.Header(5); p[0] = 1; p[4] = 2; e.Flag(1) }, "01000000 02000000 04000100"},
		{"raw", func(e *attr.Encoder) { e.Raw([]byte{1, 2}); e.Flag(1) }, "01020000 04000100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, fixed := range []bool{false, true} {
				// Dirty spare capacity: padding must still come out zero.
				buf := make([]byte, 64)
				for i := range buf {
					buf[i] = 0xee
				}
				var e attr.Encoder
				if fixed {
					e = attr.NewFixedEncoder(buf[:0])
				} else {
					e = attr.NewEncoder(nil)
				}
				e = e.WithOrder(nlwire.LittleEndian)
				tt.fn(&e)
				got, err := e.Finish()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(h(tt.want), got); diff != "" {
					t.Errorf("fixed=%v (-want +got):\n%s", fixed, diff)
				}
			}
		})
	}
}

func encErr(t *testing.T, err error, want attr.Error) {
	t.Helper()
	var ae *attr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("error %v, want %v", err, want.Err)
	}
	if *ae != want {
		t.Errorf("error %+v, want %+v", *ae, want)
	}
}

func TestEncoderErrors(t *testing.T) {
	big := make([]byte, attr.MaxLen-attr.HeaderLen+1)
	tests := []struct {
		name string
		fn   func(e *attr.Encoder)
		want attr.Error
	}{
		{"put too long", func(e *attr.Encoder) { e.Flag(1); e.Put(2, big) }, attr.Error{Offset: 4, Type: 2, Err: attr.ErrAttrTooLong}},
		{"string too long", func(e *attr.Encoder) { e.String(2|attr.FlagNetByteOrder, string(big[1:])) }, attr.Error{Offset: 0, Type: 2, Err: attr.ErrAttrTooLong}},
		{"put64bit too long", func(e *attr.Encoder) { e.Put64bit(2, big, 3) }, attr.Error{Offset: 0, Type: 2, Err: attr.ErrAttrTooLong}},
		{"nest too long", func(e *attr.Encoder) {
			e.Flag(9)
			n := e.Begin(1)
			e.Put(2, big[:40000])
			e.Put(2, big[:40000])
			e.End(n)
		}, attr.Error{Offset: 4, Type: 1, Err: attr.ErrAttrTooLong}},
		{"misnested", func(e *attr.Encoder) {
			a := e.Begin(1)
			e.Begin(2)
			e.End(a)
		}, attr.Error{Offset: 0, Type: 1, Err: attr.ErrMisnested}},
		{"ended twice", func(e *attr.Encoder) {
			a := e.Begin(1)
			e.End(a)
			e.End(a)
		}, attr.Error{Offset: 0, Type: 1, Err: attr.ErrMisnested}},
		{"zero nest", func(e *attr.Encoder) { e.Flag(1); e.End(attr.Nest{}) }, attr.Error{Offset: 4, Err: attr.ErrMisnested}},
		{"element of closed array", func(e *attr.Encoder) {
			arr := e.Begin(1)
			e.Begin(2)
			e.Element(&arr)
		}, attr.Error{Offset: 0, Type: 1, Err: attr.ErrMisnested}},
		{"open", func(e *attr.Encoder) { e.Flag(3); e.Begin(1); e.Begin(2) }, attr.Error{Offset: 8, Type: 2, Err: attr.ErrOpenNest}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := attr.NewEncoder(nil).WithOrder(nlwire.LittleEndian)
			tt.fn(&e)
			n := e.Len()
			// After an error every call is a no-op.
			e.Uint32(1, 1)
			e.End(e.Begin(1))
			e.Raw([]byte{1})
			if e.Header(4) != nil && e.Err() != nil {
				t.Error("Header after an error returned a slice")
			}
			if e.Len() != n && tt.want.Err != attr.ErrOpenNest {
				t.Errorf("buffer grew after the error: %d -> %d", n, e.Len())
			}
			b, err := e.Finish()
			if b != nil {
				t.Errorf("Finish returned %d bytes with an error", len(b))
			}
			encErr(t, err, tt.want)
		})
	}
}

func TestFixedEncoderShort(t *testing.T) {
	buf := make([]byte, 4, 14)
	e := attr.NewFixedEncoder(buf).WithOrder(nlwire.LittleEndian)
	e.Uint32(1, 1) // 4..12
	e.Uint32(2, 2) // does not fit
	e.Flag(3)      // would fit, but the error latched
	if e.Len() != 12 {
		t.Errorf("len %d, want 12", e.Len())
	}
	_, err := e.Finish()
	encErr(t, err, attr.Error{Offset: 12, Err: attr.ErrShortBuffer})
	if &e.Bytes()[0] != &buf[0] {
		t.Error("fixed encoder reallocated")
	}
	e.Reset()
	if e.Err() != nil || e.Len() != 4 {
		t.Errorf("after Reset: err %v len %d", e.Err(), e.Len())
	}
	e.Flag(3)
	b, err := e.Finish()
	if err != nil || len(b) != 8 {
		t.Errorf("after Reset: %x %v", b, err)
	}
}

func TestEncoderAppends(t *testing.T) {
	e := attr.NewEncoder([]byte("hdr!")).WithOrder(nlwire.LittleEndian)
	n := e.Begin(1)
	if !e.Open() {
		t.Error("Open false inside a nest")
	}
	e.String(2, strings.Repeat("x", 100))
	e.End(n)
	if e.Open() {
		t.Error("Open true after End")
	}
	b, err := e.Finish()
	if err != nil || string(b[:4]) != "hdr!" || len(b) != 4+4+108 || e.Len() != len(b) {
		t.Fatalf("%d bytes, err %v", len(b), err)
	}
	// Bytes is writable, for a wrapper patching lengths.
	e.Bytes()[0] = 'H'
	if b[0] != 'H' {
		t.Error("Bytes is not the buffer")
	}
}

func TestNestMaxLen(t *testing.T) {
	// Nests are multiples of 4, so the largest is 65532 bytes.
	e := attr.NewEncoder(nil).WithOrder(nlwire.LittleEndian)
	n := e.Begin(1)
	e.Put(2, make([]byte, 65524))
	e.End(n)
	b, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian)
	if !d.Next() || d.Len() != 65528 {
		t.Fatalf("len %d", d.Len())
	}
	// One attribute of exactly 65535 bytes.
	e = attr.NewEncoder(nil)
	e.Put(1, make([]byte, 65531))
	if _, err := e.Finish(); err != nil {
		t.Fatal(err)
	}
}

func TestStringBytesMatchesString(t *testing.T) {
	for _, s := range []string{"", "a", "eth0", "abcdefghijklmnop"} {
		a, b := attr.NewEncoder(nil), attr.NewEncoder(nil)
		a.String(3, s)
		b.StringBytes(3, []byte(s))
		x, err1 := a.Finish()
		y, err2 := b.Finish()
		if err1 != nil || err2 != nil || string(x) != string(y) {
			t.Errorf("%q: String % x, StringBytes % x (%v, %v)", s, x, y, err1, err2)
		}
	}
	e := attr.NewEncoder(nil)
	e.StringBytes(1, make([]byte, attr.MaxLen))
	if _, err := e.Finish(); !errors.Is(err, attr.ErrAttrTooLong) {
		t.Errorf("65535-byte string: %v, want ErrAttrTooLong", err)
	}
}

func TestStaleNestAfterReset(t *testing.T) {
	e := attr.NewEncoder(nil)
	old := e.Begin(1)
	e.Reset()
	n := e.Begin(2)
	e.End(old) // begun before the reset, at the same offset as n
	if _, err := e.Finish(); !errors.Is(err, attr.ErrMisnested) {
		t.Errorf("ending a nest from before Reset: %v, want ErrMisnested", err)
	}
	_ = n
	e = attr.NewEncoder(nil)
	if e.Header(1<<31-1) != nil {
		t.Error("Header of 2 GiB succeeded")
	}
	if _, err := e.Finish(); !errors.Is(err, attr.ErrShortBuffer) {
		t.Errorf("huge Header: %v, want ErrShortBuffer", err)
	}
}

func TestReserve(t *testing.T) {
	e := attr.NewEncoder(make([]byte, 0, 64))
	q := e.Reserve(5, 6)
	if len(q) != 6 {
		t.Fatalf("Reserve(5, 6): %d bytes", len(q))
	}
	copy(q, "abcdef")
	e.Uint8(7, 1)
	got, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	want := attr.NewEncoder(nil)
	want.Put(5, []byte("abcdef"))
	want.Uint8(7, 1)
	if w, _ := want.Finish(); !bytes.Equal(got, w) {
		t.Errorf("Reserve then fill:\n% x\nPut:\n% x", got, w)
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() {
		e := attr.NewFixedEncoder(buf)
		_ = e.Reserve(1, 4)
	}); n != 0 {
		t.Errorf("%v allocs", n)
	}
	bad := attr.NewEncoder(nil)
	if q := bad.Reserve(1, attr.MaxLen); q != nil || !errors.Is(bad.Err(), attr.ErrAttrTooLong) {
		t.Errorf("Reserve of %d bytes: %v, %v", attr.MaxLen, q, bad.Err())
	}
}
