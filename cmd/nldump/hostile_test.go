package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
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
	var out, errs countWriter
	d := newDumper(bufio.NewWriterSize(&out, 64<<10), &errs)
	d.json, d.validate = js, true
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	decode(d)
	d.flush()
	runtime.ReadMemStats(&after)
	return cost{out: out.n, errs: errs.n, alloc: int(after.TotalAlloc - before.TotalAlloc), work: d.work, messages: d.messages, reports: d.malformed}
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
	// A report per 4-byte attribute at most, and one per message.
	if max := n/4 + c.messages + 8; c.reports > max {
		t.Errorf("%s: %d reports for %d bytes of input (%d messages), over %d", what, c.reports, n, c.messages, max)
	}
	if max := c.reports * (reportLen + labelLen); c.errs > max {
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
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		tb.Fatal(err)
	}
	for _, m := range s.Messages(size) {
		if err := w.WriteDatagram(time.Unix(0, 0), s.Protocol(), true, m); err != nil {
			tb.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
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
		if s != hostile.DeepWide && !strings.Contains(out, "(over 100 levels deep: bytes)") {
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
// a chain of IFLA_PROP_LIST (which holds link attributes again) down to
// the depths where lines change shape, then a run of empty attributes of
// the longest-named link attribute type with both flags set (every line a
// nest opened and closed, or "too deep" bytes). Output stays within the
// bounds per input byte.
func TestWorstLines(t *testing.T) {
	longest := uint16(0)
	for typ := range uint16(0x4000) {
		if len(route.LinkAttrs.Name(typ)) > len(route.LinkAttrs.Name(longest)) {
			longest = typ
		}
	}
	for _, depth := range []int{0, maxIndent, maxIndent + 1, maxDepth - 1, maxDepth} {
		var b []byte
		for len(b)+4 <= 65535-4*depth-4 {
			b = binary.LittleEndian.AppendUint32(b, 4|uint32(longest|attr.FlagNested|attr.FlagNetByteOrder)<<16)
		}
		for range depth {
			b = append(binary.LittleEndian.AppendUint32(nil, uint32(4+len(b))|uint32(route.IFLA_PROP_LIST|attr.FlagNested)<<16), b...)
		}
		msg := binary.LittleEndian.AppendUint32(nil, uint32(32+len(b)))
		msg = binary.LittleEndian.AppendUint16(msg, route.RTM_NEWLINK)
		msg = append(msg, make([]byte, 10+16)...)
		msg = append(msg, b...)
		for _, js := range []bool{false, true} {
			rec := record{file: "x", label: "x", data: msg, order: nlwire.LittleEndian}
			c := measure(js, func(d *dumper) { d.datagram(&rec) })
			c.check(t, route.LinkAttrs.Name(longest)+" at depth "+strconv.Itoa(depth), js, len(msg), 1)
			t.Logf("depth %d json %v: %.1f bytes a byte", depth, js, float64(c.out)/float64(len(msg)))
		}
	}
}
