//go:build ignore

// Command record captures real kernel netlink traffic into the pcap files
// in this directory. It changes links, so run it only inside a new network
// namespace, as root:
//
//	unshare -n go run testdata/record.go -o testdata
package main

import (
	"encoding/binary"
	"flag"
	"log"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/wire"
)

var ne = binary.NativeEndian

type sock struct {
	fd    int
	proto int
	w     *capture.Writer
	seq   uint32
}

func open(proto int, w *capture.Writer, groups uint32, capAck bool) *sock {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW, proto)
	if err != nil {
		log.Fatal(err)
	}
	syscall.SetsockoptInt(fd, 270, 11, 1) // NETLINK_EXT_ACK
	syscall.SetsockoptInt(fd, 270, 12, 1) // NETLINK_GET_STRICT_CHK
	if capAck {
		syscall.SetsockoptInt(fd, 270, 10, 1)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK, Groups: groups}); err != nil {
		log.Fatal(err)
	}
	return &sock{fd: fd, proto: proto, w: w}
}

func (s *sock) send(b []byte) {
	if err := syscall.Sendto(s.fd, b, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		log.Fatal(err)
	}
	s.w.WriteDatagram(time.Now(), uint16(s.proto), true, b)
}

// recv records datagrams until one holds NLMSG_DONE or NLMSG_ERROR.
func (s *sock) recv() {
	buf := make([]byte, 1<<16)
	for {
		n, _, err := syscall.Recvfrom(s.fd, buf, 0)
		if err != nil {
			log.Fatal(err)
		}
		s.w.WriteDatagram(time.Now(), uint16(s.proto), false, buf[:n])
		r := wire.NewReader(buf[:n])
		for r.Next() {
			if t := r.Header().Type; t == wire.TypeDone || t == wire.TypeError {
				return
			}
		}
	}
}

func (s *sock) recvOne() {
	buf := make([]byte, 1<<16)
	n, _, err := syscall.Recvfrom(s.fd, buf, 0)
	if err != nil {
		log.Fatal(err)
	}
	s.w.WriteDatagram(time.Now(), uint16(s.proto), false, buf[:n])
}

type msgFn func(e *attr.Encoder)

func (s *sock) request(typ uint16, flags wire.Flags, hdr []byte, fn msgFn) {
	s.seq++
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: typ, Flags: wire.Request | flags, Seq: s.seq})
	if hdr != nil {
		copy(b.FamilyHeader(len(hdr)), hdr)
	}
	if fn != nil {
		fn(b.Attrs())
	}
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		log.Fatal(err)
	}
	s.send(out)
	s.recv()
}

func newWriter(name string, f capture.Format) (*capture.Writer, *os.File) {
	fh, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	w, err := capture.NewWriter(fh, f)
	if err != nil {
		log.Fatal(err)
	}
	return w, fh
}

func done(w *capture.Writer, f *os.File) {
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	f.Close()
}

func ip(args ...string) {
	if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
		log.Fatalf("ip %v: %v\n%s", args, err, out)
	}
}

func ifinfo(index int32) []byte {
	b := make([]byte, 16)
	ne.PutUint32(b[4:], uint32(index))
	return b
}

func main() {
	dir := flag.String("o", ".", "output directory")
	flag.Parse()
	os.Chdir(*dir)
	ip("link", "set", "lo", "up")
	ip("link", "add", "veth0", "type", "veth", "peer", "name", "veth1")
	ip("addr", "add", "192.0.2.1/24", "dev", "veth0")
	ip("link", "set", "veth0", "up")
	ip("link", "set", "veth1", "up")
	ip("-6", "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad")
	ip("route", "add", "198.51.100.0/24", "via", "192.0.2.2")

	// 1. Route dumps: links, addresses, routes.
	w, f := newWriter("route-dumps.pcap", capture.PCAP)
	s := open(syscall.NETLINK_ROUTE, w, 0, false)
	s.request(18, wire.Dump, make([]byte, 16), nil) // RTM_GETLINK
	s.request(22, wire.Dump, make([]byte, 8), nil)  // RTM_GETADDR
	rt := make([]byte, 12)
	rt[0] = syscall.AF_INET
	s.request(26, wire.Dump, rt, nil) // RTM_GETROUTE v4
	done(w, f)

	// 2. Errors with extended ACK, and an ACK.
	w, f = newWriter("route-errors.pcap", capture.PCAP)
	s = open(syscall.NETLINK_ROUTE, w, 0, false)
	lo := ifinfo(1)
	s.request(16, wire.Ack, lo, func(e *attr.Encoder) { e.Put(4, []byte{0xdc, 0x05}) })        // IFLA_MTU, 2 bytes
	s.request(16, wire.Ack, lo, func(e *attr.Encoder) { e.String(3, "abcdefghijklmnopqrst") }) // IFLA_IFNAME too long
	s.request(16, wire.Ack|wire.Create|wire.Excl, ifinfo(0), func(e *attr.Encoder) {           // unknown kind
		e.String(3, "nlw0")
		n := e.Begin(18)
		e.String(1, "nosuchkind")
		e.End(n)
	})
	s.request(16, wire.Ack, lo, func(e *attr.Encoder) { e.Uint32(4, 65536) }) // success: ACK
	done(w, f)

	// 3. Generic netlink: family dump, nlctrl policy dump, an error (pcapng).
	w, f = newWriter("genl-ctrl.pcapng", capture.PCAPNG)
	s = open(syscall.NETLINK_GENERIC, w, 0, false)
	genl := []byte{3, 1, 0, 0} // CTRL_CMD_GETFAMILY, version 1
	s.request(0x10, wire.Dump, genl, nil)
	pol := []byte{10, 1, 0, 0} // CTRL_CMD_GETPOLICY
	s.request(0x10, wire.Dump, pol, func(e *attr.Encoder) { e.String(2, "nlctrl") })
	s.request(0x10, wire.Ack, genl, func(e *attr.Encoder) { e.String(2, "no-such-family") })
	s.request(0x10, wire.Ack, genl, func(e *attr.Encoder) { e.Uint32(1, 16) }) // FAMILY_ID as u32: too long for u16
	done(w, f)

	// 4. A multicast notification: RTMGRP_LINK while a link changes.
	w, f = newWriter("route-notify.pcap", capture.PCAP)
	s = open(syscall.NETLINK_ROUTE, w, 1 /* RTMGRP_LINK */, false)
	ip("link", "set", "veth1", "mtu", "1400")
	s.recvOne()
	done(w, f)
}
