package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// captures are the real kernel captures shipped in testdata.
func captures(t testing.TB) []string {
	files, err := filepath.Glob("../../testdata/*.pcap*")
	if err != nil || len(files) < 4 {
		t.Fatalf("captures in ../../testdata: %v %v", files, err)
	}
	// The capture of generic families with YNL specs (genl_linux_test.go),
	// what nft and conntrack said (tools_more_linux_test.go), and ss and
	// ip xfrm (tools_diag_linux_test.go), and ip link and tc
	// (tools_tc_linux_test.go).
	return append(files, "testdata/genl-ynl.pcap", "testdata/tools-netfilter.pcap", toolsDiagCapture, toolsTcCapture)
}

func runNldump(t testing.TB, args ...string) (stdout, stderr string, status int) {
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), status
}

// TestGolden decodes every shipped capture as text and JSON and compares
// with the golden output (go test -update rewrites it).
func TestGolden(t *testing.T) {
	for _, file := range captures(t) {
		for _, mode := range []string{"txt", "json"} {
			t.Run(filepath.Base(file)+"."+mode, func(t *testing.T) {
				args := []string{"-validate", file}
				if mode == "json" {
					args = append([]string{"-json"}, args...)
				}
				out, errs, status := runNldump(t, args...)
				if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
					t.Fatalf("status %d, stderr:\n%s", status, errs)
				}
				golden := filepath.Join("testdata", filepath.Base(file)+"."+mode)
				if *update {
					if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), out); diff != "" {
					t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
				}
				if mode == "json" {
					for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
						var v map[string]any
						if err := json.Unmarshal([]byte(line), &v); err != nil {
							t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
						}
					}
				}
			})
		}
	}
}

// dropNotes removes nldump's notes (bytes the kernel ignores, which real
// tools' captures hold) from its standard error.
func dropNotes(errs string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(errs, "\n") {
		if !strings.HasPrefix(line, notePrefix) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestKernelFacts checks decoded values against what the recording did.
func TestKernelFacts(t *testing.T) {
	out, _, _ := runNldump(t, "../../testdata/route-errors.pcap")
	for _, want := range []string{
		`offs 32 -> IFLA_MTU`,
		`policy NLA_U32 range [0, 4294967295]`,
		`offs 32 -> IFLA_IFNAME`,
		`policy NLA_STRING max length 15`,
		`msg "Unknown device type"`,
		`error EOPNOTSUPP (95)`,
		`flags=NLM_F_CAPPED`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("route-errors output lacks %q", want)
		}
	}
	out, _, _ = runNldump(t, "-filter", "type=RTM_NEWADDR", "../../testdata/route-dumps.pcap")
	for _, want := range []string{`IFA_ADDRESS 192.0.2.1`, `IFA_LABEL "veth0"`, `IFA_ADDRESS 2001:db8::1`, `prefixlen=24`} {
		if !strings.Contains(out, want) {
			t.Errorf("address dump lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runNldump(t, "-filter", "type=RTM_NEWLINK", "../../testdata/route-notify.pcap")
	if !strings.Contains(out, `IFLA_MTU 1400`) || !strings.Contains(out, `IFLA_IFNAME "veth1"`) {
		t.Errorf("notification lacks veth1's new MTU:\n%s", out)
	}
}

func TestFilterAndFlags(t *testing.T) {
	out, _, status := runNldump(t, "-filter", "family=generic,seq=2", "../../testdata/genl-ctrl.pcapng")
	if status != 0 || strings.Count(out, "\ntestdata")+strings.Count(out, "../../testdata") == 0 {
		t.Fatalf("status %d, output:\n%s", status, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "../../testdata") && !strings.Contains(line, " seq=2 ") {
			t.Errorf("filtered output has %q", line)
		}
	}
	for _, args := range [][]string{{}, {"-filter", "nope"}, {"-order", "sideways", "x"}, {"-family", "bogus", "x"}, {"-genl", "x", "f"}, {"/nonexistent/file"}} {
		if _, _, status := runNldump(t, args...); status != 2 {
			t.Errorf("nldump %q: status %d, want 2", args, status)
		}
	}
}

// TestMalformed: bad records are reported with their number and offset,
// decoding goes on, and the exit status is 1.
func TestMalformed(t *testing.T) {
	dir := t.TempDir()
	good := []byte{0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	badLen := append([]byte{0x40, 0, 0, 0, 0x12, 0, 0x01, 0x03, 2, 0, 0, 0, 0, 0, 0, 0}, make([]byte, 8)...)
	badAttr := []byte{0x18, 0, 0, 0, 0x10, 0, 0x01, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	badAttr = append(badAttr[:16], append(make([]byte, 16), 0x09, 0, 0x03, 0, 'l', 'o')...) // IFLA_IFNAME claims 9 bytes, has 6
	badAttr[0] = byte(len(badAttr))
	f := filepath.Join(dir, "bad.pcap")
	fh, _ := os.Create(f)
	w, _ := capture.NewWriter(fh, capture.PCAP)
	for _, dg := range [][]byte{good, badLen, badAttr, good} {
		w.WriteDatagram(time.Unix(0, 0), 0, true, dg)
	}
	w.Flush()
	fh.Close()
	out, errs, status := runNldump(t, f)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	for _, want := range []string{"record 1: wire: message truncated at offset 0", "record 2: message at offset 0: attr:", "offset 32"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := strings.Count(out, "RTM_GETLINK"); n != 2 {
		t.Errorf("decoded %d good messages, want 2:\n%s", n, out)
	}
}

func TestRawInputs(t *testing.T) {
	dir := t.TempDir()
	msg := []byte{0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	bin := filepath.Join(dir, "dg.bin")
	os.WriteFile(bin, msg, 0o644)
	hexFile := filepath.Join(dir, "dg.hex")
	os.WriteFile(hexFile, []byte("# a comment\n14000000 12000103 07000000 00000000 00000000\n"), 0o644)
	for _, f := range []string{bin, hexFile} {
		out, errs, status := runNldump(t, f)
		if status != 0 || !strings.Contains(out, "RTM_GETLINK len=20 flags=NLM_F_REQUEST|NLM_F_DUMP seq=7") {
			t.Errorf("%s: status %d, stderr %q, out:\n%s", f, status, errs, out)
		}
	}
	var out bytes.Buffer
	if status := run([]string{"-"}, bytes.NewReader(msg), &out, &bytes.Buffer{}); status != 0 || !strings.Contains(out.String(), "seq=7") {
		t.Errorf("stdin: status %d, out %q", status, out.String())
	}
	out.Reset()
	be := []byte{0, 0, 0, 0x14, 0, 0x12, 0x03, 0x01, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0}
	if status := run([]string{"-"}, bytes.NewReader(be), &out, &bytes.Buffer{}); status != 0 || !strings.Contains(out.String(), "seq=7") {
		t.Errorf("big-endian datagram: status %d, out %q", status, out.String())
	}
}

// FuzzDatagram decodes any bytes as a raw datagram of either family, as
// text and as JSON: no panic, JSON output stays JSON, and output,
// allocation and work stay within their bounds per input byte.
func FuzzDatagram(f *testing.F) {
	for _, file := range []string{"../../wire/testdata/err_mtu_short.hex", "../../wire/testdata/dump_getlink.hex"} {
		dgs, err := testenv.ReadHex(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, dg := range dgs {
			f.Add(dg, false)
		}
	}
	for _, s := range capturetest.Datagrams(f, "../../testdata/*.pcap*") {
		f.Add(s.Data, s.Protocol == familyGeneric)
	}
	f.Fuzz(func(t *testing.T, dg []byte, generic bool) {
		for i, js := range []bool{false, true} {
			var out bytes.Buffer
			d := newDumper(bufio.NewWriter(&out), io.Discard)
			d.json, d.validate = js, true
			rec := record{file: "fuzz", label: "fuzz", data: dg, order: nlwire.LittleEndian}
			if i == 1 {
				rec.order = nlwire.BigEndian // the same bytes read as a big-endian kernel's
			}
			if generic {
				rec.family = familyGeneric
			}
			d.datagram(&rec)
			d.w.Flush()
			if d.malformed == 0 && len(dg) >= 16 && out.Len() == 0 {
				t.Fatalf("a datagram with a message printed nothing")
			}
			if js {
				for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
					if line != "" && !json.Valid([]byte(line)) {
						t.Fatalf("invalid JSON: %s", line)
					}
				}
			}
			// What it costs, measured again without keeping the output.
			c := measure(js, func(d *dumper) { d.datagram(&rec) })
			c.check(t, "datagram", js, len(dg), len(rec.label))
		}
	})
}

func TestAppendHex(t *testing.T) {
	all := make([]byte, 256+17) // every byte value, at every position of a word
	for i := range all {
		all[i] = byte(i)
	}
	for _, p := range [][]byte{nil, {0}, {0xde, 0xad, 0xbe, 0xef}, bytes.Repeat([]byte{0x5a, 0xa5}, 100)} {
		if got, want := string(appendHex([]byte("x"), p)), "x"+hex.EncodeToString(p); got != want {
			t.Errorf("appendHex(% x) = %q, want %q", p, got, want)
		}
	}
	for i := range 17 {
		p := all[i : 256+i]
		if got, want := string(appendHex([]byte("x"), p)), "x"+hex.EncodeToString(p); got != want {
			t.Errorf("appendHex(% x) = %q, want %q", p, got, want)
		}
	}
}

// FuzzCapture decodes any bytes as a capture file, as text and JSON: no
// panic, every malformed record is counted, not fatal, and output,
// allocation and work stay within their bounds per input byte.
func FuzzCapture(f *testing.F) {
	for _, file := range []string{"../../testdata/route-errors.pcap", "../../testdata/genl-ctrl.pcapng"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !isCapture(data[:min(4, len(data))]) {
			return
		}
		for _, js := range []bool{false, true} {
			var out bytes.Buffer
			d := newDumper(bufio.NewWriter(&out), io.Discard)
			d.json, d.validate = js, true
			_ = d.capture("fuzz", bytes.NewReader(data), 0, false)
			d.w.Flush()
			if js {
				for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
					if line != "" && !json.Valid([]byte(line)) {
						t.Fatalf("invalid JSON: %s", line)
					}
				}
			}
			c := measure(js, func(d *dumper) { _ = d.capture("fuzz", bytes.NewReader(data), 0, false) })
			c.check(t, "capture", js, len(data), len("fuzz"))
		}
	})
}

// TestBigEndianErrorPath: the offending attribute's path is found in a
// big-endian kernel's echoed request too, inside a nest.
func TestBigEndianErrorPath(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		b := wire.NewBuilder(nil).WithOrder(o)
		m := b.Start(wire.Header{Type: 16, Flags: wire.Request | wire.Ack, Seq: 9})
		b.FamilyHeader(16)
		e := b.Attrs()
		e.String(3, "nlw0")
		li := e.Begin(18)
		kindOff := b.Len()
		e.String(1, "nosuchkind")
		e.End(li)
		b.End(m)
		req, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		reply, err := wire.AppendError(nil, req, &wire.Error{Errno: nlwire.EOPNOTSUPP, Msg: []byte("Unknown device type"), Offset: uint32(kindOff)}, wire.AckOptions{Order: o})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if status := run([]string{"-"}, bytes.NewReader(reply), &out, io.Discard); status != 0 {
			t.Fatalf("%v: status %d", o, status)
		}
		want := "offs " + strconv.Itoa(kindOff) + " -> IFLA_LINKINFO/IFLA_INFO_KIND"
		if !strings.Contains(out.String(), want) {
			t.Errorf("%v: output lacks %q:\n%s", o, want, out.String())
		}
	}
}

// TestMultipathErrorPath: an error's offset inside RTA_MULTIPATH is named
// through the rtnexthop that holds it.
func TestMultipathErrorPath(t *testing.T) {
	gw := func(ip byte) []byte { return []byte{8, 0, 5, 0, 10, 0, 0, ip} } // RTA_GATEWAY 10.0.0.ip
	nh := func(ip byte) []byte { return append([]byte{16, 0, 0, 0, 1, 0, 0, 0}, gw(ip)...) }
	mp := append([]byte{4 + 32, 0, 9, 0}, append(nh(1), nh(2)...)...) // RTA_MULTIPATH
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: route.RTM_NEWROUTE, Flags: wire.Request | wire.Ack, Seq: 3})
	copy(b.FamilyHeader(route.RtMsgLen), []byte{route.AF_INET, 24})
	b.Attrs().Raw(mp)
	b.End(m)
	req, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	secondGateway := wire.HeaderLen + route.RtMsgLen + 4 + 16 + 8
	reply, err := wire.AppendError(nil, req, &wire.Error{Errno: nlwire.EINVAL, Offset: uint32(secondGateway)}, wire.AckOptions{Order: nlwire.LittleEndian})
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := runNldumpInput(t, reply)
	if want := "offs " + strconv.Itoa(secondGateway) + " -> RTA_MULTIPATH/1/RTA_GATEWAY"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// TestFlagsAnywhere: flags may follow file names; after "--" every
// argument is a name; a generic family's name alone filters its messages;
// netlink-N names a family as the output does; a key given twice is an
// error, not the last one winning.
func TestFlagsAnywhere(t *testing.T) {
	file := "../../testdata/genl-ctrl.pcapng"
	out, errs, status := runNldump(t, file, "-json", "-filter", "type=nlctrl")
	if status != 0 || !strings.HasPrefix(out, "{") || !strings.Contains(out, "CTRL_CMD_GETFAMILY") {
		t.Errorf("flags after the file: status %d, stderr %q, out %.200s", status, errs, out)
	}
	if _, _, status := runNldump(t, "--", "-json"); status != 2 {
		t.Errorf("after --, -json is a file name that does not exist: status %d", status)
	}
	if _, errs, status := runNldump(t, "-filter", "family=netlink-16", file); status != 0 {
		t.Errorf("family=netlink-16: status %d, %s", status, errs)
	}
	if _, errs, status := runNldump(t, "-filter", "type=RTM_NEWLINK,type=RTM_DELLINK", file); status != 2 || !strings.Contains(errs, "given twice") {
		t.Errorf("a key twice: status %d, %s", status, errs)
	}
}

// BenchmarkAppendHex appends the hex of a link's IFLA_STATS64 block.
func BenchmarkAppendHex(b *testing.B) {
	p := make([]byte, 200)
	for i := range p {
		p[i] = byte(i * 7)
	}
	b.SetBytes(int64(len(p)))
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = appendHex(buf[:0], p)
	}
}

func TestAppendUint(t *testing.T) {
	vals := []uint64{0, math.MaxUint64, math.MaxInt64, 1 << 63}
	for p := uint64(1); p <= 1e19 && p != 0; p *= 10 {
		vals = append(vals, p-1, p, p+1, 2*p-1, 5*p, 9*p+p-1)
		if p > math.MaxUint64/10 {
			break
		}
	}
	for v := range uint64(100_000) {
		vals = append(vals, v)
	}
	for _, v := range vals {
		if got, want := string(appendUint([]byte("x"), v)), "x"+strconv.FormatUint(v, 10); got != want {
			t.Errorf("appendUint(%d) = %q, want %q", v, got, want)
		}
		for _, s := range []int64{int64(v), -int64(v)} {
			if got, want := string(appendInt([]byte("x"), s)), "x"+strconv.FormatInt(s, 10); got != want {
				t.Errorf("appendInt(%d) = %q, want %q", s, got, want)
			}
		}
	}
	if got := string(appendInt(nil, math.MinInt64)); got != strconv.FormatInt(math.MinInt64, 10) {
		t.Errorf("appendInt(MinInt64) = %q", got)
	}
}

// TestAppendJSONString holds appendJSONString's word-at-a-time scan of
// the plain prefix to the byte-at-a-time escaping it hands the rest to:
// every byte value, at every position of a word.
func TestAppendJSONString(t *testing.T) {
	plain := "IFLA_INFO_KIND-0123456789abcdefghijklmnopqrstuvwxyz"
	check := func(s string) {
		t.Helper()
		got := string(appendJSONString([]byte("x"), s))
		if want := `x"` + string(appendJSONEscaped(nil, s)) + `"`; got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
		if !json.Valid([]byte(got[1:])) {
			t.Errorf("appendJSONString(%q) = %s: not JSON", s, got)
		}
	}
	check("")
	check(plain)
	for n := range 26 {
		check(plain[:n])
		for pos := range n {
			for c := range 256 {
				check(plain[:pos] + string([]byte{byte(c)}) + plain[pos+1:n])
			}
		}
	}
	for _, s := range []string{"é", "\u2028", "\u202e", "\U0001f600", "\xff\xfe", "\x7f", "a\"b\\c"} {
		for pos := range 17 {
			check(plain[:pos] + s + plain[pos:pos+9])
		}
	}
}

// TestClock holds the clock's time text to time.AppendFormat's, for times
// in the same second as the last one formatted and in others.
func TestClock(t *testing.T) {
	var c clock
	base := time.Date(2026, 11, 26, 18, 10, 15, 0, time.UTC)
	times := []time.Time{
		time.Unix(0, 0), time.Unix(0, 1), time.Unix(-1, 999_999_999),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(2026, 11, 26, 18, 10, 15, 73434832, time.FixedZone("x", 3600)),
	}
	for i := range 2000 {
		ns := []int{0, 1, 10, 100_000_000, 999_999_999, 73_434_832, 500_000_000, i * 7919 % 1_000_000_000}[i%8]
		times = append(times, base.Add(time.Duration(i/8*700)*time.Millisecond).Add(time.Duration(ns)))
	}
	for _, tm := range times {
		for range 2 { // the second time from the remembered second
			got := string(c.appendTime([]byte("x"), tm))
			if want := "x" + tm.UTC().Format(time.RFC3339Nano); got != want {
				t.Errorf("appendTime(%v) = %q, want %q", tm, got, want)
			}
		}
	}
}

// TestTableNames checks that every attribute name of the tables nldump
// decodes with is plain, as attr prints them without escaping: letters,
// digits and "_-.:/+,=@" (safeName), which JSON needs no escape for.
func TestTableNames(t *testing.T) {
	seen := map[*family.Set]bool{}
	var walk func(s *family.Set)
	walkAttr := func(a *family.Attr) {
		if a == nil {
			return
		}
		if a.Name != "" && (!safeName(a.Name) || jsonPlainLen(a.Name) != len(a.Name)) {
			t.Errorf("attribute name %q is not plain", a.Name)
		}
		walk(a.Child)
		for _, v := range a.Variants {
			walk(v.Set)
		}
	}
	walk = func(s *family.Set) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for i := range s.Attrs {
			walkAttr(&s.Attrs[i])
		}
		walkAttr(s.Elem)
	}
	for _, m := range []*family.Msgs{&route.Messages, &genl.Messages} {
		for _, typ := range m.Types {
			walk(typ.Attrs)
		}
	}
	if len(seen) < 10 {
		t.Errorf("walked %d attribute sets: the tables are not where the test looks", len(seen))
	}
}

// TestCPUProfile checks that -cpuprofile writes a profile (gzipped, as
// pprof writes them) of a run that decodes as usual, and that a path it
// cannot create is a usage error.
func TestCPUProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	var out, errb bytes.Buffer
	if status := run([]string{"-cpuprofile", prof, "../../testdata/route-dumps.pcap"}, nil, &out, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	if !strings.Contains(out.String(), "RTM_NEWLINK") {
		t.Errorf("the profiled run printed no RTM_NEWLINK")
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("the profile is not gzipped pprof output: % x", b[:min(len(b), 8)])
	}
	errb.Reset()
	if status := run([]string{"-cpuprofile", filepath.Join(prof, "x"), "../../testdata/route-dumps.pcap"}, nil, io.Discard, &errb); status != 2 || !strings.Contains(errb.String(), "nldump:") {
		t.Errorf("an uncreatable profile path: status %d, %q", status, errb.String())
	}
}
