package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"pgregory.net/rapid"
)

// TestBuilderKernelRequest rebuilds the recorded RTM_NEWLINK request
// (lo, IFLA_MTU with a 2-byte payload) byte for byte.
func TestBuilderKernelRequest(t *testing.T) {
	rec := loadRecording(t, "err_mtu_short.hex")
	b := NewBuilder(nil).WithOrder(le)
	m := b.Start(Header{Type: 16, Flags: Request | Ack, Seq: 1})
	ifi := b.FamilyHeader(16)
	ifi[4] = 1 // ifi_index 1, little-endian
	b.Attrs().Put(4, []byte{0xdc, 0x05})
	b.End(m)
	got, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec.request, got); diff != "" {
		t.Errorf("built request mismatch (-kernel +built):\n%s", diff)
	}
}

type builtMsg struct {
	Header  Header
	Payload []byte
}

// TestBuilderReaderRoundTrip: for any sequence of messages in either
// byte order, building then reading returns the same headers and payloads.
func TestBuilderReaderRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := rapid.SampledFrom([]nlwire.Order{nlwire.Native, nlwire.LittleEndian, nlwire.BigEndian}).Draw(t, "order")
		prefix := rapid.SliceOfN(rapid.Byte(), 0, 3).Draw(t, "prefix")
		b := NewBuilder(bytes.Clone(prefix)).WithOrder(o)
		var want []builtMsg
		for i, n := 0, rapid.IntRange(0, 8).Draw(t, "msgs"); i < n; i++ {
			h := Header{
				Type:  rapid.Uint16().Draw(t, "type"),
				Flags: Flags(rapid.Uint16().Draw(t, "flags")),
				Seq:   rapid.Uint32().Draw(t, "seq"),
				PID:   rapid.Uint32().Draw(t, "pid"),
			}
			m := b.Start(h)
			var payload []byte
			if fh := rapid.IntRange(0, 20).Draw(t, "famhdr"); fh > 0 {
				copy(b.FamilyHeader(fh), bytes.Repeat([]byte{0xab}, fh))
				payload = append(bytes.Repeat([]byte{0xab}, fh), make([]byte, attr.Align(fh)-fh)...)
			}
			for j, k := 0, rapid.IntRange(0, 4).Draw(t, "attrs"); j < k; j++ {
				v := rapid.SliceOfN(rapid.Byte(), 0, 30).Draw(t, "attr")
				b.Attrs().Put(uint16(j+1), v)
				payload = append(payload, nla(o, uint16(j+1), v)...)
			}
			b.End(m)
			h.Len = uint32(HeaderLen + len(payload))
			want = append(want, builtMsg{h, payload})
		}
		out, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out[:len(prefix)], prefix) {
			t.Fatalf("prefix overwritten")
		}
		r := NewReader(out[len(prefix):]).WithOrder(o)
		var got []builtMsg
		for r.Next() {
			got = append(got, builtMsg{r.Header(), r.Payload()})
		}
		if r.Err() != nil || r.Leftover() != 0 {
			t.Fatalf("read back: %v, leftover %d", r.Err(), r.Leftover())
		}
		if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b []byte) bool { return bytes.Equal(a, b) })); diff != "" {
			t.Fatalf("round trip mismatch (-built +read):\n%s", diff)
		}
	})
}

func TestFixedBuilder(t *testing.T) {
	buf := make([]byte, 0, 40)
	guard := buf[: cap(buf)+0 : cap(buf)]
	b := NewFixedBuilder(buf)
	m := b.Start(Header{Type: 0x10})
	b.FamilyHeader(16)
	b.Attrs().Uint32(1, 7)
	b.End(m)
	out, err := b.Finish()
	if err != nil || len(out) != 40 || &out[0] != &guard[0] {
		t.Fatalf("40-byte message into 40 bytes: len %d, err %v, same storage %v", len(out), err, len(out) > 0 && &out[0] == &guard[0])
	}

	b = NewFixedBuilder(make([]byte, 0, 40))
	m = b.Start(Header{Type: 0x10})
	b.FamilyHeader(16)
	b.Attrs().Uint64(1, 7)
	b.End(m)
	if _, err := b.Finish(); !errors.Is(err, ErrShortBuffer) {
		t.Errorf("44-byte message into 40 bytes: %v, want ErrShortBuffer", err)
	}
	b = NewFixedBuilder(make([]byte, 0, 8))
	b.Start(Header{})
	if _, err := b.Finish(); !errors.Is(err, ErrShortBuffer) {
		t.Errorf("header into 8 bytes: %v, want ErrShortBuffer", err)
	}
}

func TestBuilderMisuse(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *Builder)
		want  error
	}{
		{"start while open", func(b *Builder) { b.Start(Header{}); b.Start(Header{}) }, ErrOpenMessage},
		{"finish while open", func(b *Builder) { b.Start(Header{}) }, ErrOpenMessage},
		{"end twice", func(b *Builder) { m := b.Start(Header{}); b.End(m); b.End(m) }, ErrMisnested},
		{"end another", func(b *Builder) { m := b.Start(Header{}); b.End(m); b.Start(Header{}); b.End(m) }, ErrMisnested},
		{"end the zero Msg", func(b *Builder) { b.End(Msg{}) }, ErrMisnested},
		{"end with a nest open", func(b *Builder) { m := b.Start(Header{}); b.Attrs().Begin(1); b.End(m) }, ErrMisnested},
		{"family header outside a message", func(b *Builder) { b.FamilyHeader(4) }, ErrMisnested},
		{"negative family header length", func(b *Builder) { m := b.Start(Header{}); b.FamilyHeader(-1); b.End(m) }, ErrHeaderLength},
		{"family header over 65535 bytes", func(b *Builder) { m := b.Start(Header{}); b.FamilyHeader(MaxFixedHeader + 1); b.End(m) }, ErrHeaderLength},
		{"fixed header of negative length", func(b *Builder) { m := b.Start(Header{}); PutFixedHeader(b, testHdr{n: -4}); b.End(m) }, ErrHeaderLength},
		{"fixed header longer than its Len", func(b *Builder) { m := b.Start(Header{}); PutFixedHeader(b, testHdr{n: 2}); b.End(m) }, ErrHeaderLength},
		{"fixed header outside a message", func(b *Builder) { PutFixedHeader(b, testHdr{n: 8}) }, ErrMisnested},
		{"attribute too long", func(b *Builder) { m := b.Start(Header{}); b.Attrs().Put(1, make([]byte, 70000)); b.End(m) }, attr.ErrAttrTooLong},
		{"attribute before any message", func(b *Builder) { b.Attrs().Uint32(1, 1) }, ErrMisnested},
		{"attribute between messages", func(b *Builder) {
			m := b.Start(Header{})
			b.End(m)
			b.Attrs().Uint32(1, 1)
			b.Start(Header{})
		}, ErrMisnested},
	}
	for _, tt := range tests {
		b := NewBuilder(nil)
		tt.build(&b)
		out, err := b.Finish()
		if !errors.Is(err, tt.want) || out != nil {
			t.Errorf("%s: Finish() = %d bytes, %v; want nil, %v", tt.name, len(out), err, tt.want)
		}
	}
}

func TestBuilderBatch(t *testing.T) {
	b := NewBuilder(nil)
	for seq := uint32(1); seq <= 3; seq++ {
		m := b.Start(Header{Type: 0x10, Flags: Request, Seq: seq})
		b.Attrs().String(3, "eth0") // 9 bytes, padded to 12: nlmsg_len counts the padding, as nlmsg_end does
		b.End(m)
	}
	out, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(out)
	for seq := uint32(1); seq <= 3; seq++ {
		if !r.Next() || r.Header().Seq != seq || r.Header().Len != 28 || r.Offset() != int(seq-1)*28 {
			t.Fatalf("message %d: %+v at %d, err %v", seq, r.Header(), r.Offset(), r.Err())
		}
	}
	if r.Next() || r.Err() != nil {
		t.Errorf("extra message or error: %v", r.Err())
	}
}

// nla lays out one attribute by hand, independently of attr.Encoder.
func nla(o nlwire.Order, typ uint16, v []byte) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	if o == nlwire.BigEndian || (o == nlwire.Native && nlwire.Host() == nlwire.BigEndian) {
		bo = binary.BigEndian
	}
	b := bo.AppendUint16(nil, uint16(4+len(v)))
	b = bo.AppendUint16(b, typ)
	b = append(b, v...)
	return append(b, make([]byte, (4-len(v)%4)%4)...)
}

// testHdr is a fixed header of 8 bytes (u16, pad, u32) that claims n.
type testHdr struct {
	n int
	a uint16
	b uint32
}

func (h testHdr) Len() int { return h.n }

func (h testHdr) Put(p []byte, o nlwire.Order) bool {
	if len(p) < 8 {
		return false
	}
	bo := byteOrder(o)
	bo.PutUint16(p, h.a)
	bo.PutUint32(p[4:], h.b)
	return true
}

func byteOrder(o nlwire.Order) interface {
	binary.ByteOrder
	binary.AppendByteOrder
} {
	if o == nlwire.BigEndian || (o == nlwire.Native && nlwire.Host() == nlwire.BigEndian) {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// TestFamilyHeaderLength: a bad length latches ErrHeaderLength at the
// offset where the header would go, and every later call is a no-op;
// the edges 0 and MaxFixedHeader are taken.
func TestFamilyHeaderLength(t *testing.T) {
	for _, n := range []int{-1, math.MinInt, MaxFixedHeader + 1, math.MaxInt} {
		b := NewBuilder(nil)
		m := b.Start(Header{Type: 0x10})
		if p := b.FamilyHeader(n); p != nil {
			t.Errorf("FamilyHeader(%d) = %d bytes", n, len(p))
		}
		b.Attrs().Uint32(1, 1)
		b.End(m)
		out, err := b.Finish()
		var fe *FormatError
		if out != nil || !errors.As(err, &fe) || fe.Err != ErrHeaderLength || fe.Offset != HeaderLen {
			t.Errorf("FamilyHeader(%d): Finish() = %d bytes, %v; want ErrHeaderLength at %d", n, len(out), err, HeaderLen)
		}
	}
	for _, n := range []int{0, 1, MaxFixedHeader} {
		b := NewBuilder(nil)
		m := b.Start(Header{Type: 0x10})
		if p := b.FamilyHeader(n); len(p) != n {
			t.Errorf("FamilyHeader(%d) = %d bytes", n, len(p))
		}
		b.End(m)
		out, err := b.Finish()
		if err != nil || len(out) != HeaderLen+attr.Align(n) {
			t.Errorf("FamilyHeader(%d): Finish() = %d bytes, %v", n, len(out), err)
		}
	}
}

// TestPutFixedHeader: the header comes out in the Builder's order, after
// the nlmsghdr or at the start of a nest's payload, exactly as Put in
// that order lays it out.
func TestPutFixedHeader(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.Native, nlwire.LittleEndian, nlwire.BigEndian} {
		h := testHdr{n: 8, a: 0x0102, b: 0x03040506}
		b := NewBuilder(nil).WithOrder(o)
		if b.Order() != o {
			t.Errorf("Order() = %v, want %v", b.Order(), o)
		}
		m := b.Start(Header{Type: 0x10, Seq: 7})
		PutFixedHeader(&b, h)
		e := b.Attrs()
		n := e.Begin(1)
		PutFixedHeader(&b, h)
		e.Uint32(2, 9)
		e.End(n)
		b.End(m)
		got, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		fixed := make([]byte, 8)
		h.Put(fixed, o)
		want := Header{Len: 44, Type: 0x10, Seq: 7}.Append(nil, o)
		want = append(want, fixed...)
		want = append(want, nla(o, 1|attr.FlagNested, append(bytes.Clone(fixed), nla(o, 2, byteOrder(o).AppendUint32(nil, 9))...))...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: (-want +got):\n%s", o, diff)
		}
	}
	if b := NewBuilder(nil); b.Order() != nlwire.Native {
		t.Errorf("NewBuilder(nil).Order() = %v, want native", b.Order())
	}
}
