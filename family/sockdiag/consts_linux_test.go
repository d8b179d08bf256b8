//go:build linux

package sockdiag_test

import (
	"encoding/hex"
	"github.com/nlwire/nlwire/internal/testenv"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/sockdiag"
)

// uapiHeaders are the 6.12 headers the C programs include.
var uapiHeaders = []string{"sock_diag.h", "inet_diag.h", "unix_diag.h", "netlink_diag.h", "packet_diag.h", "vm_sockets_diag.h", "tls.h", "mptcp.h", "mptcp_pm.h"}

const cIncludes = `#include <linux/sock_diag.h>
#include <linux/inet_diag.h>
#include <linux/unix_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/vm_sockets_diag.h>
#include <linux/tls.h>
#include <linux/mptcp.h>
`

// TestUnixConstants: the constants golang.org/x/sys/unix also defines
// are equal to it.
func TestUnixConstants(t *testing.T) {
	pairs := []struct {
		name      string
		got, want int64
	}{
		{"SOCK_DIAG_BY_FAMILY", sockdiag.SOCK_DIAG_BY_FAMILY, unix.SOCK_DIAG_BY_FAMILY},
		{"SOCK_DESTROY", sockdiag.SOCK_DESTROY, unix.SOCK_DESTROY},
		{"AF_UNIX", sockdiag.AF_UNIX, unix.AF_UNIX},
		{"AF_INET", sockdiag.AF_INET, unix.AF_INET},
		{"AF_INET6", sockdiag.AF_INET6, unix.AF_INET6},
		{"AF_NETLINK", sockdiag.AF_NETLINK, unix.AF_NETLINK},
		{"AF_PACKET", sockdiag.AF_PACKET, unix.AF_PACKET},
		{"AF_VSOCK", sockdiag.AF_VSOCK, unix.AF_VSOCK},
		{"SKNLGRP_NONE", sockdiag.SKNLGRP_NONE, unix.SKNLGRP_NONE},
		{"SKNLGRP_INET_TCP_DESTROY", sockdiag.SKNLGRP_INET_TCP_DESTROY, unix.SKNLGRP_INET_TCP_DESTROY},
		{"SKNLGRP_INET_UDP_DESTROY", sockdiag.SKNLGRP_INET_UDP_DESTROY, unix.SKNLGRP_INET_UDP_DESTROY},
		{"SKNLGRP_INET6_TCP_DESTROY", sockdiag.SKNLGRP_INET6_TCP_DESTROY, unix.SKNLGRP_INET6_TCP_DESTROY},
		{"SKNLGRP_INET6_UDP_DESTROY", sockdiag.SKNLGRP_INET6_UDP_DESTROY, unix.SKNLGRP_INET6_UDP_DESTROY},
		{"SK_MEMINFO_RMEM_ALLOC", sockdiag.SK_MEMINFO_RMEM_ALLOC, unix.SK_MEMINFO_RMEM_ALLOC},
		{"SK_MEMINFO_RCVBUF", sockdiag.SK_MEMINFO_RCVBUF, unix.SK_MEMINFO_RCVBUF},
		{"SK_MEMINFO_WMEM_ALLOC", sockdiag.SK_MEMINFO_WMEM_ALLOC, unix.SK_MEMINFO_WMEM_ALLOC},
		{"SK_MEMINFO_SNDBUF", sockdiag.SK_MEMINFO_SNDBUF, unix.SK_MEMINFO_SNDBUF},
		{"SK_MEMINFO_FWD_ALLOC", sockdiag.SK_MEMINFO_FWD_ALLOC, unix.SK_MEMINFO_FWD_ALLOC},
		{"SK_MEMINFO_WMEM_QUEUED", sockdiag.SK_MEMINFO_WMEM_QUEUED, unix.SK_MEMINFO_WMEM_QUEUED},
		{"SK_MEMINFO_OPTMEM", sockdiag.SK_MEMINFO_OPTMEM, unix.SK_MEMINFO_OPTMEM},
		{"SK_MEMINFO_BACKLOG", sockdiag.SK_MEMINFO_BACKLOG, unix.SK_MEMINFO_BACKLOG},
		{"SK_MEMINFO_DROPS", sockdiag.SK_MEMINFO_DROPS, unix.SK_MEMINFO_DROPS},
		{"SK_MEMINFO_VARS", sockdiag.SK_MEMINFO_VARS, unix.SK_MEMINFO_VARS},
		{"SK_DIAG_BPF_STORAGE", sockdiag.SK_DIAG_BPF_STORAGE, unix.SK_DIAG_BPF_STORAGE},
		{"SK_DIAG_BPF_STORAGE_MAP_ID", sockdiag.SK_DIAG_BPF_STORAGE_MAP_ID, unix.SK_DIAG_BPF_STORAGE_MAP_ID},
		{"SK_DIAG_BPF_STORAGE_MAP_VALUE", sockdiag.SK_DIAG_BPF_STORAGE_MAP_VALUE, unix.SK_DIAG_BPF_STORAGE_MAP_VALUE},
		{"SK_DIAG_BPF_STORAGE_PAD", sockdiag.SK_DIAG_BPF_STORAGE_PAD, unix.SK_DIAG_BPF_STORAGE_PAD},
		{"SK_DIAG_BPF_STORAGE_REQ_MAP_FD", sockdiag.SK_DIAG_BPF_STORAGE_REQ_MAP_FD, unix.SK_DIAG_BPF_STORAGE_REQ_MAP_FD},
		{"NETLINK_SOCK_DIAG", 4, unix.NETLINK_SOCK_DIAG},
	}
	for _, p := range pairs {
		if p.got != p.want {
			t.Errorf("%s = %d, golang.org/x/sys/unix says %d", p.name, p.got, p.want)
		}
	}
}

// TestCConstants: every constant equals the C header's, compiled by gcc.
func TestCConstants(t *testing.T) {
	src := testenv.CPrelude + cIncludes + "int main(void) {\n"
	for _, c := range consts {
		src += "C(" + c.name + ")\n"
	}
	got := testenv.RunC(t, testenv.UAPIDir(t, uapiHeaders...), src+"return 0;\n}\n")
	for _, c := range consts {
		if v, ok := got[c.name]; !ok || v != strconv.FormatUint(c.v, 10) {
			t.Errorf("%s = %d, the C header says %q", c.name, c.v, v)
		}
	}
}

// layoutCases are the fixed headers filled in by C, field by field with
// distinct values, and the values the parsers must read back: the bytes
// gcc lays out (padding zeroed) are the bytes Append writes.
var layoutCases = []struct {
	name, c string
	want    any
	parse   func([]byte, nlwire.Order) (any, error)
	app     func(any, nlwire.Order) []byte
}{
	{
		"inet_diag_msg", `struct inet_diag_msg s; memset(&s, 0, sizeof s);
s.idiag_family = 2; s.idiag_state = 10; s.idiag_timer = 1; s.idiag_retrans = 3;
s.id.idiag_sport = htons(8080); s.id.idiag_dport = htons(443);
s.id.idiag_src[0] = htonl(0x7f000001); s.id.idiag_dst[0] = htonl(0xc0000201); s.id.idiag_dst[3] = htonl(0x0a0b0c0d);
s.id.idiag_if = 7; s.id.idiag_cookie[0] = 0x11223344; s.id.idiag_cookie[1] = 0x55667788;
s.idiag_expires = 100; s.idiag_rqueue = 200; s.idiag_wqueue = 300; s.idiag_uid = 1000; s.idiag_inode = 123456;`,
		sockdiag.InetDiagMsg{Family: 2, State: 10, Timer: 1, Retrans: 3, ID: sockID(),
			Expires: 100, RQueue: 200, WQueue: 300, UID: 1000, Inode: 123456},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseInetDiagMsg(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.InetDiagMsg).Append(nil, o) },
	},
	{
		"inet_diag_req_v2", `struct inet_diag_req_v2 s; memset(&s, 0, sizeof s);
s.sdiag_family = 10; s.sdiag_protocol = 6; s.idiag_ext = 0x9a; s.pad = 0x5c; s.idiag_states = 0xfff;
s.id.idiag_sport = htons(8080); s.id.idiag_dport = htons(443);
s.id.idiag_src[0] = htonl(0x7f000001); s.id.idiag_dst[0] = htonl(0xc0000201); s.id.idiag_dst[3] = htonl(0x0a0b0c0d);
s.id.idiag_if = 7; s.id.idiag_cookie[0] = 0x11223344; s.id.idiag_cookie[1] = 0x55667788;`,
		sockdiag.InetDiagReqV2{Family: 10, Protocol: 6, Ext: 0x9a, RawProtocol: 0x5c, States: 0xfff, ID: sockID()},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseInetDiagReqV2(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.InetDiagReqV2).Append(nil, o) },
	},
	{
		"inet_diag_req", `struct inet_diag_req s; memset(&s, 0, sizeof s);
s.idiag_family = 2; s.idiag_src_len = 24; s.idiag_dst_len = 32; s.idiag_ext = 0x81;
s.id.idiag_sport = htons(8080); s.id.idiag_dport = htons(443);
s.id.idiag_src[0] = htonl(0x7f000001); s.id.idiag_dst[0] = htonl(0xc0000201); s.id.idiag_dst[3] = htonl(0x0a0b0c0d);
s.id.idiag_if = 7; s.id.idiag_cookie[0] = 0x11223344; s.id.idiag_cookie[1] = 0x55667788;
s.idiag_states = 0x1234; s.idiag_dbs = 0x5678;`,
		sockdiag.InetDiagReq{Family: 2, SrcLen: 24, DstLen: 32, Ext: 0x81, ID: sockID(), States: 0x1234, DBs: 0x5678},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseInetDiagReq(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.InetDiagReq).Append(nil, o) },
	},
	{
		"unix_diag_req", `struct unix_diag_req s; memset(&s, 0, sizeof s);
s.sdiag_family = 1; s.sdiag_protocol = 2; s.udiag_states = 0xffff; s.udiag_ino = 0x1020304; s.udiag_show = 0x7f;
s.udiag_cookie[0] = 0xa1a2a3a4; s.udiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.UnixDiagReq{Family: 1, Protocol: 2, States: 0xffff, Ino: 0x1020304, Show: 0x7f, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseUnixDiagReq(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.UnixDiagReq).Append(nil, o) },
	},
	{
		"unix_diag_msg", `struct unix_diag_msg s; memset(&s, 0, sizeof s);
s.udiag_family = 1; s.udiag_type = 5; s.udiag_state = 10; s.udiag_ino = 0x1020304;
s.udiag_cookie[0] = 0xa1a2a3a4; s.udiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.UnixDiagMsg{Family: 1, Type: 5, State: 10, Ino: 0x1020304, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseUnixDiagMsg(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.UnixDiagMsg).Append(nil, o) },
	},
	{
		"netlink_diag_req", `struct netlink_diag_req s; memset(&s, 0, sizeof s);
s.sdiag_family = 16; s.sdiag_protocol = 255; s.ndiag_ino = 0x1020304; s.ndiag_show = 0xf;
s.ndiag_cookie[0] = 0xa1a2a3a4; s.ndiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.NetlinkDiagReq{Family: 16, Protocol: 255, Ino: 0x1020304, Show: 0xf, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseNetlinkDiagReq(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.NetlinkDiagReq).Append(nil, o) },
	},
	{
		"netlink_diag_msg", `struct netlink_diag_msg s; memset(&s, 0, sizeof s);
s.ndiag_family = 16; s.ndiag_type = 3; s.ndiag_protocol = 4; s.ndiag_state = 7;
s.ndiag_portid = 0x11111111; s.ndiag_dst_portid = 0x22222222; s.ndiag_dst_group = 0x33333333; s.ndiag_ino = 0x44444444;
s.ndiag_cookie[0] = 0xa1a2a3a4; s.ndiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.NetlinkDiagMsg{Family: 16, Type: 3, Protocol: 4, State: 7, PortID: 0x11111111, DstPortID: 0x22222222,
			DstGroup: 0x33333333, Ino: 0x44444444, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseNetlinkDiagMsg(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.NetlinkDiagMsg).Append(nil, o) },
	},
	{
		"packet_diag_req", `struct packet_diag_req s; memset(&s, 0, sizeof s);
s.sdiag_family = 17; s.sdiag_protocol = 0; s.pdiag_ino = 0x1020304; s.pdiag_show = 0x3f;
s.pdiag_cookie[0] = 0xa1a2a3a4; s.pdiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.PacketDiagReq{Family: 17, Ino: 0x1020304, Show: 0x3f, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParsePacketDiagReq(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.PacketDiagReq).Append(nil, o) },
	},
	{
		"packet_diag_msg", `struct packet_diag_msg s; memset(&s, 0, sizeof s);
s.pdiag_family = 17; s.pdiag_type = 3; s.pdiag_num = 0x88b5; s.pdiag_ino = 0x1020304;
s.pdiag_cookie[0] = 0xa1a2a3a4; s.pdiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.PacketDiagMsg{Family: 17, Type: 3, Num: 0x88b5, Ino: 0x1020304, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParsePacketDiagMsg(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.PacketDiagMsg).Append(nil, o) },
	},
	{
		"vsock_diag_req", `struct vsock_diag_req s; memset(&s, 0, sizeof s);
s.sdiag_family = 40; s.sdiag_protocol = 0; s.vdiag_states = 0x400; s.vdiag_ino = 0x1020304; s.vdiag_show = 0x5060708;
s.vdiag_cookie[0] = 0xa1a2a3a4; s.vdiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.VsockDiagReq{Family: 40, States: 0x400, Ino: 0x1020304, Show: 0x5060708, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseVsockDiagReq(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.VsockDiagReq).Append(nil, o) },
	},
	{
		"vsock_diag_msg", `struct vsock_diag_msg s; memset(&s, 0, sizeof s);
s.vdiag_family = 40; s.vdiag_type = 1; s.vdiag_state = 10; s.vdiag_shutdown = 3;
s.vdiag_src_cid = 0x11111111; s.vdiag_src_port = 0x22222222; s.vdiag_dst_cid = 0x33333333; s.vdiag_dst_port = 0x44444444;
s.vdiag_ino = 0x55555555; s.vdiag_cookie[0] = 0xa1a2a3a4; s.vdiag_cookie[1] = 0xb1b2b3b4;`,
		sockdiag.VsockDiagMsg{Family: 40, Type: 1, State: 10, Shutdown: 3, SrcCID: 0x11111111, SrcPort: 0x22222222,
			DstCID: 0x33333333, DstPort: 0x44444444, Ino: 0x55555555, Cookie: sockdiag.Cookie{0xa1a2a3a4, 0xb1b2b3b4}},
		func(b []byte, o nlwire.Order) (any, error) { return sockdiag.ParseVsockDiagMsg(b, o) },
		func(m any, o nlwire.Order) []byte { return m.(sockdiag.VsockDiagMsg).Append(nil, o) },
	},
	{
		"sock_diag_req", `struct sock_diag_req s; memset(&s, 0, sizeof s); s.sdiag_family = 10; s.sdiag_protocol = 17;`,
		sockdiag.SockDiagReq{Family: 10, Protocol: 17},
		func(b []byte, _ nlwire.Order) (any, error) { return sockdiag.ParseSockDiagReq(b) },
		nil,
	},
}

// sockID is the struct inet_diag_sockid the C programs fill in.
func sockID() sockdiag.SockID {
	id := sockdiag.SockID{Sport: 8080, Dport: 443, If: 7, Cookie: sockdiag.Cookie{0x11223344, 0x55667788}}
	id.Src[0], id.Src[3] = 127, 1
	copy(id.Dst[:4], []byte{192, 0, 2, 1})
	copy(id.Dst[12:], []byte{10, 11, 12, 13})
	return id
}

// TestCLayout: each header parses as gcc lays it out on this machine, in
// its size, and Append writes the same bytes.
func TestCLayout(t *testing.T) {
	src := testenv.CPrelude + cIncludes + "int main(void) {\n"
	for _, c := range layoutCases {
		src += "{ " + c.c + "\ndump(\"" + c.name + "\", &s, sizeof s); }\n"
	}
	src += "{ unsigned int one = 1; dump(\"order\", &one, sizeof one); }\n"
	got := testenv.RunC(t, testenv.UAPIDir(t, uapiHeaders...), src+"return 0;\n}\n")
	// gcc builds for the machine, whatever GOARCH the test runs as (under
	// qemu-s390x, say): its bytes are in the machine's order.
	o := nlwire.LittleEndian
	if got["order"] != "01000000" {
		o = nlwire.BigEndian
	}
	for _, c := range layoutCases {
		b, err := hex.DecodeString(got[c.name])
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: C printed %q", c.name, got[c.name])
		}
		if n := headerLen(c.want); len(b) != n {
			t.Errorf("sizeof(struct %s) = %d, the package says %d", c.name, len(b), n)
		}
		m, err := c.parse(b, o)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if diff := cmp.Diff(c.want, m); diff != "" {
			t.Errorf("%s parsed from gcc's bytes (-want +got):\n%s", c.name, diff)
		}
		if c.app != nil {
			if diff := cmp.Diff(b, c.app(m, o)); diff != "" {
				t.Errorf("%s: Append differs from gcc's bytes (-gcc +Append):\n%s", c.name, diff)
			}
		}
	}
}
