package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// toolsTcCapture is the capture TestRecordTcTraffic writes: ip link add
// of many link kinds, ip -d link show, and tc's qdiscs, classes, filters
// and actions.
const toolsTcCapture = "testdata/tools-tc.pcap"

// unnamedByKind walks the "attrs" lists of a decoded JSON message and
// counts, by the IFLA_INFO_KIND of the link info they are in ("" if
// none), the attributes without a name; it reports through t any
// attribute of unexpected length, and returns how many it saw.
func unnamedByKind(t *testing.T, where string, v any, kind string, unnamed map[string]int) int {
	t.Helper()
	n := 0
	switch v := v.(type) {
	case map[string]any:
		if attrs, ok := v["attrs"].([]any); ok {
			for _, a := range attrs {
				if m, _ := a.(map[string]any); m["name"] == "IFLA_INFO_KIND" {
					kind, _ = m["value"].(string)
				}
			}
			for _, a := range attrs {
				m, _ := a.(map[string]any)
				if name, _ := m["name"].(string); name == "" {
					unnamed[kind]++
				}
				if _, bad := m["bad_length"]; bad {
					t.Errorf("%s: %v has an unexpected length", where, m["name"])
				}
				n++
				n += unnamedByKind(t, where, m, kind, unnamed)
			}
		}
		for k, e := range v {
			if k != "attrs" {
				n += unnamedByKind(t, where, e, kind, unnamed)
			}
		}
	case []any:
		for _, e := range v {
			n += unnamedByKind(t, where, e, kind, unnamed)
		}
	}
	return n
}

// TestToolsTcCapture: in what ip link add (of the link kinds the
// recording kernel has), ip -d link show and tc exchanged with the
// kernel (toolsTcCapture), nldump reports nothing malformed, as text and
// as JSON, and names every attribute (macvlan's and macvtap's
// IFLA_INFO_DATA by family/route's IFLA_MACVLAN_* table, which the rt-link
// spec lacks). The kind-dependent nests are read by the tc spec's sets,
// with the values the commands gave.
func TestToolsTcCapture(t *testing.T) {
	out, errs, status := runNldump(t, toolsTcCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	for _, want := range []string{
		// macvlan's link data, named: bridge mode (4) and vepa (2)
		"IFLA_MACVLAN_MODE 4", "IFLA_MACVLAN_MODE 2", "IFLA_MACVLAN_BC_QUEUE_LEN 1000",
		// qdiscs: fq_codel's limit, tbf's burst, red's max_p, pfifo's
		// limit (77) and bfifo's (10000) in struct tc_fifo_qopt, netem's
		// struct tc_netem_qopt (limit 1000) before its attributes.
		"TCA_FQ_CODEL_LIMIT 1000 @",
		"TCA_TBF_BURST 4096 @",
		"TCA_RED_MAX_P 85899345 @",
		`TCA_KIND "pfifo" @36
  TCA_OPTIONS header=4d000000 {`,
		`TCA_KIND "bfifo" @36
  TCA_OPTIONS header=10270000 {`,
		"TCA_OPTIONS header=5a620200e8030000",
		// htb: the class 1:10's rate 30mbit (3750000 bytes a second,
		// 0x393870) and ceil 80mbit (10000000, 0x989680) in struct
		// tc_htb_opt, and the qdisc's r2q 5 and default 0x20.
		"TCA_HTB_PARMS tc_htb_opt rate.cell-log=3 rate.linklayer=1 rate.overhead=0 rate.cell-align=-1 rate.mpu=0 rate.rate=3750000 " +
			"ceil.cell-log=3 ceil.linklayer=1 ceil.overhead=0 ceil.cell-align=-1 ceil.mpu=0 ceil.rate=10000000 ",
		"TCA_HTB_INIT tc_htb_glob version=3 rate2quantum=5 defcls=32 debug=0 direct-pkts=0 @",
		// u32's selector: its key (mask, value, offset) after the
		// struct's padding, as the C struct has it.
		"TCA_U32_SEL tc_u32_sel flags=1 offshift=0 nkeys=1 offmask=0 off=0 offoff=0 hoff=0 hmask=0 keys=ffffff00c63364000c00000000000000 @",
		// filters: u32's flowid 1:10, flower's keys, actions' options.
		"TCA_U32_CLASSID 65552 @",
		"TCA_FLOWER_KEY_TCP_DST 80 @",
		"TCA_FLOWER_KEY_IPV4_SRC 192.0.2.0 @",
		"TCA_FLOWER_KEY_IPV4_SRC_MASK 255.255.255.0 @",
		"TCA_FLOWER_KEY_ETH_DST 02:00:00:00:00:01 @",
		"TCA_SKBEDIT_MARK 7 @",
		`TCA_ACT_KIND "mirred" @`,
		"TCA_MIRRED_PARMS ",
		"TCA_POLICE_TBF ",
		// links: vxlan's id and port (hand-written), veth's peer.
		"IFLA_VXLAN_ID 4242 @",
		"IFLA_VXLAN_PORT 4789 @",
		`IFLA_IFNAME "ve1" @76`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q", want)
		}
	}

	js, errs, status := runNldump(t, "-json", toolsTcCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-json: status %d, stderr:\n%s", status, errs)
	}
	unnamed, attrs := map[string]int{}, 0
	types := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(js), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		if m["family"] != "route" {
			t.Errorf("line %d: family %v", i+1, m["family"])
		}
		typ, _ := m["type"].(string)
		types[typ] = true
		attrs += unnamedByKind(t, fmt.Sprintf("line %d (%s)", i+1, typ), m, "", unnamed)
	}
	if diff := cmp.Diff(map[string]int{}, unnamed); diff != "" {
		t.Errorf("unnamed attributes by link kind (-want +got):\n%s", diff)
	}
	for _, typ := range []string{"RTM_NEWLINK", "RTM_NEWQDISC", "RTM_NEWTCLASS", "RTM_NEWTFILTER", "RTM_NEWACTION", "RTM_GETACTION", "NLMSG_ERROR"} {
		if !types[typ] {
			t.Errorf("no %s", typ)
		}
	}
	if attrs < 900 {
		t.Errorf("only %d attributes decoded", attrs)
	}
}
