package route_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

// The family headers are wire.FixedHeaders; RtNexthop, whose Len is a
// field, is not a message's family header.
var (
	_ wire.FixedHeader = route.IfInfoMsg{}
	_ wire.FixedHeader = route.IfAddrMsg{}
	_ wire.FixedHeader = route.RtMsg{}
	_ wire.FixedHeader = route.NdMsg{}
	_ wire.FixedHeader = route.TcMsg{}
)

var orders = []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}

func roundTrip[T any](t *rapid.T, m T, n int, app func(T, []byte, nlwire.Order) []byte, parse func([]byte, nlwire.Order) (T, error)) {
	for _, o := range orders {
		b := app(m, nil, o)
		if len(b) != n {
			t.Fatalf("%v: appended %d bytes, want %d", o, len(b), n)
		}
		got, err := parse(b, o)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(m, got); diff != "" {
			t.Fatalf("%v round trip (-want +got):\n%s", o, diff)
		}
	}
}

func TestHeaderRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		roundTrip(t, route.IfInfoMsg{Family: rapid.Uint8().Draw(t, "f"), Type: rapid.Uint16().Draw(t, "t"), Index: rapid.Int32().Draw(t, "i"), Flags: rapid.Uint32().Draw(t, "fl"), Change: rapid.Uint32().Draw(t, "c")},
			route.IfInfoMsgLen, route.IfInfoMsg.Append, route.ParseIfInfoMsg)
		roundTrip(t, route.IfAddrMsg{Family: rapid.Uint8().Draw(t, "f"), PrefixLen: rapid.Uint8().Draw(t, "p"), Flags: rapid.Uint8().Draw(t, "fl"), Scope: rapid.Uint8().Draw(t, "s"), Index: rapid.Uint32().Draw(t, "i")},
			route.IfAddrMsgLen, route.IfAddrMsg.Append, route.ParseIfAddrMsg)
		roundTrip(t, route.RtMsg{Family: rapid.Uint8().Draw(t, "f"), DstLen: rapid.Uint8().Draw(t, "d"), SrcLen: rapid.Uint8().Draw(t, "s"), TOS: rapid.Uint8().Draw(t, "tos"), Table: rapid.Uint8().Draw(t, "tb"), Protocol: rapid.Uint8().Draw(t, "p"), Scope: rapid.Uint8().Draw(t, "sc"), Type: rapid.Uint8().Draw(t, "ty"), Flags: rapid.Uint32().Draw(t, "fl")},
			route.RtMsgLen, route.RtMsg.Append, route.ParseRtMsg)
		roundTrip(t, route.NdMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Int32().Draw(t, "i"), State: rapid.Uint16().Draw(t, "s"), Flags: rapid.Uint8().Draw(t, "fl"), Type: rapid.Uint8().Draw(t, "t")},
			route.NdMsgLen, route.NdMsg.Append, route.ParseNdMsg)
		roundTrip(t, route.TcMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Int32().Draw(t, "i"), Handle: rapid.Uint32().Draw(t, "h"), Parent: rapid.Uint32().Draw(t, "p"), Info: rapid.Uint32().Draw(t, "in")},
			route.TcMsgLen, route.TcMsg.Append, route.ParseTcMsg)
		roundTrip(t, route.RtNexthop{Len: rapid.Uint16().Draw(t, "l"), Flags: rapid.Uint8().Draw(t, "f"), Hops: rapid.Uint8().Draw(t, "h"), IfIndex: rapid.Int32().Draw(t, "i")},
			route.RtNexthopLen, route.RtNexthop.Append, route.ParseRtNexthop)
	})
}

// putFixed checks that wire.PutFixedHeader lays m out, in a Builder of
// either order, as Put in that order does, padded to 4 bytes.
func putFixed[H wire.FixedHeader](t *rapid.T, m H) {
	for _, o := range orders {
		b := wire.NewBuilder(nil).WithOrder(o)
		msg := b.Start(wire.Header{Type: route.RTM_NEWLINK})
		wire.PutFixedHeader(&b, m)
		b.End(msg)
		out, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		want := make([]byte, (m.Len()+3)&^3)
		if !m.Put(want, o) {
			t.Fatalf("%T.Put refused %d bytes", m, len(want))
		}
		if diff := cmp.Diff(want, out[wire.HeaderLen:]); diff != "" {
			t.Fatalf("%v %T (-Put +PutFixedHeader):\n%s", o, m, diff)
		}
	}
}

// TestPutFixedHeader: each family header comes out of a Builder in the
// Builder's order, as Put writes it in that order.
func TestPutFixedHeader(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		putFixed(t, route.IfInfoMsg{Family: rapid.Uint8().Draw(t, "f"), Type: rapid.Uint16().Draw(t, "t"), Index: rapid.Int32().Draw(t, "i"), Flags: rapid.Uint32().Draw(t, "fl"), Change: rapid.Uint32().Draw(t, "c")})
		putFixed(t, route.IfAddrMsg{Family: rapid.Uint8().Draw(t, "f"), PrefixLen: rapid.Uint8().Draw(t, "p"), Flags: rapid.Uint8().Draw(t, "fl"), Scope: rapid.Uint8().Draw(t, "s"), Index: rapid.Uint32().Draw(t, "i")})
		putFixed(t, route.RtMsg{Family: rapid.Uint8().Draw(t, "f"), Table: rapid.Uint8().Draw(t, "tb"), Type: rapid.Uint8().Draw(t, "ty"), Flags: rapid.Uint32().Draw(t, "fl")})
		putFixed(t, route.NdMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Int32().Draw(t, "i"), State: rapid.Uint16().Draw(t, "s"), Flags: rapid.Uint8().Draw(t, "fl"), Type: rapid.Uint8().Draw(t, "t")})
		putFixed(t, route.TcMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Int32().Draw(t, "i"), Handle: rapid.Uint32().Draw(t, "h"), Parent: rapid.Uint32().Draw(t, "p"), Info: rapid.Uint32().Draw(t, "in")})
	})
}

// TestHeaderLayout pins the byte layout against a hand-written struct.
func TestHeaderLayout(t *testing.T) {
	m := route.IfInfoMsg{Family: 7, Type: 0x0102, Index: 0x03040506, Flags: 0x0708090a, Change: 0x0b0c0d0e}
	tests := []struct {
		o    nlwire.Order
		want []byte
	}{
		{nlwire.LittleEndian, []byte{7, 0, 2, 1, 6, 5, 4, 3, 0xa, 9, 8, 7, 0xe, 0xd, 0xc, 0xb}},
		{nlwire.BigEndian, []byte{7, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xa, 0xb, 0xc, 0xd, 0xe}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, m.Append(nil, tt.o)); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.o, diff)
		}
	}
}

func TestShortHeader(t *testing.T) {
	b := make([]byte, 3)
	errs := []error{}
	_, err := route.ParseIfInfoMsg(b, nlwire.Native)
	errs = append(errs, err)
	_, err = route.ParseIfAddrMsg(b, nlwire.Native)
	errs = append(errs, err)
	_, err = route.ParseRtMsg(b, nlwire.Native)
	errs = append(errs, err)
	_, err = route.ParseNdMsg(b, nlwire.Native)
	errs = append(errs, err)
	_, err = route.ParseTcMsg(b, nlwire.Native)
	errs = append(errs, err)
	_, err = route.ParseRtNexthop(b, nlwire.Native)
	errs = append(errs, err)
	for i, err := range errs {
		var he *family.HeaderError
		if !errors.Is(err, family.ErrShortHeader) || !errors.As(err, &he) || he.Len != 3 {
			t.Errorf("%d: err = %v, want a *family.HeaderError with Len 3", i, err)
		}
	}
	if got := errs[0].Error(); got != "family: struct ifinfomsg needs 16 bytes, have 3" {
		t.Errorf("message %q", got)
	}
	if (route.IfInfoMsg{}).Put(b, nlwire.Native) {
		t.Error("Put into 3 bytes succeeded")
	}
}

func TestAllocs(t *testing.T) {
	b := make([]byte, 0, 64)
	m := route.IfInfoMsg{Index: 1}
	var sink int
	n := testing.AllocsPerRun(100, func() {
		b = m.Append(b[:0], nlwire.BigEndian)
		got, _ := route.ParseIfInfoMsg(b, nlwire.BigEndian)
		r, _ := route.ParseRtMsg(b, nlwire.LittleEndian)
		sink += int(got.Index) + int(r.Flags)
		sink += len(route.LinkAttrs.Name(route.IFLA_MTU)) + len(route.Messages.Name(route.RTM_NEWROUTE))
		if typ, ok := route.RouteAttrs.Lookup("RTA_MULTIPATH"); ok {
			sink += int(typ)
		}
		a := route.LinkInfoAttrs.Attr(route.IFLA_INFO_DATA)
		sink += len(a.ChildSet("veth").Space)
		// A request whose family headers follow the Builder's order.
		bl := wire.NewBuilder(b[:0]).WithOrder(nlwire.BigEndian)
		msg := bl.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request})
		wire.PutFixedHeader(&bl, m)
		nest := bl.Attrs().Begin(route.VETH_INFO_PEER)
		wire.PutFixedHeader(&bl, route.IfInfoMsg{Index: 2})
		bl.Attrs().End(nest)
		bl.End(msg)
		out, _ := bl.Finish()
		b = out
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
	_ = sink
}

func TestNoFmt(t *testing.T) { testenv.CheckCodecImports(t) }
