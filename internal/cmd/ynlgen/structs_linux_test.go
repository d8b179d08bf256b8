package main

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/testenv"
)

// cStructNames are the C types of the structs whose spec name is not
// the UAPI's.
var cStructNames = map[string]string{
	"datapath_stats":       "struct ovs_dp_stats",
	"megaflow_stats":       "struct ovs_dp_megaflow_stats",
	"vport_stats":          "struct ovs_vport_stats",
	"sta_flag_update":      "struct nl80211_sta_flag_update",
	"nf_ct_tcp_flags_mask": "struct nf_ct_tcp_flags",
}

// cMemberNames are the C names of members whose spec name is not the
// UAPI's (struct.member).
var cMemberNames = map[string]string{"megaflow_stats.padding": "pad0"}

// cMemberPrefixes are the prefixes the UAPI's members of a struct have
// and the spec's names lack.
var cMemberPrefixes = map[string]string{
	"nda_cacheinfo": "ndm_", "ndt_config": "ndtc_", "ndt_stats": "ndts_", "__kernel_timespec": "tv_",
}

// specShorter are the structs of which the spec lists only the first
// members (rta_cacheinfo's first five of eight): the rest of a payload
// is given as trailing bytes.
var specShorter = map[string]bool{"rta_cacheinfo": true}

// newerThanHeaders are the structs of specs newer than the 6.12
// headers the test compiles with.
var newerThanHeaders = map[string]bool{"ifla_geneve_port_range": true}

// cStructHeaders are the UAPI headers that define the structs.
var cStructHeaders = []string{
	"if_link.h", "pkt_sched.h", "pkt_cls.h", "gen_stats.h", "openvswitch.h", "rtnetlink.h",
	"neighbour.h", "fib_rules.h", "if_addr.h", "if_bridge.h", "time_types.h", "nl80211.h",
	"tc_act/tc_gact.h", "tc_act/tc_mpls.h", "tc_act/tc_pedit.h", "tc_act/tc_vlan.h",
	"netfilter/nf_conntrack_tcp.h",
}

// TestCStructs checks every struct a generated table gives an attribute
// (tables.Struct's layout of the spec's definition) against gcc's
// layout of the UAPI header's struct: its size, and every member's
// offset and size.
func TestCStructs(t *testing.T) {
	byName := map[string]*family.Struct{}
	for _, f := range generated {
		for _, s := range f.Sets {
			for _, a := range s.Attrs {
				if a.Struct != nil {
					byName[a.Struct.Name] = a.Struct
				}
			}
		}
	}
	if len(byName) < 80 {
		t.Fatalf("only %d structs", len(byName))
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		if newerThanHeaders[n] {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	ctype := func(n string) string {
		if c, ok := cStructNames[n]; ok {
			return c
		}
		return "struct " + n
	}
	cmember := func(st, m string) string {
		if c, ok := cMemberNames[st+"."+m]; ok {
			return c
		}
		return cMemberPrefixes[st] + strings.ReplaceAll(m, "-", "_")
	}
	src := testenv.CPrelude + "#ifndef __counted_by\n#define __counted_by(m)\n#endif\n#include <linux/types.h>\n"
	for _, h := range cStructHeaders {
		src += "#include <linux/" + h + ">\n"
	}
	src += "int main(void) {\n"
	for _, n := range names {
		st := byName[n]
		src += `printf("` + n + ` %zu\n", sizeof(` + ctype(n) + "));\n"
		for _, m := range st.Members {
			key, cm := n+"."+m.Name, cmember(n, m.Name)
			src += `printf("` + key + ` %zu\n", offsetof(` + ctype(n) + ", " + cm + "));\n"
			if m.Kind != family.MemberBytes || m.Len != 0 {
				src += `printf("` + key + `.size %zu\n", sizeof(((` + ctype(n) + " *)0)->" + cm + "));\n"
			}
		}
	}
	got := testenv.RunC(t, testenv.UAPIDir(t, cStructHeaders...), src+"return 0;\n}\n")
	for _, n := range names {
		st := byName[n]
		if want := got[n]; strconv.Itoa(st.Size) != want && !specShorter[n] {
			t.Errorf("%s: Size %d, sizeof %s", n, st.Size, want)
		}
		for _, m := range st.Members {
			key := n + "." + m.Name
			switch {
			case strconv.Itoa(m.Offset) != got[key]:
				t.Errorf("%s at %d, offsetof %s", key, m.Offset, got[key])
			case (m.Kind != family.MemberBytes || m.Len != 0) && strconv.Itoa(m.Size()) != got[key+".size"]:
				t.Errorf("%s of %d bytes, sizeof %s", key, m.Size(), got[key+".size"])
			}
		}
	}
}
