package xfrm_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

// The message headers are wire.FixedHeaders.
var (
	_ wire.FixedHeader = xfrm.UsersaInfo{}
	_ wire.FixedHeader = xfrm.UsersaID{}
	_ wire.FixedHeader = xfrm.AeventID{}
	_ wire.FixedHeader = xfrm.UserspiInfo{}
	_ wire.FixedHeader = xfrm.UserpolicyInfo{}
	_ wire.FixedHeader = xfrm.UserpolicyID{}
	_ wire.FixedHeader = xfrm.UserAcquire{}
	_ wire.FixedHeader = xfrm.UserExpire{}
	_ wire.FixedHeader = xfrm.UserPolexpire{}
	_ wire.FixedHeader = xfrm.UsersaFlush{}
	_ wire.FixedHeader = xfrm.UserReport{}
	_ wire.FixedHeader = xfrm.UserMapping{}
	_ wire.FixedHeader = xfrm.UserpolicyDefault{}
)

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

var (
	u8, u16, u32, u64 = rapid.Uint8(), rapid.Uint16(), rapid.Uint32(), rapid.Uint64()
)

func drawAddr(t *rapid.T, name string) xfrm.Address {
	return xfrm.Address(rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, name))
}

func drawSel(t *rapid.T) xfrm.Selector {
	return xfrm.Selector{Daddr: drawAddr(t, "d"), Saddr: drawAddr(t, "s"), Dport: u16.Draw(t, "dp"), DportMask: u16.Draw(t, "dm"),
		Sport: u16.Draw(t, "sp"), SportMask: u16.Draw(t, "sm"), Family: u16.Draw(t, "f"), PrefixlenD: u8.Draw(t, "pd"),
		PrefixlenS: u8.Draw(t, "ps"), Proto: u8.Draw(t, "p"), Ifindex: rapid.Int32().Draw(t, "i"), User: u32.Draw(t, "u")}
}

func drawID(t *rapid.T) xfrm.ID {
	return xfrm.ID{Daddr: drawAddr(t, "id"), SPI: u32.Draw(t, "spi"), Proto: u8.Draw(t, "proto")}
}

func drawLft(t *rapid.T) xfrm.LifetimeCfg {
	return xfrm.LifetimeCfg{u64.Draw(t, "l0"), u64.Draw(t, "l1"), u64.Draw(t, "l2"), u64.Draw(t, "l3"),
		u64.Draw(t, "l4"), u64.Draw(t, "l5"), u64.Draw(t, "l6"), u64.Draw(t, "l7")}
}

func drawCur(t *rapid.T) xfrm.LifetimeCur {
	return xfrm.LifetimeCur{u64.Draw(t, "c0"), u64.Draw(t, "c1"), u64.Draw(t, "c2"), u64.Draw(t, "c3")}
}

func drawSA(t *rapid.T) xfrm.UsersaInfo {
	return xfrm.UsersaInfo{Sel: drawSel(t), ID: drawID(t), Saddr: drawAddr(t, "sa"), Lft: drawLft(t), Curlft: drawCur(t),
		Stats: xfrm.Stats{u32.Draw(t, "s0"), u32.Draw(t, "s1"), u32.Draw(t, "s2")}, Seq: u32.Draw(t, "seq"),
		Reqid: u32.Draw(t, "r"), Family: u16.Draw(t, "f"), Mode: u8.Draw(t, "m"), ReplayWindow: u8.Draw(t, "rw"), Flags: u8.Draw(t, "fl")}
}

func drawPol(t *rapid.T) xfrm.UserpolicyInfo {
	return xfrm.UserpolicyInfo{Sel: drawSel(t), Lft: drawLft(t), Curlft: drawCur(t), Priority: u32.Draw(t, "pr"),
		Index: u32.Draw(t, "ix"), Dir: u8.Draw(t, "d"), Action: u8.Draw(t, "a"), Flags: u8.Draw(t, "f"), Share: u8.Draw(t, "s")}
}

func drawSaID(t *rapid.T) xfrm.UsersaID {
	return xfrm.UsersaID{Daddr: drawAddr(t, "d"), SPI: u32.Draw(t, "spi"), Family: u16.Draw(t, "f"), Proto: u8.Draw(t, "p")}
}

func TestHeaderRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		roundTrip(t, drawSA(t), xfrm.UsersaInfoLen, xfrm.UsersaInfo.Append, xfrm.ParseUsersaInfo)
		roundTrip(t, drawSaID(t), xfrm.UsersaIDLen, xfrm.UsersaID.Append, xfrm.ParseUsersaID)
		roundTrip(t, xfrm.AeventID{SaID: drawSaID(t), Saddr: drawAddr(t, "a"), Flags: u32.Draw(t, "f"), Reqid: u32.Draw(t, "r")},
			xfrm.AeventIDLen, xfrm.AeventID.Append, xfrm.ParseAeventID)
		roundTrip(t, xfrm.UserspiInfo{Info: drawSA(t), Min: u32.Draw(t, "min"), Max: u32.Draw(t, "max")},
			xfrm.UserspiInfoLen, xfrm.UserspiInfo.Append, xfrm.ParseUserspiInfo)
		roundTrip(t, drawPol(t), xfrm.UserpolicyInfoLen, xfrm.UserpolicyInfo.Append, xfrm.ParseUserpolicyInfo)
		roundTrip(t, xfrm.UserpolicyID{Sel: drawSel(t), Index: u32.Draw(t, "i"), Dir: u8.Draw(t, "d")},
			xfrm.UserpolicyIDLen, xfrm.UserpolicyID.Append, xfrm.ParseUserpolicyID)
		roundTrip(t, xfrm.UserAcquire{ID: drawID(t), Saddr: drawAddr(t, "a"), Sel: drawSel(t), Policy: drawPol(t),
			Aalgos: u32.Draw(t, "a"), Ealgos: u32.Draw(t, "e"), Calgos: u32.Draw(t, "c"), Seq: u32.Draw(t, "s")},
			xfrm.UserAcquireLen, xfrm.UserAcquire.Append, xfrm.ParseUserAcquire)
		roundTrip(t, xfrm.UserExpire{State: drawSA(t), Hard: u8.Draw(t, "h")}, xfrm.UserExpireLen, xfrm.UserExpire.Append, xfrm.ParseUserExpire)
		roundTrip(t, xfrm.UserPolexpire{Pol: drawPol(t), Hard: u8.Draw(t, "h")}, xfrm.UserPolexpireLen, xfrm.UserPolexpire.Append, xfrm.ParseUserPolexpire)
		roundTrip(t, xfrm.UsersaFlush{Proto: u8.Draw(t, "p")}, xfrm.UsersaFlushLen, xfrm.UsersaFlush.Append, xfrm.ParseUsersaFlush)
		roundTrip(t, xfrm.UserReport{Proto: u8.Draw(t, "p"), Sel: drawSel(t)}, xfrm.UserReportLen, xfrm.UserReport.Append, xfrm.ParseUserReport)
		roundTrip(t, xfrm.UserMapping{ID: drawSaID(t), Reqid: u32.Draw(t, "r"), OldSaddr: drawAddr(t, "o"), NewSaddr: drawAddr(t, "n"),
			OldSport: u16.Draw(t, "os"), NewSport: u16.Draw(t, "ns")}, xfrm.UserMappingLen, xfrm.UserMapping.Append, xfrm.ParseUserMapping)
		roundTrip(t, xfrm.UserpolicyDefault{In: u8.Draw(t, "i"), Fwd: u8.Draw(t, "f"), Out: u8.Draw(t, "o")},
			xfrm.UserpolicyDefaultLen, xfrm.UserpolicyDefault.Append, xfrm.ParseUserpolicyDefault)
		roundTrip(t, xfrm.UserTmpl{ID: drawID(t), Family: u16.Draw(t, "f"), Saddr: drawAddr(t, "s"), Reqid: u32.Draw(t, "r"),
			Mode: u8.Draw(t, "m"), Share: u8.Draw(t, "sh"), Optional: u8.Draw(t, "o"), Aalgos: u32.Draw(t, "a"),
			Ealgos: u32.Draw(t, "e"), Calgos: u32.Draw(t, "c")}, xfrm.UserTmplLen, xfrm.UserTmpl.Append, xfrm.ParseUserTmpl)
	})
}

// TestNetworkOrder: SPIs, ports and addresses are big-endian in either
// message byte order; the other fields follow the message's.
func TestNetworkOrder(t *testing.T) {
	id := xfrm.UsersaID{Daddr: xfrm.AddressFrom(netip.MustParseAddr("10.0.0.3")), SPI: 0x2000, Family: xfrm.AF_INET, Proto: xfrm.IPPROTO_ESP}
	le, be := id.Append(nil, nlwire.LittleEndian), id.Append(nil, nlwire.BigEndian)
	for _, b := range [][]byte{le, be} {
		if diff := cmp.Diff([]byte{10, 0, 0, 3}, b[:4]); diff != "" {
			t.Errorf("address (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]byte{0, 0, 0x20, 0}, b[16:20]); diff != "" {
			t.Errorf("SPI (-want +got):\n%s", diff)
		}
	}
	if le[20] != 2 || be[21] != 2 {
		t.Errorf("family not in the message's order: % x, % x", le[20:22], be[20:22])
	}
	if got := id.Daddr.Addr(id.Family); got != netip.MustParseAddr("10.0.0.3") {
		t.Errorf("Addr = %v", got)
	}
	v6 := netip.MustParseAddr("2001:db8::1")
	if a := xfrm.AddressFrom(v6); a.Addr(xfrm.AF_INET6) != v6 || a.Addr(xfrm.AF_UNSPEC).IsValid() {
		t.Errorf("IPv6 address: %v", a)
	}
	if a := xfrm.AddressFrom(netip.Addr{}); a != (xfrm.Address{}) {
		t.Errorf("AddressFrom(zero) = %v", a)
	}
	sel := xfrm.Selector{Dport: 443, Sport: 0x0102}
	p := xfrm.UserpolicyID{Sel: sel}.Append(nil, nlwire.LittleEndian)
	if diff := cmp.Diff([]byte{0x01, 0xbb, 0, 0, 0x01, 0x02}, p[32:38]); diff != "" {
		t.Errorf("selector ports (-want +got):\n%s", diff)
	}
}

// TestParseAllocs: parsing a header allocates nothing.
func TestParseAllocs(t *testing.T) {
	b := xfrm.UserAcquire{}.Append(nil, nlwire.Native)
	n := testing.AllocsPerRun(100, func() {
		xfrm.ParseUsersaInfo(b, nlwire.Native)
		xfrm.ParseUserAcquire(b, nlwire.BigEndian)
		xfrm.ParseUsersaID(b, nlwire.Native)
		xfrm.Lookup(xfrm.XFRM_MSG_GETSA, true)
	})
	if n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestMessages: every message type from XFRM_MSG_NEWSA to
// XFRM_MSG_GETDEFAULT is named after its constant, with the header size
// the kernel requires (xfrm_msg_min) and its C struct; the dump requests
// of GETSA and GETPOLICY have none.
func TestMessages(t *testing.T) {
	byName := map[string]uint64{}
	for _, c := range consts {
		byName[c.name] = c.v
	}
	sizes := map[string]int{
		"xfrm_usersa_info": xfrm.UsersaInfoLen, "xfrm_usersa_id": xfrm.UsersaIDLen, "xfrm_userpolicy_info": xfrm.UserpolicyInfoLen,
		"xfrm_userpolicy_id": xfrm.UserpolicyIDLen, "xfrm_userspi_info": xfrm.UserspiInfoLen, "xfrm_user_acquire": xfrm.UserAcquireLen,
		"xfrm_user_expire": xfrm.UserExpireLen, "xfrm_user_polexpire": xfrm.UserPolexpireLen, "xfrm_usersa_flush": xfrm.UsersaFlushLen,
		"xfrm_aevent_id": xfrm.AeventIDLen, "xfrm_user_report": xfrm.UserReportLen, "u32": 4,
		"xfrm_user_mapping": xfrm.UserMappingLen, "xfrm_userpolicy_default": xfrm.UserpolicyDefaultLen, "": 0,
	}
	n := 0
	for typ := uint16(0); typ < 64; typ++ {
		m := xfrm.Messages.Msg(typ)
		if (m != nil) != (typ >= xfrm.XFRM_MSG_BASE && typ <= xfrm.XFRM_MSG_MAX) {
			t.Errorf("type %d: %v", typ, m)
		}
		if m == nil {
			continue
		}
		n++
		if v, ok := byName[m.Name]; !ok || v != uint64(typ) {
			t.Errorf("type %d is named %s (%d)", typ, m.Name, v)
		}
		s := xfrm.Struct(typ)
		if want, ok := sizes[s]; !ok || want != m.HeaderLen {
			t.Errorf("%s: header %q of %d bytes, %d", m.Name, s, m.HeaderLen, want)
		}
		if m.Attrs == nil {
			t.Errorf("%s: no attribute space", m.Name)
		}
		if got := xfrm.Lookup(typ, false); got != m {
			t.Errorf("%s: Lookup gives another description", m.Name)
		}
	}
	if n != 25 {
		t.Errorf("%d message types, want 25", n)
	}
	for _, typ := range []uint16{xfrm.XFRM_MSG_GETSA, xfrm.XFRM_MSG_GETPOLICY} {
		if m := xfrm.Lookup(typ, true); m == nil || m.HeaderLen != 0 || m.Attrs != &xfrm.Attrs || m.Name != xfrm.Messages.Name(typ) {
			t.Errorf("dump request of %d: %+v", typ, m)
		}
	}
	if m := xfrm.Lookup(xfrm.XFRM_MSG_NEWSA, true); m == nil || m.HeaderLen != xfrm.UsersaInfoLen {
		t.Errorf("XFRM_MSG_NEWSA with NLM_F_DUMP: %+v", m)
	}
	if xfrm.Lookup(0x30, false) != nil || xfrm.Struct(0x30) != "" || xfrm.Struct(xfrm.XFRM_MSG_FLUSHPOLICY) != "" {
		t.Error("an unknown type or FLUSHPOLICY has a header")
	}
}

// TestSets: every attribute's name starts with its set's space and the
// constant of that name has its index (the constants are checked
// against the C header on Linux, the IP-TFS ones against Linux 6.18's
// BTF by hand).
func TestSets(t *testing.T) {
	byName := map[string]uint64{}
	for _, c := range consts {
		byName[c.name] = c.v
	}
	iptfs := map[string]uint64{
		"XFRMA_IPTFS_DROP_TIME": xfrm.XFRMA_IPTFS_DROP_TIME, "XFRMA_IPTFS_REORDER_WINDOW": xfrm.XFRMA_IPTFS_REORDER_WINDOW,
		"XFRMA_IPTFS_DONT_FRAG": xfrm.XFRMA_IPTFS_DONT_FRAG, "XFRMA_IPTFS_INIT_DELAY": xfrm.XFRMA_IPTFS_INIT_DELAY,
		"XFRMA_IPTFS_MAX_QSIZE": xfrm.XFRMA_IPTFS_MAX_QSIZE, "XFRMA_IPTFS_PKT_SIZE": xfrm.XFRMA_IPTFS_PKT_SIZE,
	}
	named := 0
	for _, s := range []*family.Set{&xfrm.Attrs, &xfrm.SADAttrs, &xfrm.SPDAttrs} {
		for i, a := range s.Attrs {
			if a.Name == "" {
				continue
			}
			named++
			if !strings.HasPrefix(a.Name, s.Space+"_") {
				t.Errorf("%s: %s outside its space", s.Space, a.Name)
			}
			v, ok := byName[a.Name]
			if !ok {
				v, ok = iptfs[a.Name]
			}
			if !ok || v != uint64(i) {
				t.Errorf("%s is at %d, its constant is %d (%v)", a.Name, i, v, ok)
			}
		}
	}
	if named != 41+2+4 {
		t.Errorf("%d attributes named, want 47", named)
	}
	if xfrm.Attrs.Max() != xfrm.XFRMA_IPTFS_PKT_SIZE || xfrm.Attrs.Name(xfrm.XFRMA_SET_MARK) != "XFRMA_SET_MARK" {
		t.Errorf("XFRMA: max %d", xfrm.Attrs.Max())
	}
}

// TestNoFmt: the package imports the standard library alone, and not fmt.
func TestNoFmt(t *testing.T) { testenv.CheckCodecImports(t) }
