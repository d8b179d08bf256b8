//go:build linux

package sockdiag_test

import (
	"bytes"
	"encoding/binary"
	"net"
	"net/netip"
	"os"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/sockdiag"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// diagDump sends a SOCK_DIAG_BY_FAMILY dump request with header hdr and
// calls fn with each reply's payload, after checking that the reply's
// attributes walk cleanly and each is named by the reply's table.
func diagDump(t *testing.T, c *nlsock.Conn, hdr wire.FixedHeader, fn func(p []byte)) {
	t.Helper()
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: sockdiag.SOCK_DIAG_BY_FAMILY, Flags: wire.Request | wire.Dump})
	wire.PutFixedHeader(&b, hdr)
	b.End(m)
	req, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for msg, err := range c.Messages(req) {
		if err != nil {
			t.Fatal(err)
		}
		p := msg.Payload()
		d := sockdiag.Lookup(msg.Header().Type, false, p[0])
		if d == nil || len(p) < d.HeaderLen {
			t.Fatalf("reply of %d bytes, family %d: %v", len(p), p[0], d)
		}
		a := msg.Attrs(d.HeaderLen)
		for a.Next() {
			if d.Attrs.Name(a.Type()) == "" {
				t.Errorf("%s: attribute type %d not named", d.Struct, a.Type())
			}
		}
		if err := a.Err(); err != nil {
			t.Errorf("%s: %v", d.Struct, err)
		}
		fn(p)
		n++
	}
	if n == 0 {
		t.Errorf("no reply to %T", hdr)
	}
}

// TestLiveSockets: the kernel's descriptions of sockets the test opens
// read back as opened, through the headers' parsers and the tables: a
// TCP listener and a connection to it, an abstract unix listener, the
// test's own NETLINK_SOCK_DIAG socket and (as root) a packet socket. It
// only reads: the sockets are the test's own, on 127.0.0.1.
func TestLiveSockets(t *testing.T) {
	c, err := nlsock.Dial(sockdiagProto, nil)
	if err != nil {
		testenv.Skip(t, "NETLINK_SOCK_DIAG: "+err.Error())
	}
	defer c.Close()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := uint16(l.Addr().(*net.TCPAddr).Port)
	conn, err := net.Dial("tcp4", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	local := uint16(conn.LocalAddr().(*net.TCPAddr).Port)

	lo := netip.MustParseAddr("127.0.0.1")
	var listening, connected bool
	diagDump(t, c, sockdiag.InetDiagReqV2{Family: sockdiag.AF_INET, Protocol: unix.IPPROTO_TCP, States: ^uint32(0),
		Ext: 1 << (sockdiag.INET_DIAG_INFO - 1)}, func(p []byte) {
		m, err := sockdiag.ParseInetDiagMsg(p, nlwire.Native)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case m.ID.Sport == port && m.State == 10: // TCP_LISTEN
			listening = m.ID.SrcAddr(m.Family) == lo && m.ID.Dport == 0 && m.Inode != 0
		case m.ID.Sport == local && m.ID.Dport == port:
			connected = m.State == 1 && m.ID.SrcAddr(m.Family) == lo && m.ID.DstAddr(m.Family) == lo // TCP_ESTABLISHED
		}
	})
	if !listening || !connected {
		t.Errorf("listener on port %d found: %v; connection from port %d found: %v", port, listening, local, connected)
	}

	name := "nlwire-sockdiag-" + strconv.Itoa(os.Getpid())
	ul, err := net.Listen("unix", "@"+name)
	if err != nil {
		t.Fatal(err)
	}
	defer ul.Close()
	found := false
	diagDump(t, c, sockdiag.UnixDiagReq{Family: sockdiag.AF_UNIX, States: ^uint32(0), Show: sockdiag.UDIAG_SHOW_NAME}, func(p []byte) {
		m, err := sockdiag.ParseUnixDiagMsg(p, nlwire.Native)
		if err != nil {
			t.Fatal(err)
		}
		for d := attr.NewDecoder(p[sockdiag.UnixDiagMsgLen:]); d.Next(); {
			if d.Type() == sockdiag.UNIX_DIAG_NAME && bytes.Equal(d.Bytes(), append([]byte{0}, name...)) {
				found = m.State == 10 && m.Type == unix.SOCK_STREAM
			}
		}
	})
	if !found {
		t.Errorf("unix listener @%s not found", name)
	}

	found = false
	diagDump(t, c, sockdiag.NetlinkDiagReq{Family: sockdiag.AF_NETLINK, Protocol: sockdiag.NDIAG_PROTO_ALL,
		Show: sockdiag.NDIAG_SHOW_MEMINFO | sockdiag.NDIAG_SHOW_GROUPS | sockdiag.NDIAG_SHOW_FLAGS}, func(p []byte) {
		m, err := sockdiag.ParseNetlinkDiagMsg(p, nlwire.Native)
		if err != nil {
			t.Fatal(err)
		}
		if m.PortID == c.PortID() {
			found = m.Protocol == sockdiagProto && m.Family == sockdiag.AF_NETLINK
		}
	})
	if !found {
		t.Errorf("the test's netlink socket (port %d) not found", c.PortID())
	}

	if os.Geteuid() != 0 {
		testenv.Skip(t, "a packet socket needs root")
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, int(htons(0x88b5)))
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		t.Fatal(err)
	}
	found = false
	diagDump(t, c, sockdiag.PacketDiagReq{Family: sockdiag.AF_PACKET, Show: sockdiag.PACKET_SHOW_INFO | sockdiag.PACKET_SHOW_MEMINFO}, func(p []byte) {
		m, err := sockdiag.ParsePacketDiagMsg(p, nlwire.Native)
		if err != nil {
			t.Fatal(err)
		}
		if uint64(m.Ino) == st.Ino {
			found = m.Num == 0x88b5 && m.Type == unix.SOCK_RAW
		}
	})
	if !found {
		t.Errorf("packet socket of inode %d not found", st.Ino)
	}
}

// sockdiagProto is NETLINK_SOCK_DIAG.
const sockdiagProto = 4

// htons returns v in network byte order, as socket(2)'s protocol wants.
func htons(v uint16) uint16 { return binary.NativeEndian.Uint16(binary.BigEndian.AppendUint16(nil, v)) }
