//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

// linkKinds are the link kinds TestRecordTcTraffic adds, each with the
// arguments of `ip link add NAME type KIND ...`; a kind this kernel lacks
// is left out of the capture.
var linkKinds = []struct {
	name string
	args []string
}{
	{"ve0", []string{"type", "veth", "peer", "name", "ve1"}},
	{"br0", []string{"type", "bridge", "stp_state", "0"}},
	{"bo0", []string{"type", "bond", "mode", "active-backup", "miimon", "100"}},
	{"vl0", []string{"link", "ve0", "type", "vlan", "id", "42", "egress-qos-map", "1:2"}},
	{"mv0", []string{"link", "ve0", "type", "macvlan", "mode", "bridge"}},
	{"vx0", []string{"type", "vxlan", "id", "4242", "dstport", "4789", "local", "10.1.0.1", "ttl", "16"}},
	{"gn0", []string{"type", "geneve", "id", "77", "remote", "10.1.0.2"}},
	{"gre0x", []string{"type", "gre", "local", "10.1.0.1", "remote", "10.1.0.2", "ttl", "64", "key", "5"}},
	{"gt0", []string{"type", "gretap", "local", "10.1.0.1", "remote", "10.1.0.3"}},
	{"ipip0x", []string{"type", "ipip", "local", "10.1.0.1", "remote", "10.1.0.4"}},
	{"sit0x", []string{"type", "sit", "local", "10.1.0.1", "remote", "10.1.0.5"}},
	{"i6t0", []string{"type", "ip6tnl", "local", "2001:db8::1", "remote", "2001:db8::2", "mode", "ip6ip6"}},
	{"vrf0", []string{"type", "vrf", "table", "100"}},
	{"du0", []string{"type", "dummy"}},
	{"ifb0x", []string{"type", "ifb"}},
	{"nk0", []string{"type", "netkit"}},
	{"mvt0", []string{"link", "ve0", "type", "macvtap", "mode", "vepa"}},
	{"ipvl0", []string{"link", "ve0", "type", "ipvlan", "mode", "l2"}},
}

// tcCommands are the tc commands TestRecordTcTraffic runs on ve0 (and
// ifb0x), in order: qdiscs of several kinds, htb classes, filters with
// actions, then their dumps with statistics.
var tcCommands = [][]string{
	{"qdisc", "add", "dev", "ve0", "root", "handle", "1:", "htb", "default", "20", "r2q", "5"},
	{"class", "add", "dev", "ve0", "parent", "1:", "classid", "1:1", "htb", "rate", "100mbit", "ceil", "100mbit"},
	{"class", "add", "dev", "ve0", "parent", "1:1", "classid", "1:10", "htb", "rate", "30mbit", "ceil", "80mbit", "prio", "1"},
	{"class", "add", "dev", "ve0", "parent", "1:1", "classid", "1:20", "htb", "rate", "10mbit", "ceil", "50mbit"},
	{"qdisc", "add", "dev", "ve0", "parent", "1:10", "handle", "10:", "fq_codel", "limit", "1000", "target", "4ms"},
	{"qdisc", "add", "dev", "ve0", "parent", "1:20", "handle", "20:", "netem", "delay", "10ms", "1ms", "loss", "0.5%"},
	{"qdisc", "add", "dev", "ve0", "clsact"},
	{"filter", "add", "dev", "ve0", "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip", "dport", "22", "0xffff", "flowid", "1:10"},
	{"filter", "add", "dev", "ve0", "ingress", "protocol", "ip", "prio", "2", "flower", "ip_proto", "tcp", "dst_port", "80", "src_ip", "192.0.2.0/24", "action", "gact", "drop"},
	{"filter", "add", "dev", "ve0", "ingress", "protocol", "all", "prio", "3", "matchall", "action", "police", "rate", "1mbit", "burst", "10k", "conform-exceed", "drop"},
	{"filter", "add", "dev", "ve0", "egress", "protocol", "ip", "prio", "4", "flower", "dst_mac", "02:00:00:00:00:01", "action", "skbedit", "mark", "7", "action", "mirred", "egress", "redirect", "dev", "ifb0x"},
	{"qdisc", "add", "dev", "ifb0x", "root", "handle", "1:", "htb", "default", "1"},
	{"class", "add", "dev", "ifb0x", "parent", "1:", "classid", "1:1", "htb", "rate", "5mbit"},
	{"class", "add", "dev", "ifb0x", "parent", "1:", "classid", "1:2", "htb", "rate", "5mbit"},
	{"class", "add", "dev", "ifb0x", "parent", "1:", "classid", "1:3", "htb", "rate", "5mbit"},
	{"qdisc", "add", "dev", "ifb0x", "parent", "1:1", "tbf", "rate", "1mbit", "burst", "32kbit", "latency", "400ms"},
	{"qdisc", "add", "dev", "ifb0x", "parent", "1:2", "sfq", "perturb", "10"},
	{"qdisc", "add", "dev", "ifb0x", "parent", "1:3", "red", "limit", "400000", "min", "30000", "max", "90000", "avpkt", "1000", "burst", "55", "probability", "0.02", "bandwidth", "10mbit"},
	{"qdisc", "add", "dev", "ve0", "parent", "1:1", "handle", "30:", "prio", "bands", "3"},
	{"qdisc", "add", "dev", "vx0", "root", "pfifo_fast"},
	{"qdisc", "add", "dev", "du0", "root", "cake", "bandwidth", "20mbit"},
	{"qdisc", "add", "dev", "ipvl0", "root", "fq"},
	{"qdisc", "add", "dev", "mv0", "root", "pfifo", "limit", "77"},
	{"qdisc", "add", "dev", "ve1", "root", "bfifo", "limit", "10000"},
	{"actions", "add", "action", "gact", "pass", "index", "5"},
	{"actions", "add", "action", "mirred", "egress", "mirror", "dev", "ifb0x", "index", "6"},
	{"filter", "add", "dev", "ve0", "parent", "1:", "protocol", "ip", "prio", "5", "u32", "match", "ip", "src", "198.51.100.0/24", "action", "gact", "pass", "action", "mirred", "egress", "mirror", "dev", "ifb0x"},
	{"-s", "qdisc", "show"},
	{"-s", "class", "show", "dev", "ve0"},
	{"-s", "class", "show", "dev", "ifb0x"},
	{"-s", "filter", "show", "dev", "ve0", "parent", "1:"},
	{"-s", "filter", "show", "dev", "ve0", "ingress"},
	{"-s", "filter", "show", "dev", "ve0", "egress"},
	{"-s", "actions", "ls", "action", "gact"},
	{"-s", "actions", "ls", "action", "police"},
	{"-s", "actions", "ls", "action", "mirred"},
}

// TestRecordTcTraffic records, with -record, what ip link add of many
// link kinds, ip -d link show and tc (qdiscs, classes, filters, actions
// and their dumps) send and receive, in a namespace it creates and
// deletes, into toolsTcCapture; TestToolsTcCapture checks it. Link dumps
// other than the one of ip -d link show are left out.
func TestRecordTcTraffic(t *testing.T) {
	if !*recordTools {
		t.Skip("records only with -record")
	}
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	testenv.LookPath(t, "tc")
	r := &socketRecorder{t: t, ip: ip, strace: testenv.LookPath(t, "strace"), dumps: map[uint32]bool{}}
	ns := "nldumptc-" + strconv.Itoa(os.Getpid())
	shell(t, ip, "netns", "add", ns)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", ns).Run() })
	shell(t, ip, "-n", ns, "link", "set", "lo", "up")
	for _, k := range linkKinds {
		// Probe first: a kind this kernel lacks fails, and is not kept.
		probe := exec.Command(ip, append([]string{"-n", ns, "link", "add", k.name}, k.args...)...)
		if out, err := probe.CombinedOutput(); err != nil {
			t.Logf("link kind %v: %v: %s", k.args, err, out)
			continue
		}
		shell(t, ip, "-n", ns, "link", "del", k.name)
		r.run(ns, false, "ip", append([]string{"link", "add", k.name}, k.args...)...)
	}
	// Set up what this kernel has; the rest fails, unrecorded.
	for _, args := range [][]string{
		{"ve0", "up"}, {"ve1", "master", "br0"}, {"ve1", "up"}, {"ifb0x", "up"},
		{"du0", "master", "bo0"}, {"du0", "up"}, {"ipvl0", "up"}, {"gt0", "up"},
	} {
		exec.Command(ip, append([]string{"-n", ns, "link", "set"}, args...)...).Run()
	}
	// The one link dump kept: every link, with its kind's details.
	dir := t.TempDir()
	cmd := r.start(ns, dir, "ip", "-d", "link", "show")
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "log.*"))
	for _, log := range logs {
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		r.dgs = append(r.dgs, parseStraceSockets(t, b)...)
	}
	for _, args := range tcCommands {
		// A kind or device this kernel lacks fails, with its error in
		// the capture.
		r.run(ns, true, "tc", args...)
	}
	r.write(toolsTcCapture, protoRoute)
}
