//go:build linux

package nlsock_test

import (
	"encoding/json"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
	"golang.org/x/sys/unix"
)

// Fixed header sizes of rtnetlink messages.
const (
	ifinfomsgLen = unix.SizeofIfInfomsg // 16
	ifaddrmsgLen = unix.SizeofIfAddrmsg // 8
	rtmsgLen     = unix.SizeofRtMsg     // 12
)

// vethNS makes a namespace holding the veth pair v0 (10.99.0.1/24,
// fd00:99::1/64) and v1, both up.
func vethNS(t *testing.T) *testNS {
	ns := newNS(t)
	ns.IP(t, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ns.IP(t, "link", "set", "v0", "mtu", "1400")
	ns.IP(t, "addr", "add", "10.99.0.1/24", "dev", "v0")
	ns.IP(t, "addr", "add", "fd00:99::1/64", "dev", "v0", "nodad")
	ns.IP(t, "link", "set", "v0", "up")
	ns.IP(t, "link", "set", "v1", "up")
	return ns
}

// dumpReq builds an rtnetlink dump request with a zeroed family header of
// hdrLen bytes whose first byte is family.
func dumpReq(typ uint16, hdrLen int, family byte) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: typ, Flags: wire.Request | wire.Dump})
	b.FamilyHeader(hdrLen)[0] = family
	b.End(m)
	out, _ := b.Finish()
	return out
}

// nestedAttrs lists, per message type, the attribute types that are
// nests although old rtnetlink code sends them without NLA_F_NESTED;
// key 0 holds the types nested inside them that are nests again.
var nestedAttrs = map[uint16][]uint16{
	unix.RTM_NEWLINK: {unix.IFLA_LINKINFO, unix.IFLA_AF_SPEC, unix.IFLA_PROP_LIST},
}

// walkAll visits every attribute of d, recursing into nests, and returns
// the number visited; it fails the test on any decoding error.
func walkAll(t *testing.T, d attr.Decoder, nests []uint16, depth int) int {
	t.Helper()
	n := 0
	for d.Next() {
		n++
		_ = d.Bytes()
		if d.Flags()&attr.FlagNested != 0 || slices.Contains(nests, d.Type()) {
			var sub []uint16
			if depth == 0 && d.Type() == unix.IFLA_AF_SPEC {
				sub = []uint16{unix.AF_INET, unix.AF_INET6, unix.AF_BRIDGE, unix.AF_MPLS}
			}
			n += walkAll(t, d.Nested(), sub, depth+1)
		}
	}
	if err := d.Err(); err != nil {
		t.Errorf("attribute walk: %v", err)
	}
	return n
}

type link struct {
	Index int    `json:"ifindex"`
	Name  string `json:"ifname"`
	MTU   int    `json:"mtu"`
}

func TestRouteDumpsMatchIP(t *testing.T) {
	ns := vethNS(t)
	c := ns.Dial(t, nlsock.Route, nil)

	// Links.
	var got []link
	attrs := 0
	err := c.Execute(dumpReq(unix.RTM_GETLINK, ifinfomsgLen, unix.AF_UNSPEC), func(msg wire.Message) error {
		if h := msg.Header(); h.Type != unix.RTM_NEWLINK {
			t.Errorf("message type %d", h.Type)
		}
		l := link{Index: int(ne.Uint32(msg.Payload()[4:]))}
		d := msg.Attrs(ifinfomsgLen)
		attrs += walkAll(t, d, nestedAttrs[unix.RTM_NEWLINK], 0)
		for d.Next() {
			switch d.Type() {
			case unix.IFLA_IFNAME:
				l.Name = d.String()
			case unix.IFLA_MTU:
				l.MTU = int(d.Uint32())
			}
		}
		if err := d.Err(); err != nil {
			t.Error(err)
		}
		got = append(got, l)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []link
	if err := json.Unmarshal([]byte(ns.IP(t, "-j", "link", "show")), &want); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n got %+v\nwant %+v (ip -j link show)", got, want)
	}
	if len(got) != 3 {
		t.Errorf("%d links, want lo, v0, v1", len(got))
	}
	t.Logf("%d links, %d attributes decoded", len(got), attrs)

	// Addresses.
	type addr struct {
		Index  int
		Prefix netip.Prefix
	}
	var gotAddrs []addr
	err = c.Execute(dumpReq(unix.RTM_GETADDR, ifaddrmsgLen, unix.AF_UNSPEC), func(msg wire.Message) error {
		p := msg.Payload()
		plen, index := int(p[1]), int(ne.Uint32(p[4:]))
		d := msg.Attrs(ifaddrmsgLen)
		walkAll(t, d, nil, 0)
		var local, address []byte
		for d.Next() {
			switch d.Type() {
			case unix.IFA_LOCAL:
				local = d.Bytes()
			case unix.IFA_ADDRESS:
				address = d.Bytes()
			case unix.IFA_CACHEINFO:
				if d.Len() != unix.SizeofIfaCacheinfo {
					t.Errorf("IFA_CACHEINFO of %d bytes", d.Len())
				}
			}
		}
		if err := d.Err(); err != nil {
			t.Error(err)
		}
		if local == nil {
			local = address
		}
		a, ok := netip.AddrFromSlice(local)
		if !ok {
			t.Errorf("address % x", local)
		}
		gotAddrs = append(gotAddrs, addr{index, netip.PrefixFrom(a, plen)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ipAddrs []struct {
		Index int `json:"ifindex"`
		Info  []struct {
			Local  string `json:"local"`
			Prefix int    `json:"prefixlen"`
		} `json:"addr_info"`
	}
	if err := json.Unmarshal([]byte(ns.IP(t, "-j", "addr", "show")), &ipAddrs); err != nil {
		t.Fatal(err)
	}
	var wantAddrs []addr
	for _, l := range ipAddrs {
		for _, i := range l.Info {
			wantAddrs = append(wantAddrs, addr{l.Index, netip.PrefixFrom(netip.MustParseAddr(i.Local), i.Prefix)})
		}
	}
	cmp := func(a, b addr) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return a.Prefix.Addr().Compare(b.Prefix.Addr())
	}
	slices.SortFunc(gotAddrs, cmp)
	slices.SortFunc(wantAddrs, cmp)
	if !slices.Equal(gotAddrs, wantAddrs) {
		t.Errorf("addresses:\n got %v\nwant %v (ip -j addr show)", gotAddrs, wantAddrs)
	}
	if !slices.ContainsFunc(gotAddrs, func(a addr) bool { return a.Prefix.String() == "10.99.0.1/24" }) {
		t.Errorf("10.99.0.1/24 missing from %v", gotAddrs)
	}

	// Routes of the main table (IPv4).
	var routes []string
	err = c.Execute(dumpReq(unix.RTM_GETROUTE, rtmsgLen, unix.AF_INET), func(msg wire.Message) error {
		p := msg.Payload()
		if p[0] != unix.AF_INET {
			t.Errorf("route family %d", p[0])
		}
		dstLen, table := int(p[1]), p[4]
		d := msg.Attrs(rtmsgLen)
		walkAll(t, d, nil, 0)
		var dst netip.Addr
		var oif uint32
		for d.Next() {
			switch d.Type() {
			case unix.RTA_DST:
				dst, _ = netip.AddrFromSlice(d.Bytes())
			case unix.RTA_OIF:
				oif = d.Uint32()
			case unix.RTA_TABLE:
				table = byte(d.Uint32())
			}
		}
		if table == unix.RT_TABLE_MAIN && oif != 0 {
			routes = append(routes, netip.PrefixFrom(dst, dstLen).String())
		}
		return d.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	var ipRoutes []struct {
		Dst string `json:"dst"`
	}
	if err := json.Unmarshal([]byte(ns.IP(t, "-j", "-4", "route", "show", "table", "main")), &ipRoutes); err != nil {
		t.Fatal(err)
	}
	var wantRoutes []string
	for _, r := range ipRoutes {
		wantRoutes = append(wantRoutes, r.Dst)
	}
	if !slices.Equal(routes, wantRoutes) {
		t.Errorf("routes: got %v, want %v (ip -j route show)", routes, wantRoutes)
	}
	if st := c.Stats(); st.ForeignSender != 0 || st.Unexpected != 0 {
		t.Errorf("stats %+v", st)
	}
}

// linkReq starts an rtnetlink link request with an ifinfomsg for index.
func linkReq(typ uint16, flags wire.Flags, index int32) (wire.Builder, wire.Msg) {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: typ, Flags: wire.Request | wire.Ack | flags})
	h := b.FamilyHeader(ifinfomsgLen)
	ne.PutUint32(h[4:], uint32(index))
	return b, m
}

func finish(t *testing.T, b *wire.Builder, m wire.Msg) []byte {
	t.Helper()
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// getLink returns the index and MTU of the link name, and whether it exists.
func getLink(t *testing.T, c *nlsock.Conn, name string) (index int32, mtu uint32, ok bool) {
	t.Helper()
	b, m := linkReq(unix.RTM_GETLINK, 0, 0)
	b.Attrs().String(unix.IFLA_IFNAME, name)
	err := c.Execute(finish(t, &b, m), func(msg wire.Message) error {
		index = int32(ne.Uint32(msg.Payload()[4:]))
		d := msg.Attrs(ifinfomsgLen)
		for d.Next() {
			if d.Type() == unix.IFLA_MTU {
				mtu = d.Uint32()
			}
		}
		ok = true
		return d.Err()
	})
	if errors.Is(err, nlwire.ENODEV) {
		return 0, 0, false
	}
	if err != nil {
		t.Fatalf("RTM_GETLINK %s: %v", name, err)
	}
	return index, mtu, ok
}

func TestLinkChangesInNamespace(t *testing.T) {
	ns := newNS(t)
	c := ns.Dial(t, nlsock.Route, nil)

	// Create the veth pair a0/a1.
	b, m := linkReq(unix.RTM_NEWLINK, wire.Create|wire.Excl, 0)
	e := b.Attrs()
	e.String(unix.IFLA_IFNAME, "a0")
	li := e.Begin(unix.IFLA_LINKINFO)
	e.String(unix.IFLA_INFO_KIND, "veth")
	data := e.Begin(unix.IFLA_INFO_DATA)
	peer := e.Begin(1) // VETH_INFO_PEER: an ifinfomsg, then the peer's attributes
	e.Raw(make([]byte, ifinfomsgLen))
	e.String(unix.IFLA_IFNAME, "a1")
	e.End(peer)
	e.End(data)
	e.End(li)
	if err := c.Execute(finish(t, &b, m), nil); err != nil {
		t.Fatalf("create veth: %v", err)
	}
	idx, _, ok := getLink(t, c, "a0")
	if !ok {
		t.Fatal("a0 not created")
	}
	if _, _, ok := getLink(t, c, "a1"); !ok {
		t.Fatal("peer a1 not created")
	}

	// Set the MTU and read it back.
	b, m = linkReq(unix.RTM_NEWLINK, 0, idx)
	b.Attrs().Uint32(unix.IFLA_MTU, 1280)
	if err := c.Execute(finish(t, &b, m), nil); err != nil {
		t.Fatalf("set MTU: %v", err)
	}
	if _, mtu, _ := getLink(t, c, "a0"); mtu != 1280 {
		t.Errorf("MTU %d after setting 1280", mtu)
	}

	// Add an address and find it in a dump.
	ab := wire.NewBuilder(nil)
	am := ab.Start(wire.Header{Type: unix.RTM_NEWADDR, Flags: wire.Request | wire.Ack | wire.Create | wire.Excl})
	h := ab.FamilyHeader(ifaddrmsgLen)
	h[0], h[1] = unix.AF_INET, 24
	ne.PutUint32(h[4:], uint32(idx))
	ab.Attrs().Put(unix.IFA_LOCAL, []byte{10, 98, 0, 1})
	ab.Attrs().Put(unix.IFA_ADDRESS, []byte{10, 98, 0, 1})
	if err := c.Execute(finish(t, &ab, am), nil); err != nil {
		t.Fatalf("add address: %v", err)
	}
	found := false
	for msg, err := range c.Messages(dumpReq(unix.RTM_GETADDR, ifaddrmsgLen, unix.AF_INET)) {
		if err != nil {
			t.Fatal(err)
		}
		if int32(ne.Uint32(msg.Payload()[4:])) != idx {
			continue
		}
		if d, ok := msg.Attrs(ifaddrmsgLen).Find(unix.IFA_LOCAL); ok && string(d.Bytes()) == "\x0a\x62\x00\x01" {
			found = true
		}
	}
	if !found {
		t.Error("10.98.0.1 not in the address dump")
	}
	if out := ns.IP(t, "-4", "addr", "show", "dev", "a0"); !strings.Contains(out, "10.98.0.1/24") || !strings.Contains(out, "mtu 1280") {
		t.Errorf("ip addr show dev a0:\n%s", out)
	}

	// Kernel errors with extended ACK.
	t.Run("short IFLA_MTU", func(t *testing.T) {
		b, m := linkReq(unix.RTM_NEWLINK, 0, idx)
		off := b.Len()
		b.Attrs().Uint16(unix.IFLA_MTU, 1500)
		err := c.Execute(finish(t, &b, m), nil)
		checkExtAck(t, err, nlwire.ERANGE, validate.MsgFailed, off)
		var we *wire.Error
		if errors.As(err, &we) {
			ap := decodePolicy(t, we.Policy)
			if ap[validate.PolicyAttrType] != 4 /* NL_ATTR_TYPE_U32 */ || ap[validate.PolicyAttrMaxValueU] != 0xffffffff {
				t.Errorf("policy %v, want U32 range [0, 0xffffffff]", ap)
			}
		}
	})
	t.Run("long IFLA_IFNAME", func(t *testing.T) {
		b, m := linkReq(unix.RTM_NEWLINK, 0, idx)
		b.Attrs().Uint32(unix.IFLA_MTU, 1300)
		off := b.Len()
		b.Attrs().String(unix.IFLA_IFNAME, "abcdefghijklmnopqrst") // 20 characters; IFNAMSIZ is 16
		checkExtAck(t, c.Execute(finish(t, &b, m), nil), nlwire.ERANGE, validate.MsgFailed, off)
		if _, mtu, _ := getLink(t, c, "a0"); mtu != 1280 {
			t.Errorf("MTU %d: the failed request changed it", mtu)
		}
	})
	t.Run("unknown link kind", func(t *testing.T) {
		b, m := linkReq(unix.RTM_NEWLINK, wire.Create|wire.Excl, 0)
		e := b.Attrs()
		e.String(unix.IFLA_IFNAME, "x0")
		li := e.Begin(unix.IFLA_LINKINFO)
		e.String(unix.IFLA_INFO_KIND, "nosuchkind")
		e.End(li)
		err := c.Execute(finish(t, &b, m), nil)
		checkExtAck(t, err, nlwire.EOPNOTSUPP, "Unknown device type", -1)
		if _, _, ok := getLink(t, c, "x0"); ok {
			t.Error("x0 exists")
		}
	})

	// Delete the pair.
	b, m = linkReq(unix.RTM_DELLINK, 0, idx)
	if err := c.Execute(finish(t, &b, m), nil); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, _, ok := getLink(t, c, "a0"); ok {
		t.Error("a0 still exists")
	}
	if _, _, ok := getLink(t, c, "a1"); ok {
		t.Error("a1 still exists")
	}
}

// checkExtAck checks that err is the kernel's error errno with the
// extended ACK message msg and offset off (-1: no offset).
func checkExtAck(t *testing.T, err error, errno nlwire.Errno, msg string, off int) {
	t.Helper()
	var we *wire.Error
	if !errors.As(err, &we) {
		t.Fatalf("error %v (%T), want a *wire.Error", err, err)
	}
	if we.Errno != errno || string(we.Msg) != msg {
		t.Errorf("kernel said %v %q, want %v %q", we.Errno.Name(), we.Msg, errno.Name(), msg)
	}
	if off >= 0 && int(we.Offset) != off {
		t.Errorf("offset %d, want %d", we.Offset, off)
	}
	if off < 0 && we.Offset != 0 {
		t.Errorf("offset %d, want none", we.Offset)
	}
	if !errors.Is(err, unix.Errno(errno)) {
		t.Errorf("errors.Is(err, unix.%s) is false", errno.Name())
	}
	if len(we.Request) < wire.HeaderLen {
		t.Errorf("no echoed request")
	}
	t.Logf("%v", err)
}

func decodePolicy(t *testing.T, b []byte) map[uint16]uint64 {
	t.Helper()
	if b == nil {
		t.Fatal("no NLMSGERR_ATTR_POLICY")
	}
	return kernelPolicy(b)
}

// TestDumpWithOneFlag: rtnetlink dumps a GET with only NLM_F_ROOT or only
// NLM_F_MATCH (rtnetlink_rcv_msg tests either bit) and ends it with
// NLMSG_DONE and no ACK; Execute must end there too, not wait.
func TestDumpWithOneFlag(t *testing.T) {
	ns := vethNS(t)
	c := ns.Dial(t, nlsock.Route, nil)
	for _, f := range []wire.Flags{wire.Root, wire.Match} {
		b := wire.NewBuilder(nil)
		m := b.Start(wire.Header{Type: unix.RTM_GETLINK, Flags: wire.Request | f})
		b.FamilyHeader(16)
		b.End(m)
		req, _ := b.Finish()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		n := 0
		if err := c.Execute(req, func(wire.Message) error { n++; return nil }); err != nil || n != 3 {
			t.Errorf("GETLINK with %v: %d links, %v; want lo, v0, v1", f, n, err)
		}
	}
}
