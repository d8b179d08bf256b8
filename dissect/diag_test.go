package dissect_test

import (
	"encoding/binary"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/sockdiag"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/wire"
)

// diagCapture is what ss and ip xfrm exchanged with Linux 6.18 (see
// cmd/nldump's TestRecordDiagToolTraffic).
const diagCapture = "../cmd/nldump/testdata/tools-diag.pcap"

// headerWriter keeps the fixed headers' fields and addresses, the names
// of the attributes and the problems of a walk.
type headerWriter struct {
	dissect.Discard
	headers  []map[string]string
	unnamed  []string
	problems []string
	attrs    int
}

func (w *headerWriter) Header(h *dissect.Header) {
	m := map[string]string{"struct": h.Struct}
	for _, f := range h.Fields {
		m[f.Name] = fieldText(&f)
	}
	for _, a := range h.Addrs {
		m[a.Name] = addrText(&a)
	}
	if h.Raw != nil {
		m["raw"] = "yes"
	}
	w.headers = append(w.headers, m)
}

// fieldText gives a field's value as text, by its kind.
func fieldText(f *dissect.Field) string {
	switch f.Kind {
	case dissect.FieldU64:
		return strconv.FormatUint(f.Uint, 10)
	case dissect.FieldString:
		return strconv.Quote(string(f.Bytes))
	case dissect.FieldBytes:
		return fmt.Sprintf("%x", f.Bytes)
	}
	return strconv.FormatInt(f.Value, 10)
}

// addrText gives an address field as text: an address of another family
// as its bytes in hex.
func addrText(a *dissect.AddrField) string {
	if a.Other {
		b := a.Addr.As16()
		return fmt.Sprintf("%x", b[:])
	}
	return a.Addr.String()
}

func (w *headerWriter) Attr(a *dissect.Attr) {
	w.attrs++
	if a.Name == "" && a.Role == dissect.RoleAttr {
		w.unnamed = append(w.unnamed, strconv.Itoa(int(a.Type)))
	}
}

func (w *headerWriter) Problem(p *dissect.Problem) { w.problems = append(w.problems, p.Error()) }

// find returns the first header whose fields include every one of want.
func (w *headerWriter) find(want map[string]string) map[string]string {
	for _, h := range w.headers {
		ok := true
		for k, v := range want {
			ok = ok && h[k] == v
		}
		if ok {
			return h
		}
	}
	return nil
}

// TestDiagCapture: every message of ss's and ip xfrm's real traffic is
// classified by the sock_diag and xfrm tables (a request for AF_VSOCK
// sockets too), walks without a problem, has its
// fixed header decoded and every attribute named; the listener's port
// and the SA's SPI and addresses are where they belong.
func TestDiagCapture(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, diagCapture))
	w := &headerWriter{}
	names := map[string]int{}
	for i := range msgs {
		k := &msgs[i].kind
		names[k.Family+" "+k.Name]++
		if !k.Known && k.Header.Type >= wire.MinType {
			t.Errorf("message %d (%s %s) not known", i, k.Family, k.Name)
		}
		d.Message(w, msgs[i].msg, k)
	}
	if len(w.problems) > 0 || len(w.unnamed) > 0 {
		t.Errorf("problems %q, unnamed attribute types %q", w.problems, w.unnamed)
	}
	for _, h := range w.headers {
		if h["raw"] != "" {
			t.Errorf("header not decoded: %v", h)
		}
	}
	for _, n := range []string{"sock_diag SOCK_DIAG_BY_FAMILY", "sock_diag SOCK_DESTROY", "sock_diag DCCPDIAG_GETSOCK",
		"xfrm XFRM_MSG_NEWSA", "xfrm XFRM_MSG_GETSA", "xfrm XFRM_MSG_DELSA", "xfrm XFRM_MSG_ALLOCSPI",
		"xfrm XFRM_MSG_NEWPOLICY", "xfrm XFRM_MSG_GETPOLICY", "xfrm XFRM_MSG_DELPOLICY", "xfrm XFRM_MSG_FLUSHSA",
		"xfrm XFRM_MSG_FLUSHPOLICY", "xfrm XFRM_MSG_GETSADINFO", "xfrm XFRM_MSG_NEWSADINFO",
		"xfrm XFRM_MSG_GETSPDINFO", "xfrm XFRM_MSG_NEWSPDINFO"} {
		if names[n] == 0 {
			t.Errorf("no %s in %v", n, names)
		}
	}
	if w.attrs < 90 { // 98 in the capture
		t.Errorf("only %d attributes", w.attrs)
	}
	for _, want := range []map[string]string{
		// The TCP listener, its connection (both ends), the unix socket
		// pair, a packet socket bound to 0x88b5, netlink sockets.
		{"struct": "inet_diag_msg", "state": "10", "id.sport": "8080", "id.src": "127.0.0.1", "id.dst": "0.0.0.0"},
		{"struct": "inet_diag_msg", "state": "1", "id.dport": "8080", "id.src": "127.0.0.1", "id.dst": "127.0.0.1"},
		{"struct": "inet_diag_req_v2", "family": "2", "protocol": "6"},
		{"struct": "unix_diag_msg", "family": "1", "state": "10"},
		{"struct": "packet_diag_msg", "family": "17", "num": "34997"},
		{"struct": "netlink_diag_msg", "family": "16", "protocol": "4"},
		{"struct": "vsock_diag_req", "family": "40", "states": "2871"},
		// The SA the SPI allocation made, read back, and the one the
		// kernel refused.
		{"struct": "xfrm_usersa_info", "id.spi": "8192", "id.proto": "50", "id.daddr": "10.0.0.3", "saddr": "10.0.0.1", "family": "2"},
		{"struct": "xfrm_userspi_info", "min": "8192", "max": "8192", "info.id.daddr": "10.0.0.3"},
		{"struct": "xfrm_usersa_id", "spi": "8192", "daddr": "10.0.0.3"},
		{"struct": "xfrm_usersa_info", "id.spi": "4096", "reqid": "7", "mode": "1", "sel.daddr": "10.0.2.0", "sel.saddr": "10.0.1.0",
			"lft.soft_byte_limit": "18446744073709551615", "lft.hard_packet_limit": "18446744073709551615", "lft.soft_add_expires_seconds": "0"},
		{"struct": "xfrm_userpolicy_info", "dir": "1", "sel.prefixlen_d": "24", "sel.daddr": "10.0.2.0"},
	} {
		if w.find(want) == nil {
			t.Errorf("no header with %v", want)
		}
	}
}

// TestDiagAllocs: classifying and walking the capture's messages
// allocates nothing.
func TestDiagAllocs(t *testing.T) {
	d := dissect.New()
	dgs := readCapture(t, diagCapture)
	msgs := messagesOf(d, dgs)
	var w dissect.Writer = dissect.Discard{}
	walk := func() {
		for i := range msgs {
			m := &msgs[i]
			r := wire.NewReader(m.msg).WithOrder(m.kind.Order)
			r.Next()
			d.Classify(&m.kind, m.kind.Protocol, m.kind.Order, r.Header(), r.Payload())
			d.Message(w, m.msg, &m.kind)
		}
	}
	walk()
	if n := testing.AllocsPerRun(10, walk); n != 0 {
		t.Errorf("%d messages: %v allocations", len(msgs), n)
	}
}

// TestDiagBigEndian: a big-endian machine's inet_diag_msg and xfrm SA
// read as a little-endian one's: ports, SPIs and addresses are
// big-endian in both.
func TestDiagBigEndian(t *testing.T) {
	var id sockdiag.SockID
	id.Sport, id.Dport = 22, 50000
	copy(id.Src[:], netip.MustParseAddr("192.0.2.1").AsSlice())
	sa := xfrm.UsersaInfo{ID: xfrm.ID{Daddr: xfrm.AddressFrom(netip.MustParseAddr("2001:db8::2")), SPI: 0xdeadbeef, Proto: xfrm.IPPROTO_ESP},
		Family: xfrm.AF_INET6, Reqid: 0x01020304,
		Lft:    xfrm.LifetimeCfg{SoftByteLimit: math.MaxUint64, HardPacketLimit: 0x0102030405060708, HardUseExpiresSeconds: 1<<63 + 5},
		Curlft: xfrm.LifetimeCur{UseTime: 1<<63 | 1}}
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		b := wire.NewBuilder(nil).WithOrder(o)
		m := b.Start(wire.Header{Type: sockdiag.SOCK_DIAG_BY_FAMILY, Flags: wire.Multi})
		wire.PutFixedHeader(&b, sockdiag.InetDiagMsg{Family: sockdiag.AF_INET, State: 10, ID: id, Inode: 0x0a0b0c0d})
		b.Attrs().Uint32(sockdiag.INET_DIAG_MARK, 7)
		b.End(m)
		diag, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		b = wire.NewBuilder(nil).WithOrder(o)
		m = b.Start(wire.Header{Type: xfrm.XFRM_MSG_NEWSA})
		wire.PutFixedHeader(&b, sa)
		b.End(m)
		x, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		d := dissect.New()
		w := &headerWriter{}
		if err := d.Datagram(w, dissect.ProtoSockDiag, o, diag); err != nil {
			t.Fatal(err)
		}
		if err := d.Datagram(w, dissect.ProtoXFRM, o, x); err != nil {
			t.Fatal(err)
		}
		if len(w.headers) != 2 || len(w.problems) > 0 || w.attrs != 1 {
			t.Fatalf("%v: %v, problems %v", o, w.headers, w.problems)
		}
		got := []string{w.headers[0]["id.sport"], w.headers[0]["id.dport"], w.headers[0]["id.src"], w.headers[0]["inode"],
			w.headers[1]["id.spi"], w.headers[1]["id.daddr"], w.headers[1]["reqid"],
			w.headers[1]["lft.soft_byte_limit"], w.headers[1]["lft.hard_packet_limit"], w.headers[1]["lft.hard_use_expires_seconds"],
			w.headers[1]["lft.hard_byte_limit"], w.headers[1]["curlft.use_time"]}
		want := []string{"22", "50000", "192.0.2.1", "168496141", "3735928559", "2001:db8::2", "16909060",
			"18446744073709551615", "72623859790382856", "9223372036854775813", "0", "9223372036854775809"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", o, diff)
		}
	}
}

// payloadWriter keeps the payloads a walk gives as bytes, with their
// depth.
type payloadWriter struct {
	dissect.Discard
	payloads []string
}

func (w *payloadWriter) Payload(p []byte, depth int) {
	w.payloads = append(w.payloads, fmt.Sprintf("%d:%x", depth, p))
}

// TestEchoWithoutTables: an NLMSG_ERROR echoing a request no table
// describes (a sock_diag request for AF_XDP) gives the request's payload
// as bytes, rather than leaving it out.
func TestEchoWithoutTables(t *testing.T) {
	le := binary.LittleEndian
	req := le.AppendUint32(nil, 24) // nlmsghdr: len, type, flags, seq, pid
	req = le.AppendUint16(req, sockdiag.SOCK_DIAG_BY_FAMILY)
	req = le.AppendUint16(req, uint16(wire.Request|wire.Dump))
	req = le.AppendUint32(le.AppendUint32(req, 7), 0)
	req = append(req, 44, 0, 0, 0, 1, 2, 3, 4) // AF_XDP: no tables
	msg := le.AppendUint32(nil, uint32(16+4+len(req)))
	msg = le.AppendUint16(msg, wire.TypeError)
	msg = le.AppendUint16(msg, 0) // flags
	msg = le.AppendUint32(le.AppendUint32(msg, 7), 99)
	msg = le.AppendUint32(msg, uint32(0x100000000-2)) // -ENOENT
	msg = append(msg, req...)
	w := &payloadWriter{}
	if err := dissect.New().Datagram(w, dissect.ProtoSockDiag, nlwire.LittleEndian, msg); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"3:2c00000001020304"}, w.payloads); diff != "" {
		t.Errorf("payloads (-want +got):\n%s", diff)
	}
}
