package route_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

var (
	_ wire.FixedHeader = route.IfStatsMsg{}
	_ wire.FixedHeader = route.FibRuleHdr{}
	_ wire.FixedHeader = route.NhMsg{}
	_ wire.FixedHeader = route.RtGenMsg{}
	_ wire.FixedHeader = route.NetconfMsg{}
	_ wire.FixedHeader = route.NdtMsg{}
	_ wire.FixedHeader = route.BrPortMsg{}
	_ wire.FixedHeader = route.TcaMsg{}
)

func drawMore(t *rapid.T) (route.IfStatsMsg, route.FibRuleHdr, route.NhMsg, route.RtGenMsg, route.NetconfMsg, route.NdtMsg, route.BrPortMsg, route.TcaMsg) {
	return route.IfStatsMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Int32().Draw(t, "i"), FilterMask: rapid.Uint32().Draw(t, "m")},
		route.FibRuleHdr{Family: rapid.Uint8().Draw(t, "f"), DstLen: rapid.Uint8().Draw(t, "d"), SrcLen: rapid.Uint8().Draw(t, "s"), TOS: rapid.Uint8().Draw(t, "tos"), Table: rapid.Uint8().Draw(t, "tb"), Action: rapid.Uint8().Draw(t, "a"), Flags: rapid.Uint32().Draw(t, "fl")},
		route.NhMsg{Family: rapid.Uint8().Draw(t, "f"), Scope: rapid.Uint8().Draw(t, "sc"), Protocol: rapid.Uint8().Draw(t, "p"), Flags: rapid.Uint32().Draw(t, "fl")},
		route.RtGenMsg{Family: rapid.Uint8().Draw(t, "f")},
		route.NetconfMsg{Family: rapid.Uint8().Draw(t, "f")},
		route.NdtMsg{Family: rapid.Uint8().Draw(t, "f")},
		route.BrPortMsg{Family: rapid.Uint8().Draw(t, "f"), Index: rapid.Uint32().Draw(t, "i")},
		route.TcaMsg{Family: rapid.Uint8().Draw(t, "f")}
}

func TestMoreHeaderRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c, d, e, f, g, h := drawMore(t)
		roundTrip(t, a, route.IfStatsMsgLen, route.IfStatsMsg.Append, route.ParseIfStatsMsg)
		roundTrip(t, b, route.FibRuleHdrLen, route.FibRuleHdr.Append, route.ParseFibRuleHdr)
		roundTrip(t, c, route.NhMsgLen, route.NhMsg.Append, route.ParseNhMsg)
		roundTrip(t, d, route.RtGenMsgLen, route.RtGenMsg.Append, route.ParseRtGenMsg)
		roundTrip(t, e, route.NetconfMsgLen, route.NetconfMsg.Append, route.ParseNetconfMsg)
		roundTrip(t, f, route.NdtMsgLen, route.NdtMsg.Append, route.ParseNdtMsg)
		roundTrip(t, g, route.BrPortMsgLen, route.BrPortMsg.Append, route.ParseBrPortMsg)
		roundTrip(t, h, route.TcaMsgLen, route.TcaMsg.Append, route.ParseTcaMsg)
		putFixed(t, a)
		putFixed(t, b)
		putFixed(t, c)
		putFixed(t, d)
		putFixed(t, e)
		putFixed(t, f)
		putFixed(t, g)
		putFixed(t, h)
	})
}

// TestMoreHeaderLayout pins the byte layout of the headers with
// multi-byte fields, and that Put zeroes the padding.
func TestMoreHeaderLayout(t *testing.T) {
	tests := []struct {
		got  func(nlwire.Order) []byte
		le   []byte
		name string
	}{
		{func(o nlwire.Order) []byte {
			return route.IfStatsMsg{Family: 7, Index: 0x01020304, FilterMask: 0x05060708}.Append(nil, o)
		}, []byte{7, 0, 0, 0, 4, 3, 2, 1, 8, 7, 6, 5}, "if_stats_msg"},
		{func(o nlwire.Order) []byte {
			return route.FibRuleHdr{Family: 2, DstLen: 24, SrcLen: 16, TOS: 4, Table: 254, Action: 1, Flags: 0x01020304}.Append(nil, o)
		}, []byte{2, 24, 16, 4, 254, 0, 0, 1, 4, 3, 2, 1}, "fib_rule_hdr"},
		{func(o nlwire.Order) []byte {
			return route.NhMsg{Family: 10, Scope: 253, Protocol: 3, Flags: 0x01020304}.Append(nil, o)
		}, []byte{10, 253, 3, 0, 4, 3, 2, 1}, "nhmsg"},
		{func(o nlwire.Order) []byte { return route.BrPortMsg{Family: 7, Index: 0x01020304}.Append(nil, o) },
			[]byte{7, 0, 0, 0, 4, 3, 2, 1}, "br_port_msg"},
		{func(o nlwire.Order) []byte { return route.NdtMsg{Family: 2}.Append(nil, o) }, []byte{2, 0, 0, 0}, "ndtmsg"},
		{func(o nlwire.Order) []byte { return route.TcaMsg{}.Append(nil, o) }, []byte{0, 0, 0, 0}, "tcamsg"},
		{func(o nlwire.Order) []byte { return route.RtGenMsg{Family: 9}.Append(nil, o) }, []byte{9}, "rtgenmsg"},
		{func(o nlwire.Order) []byte { return route.NetconfMsg{Family: 10}.Append(nil, o) }, []byte{10}, "netconfmsg"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.le, tt.got(nlwire.LittleEndian)); diff != "" {
			t.Errorf("%s little-endian (-want +got):\n%s", tt.name, diff)
		}
	}
	// Padding bytes of the buffer are overwritten with zeros.
	b := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	if !(route.NhMsg{Family: 1}).Put(b, nlwire.BigEndian) || b[3] != 0 {
		t.Errorf("NhMsg.Put left the reserved byte %#x", b[3])
	}
}

func TestMoreShortHeader(t *testing.T) {
	b := make([]byte, 0)
	_, e1 := route.ParseIfStatsMsg(b, nlwire.Native)
	_, e2 := route.ParseFibRuleHdr(b, nlwire.Native)
	_, e3 := route.ParseNhMsg(b, nlwire.Native)
	_, e4 := route.ParseRtGenMsg(b, nlwire.Native)
	_, e5 := route.ParseNetconfMsg(b, nlwire.Native)
	_, e6 := route.ParseNdtMsg(b, nlwire.Native)
	_, e7 := route.ParseBrPortMsg(b, nlwire.Native)
	_, e8 := route.ParseTcaMsg(b, nlwire.Native)
	for i, err := range []error{e1, e2, e3, e4, e5, e6, e7, e8} {
		var he *family.HeaderError
		if !errors.Is(err, family.ErrShortHeader) || !errors.As(err, &he) || he.Len != 0 {
			t.Errorf("%d: err = %v, want a *family.HeaderError with Len 0", i, err)
		}
	}
	if (route.FibRuleHdr{}).Put(make([]byte, 11), nlwire.Native) {
		t.Error("FibRuleHdr.Put into 11 bytes succeeded")
	}
}

// TestMoreMessages: each of the message types has its header size and
// attribute space, and every set names its types.
func TestMoreMessages(t *testing.T) {
	want := map[uint16]int{
		route.RTM_NEWRULE: route.FibRuleHdrLen, route.RTM_DELRULE: route.FibRuleHdrLen, route.RTM_GETRULE: route.FibRuleHdrLen,
		route.RTM_NEWNEXTHOP: route.NhMsgLen, route.RTM_DELNEXTHOP: route.NhMsgLen, route.RTM_GETNEXTHOP: route.NhMsgLen,
		route.RTM_NEWNEXTHOPBUCKET: route.NhMsgLen, route.RTM_DELNEXTHOPBUCKET: route.NhMsgLen, route.RTM_GETNEXTHOPBUCKET: route.NhMsgLen,
		route.RTM_NEWNSID: 1, route.RTM_DELNSID: 1, route.RTM_GETNSID: 1,
		route.RTM_NEWNETCONF: 1, route.RTM_DELNETCONF: 1, route.RTM_GETNETCONF: 1,
		route.RTM_NEWSTATS: 12, route.RTM_GETSTATS: 12, route.RTM_SETSTATS: 12,
		route.RTM_NEWNEIGHTBL: 4, route.RTM_GETNEIGHTBL: 4, route.RTM_SETNEIGHTBL: 4,
		route.RTM_NEWMDB: 8, route.RTM_DELMDB: 8, route.RTM_GETMDB: 8,
		route.RTM_NEWACTION: 4, route.RTM_DELACTION: 4, route.RTM_GETACTION: 4,
	}
	for typ, n := range want {
		m := route.Messages.Msg(typ)
		if m == nil || m.HeaderLen != n || m.Attrs == nil {
			t.Errorf("type %d: %+v, want header %d and attributes", typ, m, n)
		}
	}
	if got := route.Messages.Msg(route.RTM_GETSTATS).Attrs.Name(route.IFLA_STATS_GET_FILTERS); got != "IFLA_STATS_GET_FILTERS" {
		t.Errorf("RTM_GETSTATS type 1 = %q", got)
	}
	if got := route.Messages.Msg(route.RTM_NEWSTATS).Attrs.Name(route.IFLA_STATS_LINK_64); got != "IFLA_STATS_LINK_64" {
		t.Errorf("RTM_NEWSTATS type 1 = %q", got)
	}
	// Every set reached from these messages names each of its entries
	// after its space, and its nests' children are reachable.
	seen := map[*family.Set]bool{}
	var walk func(s *family.Set)
	walk = func(s *family.Set) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for i, a := range s.Attrs {
			if a.Name == "" {
				continue
			}
			if !strings.HasPrefix(a.Name, s.Space+"_") {
				t.Errorf("%s type %d named %q", s.Space, i, a.Name)
			}
			walk(a.Child)
		}
	}
	for typ := range want {
		walk(route.Messages.Msg(typ).Attrs)
	}
	walk(&route.MDBSetAttrs)
	if len(seen) < 20 {
		t.Errorf("only %d sets reached", len(seen))
	}
}
