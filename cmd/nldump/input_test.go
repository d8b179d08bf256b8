package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/hostile"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

// getlink is an RTM_GETLINK dump request with sequence number 7.
var getlink = []byte{0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}

// TestHexBadLines: a line of hex that cannot be decoded is reported by its
// number and skipped; the lines around it are decoded.
func TestHexBadLines(t *testing.T) {
	good := hex.EncodeToString(getlink)
	input := "# three datagrams\n" + good + "\n" + good[:len(good)-1] + "\n" + good + "\n14 00 zz\n" + good
	out, errs, status := runNldumpInput(t, []byte(input))
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if n := strings.Count(out, "RTM_GETLINK"); n != 3 {
		t.Errorf("decoded %d datagrams, want 3:\n%s", n, out)
	}
	for _, want := range []string{"line 3: odd number of hex digits", `line 5: not a hex digit: 'z'`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for i, want := range []string{" #0 ", " #1 ", " #2 "} {
		if !strings.Contains(out, want) {
			t.Errorf("datagram %d not numbered %q:\n%s", i, want, out)
		}
	}
}

// zeros is an endless input of zero bytes, like /dev/zero.
type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += len(p)
	return len(p), nil
}

// TestEndlessZeros: an endless input whose first message is malformed is
// reported at once; nldump does not read it whole.
func TestEndlessZeros(t *testing.T) {
	z := &zeros{}
	var out, errb bytes.Buffer
	status := run([]string{"-"}, z, &out, &errb)
	if status != 1 || !strings.Contains(errb.String(), "invalid message length at offset 0") {
		t.Errorf("status %d, stderr %q", status, errb.String())
	}
	if z.n > 1<<20 {
		t.Errorf("read %d bytes of an input that ends after 16", z.n)
	}
}

// messages is an input of n copies of msg, made as it is read.
type messages struct {
	msg  []byte
	n    int
	rest []byte
}

func (m *messages) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		if len(m.rest) == 0 {
			if m.n == 0 {
				break
			}
			m.n--
			m.rest = m.msg
		}
		c := copy(p[k:], m.rest)
		m.rest, k = m.rest[c:], k+c
	}
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// TestBinaryStreams: a binary input is decoded message by message as it
// is read, in memory that does not grow with its length.
func TestBinaryStreams(t *testing.T) {
	msg := hostile.Wide.Message()
	for _, n := range []int{16, 256} { // 1 MiB and 16 MiB
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var out countWriter
		status := run([]string{"-"}, &messages{msg: msg, n: n}, &out, io.Discard)
		runtime.ReadMemStats(&after)
		if status != 0 {
			t.Fatalf("%d messages: status %d", n, status)
		}
		if want := n * len(msg) * 5; out.n < want {
			t.Errorf("%d messages: %d bytes of output, want over %d", n, out.n, want)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
			t.Errorf("%d messages of %d bytes: allocated %d bytes", n, len(msg), alloc)
		}
	}
	// Every message is printed, at its offset in the stream.
	out, errs, status := runNldumpInput(t, bytes.Repeat(getlink, 3))
	if status != 0 || strings.Count(out, "RTM_GETLINK") != 3 || !strings.Contains(out, " #0 @40 ") {
		t.Errorf("status %d, stderr %q, out:\n%s", status, errs, out)
	}
	// A message cut by the end of the input is reported at its offset.
	_, errs, status = runNldumpInput(t, append(bytes.Repeat(getlink, 2), getlink[:18]...))
	if status != 1 || !strings.Contains(errs, "record 0: wire: message truncated at offset 40") {
		t.Errorf("cut message: status %d, stderr %q", status, errs)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestHexFromPipe: hex lines from a pipe are decoded and printed as they
// arrive, before the input ends.
func TestHexFromPipe(t *testing.T) {
	checkStreams(t, []byte(hex.EncodeToString(getlink)+"\n"))
}

// checkStreams sends first through a pipe to nldump and fails t unless
// its message is printed before the pipe is closed.
func checkStreams(t *testing.T, first []byte) {
	t.Helper()
	pr, pw := io.Pipe()
	var out syncBuffer
	done := make(chan int)
	go func() { done <- run([]string{"-"}, pr, &out, io.Discard) }()
	pw.Write(first)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "RTM_GETLINK") {
		if time.Now().After(deadline) {
			t.Fatal("nothing printed for input sent 10 s ago")
		}
		time.Sleep(10 * time.Millisecond)
	}
	pw.Close()
	if status := <-done; status != 0 {
		t.Errorf("status %d", status)
	}
}

// TestEscapes: names that come from the input — a generic family's name
// learned from the capture, a file name — are escaped in text output, so
// no terminal control or line break reaches the output from them.
func TestEscapes(t *testing.T) {
	dg := evilFamily(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "x\x1b]0;title\x07\nforged.pcap")
	fh, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := capture.NewWriter(fh, capture.PCAP)
	w.WriteDatagram(time.Unix(0, 0), familyGeneric, true, dg)
	w.Flush()
	fh.Close()
	for _, args := range [][]string{{file}, {"-json", file}} {
		out, errs, _ := runNldump(t, args...)
		for _, s := range []string{out, errs} {
			if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
				t.Errorf("%v: a control character reached the output:\n%q", args, s)
			}
			for _, line := range strings.Split(s, "\n") {
				if strings.HasPrefix(line, "forged") {
					t.Errorf("%v: a forged line:\n%s", args, s)
				}
			}
		}
		if !strings.Contains(out, `"e\x1b[2J\nforged\u202e" len=20`) && !strings.Contains(out, `"type":"e\u001b[2J\nforged\u202e"`) {
			t.Errorf("%v: the family's name is not shown escaped:\n%s", args, out)
		}
	}
}

// TestCaptureGoesOn: a record whose header is wrong but whose framing
// holds (more captured than original bytes) is reported with its record
// number and file offset, decoded, and the records after it too; a file
// cut inside a record ends with one line naming where.
func TestCaptureGoesOn(t *testing.T) {
	data := hostile.BadRecords(25) // the file header and one bad record of 64 bytes
	if len(data) != 24+64 {
		t.Fatalf("%d bytes", len(data))
	}
	data = append(data, data[24:]...)
	data = append(data, data[24:88]...)
	// Make the middle record sound: orig_len = incl_len.
	copy(data[88+12:], data[88+8:88+12])
	out, errs, status := runNldumpInput(t, data)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if n := strings.Count(out, "RTM_NEWLINK"); n != 3 {
		t.Errorf("decoded %d records, want 3:\n%s", n, out)
	}
	for _, want := range []string{"record 0 at file offset 24", "record 2 at file offset 152"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "record 1 ") {
		t.Errorf("the sound record is reported:\n%s", errs)
	}
	_, errs, status = runNldumpInput(t, data[:len(data)-10])
	if status != 1 || strings.Count(errs, "\n") != 2 || !strings.Contains(errs, "record 2 at file offset 152") || strings.Contains(errs, "record -1") {
		t.Errorf("cut file: status %d, stderr:\n%s", status, errs)
	}
}

// evilName is a generic family name of the longest a kernel's can be (15
// bytes) made of escape sequences, a line break and a bidi override.
const evilName = "e\x1b[2J\nforged\u202e"

// evilFamily returns a datagram naming generic family 0x30 name, then a
// message of that family.
func evilFamily(tb testing.TB) []byte { return familyNamed(tb, evilName, 1) }

// familyNamed returns a datagram naming generic family 0x30 name, then n
// messages of that family.
func familyNamed(tb testing.TB, name string, n int) []byte {
	evil := name
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Seq: 1})
	copy(b.FamilyHeader(genl.HeaderLen), []byte{genl.CTRL_CMD_NEWFAMILY, 2})
	e := b.Attrs()
	e.Uint16(genl.CTRL_ATTR_FAMILY_ID, 0x30)
	e.String(genl.CTRL_ATTR_FAMILY_NAME, evil)
	b.End(m)
	for range n {
		m = b.Start(wire.Header{Type: 0x30, Flags: wire.Request, Seq: 2})
		b.FamilyHeader(genl.HeaderLen)
		b.End(m)
	}
	dg, err := b.Finish()
	if err != nil {
		tb.Fatal(err)
	}
	return dg
}

// TestLongFamilyName: a family name longer than the kernel allows is not
// learned, so it is not printed again with every message of the family.
func TestLongFamilyName(t *testing.T) {
	name := strings.Repeat("\x01", 60000)
	for _, js := range []bool{false, true} {
		dg := familyNamed(t, name, 200)
		c := measure(js, func(d *dumper) {
			rec := record{file: "x", label: "x", family: familyGeneric, data: dg, order: nlwire.LittleEndian}
			d.datagram(&rec)
		})
		c.check(t, "long family name", js, len(dg), 1)
	}
	out, _, _ := runNldumpInput(t, familyNamed(t, name, 1), "-family", "generic")
	if !strings.Contains(out, "genl-0x30 len=20") {
		t.Errorf("the family of a 60,000-byte name is not shown by number:\n%.300s", out)
	}
}

// FuzzInput decodes any bytes as a whole input (a capture, hex text or a
// binary datagram, as nldump tells them apart), as text and JSON: no
// panic, and output, reports, allocation and work within their bounds per
// input byte. Its seeds are the hostile-input findings.
func FuzzInput(f *testing.F) {
	line := hex.EncodeToString(getlink)
	f.Add([]byte(line + "\n" + line[1:] + "\n" + line + "\n")) // an odd-length line among good ones
	f.Add([]byte("# c\n" + line + "\n14 00 zz\n\r\n" + line))  // a line that is not hex
	f.Add(bytes.Repeat(getlink, 4))                            // a binary stream of messages
	f.Add(make([]byte, 64))                                    // zeros: nlmsg_len 0
	f.Add(hostile.BadRecords(200))                             // record headers claiming caplen > origlen
	for _, s := range hostile.Shapes() {
		f.Add(s.MessageN(40)) // deep, wide, sibling, echo, policy, huge shapes, small
	}
	f.Add(hostile.Deep.MessageN(maxDepth + 4)) // past the deepest nest decoded
	var pcap bytes.Buffer
	w, _ := capture.NewWriter(&pcap, capture.PCAPNG)
	w.WriteDatagram(time.Unix(0, 0), familyGeneric, true, evilFamily(f)) // terminal escapes in a learned name
	w.Flush()
	f.Add(pcap.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, js := range []bool{false, true} {
			c := measure(js, func(d *dumper) { _ = d.file("-", bytes.NewReader(data), familyRoute, 0, false) })
			c.check(t, "input", js, len(data), 1)
		}
	})
}

// TestHexLineEnds: lines end in LF, CRLF or a lone CR, and a last line
// needs no line break, however long it is.
func TestHexLineEnds(t *testing.T) {
	line := hex.EncodeToString(getlink)
	for _, sep := range []string{"\n", "\r\n", "\r"} {
		input := line + sep + "zz" + sep + line + sep + line
		out, errs, status := runNldumpInput(t, []byte(input))
		if n := strings.Count(out, "RTM_GETLINK"); n != 3 || status != 1 || !strings.Contains(errs, "line 2: not a hex digit") || !strings.Contains(out, " #2 @0 ") {
			t.Errorf("%q: status %d, %d datagrams, stderr %q\n%s", sep, status, n, errs, out)
		}
	}
	// A line of exactly the reader's buffer (64 KiB) and no line break.
	big := make([]byte, 32<<10)
	binary.LittleEndian.PutUint32(big, uint32(len(big)))
	big[4] = 1 // NLMSG_NOOP
	out, errs, status := runNldumpInput(t, []byte(hex.EncodeToString(big)))
	if status != 0 || !strings.Contains(out, "NLMSG_NOOP len=32768") {
		t.Errorf("a 64 KiB line: status %d, stderr %q, out %.200s", status, errs, out)
	}
}

// TestReportCap: an input with many problems reports the first
// maxReports and the count of the rest, quickly.
func TestReportCap(t *testing.T) {
	input := strings.Repeat("\x80\n", 5000)
	input = "00\n" + input // hex by its first line
	_, errs, status := runNldumpInput(t, []byte(input))
	lines := strings.Count(errs, "\n")
	if status != 1 || lines != maxReports+1 || !strings.Contains(errs, "-: 4001 more problems not shown") {
		t.Errorf("status %d, %d lines of reports, last: %q", status, lines, errs[max(0, len(errs)-80):])
	}
}

// TestBinaryStartingWithHash: a binary datagram whose first byte is '#'
// (nlmsg_len 35 mod 256) is not taken for a hex comment.
func TestBinaryStartingWithHash(t *testing.T) {
	msg := make([]byte, 291) // 0x123: starts with '#', then 0x01
	copy(msg, getlink)
	binary.LittleEndian.PutUint32(msg, uint32(len(msg)))
	msg[4] = 1 // NLMSG_NOOP
	out, errs, _ := runNldumpInput(t, msg)
	if !strings.Contains(out, "NLMSG_NOOP len=291") {
		t.Errorf("stderr %q, out:\n%.300s", errs, out)
	}
}

// TestDirectoryName: an input that cannot be read is named quoted in the
// error, not as the operating system gives it.
func TestDirectoryName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x\x1b[31m\nfake")
	if err := os.Mkdir(dir, 0o755); err != nil {
		testenv.Skip(t, "cannot make the directory: "+err.Error())
	}
	_, errs, status := runNldump(t, dir)
	if status != 2 || strings.ContainsAny(errs, "\x1b") || strings.Count(errs, "\n") != 1 {
		t.Errorf("status %d, stderr %q", status, errs)
	}
}

// TestCaptureFromPipe: a capture arriving through a pipe is shown record
// by record, before the input ends.
func TestCaptureFromPipe(t *testing.T) {
	var file bytes.Buffer
	w, _ := capture.NewWriter(&file, capture.PCAP)
	w.WriteDatagram(time.Unix(0, 0), 0, true, getlink)
	w.Flush()
	checkStreams(t, file.Bytes())
}
