package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/registry"
)

// jsonRecord is what the validation tests read of nldump's JSON.
type jsonRecord struct {
	Record   int    `json:"record"`
	Type     string `json:"type"`
	Flags    string `json:"flags"`
	Seq      uint32 `json:"seq"`
	Pid      uint32 `json:"pid"`
	Validate *struct {
		Mode     string `json:"mode"`
		Accepted bool   `json:"accepted"`
		Errno    int    `json:"errno"`
		Msg      string `json:"msg"`
		Checked  *bool  `json:"checked"` // false, with Why, if not checked
		Why      string `json:"why"`
	} `json:"validate"`
	Ack *struct {
		Errno int `json:"errno"`
	} `json:"ack"`
}

// answered is a request with a verdict and the kernel's answer: the
// errno of the NLMSG_ERROR that answered it, or 0 for an ACK or data.
type answered struct {
	req   jsonRecord
	errno int
}

// answers runs nldump -validate -json on file, after setup, and pairs
// each request with a verdict with the kernel's first message of the
// same sequence number that follows it (the tools wait for each
// answer).
func answers(t *testing.T, file string, setup func(d *dumper)) []answered {
	t.Helper()
	var out, errb bytes.Buffer
	w := bufio.NewWriter(&out)
	d := newDumper(w, &errb)
	d.json, d.validate = true, true
	setup(d)
	err := d.file(file, nil, familyRoute, nlwire.LittleEndian, false)
	d.endFile(file)
	if ferr := d.flush(); err == nil {
		err = ferr
	}
	if err != nil || d.malformed > 0 {
		t.Fatalf("%s: %v, %d malformed: %s", file, err, d.malformed, errb.String())
	}
	pending := map[uint32]jsonRecord{}
	var res []answered
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r jsonRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.Flags, "NLM_F_REQUEST") && r.Ack == nil {
			if r.Validate != nil && r.Validate.Checked == nil {
				pending[r.Seq] = r
			}
			continue
		}
		q, ok := pending[r.Seq]
		if !ok {
			continue
		}
		delete(pending, r.Seq)
		a := answered{req: q}
		if r.Ack != nil {
			a.errno = r.Ack.Errno
		}
		res = append(res, a)
	}
	if len(pending) > 0 {
		t.Errorf("%s: %d requests with a verdict unanswered", file, len(pending))
	}
	return res
}

// handWritten lists the requests of families with hand-written kernel
// policies that the kernel accepted and their spec's policies reject,
// and why: the spec describes those policies in part.
var handWritten = map[string]string{
	"ethtool ETHTOOL_MSG_MODULE_EEPROM_GET": "the spec's request lists the header alone; the kernel's " +
		"ethnl_module_eeprom_get_policy also has offset, length, page, bank and i2c-address",
}

// TestValidateAsKernel: nldump -validate agrees with the kernel's
// answers in the captures. It checks the requests of nlctrl (against
// family/genl's copy of the kernel's policies) and of every family whose
// kernel policies are generated from its spec (registry.KernelGenerated:
// mptcp_pm here; genl-ynl.pcap's netdev request is a dump, which
// netdev's split operation parses with no policy): every request the
// kernel accepted is accepted. The families with hand-written kernel
// policies (ethtool, tcp_metrics) nldump does not check; given their
// specs' policies (as -spec would), the requests those reject that the
// kernel accepted are exactly those handWritten lists.
func TestValidateAsKernel(t *testing.T) {
	exact, approx := map[string]int{}, map[string]int{}
	var differ []string
	for _, file := range []string{"testdata/tools-genl.pcap", "testdata/genl-ynl.pcap", "../../testdata/genl-ctrl.pcapng"} {
		plain := answers(t, file, func(*dumper) {})
		for _, a := range plain {
			if fam, _, _ := strings.Cut(a.req.Type, " "); fam != "nlctrl" && !registry.KernelGenerated(fam) {
				t.Errorf("%s #%d %s: checked, but its kernel policies are not the spec's", file, a.req.Record, a.req.Type)
			}
		}
		all := answers(t, file, func(d *dumper) {
			for _, f := range registry.GenericFamilies() {
				if !registry.KernelGenerated(f.Name) && f.Name != "nlctrl" {
					d.dis.Genl.Spec(f, registry.Policies(f.Name))
				}
			}
		})
		for _, a := range all {
			fam, _, _ := strings.Cut(a.req.Type, " ")
			v := a.req.Validate
			if fam == "nlctrl" || registry.KernelGenerated(fam) {
				exact[fam]++
				if a.errno == 0 && !v.Accepted {
					t.Errorf("%s #%d %s: the kernel accepted it, nldump: %s %q (errno %d)", file, a.req.Record, a.req.Type, v.Mode, v.Msg, v.Errno)
				}
				continue
			}
			approx[fam]++
			if a.errno == 0 && !v.Accepted {
				differ = append(differ, a.req.Type)
			}
		}
	}
	t.Logf("requests checked exactly: %v; by hand-written families' specs: %v", exact, approx)
	if exact["mptcp_pm"] < 5 || exact["nlctrl"] < 10 || approx["ethtool"] < 20 || approx["tcp_metrics"] == 0 {
		t.Errorf("too few requests validated: %v %v", exact, approx)
	}
	sort.Strings(differ)
	var want []string
	for k := range handWritten {
		want = append(want, k)
	}
	sort.Strings(want)
	if diff := cmp.Diff(want, differ); diff != "" {
		t.Errorf("requests the kernel accepted and the spec's policies reject (-listed +found):\n%s", diff)
	}
}

// pmSpec is an out-of-tree spec of mptcp_pm with its own C names and a
// stricter check than the kernel's (subflows at most 1).
const pmSpec = `name: mptcp_pm
protocol: genetlink
kernel-policy: per-op
attribute-sets:
  - name: attr
    name-prefix: test-pm-attr-
    attributes:
      - {name: addr, type: nest, nested-attributes: endpoint}
      - {name: rcv-add-addrs, type: u32}
      - {name: subflows, type: u32, checks: {max: 1}}
  - name: endpoint
    name-prefix: test-pm-addr-
    attributes:
      - {name: family, type: u16}
      - {name: id, type: u8}
operations:
  name-prefix: test-pm-cmd-
  list:
    - name: add-addr
      value: 1
      attribute-set: attr
      do:
        request:
          attributes: [addr]
    - name: set-limits
      value: 5
      attribute-set: attr
      dont-validate: [strict]
      do:
        request:
          attributes: [rcv-add-addrs, subflows]
`

func writeSpec(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSpecFlag: -spec decodes and validates the family by the spec it
// loads, in place of the built-in tables.
func TestSpecFlag(t *testing.T) {
	spec := writeSpec(t, "pm.yaml", pmSpec)
	out, errs, status := runNldump(t, "-validate", "-spec", spec, "testdata/tools-genl.pcap")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	for _, want := range []string{
		"generic mptcp_pm TEST_PM_CMD_ADD_ADDR ",
		"    TEST_PM_ADDR_ID 1 @24",
		"  TEST_PM_ATTR_SUBFLOWS 2 @28\n  validate (LIBERAL) would be rejected: ERANGE \"integer out of range\" at offset 28 (TEST_PM_ATTR_SUBFLOWS)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the output", want)
		}
	}
	if strings.Contains(out, "MPTCP_PM_CMD_") {
		t.Error("the built-in table still names mptcp_pm's commands")
	}
	// Other families keep their tables.
	if !strings.Contains(out, "ethtool ETHTOOL_MSG_LINKINFO_GET") {
		t.Error("ethtool lost its tables")
	}
}

// TestSpecFlagErrors: a spec that does not load stops nldump with
// status 2 and the loader's error, naming the file and the position.
func TestSpecFlagErrors(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"syntax.yaml", "name: x\nattribute-sets: [\n", "syntax.yaml:"},
		{"type.yaml", strings.Replace(pmSpec, "type: u8}", "type: u7}", 1), "type.yaml:15:26: unknown attribute type"},
		{"sparse.yaml", strings.Replace(pmSpec, "type: u8}", "type: u8, value: 60000}", 1), "sparse.yaml: attribute set \"endpoint\""},
	} {
		spec := writeSpec(t, c.name, c.text)
		out, errs, status := runNldump(t, "-spec", spec, "testdata/tools-genl.pcap")
		if status != 2 || out != "" || !strings.HasPrefix(errs, "nldump: ") || !strings.Contains(errs, c.want) {
			t.Errorf("%s: status %d, stdout %d bytes, stderr %q; want 2 and %q", c.name, status, len(out), errs, c.want)
		}
	}
	if _, errs, status := runNldump(t, "-spec", "testdata/no-such.yaml", "testdata/tools-genl.pcap"); status != 2 || !strings.Contains(errs, "no-such.yaml") {
		t.Errorf("missing spec: status %d, %q", status, errs)
	}
}

// nftSpec is an out-of-tree netlink-raw spec of one nftables message,
// NFT_MSG_NEWTABLE (subsystem 10, message 0), with its own C names.
const nftSpec = `name: my-nft
protocol: netlink-raw
protonum: 12
definitions:
  - name: nfgenmsg
    type: struct
    members:
      - {name: nfgen-family, type: u8}
      - {name: version, type: u8}
      - {name: res-id, type: u16, byte-order: big-endian}
attribute-sets:
  - name: table-attrs
    name-prefix: my-table-
    attributes:
      - {name: name, type: string}
      - {name: flags, type: u32, byte-order: big-endian}
operations:
  fixed-header: nfgenmsg
  name-prefix: my-msg-
  list:
    - name: newtable
      value: 0xa00
      attribute-set: table-attrs
      do:
        request:
          attributes: [name, flags]
`

// TestSpecFlagRaw: a netlink-raw spec decodes the messages of its
// protocol its operations name, in place of the built-in tables, and
// leaves the others alone.
func TestSpecFlagRaw(t *testing.T) {
	const file = "testdata/tools-netfilter.pcap"
	spec := writeSpec(t, "nft.yaml", nftSpec)
	out, errs, status := runNldump(t, "-spec", spec, file)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	plain, _, _ := runNldump(t, file)
	for _, want := range []string{
		"netfilter nftables NFT_MSG_NEWTABLE len=36 flags=NLM_F_REQUEST seq=1 pid=0\n  nfgenmsg nfgen_family=1 version=0 res_id=0\n  MY_TABLE_NAME \"nlw\" @20\n  MY_TABLE_FLAGS 0 @28\n",
		"netfilter nftables NFT_MSG_GETGEN len=20",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the output", want)
		}
	}
	if strings.Contains(plain, "MY_TABLE") || strings.Count(out, "MY_TABLE_NAME") < 2 {
		t.Errorf("the spec's names: %d with it, %d without", strings.Count(out, "MY_TABLE_NAME"), strings.Count(plain, "MY_TABLE_NAME"))
	}
	// Messages the spec does not name decode as without it.
	strip := func(s string) string {
		var keep []string
		for _, block := range strings.Split(s, "\n"+file) {
			if !strings.Contains(block, "NFT_MSG_NEWTABLE") {
				keep = append(keep, block)
			}
		}
		return strings.Join(keep, "\n")
	}
	if diff := cmp.Diff(strip(plain), strip(out)); diff != "" {
		t.Errorf("other messages changed (-without +with):\n%s", diff)
	}
}

// TestSpecFlagNoPolicies: a generic spec whose policies cannot be made
// (a sub-message in a request) still decodes its family, by its names;
// its requests are not validated, which stderr notes once and each
// request's verdict says, and the exit status is the usual one.
func TestSpecFlagNoPolicies(t *testing.T) {
	text := strings.Replace(pmSpec, "      - {name: subflows, type: u32, checks: {max: 1}}\n",
		"      - {name: subflows, type: u32, checks: {max: 1}}\n      - {name: sel, type: string}\n      - {name: sub, type: sub-message, sub-message: m, selector: sel}\n", 1)
	text = strings.Replace(text, "operations:\n", "sub-messages:\n  - name: m\n    formats:\n      - {value: x, attribute-set: endpoint}\noperations:\n", 1)
	text = strings.Replace(text, "attributes: [rcv-add-addrs, subflows]", "attributes: [rcv-add-addrs, subflows, sel, sub]", 1)
	spec := writeSpec(t, "pmsub.yaml", text)
	out, errs, status := runNldump(t, "-validate", "-spec", spec, "testdata/tools-genl.pcap")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	const note = "sub-message in a request policy: mptcp_pm is decoded by the spec's tables, its requests are not validated"
	if n := strings.Count(errs, note); n != 1 || !strings.HasPrefix(errs, "nldump: note: "+spec+": ") {
		t.Errorf("the note %q is on stderr %d times, want once:\n%s", note, n, errs)
	}
	want := "  TEST_PM_ATTR_SUBFLOWS 2 @28\n  validate: not checked (no policy: no table for this family/message)\n"
	if !strings.Contains(out, want) {
		t.Errorf("no %q in the output", want)
	}
	if strings.Contains(out, "MPTCP_PM_CMD_") {
		t.Error("the built-in table still names mptcp_pm's commands")
	}
	for _, other := range []string{"validate (LIBERAL) accepted", "validate: not checked (no policy: the family's kernel policy is hand-written (use -spec))"} {
		if !strings.Contains(out, other) {
			t.Errorf("the other families' requests lost their verdicts: no %q", other)
		}
	}
}

// linkSpec is an out-of-tree netlink-raw spec of rtnetlink's
// RTM_NEWLINK that names one attribute, IFLA_IFNAME.
const linkSpec = `name: my-link
protocol: netlink-raw
protonum: 0
attribute-sets:
  - name: link-attrs
    name-prefix: my-link-
    attributes:
      - {name: ifname, type: string, value: 3}
operations:
  list:
    - name: newlink
      value: 16
      attribute-set: link-attrs
      do:
        request:
          attributes: [ifname]
`

// TestSpecFlagRawReplaces: a netlink-raw spec of message types the
// built-in tables describe replaces their attribute tables: the
// attributes it does not name are shown by number, and a note on stderr
// says so.
func TestSpecFlagRawReplaces(t *testing.T) {
	const file = "../../testdata/route-notify.pcap"
	spec := writeSpec(t, "link.yaml", linkSpec)
	out, errs, status := runNldump(t, "-spec", spec, file)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	wantNote := "nldump: note: " + spec + " replaces the built-in tables of 1 route message types: the attributes it does not name are shown by number\n"
	if !strings.Contains(errs, wantNote) {
		t.Errorf("no note %q on stderr:\n%s", wantNote, errs)
	}
	plain, _, _ := runNldump(t, file)
	for _, c := range []struct {
		text       string
		with, want bool
	}{
		{"  MY_LINK_IFNAME \"veth1\" @32\n", true, true},
		{"  IFLA_IFNAME \"veth1\" @32\n", true, false},
		{"  #13 e8030000 @44\n", true, true}, // IFLA_TXQLEN by number
		{"  IFLA_IFNAME \"veth1\" @32\n", false, true},
		{"  IFLA_TXQLEN 1000 @44\n", false, true},
	} {
		s, name := out, "with the spec"
		if !c.with {
			s, name = plain, "without it"
		}
		if got := strings.Contains(s, c.text); got != c.want {
			t.Errorf("%s: %q in the output: %v, want %v", name, c.text, got, c.want)
		}
	}
	// A spec of types without built-in tables has no note.
	if _, errs, _ := runNldump(t, "-spec", writeSpec(t, "nft.yaml", strings.Replace(nftSpec, "value: 0xa00", "value: 0x0e00", 1)), file); strings.Contains(errs, "replaces") {
		t.Errorf("a note for a spec of types without tables: %s", errs)
	}
}
