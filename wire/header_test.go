package wire

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"pgregory.net/rapid"
)

func TestHeaderBytes(t *testing.T) {
	h := Header{Len: 0x28, Type: 0x10, Flags: Request | Ack, Seq: 0x01020304, PID: 0x0a0b0c0d}
	tests := []struct {
		order nlwire.Order
		want  []byte
	}{
		{nlwire.LittleEndian, []byte{0x28, 0, 0, 0, 0x10, 0, 0x05, 0, 4, 3, 2, 1, 0x0d, 0x0c, 0x0b, 0x0a}},
		{nlwire.BigEndian, []byte{0, 0, 0, 0x28, 0, 0x10, 0, 0x05, 1, 2, 3, 4, 0x0a, 0x0b, 0x0c, 0x0d}},
	}
	for _, tt := range tests {
		got := h.Append(nil, tt.order)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Append(%v) mismatch (-want +got):\n%s", tt.order, diff)
		}
		back, err := ParseHeader(got, tt.order)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(h, back); diff != "" {
			t.Errorf("ParseHeader(%v) mismatch (-want +got):\n%s", tt.order, diff)
		}
	}
	native := h.Append(nil, nlwire.Native)
	host := h.Append(nil, nlwire.Host())
	if !bytes.Equal(native, host) {
		t.Errorf("Native % x differs from Host() % x", native, host)
	}
}

func TestParseHeaderShort(t *testing.T) {
	for n := 0; n < HeaderLen; n++ {
		_, err := ParseHeader(make([]byte, n), nlwire.Native)
		var fe *FormatError
		if !errors.As(err, &fe) || !errors.Is(err, ErrTruncated) || fe.Offset != 0 {
			t.Errorf("ParseHeader(%d bytes) = %v, want *FormatError{0, ErrTruncated}", n, err)
		}
	}
}

func TestHeaderRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := Header{
			Len:   rapid.Uint32().Draw(t, "len"),
			Type:  rapid.Uint16().Draw(t, "type"),
			Flags: Flags(rapid.Uint16().Draw(t, "flags")),
			Seq:   rapid.Uint32().Draw(t, "seq"),
			PID:   rapid.Uint32().Draw(t, "pid"),
		}
		o := rapid.SampledFrom([]nlwire.Order{nlwire.Native, nlwire.LittleEndian, nlwire.BigEndian}).Draw(t, "order")
		b := h.Append(nil, o)
		if len(b) != HeaderLen {
			t.Fatalf("Append wrote %d bytes", len(b))
		}
		got, err := ParseHeader(b, o)
		if err != nil || got != h {
			t.Fatalf("ParseHeader(Append(%+v)) = %+v, %v", h, got, err)
		}
	})
}

func TestTypeName(t *testing.T) {
	tests := map[uint16]string{TypeNoop: "NLMSG_NOOP", TypeError: "NLMSG_ERROR", TypeDone: "NLMSG_DONE", TypeOverrun: "NLMSG_OVERRUN", 0: "", MinType: ""}
	for typ, want := range tests {
		if got := TypeName(typ); got != want {
			t.Errorf("TypeName(%d) = %q, want %q", typ, got, want)
		}
	}
}

func TestAlign(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 4, 3: 4, 4: 4, 5: 8, 16: 16, 17: 20} {
		if got := Align(n); got != want {
			t.Errorf("Align(%d) = %d, want %d", n, got, want)
		}
	}
}
