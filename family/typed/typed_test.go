package typed_test

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/typed"
)

// kernelString is lib/nlattr.c's validate_nla for NLA_NUL_STRING (nul)
// and NLA_STRING with policy len maxLen (Linux 6.12, unchanged since
// 5.x): the reference CheckString must agree with.
func kernelString(p []byte, nul bool, maxLen int) bool {
	attrlen := len(p)
	if nul {
		minlen := attrlen
		if maxLen != 0 {
			minlen = min(attrlen, maxLen+1)
		}
		found := false
		for _, c := range p[:minlen] {
			if c == 0 {
				found = true
				break
			}
		}
		if minlen == 0 || !found {
			return false
		}
		// fallthrough to NLA_STRING
	}
	if attrlen < 1 {
		return false
	}
	if maxLen != 0 {
		if p[attrlen-1] == 0 {
			attrlen--
		}
		if attrlen > maxLen {
			return false
		}
	}
	return true
}

// TestCheckStringKernel compares CheckString with the kernel's rules on
// every string of up to 6 bytes over {NUL, 'a'}, every max-len up to 7.
func TestCheckStringKernel(t *testing.T) {
	n := 0
	for l := 0; l <= 6; l++ {
		for m := 0; m < 1<<l; m++ {
			p := make([]byte, l)
			for i := range p {
				if m&(1<<i) != 0 {
					p[i] = 'a'
				}
			}
			for maxLen := 0; maxLen <= 7; maxLen++ {
				for _, nul := range []bool{false, true} {
					n++
					got, want := typed.CheckString(p, nul, maxLen), kernelString(p, nul, maxLen)
					if got != want {
						t.Errorf("CheckString(%q, nul %v, maxLen %d) = %v, kernel says %v", p, nul, maxLen, got, want)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
}

// kernelBitfield32 is lib/nlattr.c's validate_nla_bitfield32.
func kernelBitfield32(v typed.Bitfield32, valid uint32) bool {
	if valid == 0 {
		return false
	}
	return v.Selector&^valid == 0 && v.Value&^valid == 0 && v.Value&^v.Selector == 0
}

func TestCheckBitfield32Kernel(t *testing.T) {
	for valid := uint32(0); valid < 16; valid++ {
		for sel := uint32(0); sel < 16; sel++ {
			for val := uint32(0); val < 16; val++ {
				v := typed.Bitfield32{Value: val, Selector: sel}
				if got, want := typed.CheckBitfield32(v, valid), kernelBitfield32(v, valid); got != want {
					t.Errorf("CheckBitfield32(%+v, %#x) = %v, kernel says %v", v, valid, got, want)
				}
			}
		}
	}
}

func TestCheckBinary(t *testing.T) {
	for _, c := range []struct {
		n      int
		lo, hi int64
		want   bool
	}{
		{0, 0, -1, true}, {5, 0, -1, true}, {5, 6, -1, false}, {6, 6, 6, true},
		{7, 6, 6, false}, {3, 0, 4, true}, {4, 0, 4, true}, {5, 0, 4, false},
	} {
		if got := typed.CheckBinary(c.n, c.lo, c.hi); got != c.want {
			t.Errorf("CheckBinary(%d, %d, %d) = %v", c.n, c.lo, c.hi, got)
		}
	}
}

// attrs encodes (type, payload) pairs in order o.
func attrs(o nlwire.Order, kv ...any) []byte {
	e := attr.NewEncoder(nil).WithOrder(o)
	for i := 0; i < len(kv); i += 2 {
		e.Put(uint16(kv[i].(int)), kv[i+1].([]byte))
	}
	return e.Bytes()
}

var other = func() nlwire.Order {
	if nlwire.Host() == nlwire.LittleEndian {
		return nlwire.BigEndian
	}
	return nlwire.LittleEndian
}()

func TestCheckArray(t *testing.T) {
	u32 := []byte{1, 2, 3, 4}
	u64 := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	for _, ord := range []nlwire.Order{nlwire.Host(), other} {
		good := attrs(ord, 1, u32, 2, u32, 3, u32)
		for _, c := range []struct {
			name    string
			p       []byte
			size    int
			lenient bool
			count   int
			err     error
			off     int
		}{
			{"empty", nil, 4, false, 0, nil, 0},
			{"u32s", good, 4, false, 3, nil, 0},
			{"any size", attrs(ord, 1, u32, 2, u64, 3, []byte{}), 0, false, 3, nil, 0},
			{"uint", attrs(ord, 1, u32, 2, u64), -1, false, 2, nil, 0},
			{"uint of 2", attrs(ord, 1, u32, 2, []byte{1, 2}), -1, false, 0, typed.ErrLength, 8},
			{"uint of 2 lenient", attrs(ord, 1, u32, 2, []byte{1, 2}), -1, true, 0, typed.ErrLength, 8},
			{"long element", attrs(ord, 1, u32, 2, u64), 4, false, 0, typed.ErrLength, 8},
			{"long element lenient", attrs(ord, 1, u32, 2, u64), 4, true, 2, nil, 0},
			{"short element lenient", attrs(ord, 1, u32, 2, []byte{1}), 4, true, 0, typed.ErrLength, 8},
			// nla_validate_array stops, without an error, where a whole
			// element no longer fits; so does CheckArray, strict or not.
			{"trailing", append(good[:len(good):len(good)], 0, 0), 4, false, 3, nil, 0},
			{"trailing lenient", append(good[:len(good):len(good)], 0, 0), 4, true, 3, nil, 0},
			{"under a header", []byte{1, 2}, 4, false, 0, typed.ErrLength, -4},
			{"truncated", good[:len(good)-2], 4, false, 2, nil, 0},
			{"nest element of 2 bytes", attrs(ord, 1, u32, 2, []byte{1, 2}), 0, false, 0, typed.ErrLength, 8},
			{"truncated lenient", good[:len(good)-2], 4, true, 2, nil, 0},
		} {
			o := typed.Options{Order: ord, Lenient: c.lenient, Base: 100}
			n, err := typed.CheckArray(c.p, &o, 104, c.size, "set", "ATTR")
			if c.err == nil {
				if err != nil || n != c.count {
					t.Errorf("%v %s: %d, %v; want %d", ord, c.name, n, err, c.count)
				}
				continue
			}
			var te *typed.Error
			if !errors.As(err, &te) || !errors.Is(err, c.err) {
				t.Errorf("%v %s: %v, want %v", ord, c.name, err, c.err)
				continue
			}
			if te.Offset != 104+c.off || te.Set != "set" || te.Attr != "ATTR" {
				t.Errorf("%v %s: %+v, want offset %d", ord, c.name, *te, 104+c.off)
			}
		}
	}
}

func TestErrorMessage(t *testing.T) {
	for _, c := range []struct {
		e    typed.Error
		want string
	}{
		{typed.Error{Offset: 36, Set: "link-attrs", Attr: "IFLA_MTU", Type: 4, Err: typed.ErrLength},
			"typed: link-attrs: IFLA_MTU (type 4) at offset 36: " + attr.ErrBadLength.Error()},
		{typed.Error{Offset: 8, Set: "dev", Type: 99, Err: typed.ErrUnknown},
			"typed: dev: type 99 at offset 8: unknown attribute type"},
		{typed.Error{Set: "x"}, "typed: x: type 0 at offset 0: error"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	if typed.ErrTruncated != attr.ErrTruncated || typed.ErrTrailing != attr.ErrTrailing || typed.ErrLength != attr.ErrBadLength {
		t.Error("the sentinels attr defines are not attr's")
	}
}

func TestOptionsFail(t *testing.T) {
	var o typed.Options
	err := o.Fail(12, "set", "A", 0x8003, typed.ErrRange)
	var te *typed.Error
	if !errors.As(err, &te) || !errors.Is(err, typed.ErrRange) {
		t.Fatalf("%v", err)
	}
	if te.Type != 3 || te.Offset != 12 {
		t.Errorf("%+v: type flags not stripped or offset lost", *te)
	}
	// The storage is o's: a failure costs no allocation.
	if n := testing.AllocsPerRun(100, func() { _ = o.Fail(1, "s", "A", 1, typed.ErrLength) }); n != 0 {
		t.Errorf("Fail: %v allocs", n)
	}
	if !o.BadLen(true) || !o.BadLen(false) {
		t.Error("strict BadLen")
	}
	o.Lenient = true
	if !o.BadLen(true) || o.BadLen(false) {
		t.Error("lenient BadLen")
	}
}

func TestMode(t *testing.T) {
	for _, ord := range []nlwire.Order{nlwire.Native, nlwire.Host(), other} {
		for _, len := range []bool{false, true} {
			for _, ru := range []bool{false, true} {
				o := typed.Options{Order: ord, Lenient: len, ReportUnknown: ru}
				m := o.Mode()
				back := m.Options(40)
				if back.Lenient != len || back.ReportUnknown != ru || back.Base != 40 || back.Order.Swap() != ord.Swap() {
					t.Errorf("%+v -> %v -> %+v", o, m, back)
				}
				if (m&typed.Swap != 0) != ord.Swap() {
					t.Errorf("%v: Swap bit %v", ord, m&typed.Swap != 0)
				}
			}
		}
	}
}

func TestMulti(t *testing.T) {
	for _, ord := range []nlwire.Order{nlwire.Host(), other} {
		sw := ord.Swap()
		o := typed.Options{Order: ord}
		m := o.Mode()
		u16 := make([]byte, 2)
		typed.PutUint16(u16, 0x1234, sw)
		u32 := make([]byte, 4)
		typed.PutUint32(u32, 0x12345678, sw)
		u64 := make([]byte, 8)
		typed.PutUint64(u64, 0x1122334455667788, sw)
		b := attrs(ord, 1, u32, 2, []byte("x\x00"), 1, u64, 1, u16, 1, []byte("ab\x00c"))
		it := typed.NewMulti(b, 20, 1, 4, m)
		if it.Len() != 4 || it.Mode() != m {
			t.Fatalf("Len %d", it.Len())
		}
		var got []uint64
		var offs []int
		for it.Next() {
			got = append(got, it.Uint64())
			offs = append(offs, it.Offset())
			if it.Type() != 1 {
				t.Errorf("type %d", it.Type())
			}
		}
		want := []uint64{0x12345678, 0x1122334455667788, 0}
		if len(got) != 4 || got[0] != want[0] || got[1] != want[1] || got[2] != 0 {
			t.Errorf("%v: %#x", ord, got)
		}
		if len(offs) == 4 && (offs[0] != 24 || offs[1] != 24+8+8) {
			t.Errorf("offsets %v", offs)
		}
		// Typed reads of each width, short payloads read as 0.
		it = typed.NewMulti(b, 0, 1, 4, m)
		it.Next()
		if it.Uint32() != 0x12345678 || it.Uint8() != u32[0] || it.Uint16() != typed.Uint16(u32, sw) {
			t.Errorf("u32 reads")
		}
		it.Next()
		if it.Uint64() != 0x1122334455667788 {
			t.Errorf("u64 read %#x", it.Uint64())
		}
		it.Next()
		if it.Uint16() != 0x1234 || it.Uint32() != 0 || it.Uint64() != 0 || it.BE32() != 0 || it.BE64() != 0 {
			t.Errorf("short reads of a u16")
		}
		it.Next()
		if string(it.String()) != "ab" || string(it.Bytes()) != "ab\x00c" {
			t.Errorf("String %q Bytes %q", it.String(), it.Bytes())
		}
		if it.Next() || it.Bytes() != nil {
			t.Error("Next after the last")
		}
		// An array view: every type.
		arr := typed.NewArray(b, 0, 5, m)
		n := 0
		for arr.Next() {
			n++
		}
		if n != 5 || arr.Len() != 5 {
			t.Errorf("array: %d", n)
		}
		// The zero Multi holds nothing.
		var z typed.Multi
		if z.Next() || z.Len() != 0 {
			t.Error("zero Multi")
		}
		// A view over a cut buffer stops, never panics.
		cut := typed.NewMulti(b[:13], 0, 1, 4, m)
		for cut.Next() {
		}
	}
}

func TestMultiNetByteOrder(t *testing.T) {
	for _, ord := range []nlwire.Order{nlwire.Host(), other} {
		e := attr.NewEncoder(nil).WithOrder(ord)
		e.Put(1|attr.FlagNetByteOrder, []byte{0x12, 0x34, 0x56, 0x78})
		o := typed.Options{Order: ord}
		it := typed.NewMulti(e.Bytes(), 0, 1, 1, o.Mode())
		if !it.Next() {
			t.Fatal("no attribute")
		}
		if it.Uint32() != 0x12345678 || it.BE32() != 0x12345678 || it.BE16() != 0x1234 {
			t.Errorf("%v: NLA_F_NET_BYTEORDER payload read as %#x", ord, it.Uint32())
		}
		if it.Swap() != typed.BigSwap {
			t.Errorf("Swap %v", it.Swap())
		}
	}
}

func TestMultiAddCaps(t *testing.T) {
	it := typed.NewMulti(nil, 0, 1, 0xfffe, 0)
	it.Add()
	it.Add()
	if it.Len() != 0xffff {
		t.Errorf("Len %d", it.Len())
	}
	if arr := typed.NewArray(nil, 0, 1<<20, 0); arr.Len() != 0xffff {
		t.Error("NewArray count not capped")
	}
}

func TestInts(t *testing.T) {
	p := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9}
	for _, sw := range []bool{false, true} {
		for _, size := range []int{1, 2, 4, 8} {
			v := typed.NewInts(p, size, sw)
			if v.Len() != len(p)/size {
				t.Errorf("size %d: Len %d", size, v.Len())
			}
			for i := range v.Len() {
				q := p[i*size:]
				var want uint64
				switch size {
				case 1:
					want = uint64(q[0])
				case 2:
					want = uint64(typed.Uint16(q, sw))
				case 4:
					want = uint64(typed.Uint32(q, sw))
				case 8:
					want = typed.Uint64(q, sw)
				}
				if v.At(i) != want {
					t.Errorf("size %d swap %v: At(%d) = %#x, want %#x", size, sw, i, v.At(i), want)
				}
			}
		}
	}
	if (typed.Ints{}).Len() != 0 {
		t.Error("zero Ints")
	}
	if typed.Uint16([]byte{1, 2}, true) != bits.ReverseBytes16(typed.Uint16([]byte{1, 2}, false)) {
		t.Error("Uint16 swap")
	}
}

func TestVariableWidth(t *testing.T) {
	for _, sw := range []bool{false, true} {
		p4 := make([]byte, 4)
		typed.PutUint32(p4, 0xfffffffe, sw)
		p8 := make([]byte, 8)
		typed.PutUint64(p8, 0xfffffffffffffffe, sw)
		if typed.Uint(p4, sw) != 0xfffffffe || typed.Uint(p8, sw) != 0xfffffffffffffffe {
			t.Errorf("Uint")
		}
		if typed.Int(p4, sw) != -2 || typed.Int(p8, sw) != -2 {
			t.Errorf("Int: %d %d", typed.Int(p4, sw), typed.Int(p8, sw))
		}
	}
}

func TestStrings(t *testing.T) {
	if string(typed.CString([]byte("ab\x00cd"))) != "ab" || string(typed.CString([]byte("abc"))) != "abc" {
		t.Error("CString")
	}
	for _, c := range []struct {
		p    string
		n    int
		want bool
	}{
		{"ab\x00", 0, true}, {"ab\x00", 2, false}, {"ab\x00", 3, true}, {"ab\x00", 9, true}, {"", 0, false}, {"abc", 0, false},
	} {
		if typed.HasNUL([]byte(c.p), c.n) != c.want {
			t.Errorf("HasNUL(%q, %d)", c.p, c.n)
		}
	}
	if v := typed.StringView(""); v == nil || len(v) != 0 {
		t.Error("StringView of the empty string")
	}
	if string(typed.StringView("eth0")) != "eth0" {
		t.Error("StringView")
	}
	e := attr.NewEncoder(nil)
	typed.PutString(&e, 3, []byte("lo"))
	if got := e.Bytes(); len(got) != 8 || binary.NativeEndian.Uint16(got) != 7 || string(got[4:7]) != "lo\x00" {
		t.Errorf("PutString: % x", got)
	}
}

var testEnum = &family.EnumDef{Space: "T", Entries: []family.EnumEntry{{Name: "T_A", Value: 0}, {Name: "T_B", Value: 5}}}
var testFlags = &family.EnumDef{Space: "F", Flags: true, Entries: []family.EnumEntry{{Name: "F_X", Value: 1}, {Name: "F_Y", Value: 4}}}

func TestEnumString(t *testing.T) {
	for _, c := range []struct {
		v    uint64
		want string
	}{{0, "T_A"}, {5, "T_B"}, {6, "6"}, {1 << 63, "9223372036854775808"}} {
		if got := typed.EnumString(testEnum, c.v); got != c.want {
			t.Errorf("EnumString(%d) = %q", c.v, got)
		}
	}
	if typed.EnumString(nil, 3) != "3" {
		t.Error("nil EnumDef")
	}
	for _, c := range []struct {
		v    uint64
		want string
	}{{0, "0"}, {1, "F_X"}, {5, "F_X|F_Y"}, {7, "F_X|0x2|F_Y"}, {1 << 63, "0x8000000000000000"}} {
		if got := typed.FlagsString(testFlags, c.v); got != c.want {
			t.Errorf("FlagsString(%#x) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestNetSwap(t *testing.T) {
	if typed.NetSwap(1, true) != true || typed.NetSwap(1, false) != false {
		t.Error("without NLA_F_NET_BYTEORDER the message's order")
	}
	if typed.NetSwap(1|attr.FlagNetByteOrder, true) != typed.BigSwap || typed.NetSwap(1|attr.FlagNetByteOrder, false) != typed.BigSwap {
		t.Error("NLA_F_NET_BYTEORDER is big-endian")
	}
	p := make([]byte, 4)
	typed.PutUint32(p, 0x01020304, typed.BigSwap)
	if p[0] != 1 || p[3] != 4 {
		t.Errorf("BigSwap write: % x", p)
	}
}

// TestIntHostOther holds the reads of the generated walks, host order
// (Uint16Host ...) and the other order (Uint16Other ...), and their
// header splits, to NetSwap's order and the u16s of struct nlattr for
// every combination of an attribute type's flags; and Prepare/Prepared to
// Mode.
func TestIntHostOther(t *testing.T) {
	p := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	for _, sw := range []bool{false, true} {
		u16, u32, u64 := typed.Uint16Host, typed.Uint32Host, typed.Uint64Host
		hdr := typed.HostHeader
		if sw {
			u16, u32, u64 = typed.Uint16Other, typed.Uint32Other, typed.Uint64Other
			hdr = typed.OtherHeader
		}
		// nla_len and nla_type, each a u16 in the message's order.
		wn, wt := binary.NativeEndian.Uint16(p), binary.NativeEndian.Uint16(p[2:])
		if sw {
			wn, wt = bits.ReverseBytes16(wn), bits.ReverseBytes16(wt)
		}
		if gn, gt := hdr(p); gn != int(wn) || gt != wt {
			t.Errorf("swap %v: header %d, %#x; want %d, %#x", sw, gn, gt, wn, wt)
		}
		for _, flags := range []uint16{0, attr.FlagNested, attr.FlagNetByteOrder, attr.FlagNested | attr.FlagNetByteOrder} {
			raw := 7 | flags
			swap := typed.NetSwap(raw, sw)
			if got, want := u16(p, raw), typed.Uint16(p, swap); got != want {
				t.Errorf("Uint16 (raw %#x, swap %v) = %#x, want %#x", raw, sw, got, want)
			}
			if got, want := u32(p, raw), typed.Uint32(p, swap); got != want {
				t.Errorf("Uint32 (raw %#x, swap %v) = %#x, want %#x", raw, sw, got, want)
			}
			if got, want := u64(p, raw), typed.Uint64(p, swap); got != want {
				t.Errorf("Uint64 (raw %#x, swap %v) = %#x, want %#x", raw, sw, got, want)
			}
		}
	}
	for _, ord := range []nlwire.Order{nlwire.Native, nlwire.Host(), other} {
		o := typed.Options{Order: ord, Lenient: true}
		o.Prepare()
		if o.Prepared() != o.Mode() {
			t.Errorf("%v: Prepared %v, Mode %v", ord, o.Prepared(), o.Mode())
		}
		if back := o.Mode().Options(0); back.Prepared() != o.Mode() {
			t.Errorf("%v: Mode.Options's Prepared %v, want %v", ord, back.Prepared(), o.Mode())
		}
	}
}
