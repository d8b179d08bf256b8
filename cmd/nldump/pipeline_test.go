package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/hostile"
	"github.com/nlwire/nlwire/wire"
)

// dumped is what one decode of an input gave.
type dumped struct {
	out, errs                string
	err                      error
	malformed, work, records int
	messages                 int
}

// dumpWith decodes the input name (from stdin if "-") as run does, with
// workers goroutines printing (under 2: the reading goroutine alone).
func dumpWith(workers int, name string, stdin []byte, js, validate bool, filter string) dumped {
	var out, errs bytes.Buffer
	d := newDumper(bufio.NewWriterSize(&out, chunkBytes), &errs) // as run makes it
	d.workers, d.json, d.validate = workers, js, validate
	d.filter, _ = parseFilter(filter)
	d.dis.Genl.Add(0x25, "given")
	err := d.file(name, bytes.NewReader(stdin), familyRoute, 0, false)
	d.endFile(name)
	d.flush()
	return dumped{out: out.String(), errs: errs.String(), err: err, malformed: d.malformed, work: d.work, records: d.records, messages: d.messages}
}

// genlNames returns a capture of about size bytes of generic netlink
// traffic whose CTRL_CMD_NEWFAMILY messages name and rename families,
// more of them than nldump learns (maxGenl), some with names to escape,
// among messages of those families, with a datagram longer than a batch
// now and then: each message must be printed with the names learned
// before it, whichever goroutine prints it.
func genlNames(tb testing.TB, size int) []byte {
	var file bytes.Buffer
	w, err := capture.NewWriter(&file, capture.PCAP)
	if err != nil {
		tb.Fatal(err)
	}
	name := func(b *wire.Builder, i int) {
		id := uint16(0x20 + i*7%1500)
		m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Seq: uint32(i)})
		copy(b.FamilyHeader(genl.HeaderLen), []byte{genl.CTRL_CMD_NEWFAMILY, 2})
		e := b.Attrs()
		e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
		s := "fam" + strconv.Itoa(i%5)
		if i%11 == 0 {
			s += "\x1b\n"
		}
		e.String(genl.CTRL_ATTR_FAMILY_NAME, s)
		b.End(m)
	}
	use := func(b *wire.Builder, i int) {
		m := b.Start(wire.Header{Type: uint16(0x20 + i*13%1500), Flags: wire.Request, Seq: uint32(i)})
		b.FamilyHeader(genl.HeaderLen)
		b.End(m)
	}
	for i := 0; file.Len() < size; i++ {
		b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
		n := 1
		if i%300 == 299 {
			n = 700 // a datagram of about 70 KB
		}
		for j := range n {
			name(&b, i*n+j)
			use(&b, i*n+j)
			use(&b, i*n+j+1)
		}
		dg, err := b.Finish()
		if err != nil {
			tb.Fatal(err)
		}
		w.WriteDatagram(time.Unix(int64(i), int64(i)*1000), familyGeneric, i%2 == 0, dg)
	}
	w.Flush()
	return file.Bytes()
}

// smallShapes returns a capture of about size bytes of the hostile shapes'
// messages, each short enough to be batched.
func smallShapes(tb testing.TB, size int) []byte {
	var file bytes.Buffer
	w, err := capture.NewWriter(&file, capture.PCAPNG)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; file.Len() < size; i++ {
		s := hostile.Shapes()[i%len(hostile.Shapes())]
		w.WriteDatagram(time.Unix(int64(i), 0), s.Protocol(), true, s.MessageN(50+i%400))
	}
	w.Flush()
	return file.Bytes()
}

// badHex returns hex text of about size bytes, a line in three of which
// cannot be decoded.
func badHex(size int) []byte {
	good := hex.EncodeToString(getlink)
	var b []byte
	for i := 0; len(b) < size; i++ {
		switch i % 3 {
		case 0:
			b = append(b, good...)
			b = append(b, '\n')
		case 1:
			b = append(b, "zz\n"...)
		default:
			b = append(b, good[:len(good)-1]...) // odd
			b = append(b, '\n')
		}
	}
	return b
}

// shortHeaders returns a capture of about size bytes whose datagrams
// each hold 2000 RTM_NEWLINK messages too short for their ifinfomsg:
// thousands of reports a datagram, over maxReports in one batch.
func shortHeaders(tb testing.TB, size int) []byte {
	var file bytes.Buffer
	w, err := capture.NewWriter(&file, capture.PCAP)
	if err != nil {
		tb.Fatal(err)
	}
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	for i := range 2000 {
		b.End(b.Start(wire.Header{Type: 16, Seq: uint32(i)}))
	}
	dg, err := b.Finish()
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; file.Len() < size; i++ {
		w.WriteDatagram(time.Unix(int64(i), 0), familyRoute, true, dg)
	}
	w.Flush()
	return file.Bytes()
}

// TestPipelineSameOutput decodes inputs with the worker and without, from
// a file and from a stream: the output, the reports, and the counts are
// the same byte for byte, whichever goroutine printed which batch, for
// the shipped captures, a long capture, generic family names learned and
// changed across batches (and in records longer than a batch), the
// hostile shapes, inputs with thousands of reports (over maxReports, in
// one batch too), hex text and binary streams.
func TestPipelineSameOutput(t *testing.T) {
	type input struct {
		name   string
		data   []byte
		filter string
	}
	var inputs []input
	for _, f := range captures(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{name: filepath.Base(f), data: data})
	}
	size := 1 << 20
	if testing.Short() {
		size = 256 << 10
	}
	names := genlNames(t, size)
	inputs = append(inputs,
		input{name: "dumps", data: bigCapture(t, size)},
		input{name: "names", data: names},
		input{name: "names-filtered", data: names, filter: "type=fam3"},
		input{name: "shapes", data: smallShapes(t, size)},
		input{name: "huge", data: hostilePcap(t, hostile.Huge, size/2)},
		input{name: "echo", data: hostilePcap(t, hostile.Echo, size/2)},
		input{name: "bad-records", data: hostile.BadRecords(size / 2)},
		input{name: "bad-hex", data: badHex(size / 4)},
		input{name: "all-bad-hex", data: append([]byte(hex.EncodeToString(getlink)+"\n"), bytes.Repeat([]byte("zz\n"), 5000)...)},
		input{name: "short-headers", data: shortHeaders(t, size/4)},
		input{name: "binary", data: bytes.Repeat(append(bytes.Clone(getlink), hostile.Wide.MessageN(30)...), size/300)},
		input{name: "binary-cut", data: append(bytes.Repeat(getlink, 5000), getlink[:18]...)},
	)
	dir := t.TempDir()
	for _, in := range inputs {
		file := filepath.Join(dir, in.name)
		if err := os.WriteFile(file, in.data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, js := range []bool{false, true} {
			for _, validate := range []bool{false, true} {
				what := in.name + map[bool]string{false: " text", true: " json"}[js] + map[bool]string{false: "", true: " -validate"}[validate]
				for _, v := range []struct {
					how   string
					name  string
					stdin []byte
				}{{"file", file, nil}, {"stream", "-", in.data}} {
					want := dumpWith(1, v.name, v.stdin, js, validate, in.filter)
					if want.records+want.messages == 0 || want.out == "" {
						t.Fatalf("%s: nothing decoded: %+v", what, want)
					}
					got := dumpWith(2, v.name, v.stdin, js, validate, in.filter)
					if got.out != want.out {
						i := 0
						for i < min(len(got.out), len(want.out)) && got.out[i] == want.out[i] {
							i++
						}
						t.Errorf("%s, %s: output differs at byte %d of %d:\nwant %q\ngot  %q", what, v.how, i, len(want.out), want.out[max(0, i-200):min(len(want.out), i+200)], got.out[max(0, i-200):min(len(got.out), i+200)])
					}
					if got.errs != want.errs {
						t.Errorf("%s, %s: reports differ:\nwant %.2000s\ngot  %.2000s", what, v.how, want.errs, got.errs)
					}
					if (got.err == nil) != (want.err == nil) || got.malformed != want.malformed || got.work != want.work || got.messages != want.messages || got.records != want.records {
						t.Errorf("%s, %s: got %v, %d reports, work %d, %d messages, %d records; want %v, %d, %d, %d, %d", what, v.how,
							got.err, got.malformed, got.work, got.messages, got.records, want.err, want.malformed, want.work, want.messages, want.records)
					}
				}
			}
		}
	}
}
