//go:build linux

package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

var recordTools = flag.Bool("record", false, "record the traffic of ip, bridge and tc into ../../testdata/tools-route.pcap (needs root and strace)")

// toolDatagram is one datagram a tool sent (out) or received.
type toolDatagram struct {
	out  bool
	data []byte
}

// toolRecorder runs ip, bridge and tc in a network namespace under strace
// and keeps the netlink datagrams they exchange.
type toolRecorder struct {
	t      *testing.T
	strace string
	ns     string
	dgs    []toolDatagram
}

// run runs the tool with -n NS and the arguments, recording its traffic;
// a command that fails is a test failure unless mayFail.
func (r *toolRecorder) run(mayFail bool, tool string, args ...string) {
	r.t.Helper()
	path := testenv.LookPath(r.t, tool)
	log := filepath.Join(r.t.TempDir(), "strace.out")
	argv := append([]string{"-qq", "-o", log, "-e", "trace=socket,close,sendto,sendmsg,recvfrom,recvmsg", "-e", "write=all", "-e", "read=all", "-s", "0", "--", path, "-n", r.ns}, args...)
	out, err := exec.Command(r.strace, argv...).CombinedOutput()
	if err != nil && !mayFail {
		r.t.Fatalf("%s %s: %v: %s", tool, strings.Join(args, " "), err, out)
	}
	b, rerr := os.ReadFile(log)
	if rerr != nil {
		r.t.Fatal(rerr)
	}
	var dgs []toolDatagram
	for _, dg := range parseStraceSockets(r.t, b) {
		dgs = append(dgs, dg.toolDatagram)
	}
	r.dgs = append(r.dgs, dropLinkDumps(dgs)...)
}

// dropLinkDumps leaves out the link dumps the tools make to map names to
// indexes (RTM_GETLINK, the RTM_NEWLINKs and NLMSG_DONE answering it):
// route-dumps.pcap has those already, and they would make up most of the
// capture.
func dropLinkDumps(dgs []toolDatagram) []toolDatagram {
	drop := map[uint32]bool{}
	var kept []toolDatagram
	for _, dg := range dgs {
		r := wire.NewReader(dg.data)
		link := false
		for r.Next() {
			h := r.Header()
			switch {
			case h.Type == wire.TypeDone && drop[h.Seq]:
				link = true
			case h.Type == route.RTM_GETLINK && h.Flags&wire.Dump != 0:
				drop[h.Seq], link = true, true
			case h.Type == route.RTM_NEWLINK && drop[h.Seq]:
				link = true
			}
		}
		if link {
			continue
		}
		kept = append(kept, dg)
	}
	return kept
}

// shell runs a command that sets something up, unrecorded.
func shell(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
}

// TestRecordToolTraffic records, with -record, what ip rule, ip nexthop,
// ip netns, ip netconf, ip stats, ip ntable, bridge mdb and tc actions
// send and receive, in namespaces it creates and deletes, into
// ../../testdata/tools-route.pcap; TestToolCaptures checks it.
func TestRecordToolTraffic(t *testing.T) {
	if !*recordTools {
		t.Skip("records only with -record")
	}
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	r := &toolRecorder{t: t, strace: testenv.LookPath(t, "strace")}
	pid := strconv.Itoa(os.Getpid())
	ns, peer := "nldumptools-"+pid, "nldumptools-peer-"+pid
	for _, n := range []string{ns, peer} {
		shell(t, ip, "netns", "add", n)
		t.Cleanup(func() { exec.Command(ip, "netns", "del", n).Run() })
	}
	r.ns = ns
	in := func(args ...string) { shell(t, ip, append([]string{"-n", ns}, args...)...) }
	in("link", "set", "lo", "up")
	in("link", "add", "v0", "type", "veth", "peer", "name", "v1")
	in("link", "add", "br0", "type", "bridge")
	in("link", "set", "v1", "master", "br0")
	for _, l := range []string{"v0", "v1", "br0"} {
		in("link", "set", l, "up")
	}
	in("addr", "add", "192.0.2.1/24", "dev", "v0")
	in("-6", "addr", "add", "2001:db8::1/64", "dev", "v0", "nodad")

	// Rules (RTM_*RULE).
	r.run(false, "ip", "rule", "add", "from", "192.0.2.0/24", "table", "100", "pref", "100")
	r.run(false, "ip", "rule", "add", "fwmark", "0x10/0xff", "ipproto", "tcp", "sport", "1000-2000", "dport", "80", "uidrange", "1000-2000", "table", "101", "pref", "101")
	r.run(false, "ip", "-6", "rule", "add", "to", "2001:db8::/32", "iif", "v0", "table", "102", "pref", "102")
	r.run(false, "ip", "rule", "show")
	r.run(false, "ip", "-6", "rule", "show")
	r.run(false, "ip", "rule", "del", "pref", "100")
	// Next hops and buckets (RTM_*NEXTHOP, RTM_*NEXTHOPBUCKET).
	r.run(false, "ip", "nexthop", "add", "id", "1", "via", "192.0.2.2", "dev", "v0")
	r.run(false, "ip", "nexthop", "add", "id", "2", "via", "192.0.2.3", "dev", "v0")
	r.run(false, "ip", "nexthop", "add", "id", "3", "blackhole")
	r.run(false, "ip", "nexthop", "add", "id", "10", "group", "1/2,3")
	r.run(false, "ip", "nexthop", "add", "id", "11", "group", "1/2", "type", "resilient", "buckets", "4")
	r.run(false, "ip", "nexthop", "show")
	r.run(false, "ip", "nexthop", "bucket", "show")
	r.run(false, "ip", "nexthop", "del", "id", "10")
	// Namespace IDs (RTM_*NSID).
	r.run(false, "ip", "netns", "set", peer, "7")
	r.run(false, "ip", "netns", "list-id")
	// Device configuration (RTM_*NETCONF).
	r.run(false, "ip", "netconf", "show")
	r.run(false, "ip", "-6", "netconf", "show", "dev", "v0")
	// Statistics (RTM_GETSTATS).
	r.run(false, "ip", "stats", "show", "dev", "v0")
	r.run(false, "ip", "stats", "show", "dev", "br0", "group", "xstats", "subgroup", "bridge")
	r.run(false, "ip", "stats", "show", "dev", "v0", "group", "offload")
	// Neighbour tables (RTM_*NEIGHTBL).
	r.run(false, "ip", "ntable", "show", "dev", "v0")
	r.run(false, "ip", "ntable", "change", "name", "arp_cache", "dev", "v0", "queue", "32")
	// Bridge multicast database (RTM_*MDB).
	r.run(false, "bridge", "mdb", "add", "dev", "br0", "port", "v1", "grp", "239.1.1.1", "permanent")
	r.run(false, "bridge", "mdb", "show")
	r.run(false, "bridge", "mdb", "del", "dev", "br0", "port", "v1", "grp", "239.1.1.1")
	// Actions (RTM_*ACTION): the kernel may lack act_gact, and answer
	// with an error that echoes the request.
	r.run(true, "tc", "actions", "add", "action", "gact", "drop", "index", "5")
	r.run(true, "tc", "actions", "show", "action", "gact")
	r.run(true, "tc", "actions", "del", "action", "gact", "index", "5")

	if len(r.dgs) < 40 {
		t.Fatalf("only %d datagrams recorded", len(r.dgs))
	}
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for i, dg := range r.dgs {
		if err := w.WriteDatagram(base.Add(time.Duration(i)*time.Millisecond), 0, dg.out, dg.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("../../testdata/tools-route.pcap", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded %d datagrams, %d bytes", len(r.dgs), buf.Len())
}
