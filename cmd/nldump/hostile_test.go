package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/hostile"
)

// The cost nldump guarantees per byte of input, whatever its shape: the
// fuzz targets and TestHostileLinear hold every decode to them.
const (
	textPerByte  = 32      // text output bytes per input byte
	jsonPerByte  = 48      // JSON output bytes per input byte
	perMessage   = 320     // output bytes a message may add to that (its header line), besides its file name
	allocPerByte = 16      // bytes allocated per input byte
	allocFixed   = 1 << 20 // ... plus this much, for buffers of fixed size
	reportLen    = 256     // bytes of a report on standard error, besides its file name
	workPerAttr  = 8       // times an attribute may be looked at (printing, sibling keys, error paths), per 4 input bytes
)

// cost is what one decode of an input cost.
type cost struct {
	out, errs, alloc, work, messages, reports int
}

// measure runs decode with a fresh dumper writing to a counter.
func measure(js bool, decode func(d *dumper)) cost {
	var out countWriter
	var errs reportWriter
	d := newDumper(bufio.NewWriterSize(&out, 64<<10), &errs)
	d.json, d.validate = js, true
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	decode(d)
	d.endFile("x")
	d.flush()
	runtime.ReadMemStats(&after)
	return cost{out: out.n, errs: errs.n, alloc: int(after.TotalAlloc - before.TotalAlloc), work: d.work, messages: d.messages, reports: d.malformed + errs.notes}
}

// reportWriter counts the bytes of standard error and the notes among
// its reports (bytes the kernel ignores: reports, but not problems).
type reportWriter struct{ n, notes int }

func (w *reportWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.notes += bytes.Count(p, []byte(notePrefix))
	return len(p), nil
}

// check fails t if c exceeds the guarantees for an input of n bytes
// named by a label of labelLen bytes.
func (c cost) check(t testing.TB, what string, js bool, n, labelLen int) {
	t.Helper()
	per := textPerByte
	if js {
		per = jsonPerByte
	}
	if max := per*n + c.messages*(perMessage+labelLen); c.out > max {
		t.Errorf("%s: %d bytes of output for %d of input (%d messages), over %d", what, c.out, n, c.messages, max)
	}
	// At most maxReports reports (problems and notes) a file, then one
	// line with the count.
	if max := (min(c.reports, maxReports) + 1) * (reportLen + labelLen); c.errs > max {
		t.Errorf("%s: %d bytes of reports for %d of input (%d reports), over %d", what, c.errs, n, c.reports, max)
	}
	if max := allocPerByte*n + allocFixed; c.alloc > max {
		t.Errorf("%s: allocated %d bytes for %d of input, over %d", what, c.alloc, n, max)
	}
	if max := workPerAttr*(n/4+1) + 16; c.work > max {
		t.Errorf("%s: looked at %d attributes for %d bytes of input, over %d", what, c.work, n, max)
	}
}

func hostilePcap(tb testing.TB, s hostile.Shape, size int) []byte {
	b, err := s.Pcap(size)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestHostileLinear decodes inputs shaped to be expensive (deep nests,
// wide nests, siblings looking each other up, errors echoing them) at two
// sizes: output, allocation and work stay within their per-byte bounds,
// and the larger input costs no more per byte than the smaller.
func TestHostileLinear(t *testing.T) {
	for _, s := range hostile.Shapes() {
		for _, js := range []bool{false, true} {
			var perByte [2]float64
			for i, size := range []int{64 << 10, 1 << 20} {
				data := hostilePcap(t, s, size)
				c := measure(js, func(d *dumper) {
					if err := d.capture("hostile", bytes.NewReader(data), 0, false); err != nil {
						t.Fatal(err)
					}
				})
				what := s.String() + " " + map[bool]string{false: "text", true: "json"}[js]
				c.check(t, what, js, len(data), len("hostile"))
				perByte[i] = float64(c.work) / float64(len(data))
			}
			if perByte[1] > 1.25*perByte[0] {
				t.Errorf("%v: work per byte grows with size: %.3f at 64 KiB, %.3f at 1 MiB", s, perByte[0], perByte[1])
			}
		}
	}
}

// TestHostileText: past maxIndent levels a line's indentation stops
// growing and says the depth; past maxDepth a nest is shown as bytes; an
// error's path is elided in the middle.
func TestHostileText(t *testing.T) {
	for _, s := range []hostile.Shape{hostile.Deep, hostile.Echo, hostile.DeepWide} {
		out, errs, status := runNldumpInput(t, hostilePcap(t, s, 1))
		if status != 0 {
			t.Errorf("%v: status %d, stderr %s", s, status, errs)
		}
		longest := 0
		for _, line := range strings.Split(out, "\n") {
			indent := len(line) - len(strings.TrimLeft(line, " "))
			longest = max(longest, indent)
		}
		if longest > 2*maxIndent+6 { // an echoed request starts 3 levels in
			t.Errorf("%v: indentation of %d spaces", s, longest)
		}
		if !strings.Contains(out, "[depth 13] ") {
			t.Errorf("%v: no line says its depth", s)
		}
		if s != hostile.DeepWide && !strings.Contains(out, "(too deep)") {
			t.Errorf("%v: the nest past %d levels is not shown as bytes", s, maxDepth)
		}
		if s != hostile.Deep && !strings.Contains(out, " more.../") {
			t.Errorf("%v: the error's path is not elided:\n%.600s", s, out)
		}
	}
}

func runNldumpInput(t testing.TB, input []byte, args ...string) (stdout, stderr string, status int) {
	var out, errb bytes.Buffer
	status = run(append(args, "-"), bytes.NewReader(input), &out, &errb)
	return out.String(), errb.String(), status
}

// TestSiblingLookups: a run of many IFLA_INFO_DATA looks IFLA_INFO_KIND up
// once, not once per nest.
func TestSiblingLookups(t *testing.T) {
	m := hostile.Siblings.Message()
	c := measure(false, func(d *dumper) {
		rec := record{file: "x", label: "x", data: m, order: nlwire.LittleEndian}
		d.datagram(&rec)
	})
	if attrs := len(m) / 4; c.work > 2*attrs {
		t.Errorf("looked at %d attributes of a message of %d", c.work, attrs)
	}
}

// TestWorstLines builds the longest lines text output has per input byte:
// chains of IFLA_PROP_LIST (which holds link attributes again) down to the
// depths where lines change shape, then runs of empty attributes of the
// longest-named type of a set (link attributes, or a bridge's
// IFLA_INFO_DATA) with both flags set, so that every line is a nest opened
// and closed, or a nest too deep, at offsets of seven digits. Output stays
// within the bounds per input byte.
func TestWorstLines(t *testing.T) {
	longestIn := func(s *family.Set) uint16 {
		l := uint16(0)
		for typ := range uint16(0x4000) {
			if len(s.Name(typ)) > len(s.Name(l)) {
				l = typ
			}
		}
		return l
	}
	attr32 := func(b []byte, typ uint16, n int) []byte {
		return binary.LittleEndian.AppendUint32(b, uint32(n)|uint32(typ)<<16)
	}
	bridge := route.LinkAttrs.Attr(route.IFLA_LINKINFO).ChildSet("").Attr(route.IFLA_INFO_DATA).ChildSet("bridge")
	for _, bridged := range []bool{false, true} {
		set, above := &route.LinkAttrs, 1 // levels between the chain and the run
		if bridged {
			set, above = bridge, 3
		}
		longest := longestIn(set)
		for _, runDepth := range []int{1 + above, maxIndent, maxIndent + 1, maxDepth - 1, maxDepth} {
			chainLen := runDepth - above
			if chainLen < 0 {
				continue
			}
			// A block of about 60 KiB: the chain, then the run.
			run := []byte{}
			for len(run) < 60000-4*chainLen {
				run = attr32(run, longest|attr.FlagNested|attr.FlagNetByteOrder, 4)
			}
			if bridged {
				data := attr32(nil, route.IFLA_INFO_DATA|attr.FlagNested, 4+len(run))
				kind := attr32(nil, route.IFLA_INFO_KIND, 4+7)
				kind = append(kind, "bridge\x00\x00"...)
				run = append(append(attr32(nil, route.IFLA_LINKINFO|attr.FlagNested, 4+len(kind)+len(data)+len(run)), kind...), append(data, run...)...)
			}
			block := run
			for range chainLen {
				block = append(attr32(nil, route.IFLA_PROP_LIST|attr.FlagNested, 4+len(block)), block...)
			}
			// One message of 20 blocks: offsets of seven digits.
			body := bytes.Repeat(block, 20)
			msg := binary.LittleEndian.AppendUint32(nil, uint32(32+len(body)))
			msg = binary.LittleEndian.AppendUint16(msg, route.RTM_NEWLINK)
			msg = append(msg, make([]byte, 10+16)...)
			msg = append(msg, body...)
			for _, js := range []bool{false, true} {
				rec := record{file: "x", label: "x", data: msg, order: nlwire.LittleEndian}
				c := measure(js, func(d *dumper) { d.datagram(&rec) })
				c.check(t, set.Name(longest)+" at depth "+strconv.Itoa(runDepth), js, len(msg), 1)
				t.Logf("%s at depth %d, json %v: %.1f bytes a byte", set.Name(longest), runDepth, js, float64(c.out)/float64(len(msg)))
			}
		}
	}
}
