package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/wire"
)

// The captures TestRecordMoreToolTraffic writes and the tests below read:
// the generic families ethtool, devlink, mptcp_pm and tcp_metrics
// (and what the same tools say over NETLINK_ROUTE), and nft and conntrack
// over NETLINK_NETFILTER.
const (
	toolsGenlCapture      = "testdata/tools-genl.pcap"
	toolsNetfilterCapture = "testdata/tools-netfilter.pcap"
)

// The netlink protocols of the captures' records (sll_protocol).
const (
	protoRoute     = 0
	protoNetfilter = 12
	protoGeneric   = 16
)

// namedAttrs reports through t every attribute of a decoded JSON message
// (in "attrs" lists at any depth: nests, arrays, echoed requests) that
// has no name or an unexpected length, and returns how many it saw.
func namedAttrs(t *testing.T, where string, v any) int {
	t.Helper()
	n := 0
	switch v := v.(type) {
	case map[string]any:
		if attrs, ok := v["attrs"].([]any); ok {
			for _, a := range attrs {
				m, _ := a.(map[string]any)
				if name, _ := m["name"].(string); name == "" {
					t.Errorf("%s: attribute without a name: %v", where, m)
				}
				if _, bad := m["bad_length"]; bad {
					t.Errorf("%s: %v has an unexpected length", where, m["name"])
				}
				n++
			}
		}
		for _, e := range v {
			n += namedAttrs(t, where, e)
		}
	case []any:
		for _, e := range v {
			n += namedAttrs(t, where, e)
		}
	}
	return n
}

// TestToolsGenlCapture: in what ethtool, devlink, ip mptcp and ip
// tcp_metrics exchanged with the kernel (toolsGenlCapture, recorded by
// TestRecordMoreToolTraffic), nldump learns each family's id from the
// CTRL_CMD_GETFAMILY answers the tools asked for, names every command
// and every attribute, as text and as JSON, and reports nothing
// malformed, nor any request rejected by -validate.
// MPTCP_PM_ADDR_ATTR_PORT is in host byte order: the kernel converts it
// with htons/ntohs (mptcp_pm.yaml said big-endian until a fix of
// September 2024).
// The kernel it was recorded on lacks devlink, which answers the tool's
// family lookup with ENOENT.
func TestToolsGenlCapture(t *testing.T) {
	out, errs, status := runNldump(t, toolsGenlCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	for _, want := range []string{
		`CTRL_ATTR_FAMILY_NAME "ethtool"`, `CTRL_ATTR_FAMILY_NAME "devlink"`,
		`CTRL_ATTR_FAMILY_NAME "mptcp_pm"`, `CTRL_ATTR_FAMILY_NAME "tcp_metrics"`,
		"ethtool ETHTOOL_MSG_LINKINFO_GET", "ethtool ETHTOOL_MSG_FEATURES_SET", "ethtool ETHTOOL_MSG_CHANNELS_SET",
		"ethtool ETHTOOL_MSG_TSINFO_GET", `ETHTOOL_A_HEADER_DEV_NAME "v0"`,
		"request ethtool ETHTOOL_MSG_RINGS_GET", "error EOPNOTSUPP",
		"mptcp_pm MPTCP_PM_CMD_ADD_ADDR", "mptcp_pm MPTCP_PM_CMD_GET_ADDR", "mptcp_pm MPTCP_PM_CMD_DEL_ADDR",
		"mptcp_pm MPTCP_PM_CMD_FLUSH_ADDRS", "mptcp_pm MPTCP_PM_CMD_SET_LIMITS", "mptcp_pm MPTCP_PM_CMD_GET_LIMITS",
		"MPTCP_PM_ADDR_ATTR_ID 3", "MPTCP_PM_ADDR_ATTR_PORT 10000", "MPTCP_PM_ATTR_SUBFLOWS 2",
		"tcp_metrics TCP_METRICS_CMD_GET", "tcp_metrics TCP_METRICS_CMD_DEL",
		"TCP_METRICS_ATTR_ADDR_IPV4 10.0.0.2", "TCP_METRICS_A_METRICS_RTT_US",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "#") {
			t.Errorf("line %d: attribute by number: %s", i+1, line)
		}
	}

	js, errs, status := runNldump(t, "-json", toolsGenlCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-json: status %d, stderr:\n%s", status, errs)
	}
	families, attrs := map[string]int{}, 0
	for i, line := range strings.Split(strings.TrimSpace(js), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		where := fmt.Sprintf("line %d (%v)", i+1, m["type"])
		if m["family"] != "generic" {
			t.Errorf("%s: family %v", where, m["family"])
		}
		typ, _ := m["type"].(string)
		if fam, cmd, ok := strings.Cut(typ, " "); ok {
			families[fam]++
			if !strings.Contains(cmd, "_CMD_") && !strings.Contains(cmd, "_MSG_") {
				t.Errorf("%s: command not named", where)
			}
		} else if !strings.HasPrefix(typ, "NLMSG_") {
			t.Errorf("%s: message type not named", where)
		}
		attrs += namedAttrs(t, where, m)
	}
	for _, fam := range []string{"nlctrl", "ethtool", "mptcp_pm", "tcp_metrics"} {
		if families[fam] == 0 {
			t.Errorf("no message of %s: %v", fam, families)
		}
	}
	if attrs < 1000 {
		t.Errorf("only %d attributes decoded", attrs)
	}

	// Every request the kernel answered is one its policy accepts (today
	// nldump checks the nlctrl requests only).
	out, errs, status = runNldump(t, "-validate", toolsGenlCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-validate: status %d, stderr:\n%s", status, errs)
	}
	if n := strings.Count(out, "would be rejected"); n != 0 {
		t.Errorf("-validate rejects %d requests", n)
	}
	if n := strings.Count(out, ") accepted"); n < 30 {
		t.Errorf("-validate accepts %d requests, want the 30 or more family lookups at least", n)
	}
}

// nfMessage is what a datagram of toolsNetfilterCapture holds and nldump
// shows of each message.
type nfMessage struct {
	Record  int    `json:"record"`
	Offset  int    `json:"offset"`
	Len     int    `json:"len"`
	TypeNum int    `json:"type_num"`
	Seq     uint32 `json:"seq"`
}

// TestToolsNetfilterCapture: what nft and conntrack exchanged with the
// kernel over NETLINK_NETFILTER (toolsNetfilterCapture, recorded by
// TestRecordMoreToolTraffic) reads without a problem, as text and JSON:
// every message of every record appears, at its offset, with its type,
// length and sequence number. nldump does not know NETLINK_NETFILTER yet:
// today it shows the family as netlink-12 and each message's type by
// number (subsystem << 8 | message) with its body as a hex payload, and
// names only NLMSG_ERROR and NLMSG_DONE; this test does not depend on
// that, so it holds when netfilter decoding (nfgenmsg and the
// nftables and conntrack attribute sets) comes.
func TestToolsNetfilterCapture(t *testing.T) {
	var want []nfMessage
	for i, dg := range capturetest.Datagrams(t, toolsNetfilterCapture) {
		if dg.Protocol != protoNetfilter {
			t.Fatalf("record %d: protocol %d", i, dg.Protocol)
		}
		r := wire.NewReader(dg.Data).WithOrder(capture.GuessOrder(dg.Data, nlwire.Host()))
		for r.Next() {
			h := r.Header()
			want = append(want, nfMessage{Record: i, Offset: r.Offset(), Len: int(h.Len), TypeNum: int(h.Type), Seq: h.Seq})
		}
		if err := r.Err(); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if len(want) < 200 {
		t.Fatalf("only %d messages in %s", len(want), toolsNetfilterCapture)
	}

	out, errs, status := runNldump(t, toolsNetfilterCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	heads := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, toolsNetfilterCapture+" #") {
			heads++
		}
	}
	if heads != len(want) {
		t.Errorf("text shows %d messages, the capture holds %d", heads, len(want))
	}

	js, errs, status := runNldump(t, "-json", toolsNetfilterCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-json: status %d, stderr:\n%s", status, errs)
	}
	var got []nfMessage
	for i, line := range strings.Split(strings.TrimSpace(js), "\n") {
		var m nfMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		got = append(got, m)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-capture +nldump):\n%s", diff)
	}
}
