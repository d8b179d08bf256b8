package wire

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// twoMessages is a datagram of two little-endian messages: an RTM_NEWLINK
// with a 16-byte ifinfomsg and the attributes IFLA_IFNAME "lo" and
// IFLA_MTU 65536, then NLMSG_DONE.
var twoMessages = []byte{
	48, 0, 0, 0, 16, 0, 2, 0, 7, 0, 0, 0, 9, 0, 0, 0, // nlmsghdr
	0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // ifinfomsg, ifindex 1
	7, 0, 3, 0, 'l', 'o', 0, 0, // IFLA_IFNAME "lo", padded
	8, 0, 4, 0, 0, 0, 1, 0, // IFLA_MTU 65536
	20, 0, 0, 0, 3, 0, 2, 0, 7, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, // NLMSG_DONE
}

type attrSeen struct {
	Off  int
	Type uint16
	Data []byte
}

func walkAttrs(d attr.Decoder) ([]attrSeen, error) {
	var out []attrSeen
	for d.Next() {
		out = append(out, attrSeen{d.Offset(), d.Type(), d.Bytes()})
	}
	return out, d.Err()
}

func TestParseMessage(t *testing.T) {
	m, err := ParseMessage(twoMessages, nlwire.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Header{Len: 48, Type: 16, Flags: Multi, Seq: 7, PID: 9}, m.Header()); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if got := m.Bytes(); len(got) != 48 || cap(got) != 48 || &got[0] != &twoMessages[0] {
		t.Errorf("Bytes: %d bytes, cap %d, not a view of the message", len(got), cap(got))
	}
	if got := m.Payload(); len(got) != 32 || &got[0] != &twoMessages[16] {
		t.Errorf("Payload: %d bytes, want a view of 32", len(got))
	}
	if m.Order() != nlwire.LittleEndian {
		t.Errorf("Order %v", m.Order())
	}
	got, err := walkAttrs(m.Attrs(16))
	want := []attrSeen{{32, 3, []byte("lo\x00")}, {40, 4, []byte{0, 0, 1, 0}}}
	if diff := cmp.Diff(want, got); diff != "" || err != nil {
		t.Errorf("Attrs(16): %v (-want +got):\n%s", err, diff)
	}
	d := m.Attrs(16)
	if d.Next(); d.Next() && d.Uint32() != 65536 {
		t.Errorf("IFLA_MTU read %d in the message's order", d.Uint32())
	}
	// The second message, after the first's aligned length.
	done, err := ParseMessage(twoMessages[48:], nlwire.LittleEndian)
	if err != nil || done.Header().Type != TypeDone || len(done.Payload()) != 4 {
		t.Errorf("NLMSG_DONE: %+v, %v", done.Header(), err)
	}
	// The same bytes in the other order are a different header.
	if _, err := ParseMessage(twoMessages, nlwire.BigEndian); !errors.Is(err, ErrTruncated) {
		t.Errorf("big-endian reading: %v, want ErrTruncated", err)
	}
}

func TestParseMessageMalformed(t *testing.T) {
	lenAt := func(n uint32, size int) []byte {
		b := make([]byte, size)
		b[0], b[1], b[2], b[3] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
		return b
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrTruncated},
		{"short header", make([]byte, 15), ErrTruncated},
		{"nlmsg_len 0", lenAt(0, 16), ErrBadLength},
		{"nlmsg_len 15", lenAt(15, 32), ErrBadLength},
		{"nlmsg_len past the end", lenAt(33, 32), ErrTruncated},
		{"nlmsg_len 4 GiB", lenAt(0xffffffff, 32), ErrTruncated},
	} {
		m, err := ParseMessage(tc.b, nlwire.LittleEndian)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Offset != 0 || !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want a *FormatError of %v", tc.name, err, tc.want)
		}
		if m.Bytes() != nil || m.Payload() != nil || m.Header() != (Header{}) {
			t.Errorf("%s: not the zero Message on error", tc.name)
		}
	}
}

func TestMessageAttrsShortHeader(t *testing.T) {
	m, err := ParseMessage(twoMessages[:48], nlwire.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	for _, hdrLen := range []int{33, 1 << 20, -1} {
		d := m.Attrs(hdrLen)
		if d.Next() {
			t.Errorf("Attrs(%d) has attributes", hdrLen)
		}
		var ae *attr.Error
		if err := d.Err(); !errors.As(err, &ae) || ae.Offset != HeaderLen || !errors.Is(err, attr.ErrBadLength) {
			t.Errorf("Attrs(%d): Err %v, want ErrBadLength at offset %d", hdrLen, err, HeaderLen)
		}
	}
	// 32 bytes of payload: a 32-byte family header leaves no attributes,
	// and so does 29, whose alignment reaches the end.
	for _, hdrLen := range []int{29, 32} {
		if got, err := walkAttrs(m.Attrs(hdrLen)); got != nil || err != nil {
			t.Errorf("Attrs(%d): %v, %v; want none", hdrLen, got, err)
		}
	}
	var zero Message
	if zero.Payload() != nil || zero.Bytes() != nil {
		t.Error("zero Message has bytes")
	}
	if d := zero.Attrs(0); d.Next() || d.Err() != nil {
		t.Errorf("zero Message: Attrs(0) gives %v", d.Err())
	}
}

func TestMessageNoAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		m, err := ParseMessage(twoMessages, nlwire.LittleEndian)
		if err != nil {
			panic(err)
		}
		_ = m.Header()
		_ = m.Payload()
		d := m.Attrs(16)
		for d.Next() {
		}
		if d.Err() != nil {
			panic(d.Err())
		}
		d = m.Attrs(64)
		_ = d.Next()
	})
	if n != 0 {
		t.Errorf("ParseMessage, Header, Payload, Attrs: %v allocs, want 0", n)
	}
}

// FuzzParseMessage holds ParseMessage to the Reader: it accepts exactly
// the datagrams whose walk has a first message, and gives the same header,
// views and attributes.
func FuzzParseMessage(f *testing.F) {
	f.Add(twoMessages, 16)
	f.Add(twoMessages[:20], 4)
	f.Fuzz(func(t *testing.T, b []byte, hdrLen int) {
		hdrLen &= 0xff
		for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
			r := NewReader(b).WithOrder(o)
			m, err := ParseMessage(b, o)
			if !r.Next() {
				if err == nil {
					t.Fatalf("%v: ParseMessage accepts what the Reader does not (%v)", o, r.Err())
				}
				continue
			}
			if err != nil {
				t.Fatalf("%v: ParseMessage: %v; the Reader accepts %+v", o, err, r.Header())
			}
			if m.Header() != r.Header() || string(m.Bytes()) != string(r.Message()) || string(m.Payload()) != string(r.Payload()) {
				t.Fatalf("%v: message %+v differs from the Reader's %+v", o, m.Header(), r.Header())
			}
			// The Reader's View is the same Message, down to the views'
			// capacities, without a second check of the header.
			if v := r.View(); !sameMessage(v, m) {
				t.Fatalf("%v: View %+v (%d bytes, cap %d) differs from ParseMessage's %+v (%d bytes, cap %d)",
					o, v.Header(), len(v.Bytes()), cap(v.Bytes()), m.Header(), len(m.Bytes()), cap(m.Bytes()))
			}
			for r2 := r; r2.Next(); {
				if m2, err := ParseMessage(b[r2.Offset():], o); err != nil || !sameMessage(r2.View(), m2) {
					t.Fatalf("%v: View of the message at %d differs from ParseMessage's (%v)", o, r2.Offset(), err)
				}
			}
			got, gotErr := walkAttrs(m.Attrs(hdrLen))
			want, wantErr := walkAttrs(r.Attrs(hdrLen))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%v: Attrs(%d) (-Reader +Message):\n%s", o, hdrLen, diff)
			}
			if (gotErr == nil) != (wantErr == nil && r.Err() == nil) {
				t.Fatalf("%v: Attrs(%d): Message says %v, Reader %v / %v", o, hdrLen, gotErr, wantErr, r.Err())
			}
		}
	})
}

// sameMessage reports whether a and b are the same Message: header, order
// and the very same view of the buffer, capacity included.
func sameMessage(a, b Message) bool {
	ab, bb := a.Bytes(), b.Bytes()
	if a.Header() != b.Header() || a.Order() != b.Order() || len(ab) != len(bb) || cap(ab) != cap(bb) {
		return false
	}
	return len(ab) == 0 || &ab[0] == &bb[0]
}

// TestReaderView: View gives each message of a datagram as ParseMessage
// gives it from that message's offset, and the zero Message off one.
func TestReaderView(t *testing.T) {
	r := NewReader(twoMessages).WithOrder(nlwire.LittleEndian)
	if v := r.View(); !sameMessage(v, Message{}) {
		t.Errorf("View before Next: %+v, want the zero Message", v.Header())
	}
	n := 0
	for r.Next() {
		want, err := ParseMessage(twoMessages[r.Offset():], nlwire.LittleEndian)
		if err != nil {
			t.Fatal(err)
		}
		if v := r.View(); !sameMessage(v, want) {
			t.Errorf("message %d: View %+v (cap %d), want %+v (cap %d)", n, v.Header(), cap(v.Bytes()), want.Header(), cap(want.Bytes()))
		}
		n++
	}
	if n != 2 || r.Err() != nil {
		t.Errorf("%d messages, %v", n, r.Err())
	}
	if allocs := testing.AllocsPerRun(100, func() {
		r := NewReader(twoMessages).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			d := r.View().Attrs(0)
			for d.Next() {
			}
		}
	}); allocs != 0 {
		t.Errorf("View: %v allocs, want 0", allocs)
	}
}
