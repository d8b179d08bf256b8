package wire

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"pgregory.net/rapid"
)

// msgLE builds one little-endian message whose nlmsg_len is n (which may lie)
// and whose body is body, padded to 4 bytes.
func msgLE(n uint32, typ uint16, seq uint32, body []byte) []byte {
	b := Header{Len: n, Type: typ, Seq: seq}.Append(nil, nlwire.LittleEndian)
	b = append(b, body...)
	return append(b, make([]byte, Align(len(b))-len(b))...)
}

type walked struct {
	Offset int
	Len    uint32
	Type   uint16
	Seq    uint32
}

func walk(r Reader) (msgs []walked, leftover int, err error) {
	for r.Next() {
		h := r.Header()
		if len(r.Message()) != int(h.Len) || len(r.Payload()) != int(h.Len)-HeaderLen {
			panic("message and payload views disagree with nlmsg_len")
		}
		if r.Type() != h.Type {
			panic("Type disagrees with Header().Type")
		}
		msgs = append(msgs, walked{r.Offset(), h.Len, h.Type, h.Seq})
	}
	return msgs, r.Leftover(), r.Err()
}

func cat(bs ...[]byte) []byte {
	var out []byte
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

func TestReader(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     []walked
		leftover int
		errOff   int   // -1: no error in strict mode
		errIs    error // the strict mode's error
	}{
		{name: "empty", errOff: -1},
		{name: "one", in: msgLE(20, 0x10, 1, []byte{1, 2, 3, 4}), want: []walked{{0, 20, 0x10, 1}}, errOff: -1},
		{name: "two", in: cat(msgLE(16, 0x10, 1, nil), msgLE(20, 0x11, 2, make([]byte, 4))),
			want: []walked{{0, 16, 0x10, 1}, {16, 20, 0x11, 2}}, errOff: -1},
		{name: "unaligned length then another", in: cat(msgLE(17, 0x10, 1, []byte{9}), msgLE(16, 3, 2, nil)),
			want: []walked{{0, 17, 0x10, 1}, {20, 16, 3, 2}}, errOff: -1},
		{name: "unpadded last message", in: msgLE(18, 0x10, 1, []byte{1, 2})[:18],
			want: []walked{{0, 18, 0x10, 1}}, errOff: -1},
		{name: "trailing garbage shorter than a header", in: cat(msgLE(16, 0x10, 1, nil), make([]byte, 15)),
			want: []walked{{0, 16, 0x10, 1}}, leftover: 15, errOff: -1},
		{name: "short buffer", in: make([]byte, 15), leftover: 15, errOff: -1},
		{name: "nlmsg_len below header", in: cat(msgLE(16, 0x10, 1, nil), msgLE(15, 0x10, 2, nil)),
			want: []walked{{0, 16, 0x10, 1}}, leftover: 16, errOff: 16, errIs: ErrBadLength},
		{name: "nlmsg_len zero", in: msgLE(0, 0x10, 1, nil), leftover: 16, errOff: 0, errIs: ErrBadLength},
		{name: "nlmsg_len past the buffer", in: cat(msgLE(20, 0x10, 1, make([]byte, 4)), msgLE(64, 0x10, 2, make([]byte, 8))),
			want: []walked{{0, 20, 0x10, 1}}, leftover: 24, errOff: 20, errIs: ErrTruncated},
		{name: "huge nlmsg_len", in: msgLE(0xffffffff, 0x10, 1, nil), leftover: 16, errOff: 0, errIs: ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, leftover, err := walk(NewReader(tt.in).WithOrder(nlwire.LittleEndian))
			if diff := cmp.Diff(tt.want, msgs); diff != "" {
				t.Errorf("strict walk mismatch (-want +got):\n%s", diff)
			}
			if leftover != tt.leftover {
				t.Errorf("strict Leftover() = %d, want %d", leftover, tt.leftover)
			}
			if tt.errOff < 0 {
				if err != nil {
					t.Errorf("strict Err() = %v, want nil", err)
				}
			} else {
				var fe *FormatError
				if !errors.As(err, &fe) || fe.Offset != tt.errOff || !errors.Is(err, tt.errIs) {
					t.Errorf("strict Err() = %v, want %v at offset %d", err, tt.errIs, tt.errOff)
				}
			}
			msgs, leftover, err = walk(NewReader(tt.in).WithOrder(nlwire.LittleEndian).Lenient())
			if diff := cmp.Diff(tt.want, msgs); diff != "" {
				t.Errorf("lenient walk mismatch (-want +got):\n%s", diff)
			}
			if err != nil || leftover != tt.leftover {
				t.Errorf("lenient: Err() = %v, Leftover() = %d; want nil, %d", err, leftover, tt.leftover)
			}
		})
	}
}

// kernelWalk transcribes the kernel's netlink_rcv_skb loop
// (net/netlink/af_netlink.c), little-endian, as the reference walk.
func kernelWalk(b []byte) (msgs []walked, leftover int) {
	off, length := 0, len(b) // skb->data, skb->len
	for length >= 16 {       // nlmsg_total_size(0)
		nlmsgLen := binary.LittleEndian.Uint32(b[off:])
		if nlmsgLen < 16 || uint64(length) < uint64(nlmsgLen) {
			return msgs, length
		}
		msgs = append(msgs, walked{off, nlmsgLen, binary.LittleEndian.Uint16(b[off+4:]), binary.LittleEndian.Uint32(b[off+8:])})
		msglen := int((uint64(nlmsgLen) + 3) &^ 3) // NLMSG_ALIGN
		if msglen > length {
			msglen = length
		}
		off += msglen // skb_pull
		length -= msglen
	}
	return msgs, length
}

// TestReaderMatchesKernel checks the walk against the kernel's loop on
// arbitrary bytes, biased towards plausible lengths.
func TestReaderMatchesKernel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var b []byte
		for i, n := 0, rapid.IntRange(0, 6).Draw(t, "msgs"); i < n; i++ {
			body := rapid.SliceOfN(rapid.Byte(), 0, 40).Draw(t, "body")
			l := uint32(HeaderLen + len(body))
			if rapid.IntRange(0, 4).Draw(t, "lie") == 0 {
				l = rapid.Uint32Range(0, 80).Draw(t, "len")
			}
			b = append(b, msgLE(l, 0x10, uint32(i), body)...)
		}
		b = append(b, rapid.SliceOfN(rapid.Byte(), 0, 20).Draw(t, "tail")...)
		if cut := rapid.IntRange(0, len(b)).Draw(t, "cut"); cut < len(b) && rapid.Bool().Draw(t, "truncate") {
			b = b[:cut]
		}
		want, wantLeft := kernelWalk(b)
		got, left, err := walk(NewReader(b).WithOrder(nlwire.LittleEndian).Lenient())
		if diff := cmp.Diff(want, got); diff != "" || left != wantLeft || err != nil {
			t.Fatalf("lenient walk differs from the kernel's (-kernel +reader):\n%s\nleftover %d, kernel %d, err %v", diff, left, wantLeft, err)
		}
		got, left, err = walk(NewReader(b).WithOrder(nlwire.LittleEndian))
		if diff := cmp.Diff(want, got); diff != "" || left != wantLeft {
			t.Fatalf("strict walk differs from the kernel's (-kernel +reader):\n%s", diff)
		}
		// Strict mode errs exactly when the kernel stops at a bad header.
		stoppedAtHeader := wantLeft >= HeaderLen
		if (err != nil) != stoppedAtHeader {
			t.Fatalf("strict Err() = %v with %d bytes left over", err, wantLeft)
		}
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Offset != len(b)-wantLeft {
				t.Fatalf("strict error %v, want offset %d", err, len(b)-wantLeft)
			}
		}
	})
}

func TestReaderAttrsHeaderLength(t *testing.T) {
	// A 20-byte payload: a 16-byte family header and one 4-byte attribute.
	m := msgLE(36, 0x10, 1, cat(make([]byte, 16), []byte{4, 0, 1, 0}))
	r := NewReader(m).WithOrder(nlwire.LittleEndian)
	if !r.Next() {
		t.Fatal(r.Err())
	}
	d := r.Attrs(16)
	if !d.Next() || d.Type() != 1 || d.Offset() != 32 || d.Len() != 0 {
		t.Fatalf("first attribute: type %d offset %d len %d, err %v; want type 1 at offset 32, empty", d.Type(), d.Offset(), d.Len(), d.Err())
	}
	if d.Next() {
		t.Error("a second attribute")
	}
	if err := d.Err(); err != nil {
		t.Error(err)
	}

	// A family header longer than the payload is "Invalid header length".
	r = NewReader(m).WithOrder(nlwire.LittleEndian)
	r.Next()
	if d := r.Attrs(24); d.Next() {
		t.Error("attributes from a payload shorter than its family header")
	}
	var fe *FormatError
	if err := r.Err(); !errors.As(err, &fe) || fe.Offset != 0 || !errors.Is(err, ErrBadLength) {
		t.Errorf("Err() = %v, want ErrBadLength at offset 0", err)
	}
	if r.Next() {
		t.Error("Next after an error")
	}

	// A payload at least hdrLen but shorter than Align(hdrLen) has no attributes, as in __nlmsg_parse.
	m = msgLE(22, 0x10, 1, make([]byte, 6))
	r = NewReader(m).WithOrder(nlwire.LittleEndian)
	r.Next()
	if d := r.Attrs(5); d.Next() || d.Err() != nil || r.Err() != nil {
		t.Errorf("Attrs(5) on a 6-byte payload: next, decoder err %v, reader err %v", d.Err(), r.Err())
	}
}

func TestReaderBeforeNext(t *testing.T) {
	r := NewReader(msgLE(20, 0x10, 1, make([]byte, 4)))
	if r.Message() != nil || r.Payload() != nil || r.Type() != 0 || r.Header() != (Header{}) {
		t.Error("a message before Next")
	}
	if d := r.Attrs(0); d.Next() {
		t.Error("attributes before Next")
	}
}

// TestReaderType: Type reads nlmsg_type in the reader's order, the same
// as Header().Type, whether or not that is the host's.
func TestReaderType(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian, nlwire.Native} {
		b := Header{Len: HeaderLen, Type: 0x1234, Flags: Multi, Seq: 7}.Append(nil, o)
		r := NewReader(b).WithOrder(o)
		if !r.Next() {
			t.Fatalf("%v: no message", o)
		}
		if got := r.Type(); got != 0x1234 || got != r.Header().Type {
			t.Errorf("%v: Type() = %#x, Header().Type = %#x, want 0x1234", o, got, r.Header().Type)
		}
	}
}
