package sockdiag_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/sockdiag"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

// The headers are wire.FixedHeaders.
var (
	_ wire.FixedHeader = sockdiag.InetDiagReqV2{}
	_ wire.FixedHeader = sockdiag.InetDiagReq{}
	_ wire.FixedHeader = sockdiag.InetDiagMsg{}
	_ wire.FixedHeader = sockdiag.UnixDiagReq{}
	_ wire.FixedHeader = sockdiag.UnixDiagMsg{}
	_ wire.FixedHeader = sockdiag.NetlinkDiagReq{}
	_ wire.FixedHeader = sockdiag.NetlinkDiagMsg{}
	_ wire.FixedHeader = sockdiag.PacketDiagReq{}
	_ wire.FixedHeader = sockdiag.VsockDiagReq{}
	_ wire.FixedHeader = sockdiag.VsockDiagMsg{}
	_ wire.FixedHeader = sockdiag.PacketDiagMsg{}
)

// headerLen returns the size of header value h.
func headerLen(h any) int {
	if l, ok := h.(interface{ Len() int }); ok {
		return l.Len()
	}
	return sockdiag.SockDiagReqLen
}

var orders = []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}

// roundTrip checks that m appended in each byte order is n bytes long,
// parses back to m, and that a buffer one byte short is refused with a
// *family.HeaderError.
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
		var he *family.HeaderError
		if _, err := parse(b[:n-1], o); !errors.As(err, &he) || he.Len != n-1 || he.Want != n || !errors.Is(err, family.ErrShortHeader) {
			t.Fatalf("%v: %d bytes: error %v", o, n-1, err)
		}
	}
}

func drawID(t *rapid.T) sockdiag.SockID {
	return sockdiag.SockID{
		Sport: rapid.Uint16().Draw(t, "sport"), Dport: rapid.Uint16().Draw(t, "dport"),
		Src: [16]byte(rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "src")),
		Dst: [16]byte(rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "dst")),
		If:  rapid.Uint32().Draw(t, "if"), Cookie: drawCookie(t),
	}
}

func drawCookie(t *rapid.T) sockdiag.Cookie {
	return sockdiag.Cookie{rapid.Uint32().Draw(t, "c0"), rapid.Uint32().Draw(t, "c1")}
}

func TestHeaderRoundTrip(t *testing.T) {
	u8, u16, u32 := rapid.Uint8(), rapid.Uint16(), rapid.Uint32()
	rapid.Check(t, func(t *rapid.T) {
		roundTrip(t, sockdiag.InetDiagReqV2{Family: u8.Draw(t, "f"), Protocol: u8.Draw(t, "p"), Ext: u8.Draw(t, "e"),
			RawProtocol: u8.Draw(t, "r"), States: u32.Draw(t, "s"), ID: drawID(t)},
			sockdiag.InetDiagReqV2Len, sockdiag.InetDiagReqV2.Append, sockdiag.ParseInetDiagReqV2)
		roundTrip(t, sockdiag.InetDiagReq{Family: u8.Draw(t, "f"), SrcLen: u8.Draw(t, "sl"), DstLen: u8.Draw(t, "dl"),
			Ext: u8.Draw(t, "e"), ID: drawID(t), States: u32.Draw(t, "s"), DBs: u32.Draw(t, "d")},
			sockdiag.InetDiagReqLen, sockdiag.InetDiagReq.Append, sockdiag.ParseInetDiagReq)
		roundTrip(t, sockdiag.InetDiagMsg{Family: u8.Draw(t, "f"), State: u8.Draw(t, "s"), Timer: u8.Draw(t, "t"),
			Retrans: u8.Draw(t, "r"), ID: drawID(t), Expires: u32.Draw(t, "e"), RQueue: u32.Draw(t, "rq"),
			WQueue: u32.Draw(t, "wq"), UID: u32.Draw(t, "u"), Inode: u32.Draw(t, "i")},
			sockdiag.InetDiagMsgLen, sockdiag.InetDiagMsg.Append, sockdiag.ParseInetDiagMsg)
		roundTrip(t, sockdiag.UnixDiagReq{Family: u8.Draw(t, "f"), Protocol: u8.Draw(t, "p"), States: u32.Draw(t, "s"),
			Ino: u32.Draw(t, "i"), Show: u32.Draw(t, "sh"), Cookie: drawCookie(t)},
			sockdiag.UnixDiagReqLen, sockdiag.UnixDiagReq.Append, sockdiag.ParseUnixDiagReq)
		roundTrip(t, sockdiag.UnixDiagMsg{Family: u8.Draw(t, "f"), Type: u8.Draw(t, "t"), State: u8.Draw(t, "s"),
			Ino: u32.Draw(t, "i"), Cookie: drawCookie(t)},
			sockdiag.UnixDiagMsgLen, sockdiag.UnixDiagMsg.Append, sockdiag.ParseUnixDiagMsg)
		roundTrip(t, sockdiag.NetlinkDiagReq{Family: u8.Draw(t, "f"), Protocol: u8.Draw(t, "p"), Ino: u32.Draw(t, "i"),
			Show: u32.Draw(t, "sh"), Cookie: drawCookie(t)},
			sockdiag.NetlinkDiagReqLen, sockdiag.NetlinkDiagReq.Append, sockdiag.ParseNetlinkDiagReq)
		roundTrip(t, sockdiag.NetlinkDiagMsg{Family: u8.Draw(t, "f"), Type: u8.Draw(t, "t"), Protocol: u8.Draw(t, "p"),
			State: u8.Draw(t, "s"), PortID: u32.Draw(t, "pi"), DstPortID: u32.Draw(t, "dp"), DstGroup: u32.Draw(t, "dg"),
			Ino: u32.Draw(t, "i"), Cookie: drawCookie(t)},
			sockdiag.NetlinkDiagMsgLen, sockdiag.NetlinkDiagMsg.Append, sockdiag.ParseNetlinkDiagMsg)
		roundTrip(t, sockdiag.PacketDiagReq{Family: u8.Draw(t, "f"), Protocol: u8.Draw(t, "p"), Ino: u32.Draw(t, "i"),
			Show: u32.Draw(t, "sh"), Cookie: drawCookie(t)},
			sockdiag.PacketDiagReqLen, sockdiag.PacketDiagReq.Append, sockdiag.ParsePacketDiagReq)
		roundTrip(t, sockdiag.PacketDiagMsg{Family: u8.Draw(t, "f"), Type: u8.Draw(t, "t"), Num: u16.Draw(t, "n"),
			Ino: u32.Draw(t, "i"), Cookie: drawCookie(t)},
			sockdiag.PacketDiagMsgLen, sockdiag.PacketDiagMsg.Append, sockdiag.ParsePacketDiagMsg)
		roundTrip(t, sockdiag.VsockDiagReq{Family: u8.Draw(t, "f"), Protocol: u8.Draw(t, "p"), States: u32.Draw(t, "s"),
			Ino: u32.Draw(t, "i"), Show: u32.Draw(t, "sh"), Cookie: drawCookie(t)},
			sockdiag.VsockDiagReqLen, sockdiag.VsockDiagReq.Append, sockdiag.ParseVsockDiagReq)
		roundTrip(t, sockdiag.VsockDiagMsg{Family: u8.Draw(t, "f"), Type: u8.Draw(t, "t"), State: u8.Draw(t, "s"),
			Shutdown: u8.Draw(t, "sd"), SrcCID: u32.Draw(t, "sc"), SrcPort: u32.Draw(t, "sp"), DstCID: u32.Draw(t, "dc"),
			DstPort: u32.Draw(t, "dp"), Ino: u32.Draw(t, "i"), Cookie: drawCookie(t)},
			sockdiag.VsockDiagMsgLen, sockdiag.VsockDiagMsg.Append, sockdiag.ParseVsockDiagMsg)
	})
}

// TestSockIDByteOrder: an inet_diag_sockid's ports and addresses are
// big-endian in either message byte order; its interface and cookie
// follow the message's.
func TestSockIDByteOrder(t *testing.T) {
	m := sockdiag.InetDiagMsg{Family: sockdiag.AF_INET, ID: sockdiag.SockID{Sport: 0x1f90, Dport: 0x01bb, If: 2, Cookie: sockdiag.Cookie{1, 0}}}
	m.ID.Src = [16]byte{127, 0, 0, 1}
	le, be := m.Append(nil, nlwire.LittleEndian), m.Append(nil, nlwire.BigEndian)
	for _, b := range [][]byte{le, be} {
		if diff := cmp.Diff([]byte{0x1f, 0x90, 0x01, 0xbb, 127, 0, 0, 1}, b[4:12]); diff != "" {
			t.Errorf("ports and source address (-want +got):\n%s", diff)
		}
	}
	if le[40] != 2 || be[43] != 2 || le[44] != 1 || be[47] != 1 {
		t.Errorf("interface or cookie not in the message's order: le % x, be % x", le[40:52], be[40:52])
	}
	if got := m.ID.SrcAddr(m.Family); got != netip.MustParseAddr("127.0.0.1") {
		t.Errorf("SrcAddr = %v", got)
	}
	if got := m.ID.DstAddr(sockdiag.AF_INET6); got != netip.IPv6Unspecified() {
		t.Errorf("DstAddr(AF_INET6) = %v", got)
	}
	if got := m.ID.SrcAddr(sockdiag.AF_UNIX); got.IsValid() {
		t.Errorf("SrcAddr(AF_UNIX) = %v, want none", got)
	}
	if got := (sockdiag.Cookie{0x11223344, 0x55667788}).Uint64(); got != 0x5566778811223344 {
		t.Errorf("Cookie.Uint64 = %#x", got)
	}
}

// TestParseAllocs: parsing a header allocates nothing.
func TestParseAllocs(t *testing.T) {
	b := sockdiag.InetDiagMsg{}.Append(nil, nlwire.Native)
	n := testing.AllocsPerRun(100, func() {
		sockdiag.ParseInetDiagMsg(b, nlwire.Native)
		sockdiag.ParseUnixDiagMsg(b, nlwire.Native)
		sockdiag.ParseInetDiagReqV2(b, nlwire.BigEndian)
		sockdiag.Lookup(sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_INET)
	})
	if n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestLookup: each form of the message types has the header its
// direction and address family call for.
func TestLookup(t *testing.T) {
	type form struct {
		Name, Struct string
		Len          int
		Attrs        string
	}
	get := func(typ uint16, req bool, af uint8) *form {
		m := sockdiag.Lookup(typ, req, af)
		if m == nil {
			return nil
		}
		f := &form{Name: m.Name, Struct: m.Struct, Len: m.HeaderLen}
		if m.Attrs != nil {
			f.Attrs = m.Attrs.Space
		}
		return f
	}
	tests := []struct {
		typ  uint16
		req  bool
		af   uint8
		want *form
	}{
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_INET, &form{"SOCK_DIAG_BY_FAMILY", "inet_diag_req_v2", 56, "INET_DIAG_REQ"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, false, sockdiag.AF_INET6, &form{"SOCK_DIAG_BY_FAMILY", "inet_diag_msg", 72, "INET_DIAG"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_UNIX, &form{"SOCK_DIAG_BY_FAMILY", "unix_diag_req", 24, ""}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, false, sockdiag.AF_UNIX, &form{"SOCK_DIAG_BY_FAMILY", "unix_diag_msg", 16, "UNIX_DIAG"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_NETLINK, &form{"SOCK_DIAG_BY_FAMILY", "netlink_diag_req", 20, ""}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, false, sockdiag.AF_NETLINK, &form{"SOCK_DIAG_BY_FAMILY", "netlink_diag_msg", 28, "NETLINK_DIAG"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_PACKET, &form{"SOCK_DIAG_BY_FAMILY", "packet_diag_req", 20, ""}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, false, sockdiag.AF_PACKET, &form{"SOCK_DIAG_BY_FAMILY", "packet_diag_msg", 16, "PACKET_DIAG"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, sockdiag.AF_VSOCK, &form{"SOCK_DIAG_BY_FAMILY", "vsock_diag_req", 24, ""}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, false, sockdiag.AF_VSOCK, &form{"SOCK_DIAG_BY_FAMILY", "vsock_diag_msg", 32, ""}},
		{sockdiag.SOCK_DESTROY, true, sockdiag.AF_VSOCK, nil},
		{sockdiag.SOCK_DESTROY, true, sockdiag.AF_INET, &form{"SOCK_DESTROY", "inet_diag_req_v2", 56, "INET_DIAG_REQ"}},
		{sockdiag.TCPDIAG_GETSOCK, true, 0, &form{"TCPDIAG_GETSOCK", "inet_diag_req", 60, "INET_DIAG_REQ"}},
		{sockdiag.DCCPDIAG_GETSOCK, false, 0, &form{"DCCPDIAG_GETSOCK", "inet_diag_msg", 72, "INET_DIAG"}},
		{sockdiag.SOCK_DIAG_BY_FAMILY, true, 44, nil}, // AF_XDP: no tables
		{sockdiag.SOCK_DESTROY, true, sockdiag.AF_UNIX, nil},
		{sockdiag.SOCK_DESTROY, false, sockdiag.AF_INET, nil},
		{22, true, sockdiag.AF_INET, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, get(tt.typ, tt.req, tt.af)); diff != "" {
			t.Errorf("Lookup(%d, %v, %d) (-want +got):\n%s", tt.typ, tt.req, tt.af, diff)
		}
	}
	for _, name := range []string{"TCPDIAG_GETSOCK", "DCCPDIAG_GETSOCK", "SOCK_DIAG_BY_FAMILY", "SOCK_DESTROY"} {
		v, ok := sockdiag.Messages.Lookup(name)
		if m := sockdiag.Lookup(v, true, sockdiag.AF_INET); !ok || m == nil || m.Name != name {
			t.Errorf("%s: Messages says %d, %v", name, v, ok)
		}
	}
}

// TestSets: every attribute's name starts with its set's space, the
// constant of that name has its index (checked through the C header on
// Linux), and each nest has a child set.
func TestSets(t *testing.T) {
	sets := []*family.Set{&sockdiag.InetReqAttrs, &sockdiag.BPFStorageReqAttrs, &sockdiag.InetAttrs, &sockdiag.ULPInfoAttrs,
		&sockdiag.TLSInfoAttrs, &sockdiag.MPTCPSubflowAttrs, &sockdiag.BPFStoragesAttrs, &sockdiag.BPFStorageAttrs,
		&sockdiag.UnixAttrs, &sockdiag.NetlinkAttrs, &sockdiag.PacketAttrs}
	byName := map[string]uint64{}
	for _, c := range consts {
		byName[c.name] = c.v
	}
	named := 0
	for _, s := range sets {
		for i, a := range s.Attrs {
			if a.Name == "" {
				continue
			}
			named++
			if !strings.HasPrefix(a.Name, s.Space+"_") && a.Name != s.Space {
				t.Errorf("%s: %s outside its space", s.Space, a.Name)
			}
			if v, ok := byName[a.Name]; !ok || v != uint64(i) {
				t.Errorf("%s is at %d, its constant is %d (%v)", a.Name, i, v, ok)
			}
			if a.Format == family.Nested && a.ChildSet("") == nil {
				t.Errorf("%s: a nest without a child set", a.Name)
			}
		}
	}
	if named != 71 {
		t.Errorf("%d attributes named, want 71", named)
	}
	if sockdiag.UnixAttrs.Name(sockdiag.UNIX_DIAG_NAME) != "UNIX_DIAG_NAME" || sockdiag.PacketAttrs.Attr(0) == nil {
		t.Error("the spaces that number from 0 do not name type 0")
	}
}

// TestNoFmt: the package imports the standard library alone, and not fmt.
func TestNoFmt(t *testing.T) { testenv.CheckCodecImports(t) }
