//go:build linux

package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

// socketDatagram is one datagram a tool exchanged on a netlink socket of
// the protocol proto.
type socketDatagram struct {
	proto uint16
	toolDatagram
}

var (
	straceSocket = regexp.MustCompile(`^socket\(AF_NETLINK, [^,]+, (NETLINK_[A-Z_]+|\d+)\) += (\d+)$`)
	straceClose  = regexp.MustCompile(`^close\((\d+)\) += 0$`)
	straceFDCall = regexp.MustCompile(`^(sendto|sendmsg|recvfrom|recvmsg)\((\d+), .*\) += (-?\d+)`)
	straceHex    = regexp.MustCompile(`^ \| [0-9a-f]{5}  `)
)

// netlinkProtocol returns the number of a netlink protocol as strace
// prints it, by name (NETLINK_GENERIC) or number.
func netlinkProtocol(name string) (uint16, bool) {
	switch name {
	case "NETLINK_ROUTE":
		return protoRoute, true
	case "NETLINK_SOCK_DIAG":
		return 4, true
	case "NETLINK_XFRM":
		return 6, true
	case "NETLINK_NETFILTER":
		return protoNetfilter, true
	case "NETLINK_GENERIC":
		return protoGeneric, true
	}
	n, err := strconv.ParseUint(name, 10, 16)
	return uint16(n), err == nil
}

// parseStraceSockets reads the datagrams of a tool's netlink sockets out
// of strace's output of one process traced with
// -e trace=socket,close,sendto,sendmsg,recvfrom,recvmsg -e write=all -e
// read=all: socket() calls tell each descriptor's protocol, close() calls
// end it, and each send or receive on a netlink descriptor is followed by
// the hex dump of its data, which must be as long as the call's return
// value. Calls on other descriptors and peeks (MSG_PEEK) are left out.
// Every recorder (toolRecorder and socketRecorder) reads its logs with it.
func parseStraceSockets(t *testing.T, out []byte) []socketDatagram {
	t.Helper()
	protos := map[string]uint16{}
	var dgs []socketDatagram
	var cur *socketDatagram
	want, call := 0, ""
	finish := func() {
		if cur != nil && len(cur.data) > 0 {
			if len(cur.data) != want {
				t.Fatalf("strace dumped %d bytes of a %d-byte datagram: %s", len(cur.data), want, call)
			}
			dgs = append(dgs, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := straceSocket.FindStringSubmatch(line); m != nil {
			finish()
			p, ok := netlinkProtocol(m[1])
			if !ok {
				t.Fatalf("unknown netlink protocol: %s", line)
			}
			protos[m[2]] = p
			continue
		}
		if m := straceClose.FindStringSubmatch(line); m != nil {
			finish()
			delete(protos, m[1])
			continue
		}
		if m := straceFDCall.FindStringSubmatch(line); m != nil {
			finish()
			p, netlink := protos[m[2]]
			n, _ := strconv.Atoi(m[3])
			if netlink && n > 0 && !strings.Contains(line, "MSG_PEEK") {
				cur = &socketDatagram{proto: p, toolDatagram: toolDatagram{out: strings.HasPrefix(m[1], "send")}}
				want, call = n, line
			}
			continue
		}
		if cur == nil || !straceHex.MatchString(line) || len(line) < 10+49 {
			continue
		}
		b, err := hex.DecodeString(strings.ReplaceAll(line[10:10+49], " ", ""))
		if err != nil {
			t.Fatalf("strace hex line %q: %v", line, err)
		}
		cur.data = append(cur.data, b...)
	}
	finish()
	return dgs
}

// isLinkDump reports whether a NETLINK_ROUTE datagram belongs to a link
// dump (its request, its RTM_NEWLINKs or its NLMSG_DONE), marking the
// dump's sequence number in dumps; see dropLinkDumps.
func isLinkDump(dg socketDatagram, dumps map[uint32]bool) bool {
	if dg.proto != protoRoute {
		return false
	}
	link := false
	for r := wire.NewReader(dg.data); r.Next(); {
		h := r.Header()
		switch {
		case h.Type == route.RTM_GETLINK && h.Flags&wire.Dump != 0:
			dumps[h.Seq], link = true, true
		case (h.Type == wire.TypeDone || h.Type == route.RTM_NEWLINK) && dumps[h.Seq]:
			link = true
		}
	}
	return link
}

// socketRecorder runs tools inside network namespaces under strace and
// keeps the datagrams of their netlink sockets, with each socket's
// protocol.
type socketRecorder struct {
	t      *testing.T
	ip     string
	strace string
	dgs    []socketDatagram
	dumps  map[uint32]bool
}

// start starts tool with args in namespace ns under strace (following
// children, one log per process, under dir).
func (r *socketRecorder) start(ns, dir, tool string, args ...string) *exec.Cmd {
	r.t.Helper()
	argv := append([]string{"netns", "exec", ns, r.strace, "-qq", "-ff", "-o", filepath.Join(dir, "log"),
		"-e", "trace=socket,close,sendto,sendmsg,recvfrom,recvmsg", "-e", "write=all", "-e", "read=all", "-s", "0",
		"--", testenv.LookPath(r.t, tool)}, args...)
	cmd := exec.Command(r.ip, argv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	return cmd
}

// collect waits for cmd and keeps the datagrams of the logs under dir;
// a command that fails is a test failure unless mayFail.
func (r *socketRecorder) collect(cmd *exec.Cmd, dir string, mayFail bool) {
	r.t.Helper()
	if err := cmd.Wait(); err != nil && !mayFail {
		r.t.Fatalf("%s: %v: %s", strings.Join(cmd.Args, " "), err, cmd.Stdout)
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "log.*"))
	if len(logs) == 0 {
		r.t.Fatalf("%s: no strace log", strings.Join(cmd.Args, " "))
	}
	for _, log := range logs {
		b, err := os.ReadFile(log)
		if err != nil {
			r.t.Fatal(err)
		}
		for _, dg := range parseStraceSockets(r.t, b) {
			if !isLinkDump(dg, r.dumps) {
				r.dgs = append(r.dgs, dg)
			}
		}
	}
}

// run runs tool with args in namespace ns, recording its traffic.
func (r *socketRecorder) run(ns string, mayFail bool, tool string, args ...string) {
	r.t.Helper()
	dir := r.t.TempDir()
	r.collect(r.start(ns, dir, tool, args...), dir, mayFail)
}

// write writes the recorded datagrams into a pcap file, each with its
// socket's protocol, and starts afresh.
func (r *socketRecorder) write(file string, protos ...uint16) {
	r.t.Helper()
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		r.t.Fatal(err)
	}
	base := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	count := map[uint16]int{}
	for i, dg := range r.dgs {
		count[dg.proto]++
		if err := w.WriteDatagram(base.Add(time.Duration(i)*time.Millisecond), dg.proto, dg.out, dg.data); err != nil {
			r.t.Fatal(err)
		}
	}
	for _, p := range protos {
		if count[p] == 0 {
			r.t.Fatalf("%s: no datagram of protocol %d", file, p)
		}
	}
	if err := w.Flush(); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.t.Logf("%s: %d datagrams (by protocol %v), %d bytes", file, len(r.dgs), count, buf.Len())
	r.dgs = nil
}

// TestRecordMoreToolTraffic records, with -record, what ethtool, devlink,
// ip mptcp and ip tcp_metrics (into toolsGenlCapture) and nft and
// conntrack (into toolsNetfilterCapture) send and receive, in two
// namespaces it creates and deletes, joined by a veth pair; the flows
// conntrack lists are TCP and UDP connections across it, tracked because
// an nft rule matches on ct state. TestToolsGenlCapture and
// TestToolsNetfilterCapture check the captures.
func TestRecordMoreToolTraffic(t *testing.T) {
	if !*recordTools {
		t.Skip("records only with -record")
	}
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	python := testenv.LookPath(t, "python3")
	r := &socketRecorder{t: t, ip: ip, strace: testenv.LookPath(t, "strace"), dumps: map[uint32]bool{}}
	pid := strconv.Itoa(os.Getpid())
	ns, peer := "nldumpmore-"+pid, "nldumpmore-peer-"+pid
	for _, n := range []string{ns, peer} {
		shell(t, ip, "netns", "add", n)
		t.Cleanup(func() { exec.Command(ip, "netns", "del", n).Run() })
	}
	in := func(n string, args ...string) { shell(t, ip, append([]string{"-n", n}, args...)...) }
	in(ns, "link", "set", "lo", "up")
	in(peer, "link", "set", "lo", "up")
	in(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", peer)
	in(ns, "addr", "add", "10.0.0.1/24", "dev", "v0")
	in(peer, "addr", "add", "10.0.0.2/24", "dev", "v1")
	in(ns, "link", "set", "v0", "up")
	in(peer, "link", "set", "v1", "up")

	// nftables: a table, a chain, a named set and rules of several
	// expressions (payload, cmp, meta, ct, lookup, counter, immediate).
	r.run(ns, false, "nft", "add", "table", "inet", "nlw")
	r.run(ns, false, "nft", "add", "chain", "inet", "nlw", "input", "{ type filter hook input priority 0; policy accept; }")
	r.run(ns, false, "nft", "add", "chain", "inet", "nlw", "output", "{ type filter hook output priority 0; policy accept; }")
	r.run(ns, false, "nft", "add", "set", "inet", "nlw", "peers", "{ type ipv4_addr; }")
	r.run(ns, false, "nft", "add", "element", "inet", "nlw", "peers", "{ 10.0.0.2, 10.0.0.3 }")
	r.run(ns, false, "nft", "add", "rule", "inet", "nlw", "input", "ct", "state", "established,related", "counter", "accept")
	r.run(ns, false, "nft", "add", "rule", "inet", "nlw", "input", "ip", "saddr", "10.0.0.2", "tcp", "dport", "22", "counter", "accept")
	r.run(ns, false, "nft", "add", "rule", "inet", "nlw", "input", "ip", "saddr", "@peers", "meta", "l4proto", "udp", "counter", "accept")
	r.run(ns, false, "nft", "add", "rule", "inet", "nlw", "input", "iifname", "v0", "tcp", "dport", "{ 80, 443 }", "counter", "drop")
	r.run(ns, false, "nft", "add", "rule", "inet", "nlw", "output", "ct", "state", "new", "meta", "mark", "set", "0x10", "counter")
	r.run(ns, false, "nft", "list", "ruleset")
	r.run(ns, false, "nft", "-j", "list", "ruleset")
	r.run(ns, false, "nft", "-a", "list", "set", "inet", "nlw", "peers")

	// Flows, while conntrack -E listens: a TCP connection from ns to a
	// listener in peer, and a UDP datagram.
	dir := t.TempDir()
	events := r.start(ns, dir, "timeout", "-s", "INT", "3", "conntrack", "-E")
	listener := exec.Command(ip, "netns", "exec", peer, python, "-c",
		"import socket\ns=socket.socket()\ns.bind(('10.0.0.2',8080))\ns.listen()\nc,_=s.accept()\nc.recv(100)\nc.close()")
	if err := listener.Start(); err != nil {
		t.Fatal(err)
	}
	connect := func() error {
		return exec.Command(ip, "netns", "exec", ns, "bash", "-c", "exec 3<>/dev/tcp/10.0.0.2/8080 && echo hi >&3 && exec 3>&-").Run()
	}
	time.Sleep(time.Second)
	if err := connect(); err != nil {
		time.Sleep(time.Second)
		if err := connect(); err != nil {
			t.Fatalf("TCP connection: %v", err)
		}
	}
	if err := listener.Wait(); err != nil {
		t.Fatalf("listener: %v", err)
	}
	shell(t, ip, "netns", "exec", ns, "bash", "-c", "echo hi > /dev/udp/10.0.0.2/53")
	r.collect(events, dir, true)

	// conntrack: list, count, statistics, and an entry made, read,
	// updated and deleted.
	entry := []string{"-p", "tcp", "-s", "192.0.2.1", "-d", "192.0.2.2", "--sport", "1000", "--dport", "2000"}
	r.run(ns, false, "conntrack", "-L")
	r.run(ns, false, "conntrack", "-L", "-p", "tcp")
	r.run(ns, false, "conntrack", "-C")
	r.run(ns, false, "conntrack", "-S")
	r.run(ns, false, "conntrack", append(append([]string{"-I"}, entry...), "--state", "ESTABLISHED", "-t", "120", "-m", "1")...)
	r.run(ns, false, "conntrack", append([]string{"-G"}, entry...)...)
	r.run(ns, false, "conntrack", append([]string{"-U"}, append(entry, "-m", "2")...)...)
	r.run(ns, false, "conntrack", append([]string{"-D"}, entry...)...)
	r.run(ns, true, "conntrack", "-G", "-p", "tcp", "-s", "192.0.2.9", "-d", "192.0.2.2", "--sport", "1", "--dport", "2")
	r.run(ns, false, "conntrack", "-F")
	r.run(ns, false, "nft", "delete", "table", "inet", "nlw")
	r.write(toolsNetfilterCapture, protoNetfilter)

	// ethtool's netlink queries; several fail on a veth with
	// EOPNOTSUPP, with an extended ACK.
	for _, args := range [][]string{
		{"v0"}, {"-k", "v0"}, {"-g", "v0"}, {"-l", "v0"}, {"-a", "v0"}, {"-c", "v0"},
		{"--show-eee", "v0"}, {"-T", "v0"}, {"--show-fec", "v0"}, {"--show-priv-flags", "v0"},
		{"-m", "v0"}, {"--show-tunnels", "v0"}, {"-I", "--show-module", "v0"},
		{"-K", "v0", "tx", "off"}, {"-L", "v0", "rx", "1"}, {"-s", "v0", "msglvl", "1"}, {"lo"},
	} {
		r.run(ns, true, "ethtool", args...)
	}
	// devlink: the kernel may lack the family (CONFIG_NET_DEVLINK), and
	// answer the family lookup with ENOENT.
	r.run(ns, true, "devlink", "dev", "show")
	r.run(ns, true, "devlink", "port", "show")
	// MPTCP path manager (an endpoint with a port: MPTCP_PM_ADDR_ATTR_PORT
	// is big-endian).
	r.run(ns, false, "ip", "mptcp", "endpoint", "add", "10.0.0.1", "dev", "v0", "id", "1", "signal")
	r.run(ns, false, "ip", "mptcp", "endpoint", "add", "10.0.0.3", "dev", "v0", "id", "2", "subflow", "backup")
	r.run(ns, false, "ip", "mptcp", "endpoint", "add", "10.0.0.1", "dev", "v0", "id", "3", "port", "10000", "signal")
	r.run(ns, false, "ip", "mptcp", "endpoint", "show")
	r.run(ns, false, "ip", "mptcp", "endpoint", "show", "id", "1")
	r.run(ns, false, "ip", "mptcp", "endpoint", "delete", "id", "2")
	r.run(ns, false, "ip", "mptcp", "limits", "set", "subflow", "2", "add_addr_accepted", "2")
	r.run(ns, false, "ip", "mptcp", "limits", "show")
	r.run(ns, false, "ip", "mptcp", "endpoint", "flush")
	// TCP metrics of the connection above.
	r.run(ns, false, "ip", "tcp_metrics", "show")
	r.run(ns, false, "ip", "tcp_metrics", "show", "10.0.0.2")
	r.run(ns, true, "ip", "tcp_metrics", "delete", "10.0.0.2")
	r.run(ns, false, "ip", "tcp_metrics", "flush", "all")
	r.write(toolsGenlCapture, protoGeneric)
}

// TestParseStraceSockets: each datagram gets the protocol of the socket
// its descriptor was opened as, until that descriptor is closed; calls
// on other descriptors and peeks are left out.
func TestParseStraceSockets(t *testing.T) {
	log := `socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3
sendto(3, ..., 4, 0, NULL, 0)          = 4
 | 00000  01 02 03 04                                       ....             |
close(3)                                = 0
socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_GENERIC) = 3
socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER) = 4
sendto(3, ..., 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20
 | 00000  14 00 00 00 10 00 05 00  01 00 00 00 00 00 00 00  ................ |
 | 00010  03 01 00 00                                       ....             |
recvmsg(4, {msg_name=..., msg_flags=0}, MSG_PEEK|MSG_TRUNC) = 4
 | 00000  aa bb cc dd                                       ....             |
recvmsg(4, {msg_name=..., msg_flags=0}, 0) = 4
 * 4 bytes in buffer 0
 | 00000  05 06 07 08                                       ....             |
close(3)                                = 0
socket(AF_NETLINK, SOCK_RAW, 0) = 3
sendmsg(3, {msg_name=..., msg_iovlen=2, msg_flags=0}, 0) = 3
 * 2 bytes in buffer 0
 | 00000  09 0a                                             ..               |
 * 1 bytes in buffer 1
 | 00000  0b                                                .                |
recvfrom(3, ..., 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)
`
	got := parseStraceSockets(t, []byte(log))
	want := []socketDatagram{
		{protoGeneric, toolDatagram{true, []byte{0x14, 0, 0, 0, 0x10, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0}}},
		{protoNetfilter, toolDatagram{false, []byte{5, 6, 7, 8}}},
		{protoRoute, toolDatagram{true, []byte{9, 10, 11}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(socketDatagram{}, toolDatagram{})); diff != "" {
		t.Errorf("datagrams (-want +got):\n%s", diff)
	}
}
