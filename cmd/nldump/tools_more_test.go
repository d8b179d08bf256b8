package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/nftables"
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
// length and sequence number, named by its subsystem and message, with
// its nfgenmsg; every attribute is named but those the nftables spec
// does not know (NFTA_SET_TYPE and NFTA_SET_COUNT, newer than the spec,
// in NFT_MSG_NEWSET); every expression's data is decoded by the set its
// NFTA_EXPR_NAME selects; and the values are what nft and conntrack
// were told.
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
	exprs := map[string]int{} // expressions decoded, by NFTA_EXPR_NAME
	attrs := 0
	for i, line := range strings.Split(strings.TrimSpace(js), "\n") {
		var m nfMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		got = append(got, m)
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		where := fmt.Sprintf("line %d (%v)", i+1, v["type"])
		attrs += nfCheckMessage(t, where, v, exprs)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-capture +nldump):\n%s", diff)
	}
	for _, name := range []string{"payload", "cmp", "meta", "ct", "lookup", "counter", "immediate", "bitwise"} {
		if exprs[name] == 0 {
			t.Errorf("no %s expression decoded: %v", name, exprs)
		}
	}
	if attrs < 1900 {
		t.Errorf("only %d attributes decoded", attrs)
	}

	// What the recording told nft and conntrack (tools_more_linux_test.go),
	// as the kernel echoed it or the tools sent it. nft keeps ct state
	// bits and marks in host order, the capture's little-endian.
	for _, want := range []string{
		"netfilter NFNL_MSG_BATCH_BEGIN len=20 flags=NLM_F_REQUEST seq=0 pid=0\n  nfgenmsg nfgen_family=0 version=0 res_id=10\n",
		"netfilter nftables NFT_MSG_NEWTABLE len=36 flags=NLM_F_REQUEST seq=1 pid=0\n  nfgenmsg nfgen_family=1 version=0 res_id=0\n  NFTABLES_A_TABLE_ATTRS_NAME \"nlw\" @20\n",
		"NFTABLES_A_TABLE_ATTRS_HANDLE 1 @36", // be64
		"NFTABLES_A_CHAIN_ATTRS_NAME \"input\"", "NFTABLES_A_CHAIN_ATTRS_NAME \"output\"",
		"NFTABLES_A_CHAIN_ATTRS_TYPE \"filter\"", "NFTABLES_A_NFT_HOOK_ATTRS_PRIORITY 0 @72",
		"NFTABLES_A_SET_ATTRS_NAME \"peers\"",
		"NFTABLES_A_EXPR_CT_ATTRS_KEY 0 (NFTABLES_CT_KEYS_STATE)",
		"NFTABLES_A_EXPR_BITWISE_ATTRS_MASK +nested {\n          NFTABLES_A_DATA_ATTRS_VALUE 06000000 ", // established,related
		"NFTABLES_A_EXPR_BITWISE_ATTRS_MASK +nested {\n          NFTABLES_A_DATA_ATTRS_VALUE 08000000 ", // new
		"NFTABLES_A_EXPR_CMP_ATTRS_OP 0 (NFTABLES_CMP_OPS_EQ)",
		"NFTABLES_A_EXPR_CMP_ATTRS_DATA +nested {\n          NFTABLES_A_DATA_ATTRS_VALUE 0a000002 ", // ip saddr 10.0.0.2
		"NFTABLES_A_EXPR_CMP_ATTRS_DATA +nested {\n          NFTABLES_A_DATA_ATTRS_VALUE 0016 ",     // tcp dport 22
		"NFTABLES_A_EXPR_META_ATTRS_KEY 6 (NFTABLES_META_KEYS_IIFNAME)",                             // iifname v0
		"NFTABLES_A_EXPR_META_ATTRS_KEY 3 (NFTABLES_META_KEYS_MARK)",                                // meta mark set 0x10
		"NFTABLES_A_EXPR_LOOKUP_ATTRS_SET \"peers\"",
		"NFTABLES_A_EXPR_COUNTER_ATTRS_PACKETS 0 ",
		"NFTABLES_A_VERDICT_ATTRS_CODE 1 (NFTABLES_VERDICT_CODE_ACCEPT)",
		"NFTABLES_A_VERDICT_ATTRS_CODE 0 (NFTABLES_VERDICT_CODE_DROP)",
		"NFTABLES_A_SETELEM_ATTRS_KEY +nested {\n        NFTABLES_A_DATA_ATTRS_VALUE 0a000003 ",
		"NFTABLES_A_SETELEM_ATTRS_KEY +nested {\n        NFTABLES_A_DATA_ATTRS_VALUE 01bb ", // 443
		"NFTABLES_A_GEN_ATTRS_PROC_NAME \"nft\"",
		"netfilter conntrack IPCTNL_MSG_CT_NEW len=172 flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE",
		"CONNTRACK_A_TUPLE_IP_ATTRS_IP_V4_SRC 192.0.2.1 @28", "CONNTRACK_A_TUPLE_IP_ATTRS_IP_V4_DST 192.0.2.2 @36",
		"CONNTRACK_A_TUPLE_PROTO_ATTRS_PROTO_NUM 6 @48",
		"CONNTRACK_A_TUPLE_PROTO_ATTRS_PROTO_SRC_PORT 1000 @56", "CONNTRACK_A_TUPLE_PROTO_ATTRS_PROTO_DST_PORT 2000 @64",
		"CONNTRACK_A_CONNTRACK_ATTRS_TIMEOUT 120 @124", "CONNTRACK_A_CONNTRACK_ATTRS_MARK 1 @132",
		"CONNTRACK_A_PROTOINFO_TCP_ATTRS_TCP_STATE 3 (CONNTRACK_NF_CT_TCP_STATE_ESTABLISHED)",
		"CONNTRACK_A_TUPLE_PROTO_ATTRS_PROTO_DST_PORT 8080 ", "CONNTRACK_A_TUPLE_PROTO_ATTRS_PROTO_DST_PORT 53 ",
		"CONNTRACK_A_CONNTRACK_ATTRS_STATUS 8 (CONNTRACK_NF_CT_STATUS_CONFIRMED)",
		"conntrack IPCTNL_MSG_CT_GET_STATS_CPU", "CONNTRACK_A_CONNTRACK_STATS_ATTRS_SEARCH_RESTART 0",
		"conntrack IPCTNL_MSG_CT_GET_STATS len=36", "CTA_STATS_GLOBAL_MAX_ENTRIES ",
		"conntrack IPCTNL_MSG_CT_DELETE", "conntrack IPCTNL_MSG_CT_GET ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// nfCheckMessage checks one netfilter message as nldump -json gives it:
// its family and name, and that every attribute is named but those the
// nftables spec does not know, and every expression's data is decoded
// by the set its name selects (counted in exprs). It returns how many
// attributes it saw.
func nfCheckMessage(t *testing.T, where string, m map[string]any, exprs map[string]int) int {
	t.Helper()
	if m["family"] != "netfilter" {
		t.Errorf("%s: family %v", where, m["family"])
	}
	typ, _ := m["type"].(string)
	sub, msg, _ := strings.Cut(typ, " ")
	switch {
	case sub == "nftables" && strings.HasPrefix(msg, "NFT_MSG_"),
		sub == "conntrack" && strings.HasPrefix(msg, "IPCTNL_MSG_CT_"),
		typ == "NFNL_MSG_BATCH_BEGIN", typ == "NFNL_MSG_BATCH_END", strings.HasPrefix(typ, "NLMSG_"):
	default:
		t.Errorf("%s: message not named", where)
	}
	if h, ok := m["header"].(map[string]any); ok && h["struct"] != "nfgenmsg" {
		t.Errorf("%s: header %v", where, h)
	}
	// The types of NFT_MSG_NEWSET that the spec does not know; any other
	// unnamed attribute is an error.
	unknown := map[float64]bool{}
	if typ == "nftables NFT_MSG_NEWSET" {
		for _, n := range []uint16{19, 20} {
			if name := nftables.SetAttrs.Name(n); name != "" {
				t.Fatalf("the spec names set attribute %d %s: it must be printed by name", n, name)
			}
			unknown[float64(n)] = true
		}
	}
	top, _ := m["attrs"].([]any)
	for _, a := range top {
		if a, _ := a.(map[string]any); a["name"] == nil && unknown[a["type"].(float64)] {
			a["name"] = "(not in the spec)" // checked above
		}
	}
	nfExprs(t, where, m, exprs)
	return namedAttrs(t, where, m)
}

// nfExprs finds the nft expressions in v (NFTA_EXPR_NAME and
// NFTA_EXPR_DATA, siblings) and checks that each one's data is decoded
// by the attribute set its name selects in the nftables tables.
func nfExprs(t *testing.T, where string, v any, exprs map[string]int) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		if attrs, ok := v["attrs"].([]any); ok {
			name, data := "", []any(nil)
			for _, a := range attrs {
				a, _ := a.(map[string]any)
				switch a["name"] {
				case "NFTABLES_A_EXPR_ATTRS_NAME":
					name, _ = a["value"].(string)
				case "NFTABLES_A_EXPR_ATTRS_DATA":
					data, _ = a["attrs"].([]any)
					if data == nil {
						data = []any{} // an empty nest
					}
				}
			}
			if data != nil {
				set := nftables.ExprAttrs.Attr(nftables.NFTABLES_A_EXPR_ATTRS_DATA).ChildSet(name)
				if set == nil {
					t.Errorf("%s: expression %q has no set in the tables", where, name)
				} else {
					exprs[name]++
					for _, d := range data {
						d, _ := d.(map[string]any)
						if n, _ := d["name"].(string); !strings.HasPrefix(n, set.Space+"_") {
							t.Errorf("%s: %s expression's data holds %v, not of %s", where, name, d, set.Space)
						}
					}
				}
			}
		}
		for _, e := range v {
			nfExprs(t, where, e, exprs)
		}
	case []any:
		for _, e := range v {
			nfExprs(t, where, e, exprs)
		}
	}
}

// TestFamilyNetfilter: -family netfilter reads raw datagrams as
// NETLINK_NETFILTER, as -family 12 does: the NFT_MSG_NEWTABLE nft sent
// (a datagram of toolsNetfilterCapture, little-endian, in hex).
func TestFamilyNetfilter(t *testing.T) {
	const msg = "24000000000a010001000000000000000100000008000100" + "6e6c770008000200" + "00000000"
	file := writeHex(t, t.TempDir(), msg)
	out, errs, status := runNldump(t, "-family", "netfilter", "-order", "little", file)
	if status != 0 || errs != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	for _, want := range []string{
		" netfilter nftables NFT_MSG_NEWTABLE len=36 flags=NLM_F_REQUEST seq=1 pid=0\n",
		"  nfgenmsg nfgen_family=1 version=0 res_id=0\n",
		"  NFTABLES_A_TABLE_ATTRS_NAME \"nlw\" @20\n",
		"  NFTABLES_A_TABLE_ATTRS_FLAGS 0 @28\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if out12, _, _ := runNldump(t, "-family", "12", "-order", "little", file); out12 != out {
		t.Errorf("-family 12 differs:\n%s", cmp.Diff(out, out12))
	}
}
