package main

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/wire"
)

// Netlink families with tables.
const (
	familyRoute   = 0  // NETLINK_ROUTE
	familyGeneric = 16 // NETLINK_GENERIC
)

// dumper decodes datagrams and prints their messages, as text or JSON.
type dumper struct {
	w        *bufio.Writer
	errw     *bufio.Writer // standard error, flushed with w
	json     bool
	validate bool
	filter   filter
	progress bool

	dis       *dissect.Dissector // the walk of a message, and the generic netlink family ids seen or given
	kind      dissect.Kind       // the current message's
	rec       record             // the current message's record (a copy: a pointer would make every record escape)
	text      textWriter         // the writers the walk reports to
	jsonw     jsonWriter
	malformed int
	reports   int    // problems of the current file
	b         []byte // the output being built
	work      int    // attributes looked at, to check that cost is linear in the input
	messages  int    // messages seen
	msgOff    int64  // the current message's offset in its datagram (or binary input)
	clock     clock  // the last second printed, to print a record's time

	size     int64 // the current file's size, for progress
	done     int64 // bytes of datagrams decoded
	records  int
	lastShow time.Time
	mayWait  bool // the input is not a regular file: a read may wait for more

	workers int           // goroutines printing batches of records (pipeline.go); under 2, the reading one alone
	pipe    *pipeline     // the batches and the worker, once started
	sink    *batch        // in a printer of batches: the batch it prints, which takes its output and reports
	chunks  chunkPool     // in a printer of batches: where its output buffers come from
	shown   *atomic.Int64 // in a printer of batches: the reports written out before its batch, at least
	front   *pipeline     // in the reading goroutine's printer: its pipeline, which it writes out before its batch
}

func newDumper(w *bufio.Writer, errw io.Writer) *dumper {
	all, _ := parseFilter("")
	d := &dumper{w: w, errw: bufio.NewWriterSize(errw, 16<<10), filter: all, dis: dissect.New(), b: make([]byte, 0, 4096),
		workers: workers()}
	d.text.d, d.jsonw.d = d, d
	return d
}

// workers returns how many goroutines print batches of records: two if
// there is more than one core (the reading one and a worker, see
// pipeline.go), else the reading one alone.
func workers() int { return min(runtime.GOMAXPROCS(0), 2) }

// decode prints rec's messages: a datagram's (whole), or the one message
// of a binary input; through the workers, if they are started.
func (d *dumper) decode(rec *record, whole bool) {
	k := itemMessage
	if whole {
		k = itemDatagram
	}
	if p := d.pipe; p != nil && p.running {
		p.add(d, rec, k)
		return
	}
	if whole {
		d.datagram(rec)
	} else {
		d.binaryMessage(rec)
	}
}

// binaryMessage prints a message of a binary input.
func (d *dumper) binaryMessage(rec *record) {
	d.rec = *rec
	r := wire.NewReader(rec.data).WithOrder(rec.order)
	for r.Next() {
		d.message(rec, &r)
	}
}

// idle is called before a read that may wait for input: what is decoded
// is written out first, so that an input arriving through a pipe is shown
// as it arrives. (The workers' batches are written out only if the input
// is not a regular file, whose reads do not wait.)
func (d *dumper) idle() {
	if p := d.pipe; p != nil && p.running {
		if !d.mayWait {
			return
		}
		p.drain(d)
	}
	d.flush()
}

// flush writes out what is buffered for standard output and error.
func (d *dumper) flush() error {
	d.errw.Flush()
	return d.w.Flush()
}

// maxReports is the most problems reported for one input file; the
// rest are counted, and the count is reported at the file's end.
const maxReports = 1000

// malformedf reports a problem of the input on standard error (every
// string from the input in it already quoted), and counts it.
func (d *dumper) malformedf(format string, args ...any) {
	if d.sink != nil {
		d.reportf(format, args) // a worker's: written out with its batch
		return
	}
	if p := d.pipe; p != nil && p.running {
		p.note(d, format, args) // the reading goroutine's: in order with the records
		return
	}
	d.malformed++
	if d.reports++; d.reports > maxReports {
		return
	}
	if !d.lastShow.IsZero() {
		fmt.Fprint(d.errw, "\r\033[K") // clear the progress line first
	}
	fmt.Fprintf(d.errw, "nldump: "+format+"\n", args...)
}

// notePrefix starts a report that is a note, not a problem: it is shown
// as reports are, and not counted as malformed.
const notePrefix = "nldump: note: "

// notef reports on standard error something of the input that is not
// malformed (bytes the kernel ignores), without counting it.
func (d *dumper) notef(format string, args ...any) {
	if b := d.sink; b != nil {
		if len(b.ends) >= maxReports || d.shown.Load() >= maxReports {
			return // not counted: a note is no problem
		}
		b.reports = fmt.Appendf(b.reports, notePrefix+format+"\n", args...)
		b.ends = append(b.ends, len(b.reports))
		return
	}
	if p := d.pipe; p != nil && p.running {
		p.note(d, "note: "+format, args) // written out with notePrefix: not counted
		return
	}
	if d.reports >= maxReports {
		return
	}
	d.reports++
	if !d.lastShow.IsZero() {
		fmt.Fprint(d.errw, "\r\033[K") // clear the progress line first
	}
	fmt.Fprintf(d.errw, notePrefix+format+"\n", args...)
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// endFile reports how many problems of the file were not shown.
func (d *dumper) endFile(name string) {
	if d.reports > maxReports {
		fmt.Fprintf(d.errw, "nldump: %s: %d more problems not shown\n", quote(name), d.reports-maxReports)
	}
	d.reports = 0
}

func (d *dumper) datagram(rec *record) {
	d.records++
	d.done += int64(len(rec.data))
	if d.progress && d.records%1024 == 0 {
		d.showProgress(rec.label)
	}
	d.rec = *rec
	r := wire.NewReader(rec.data).WithOrder(rec.order)
	for r.Next() {
		d.message(rec, &r)
	}
	n := r.Leftover()
	rest := rec.data[len(rec.data)-n:]
	switch err := r.Err(); {
	case err == nil && n > 0:
		// Shorter than a header: the kernel's netlink_rcv_skb stops there.
		d.notef("%s: record %d: offset %d: %d trailing bytes after the last message, shorter than a message header (the kernel ignores them)", rec.label, rec.index, len(rec.data)-n, n)
	case err != nil && n < len(rec.data) && allZero(rest):
		// Zeros after the last message, as iproute2 pads its requests:
		// a header of length 0 ends netlink_rcv_skb's walk.
		d.notef("%s: record %d: offset %d: %d zero bytes of padding after the last message (the kernel ignores them)", rec.label, rec.index, len(rec.data)-n, n)
	case err != nil:
		d.malformedf("%s: record %d: %v", rec.label, rec.index, err)
	}
	if rec.truncated {
		d.malformedf("%s: record %d: offset %d: datagram cut short by the capture", rec.label, rec.index, len(rec.data))
	}
}

func (d *dumper) showProgress(file string) {
	if now := time.Now(); now.Sub(d.lastShow) > 500*time.Millisecond {
		d.lastShow = now
		fmt.Fprintf(d.errw, "\r%s: %d records, %d of %d bytes ", file, d.records, d.done, d.size)
		d.errw.Flush()
	}
}

func (d *dumper) message(rec *record, r *wire.Reader) {
	d.messages++
	d.msgOff = rec.base + int64(r.Offset())
	h := r.Header()
	msg := r.Message()
	d.dis.Classify(&d.kind, rec.family, rec.order, h, r.Payload())
	if rec.family == familyGeneric && h.Type == genl.GENL_ID_CTRL {
		d.dis.Genl.Learn(r.Payload(), rec.order)
	}
	if !d.filter.match(rec.family, h, &d.kind) {
		return
	}
	d.dis.Validate = d.validate
	var w dissect.Writer = &d.text
	if d.json {
		w = &d.jsonw
	}
	d.dis.Message(w, msg, &d.kind)
	d.work += d.dis.Work
	d.dis.Work = 0
	d.put()
}

// appendTextName appends the message's name as text output prints it:
// a generic family's name from the input or the command line quoted if
// it must be.
func appendTextName(b []byte, k *dissect.Kind) []byte {
	if k.Learned && !safeName(k.Name) {
		b = append(b, quote(k.Name)...)
	} else {
		b = append(b, k.Name...)
	}
	if k.Cmd != "" {
		b = append(b, ' ')
		b = append(b, k.Cmd...)
	}
	return b
}

// maxDepth is the deepest nest that is decoded: a nest at this depth is
// printed as bytes.
const maxDepth = dissect.MaxDepth

// maxIndent is the deepest level text output indents; deeper lines stay
// at that indentation and say their depth, so that output grows linearly
// with nesting, not with its square.
const maxIndent = 12

// appendIndent appends the indentation of a line at depth: two spaces a
// level, and past maxIndent levels the level's number ("[depth 13] ").
// The shallow levels most lines are at take a store a level, not a copy.
func appendIndent(b []byte, depth int) []byte {
	if depth <= 3 {
		for range depth {
			b = append(b, ' ', ' ')
		}
		return b
	}
	const spaces = "                                                  "
	b = append(b, spaces[:2*min(depth, maxIndent)]...)
	if depth > maxIndent {
		b = append(b, "[depth "...)
		b = appendInt(b, int64(depth))
		b = append(b, "] "...)
	}
	return b
}

// put writes out what a message printed; a worker keeps it for its
// batch, whose writer it hands a chunk at a time.
func (d *dumper) put() {
	if d.sink != nil {
		d.flushSome()
		return
	}
	d.w.Write(d.b)
	d.b = d.b[:0]
}

// flushSome writes out what a message has printed so far once it is
// large (in a worker, hands it to the batch's writer), so that a
// message's output is never held whole.
func (d *dumper) flushSome() {
	if len(d.b) < chunkBytes {
		return
	}
	if d.sink != nil {
		d.handOn()
		return
	}
	d.w.Write(d.b)
	d.b = d.b[:0]
}

func appendHexValue(b, p []byte, json bool) []byte {
	if json {
		b = append(b, '"')
		b = appendHex(b, p)
		return append(b, '"')
	}
	if len(p) == 0 {
		return append(b, "(empty)"...)
	}
	return appendHex(b, p)
}

// hexStream appends p in hex, writing out what it has printed every 32
// KiB of p, so that a long payload is never held whole.
func (d *dumper) hexStream(p []byte) {
	for len(p) > 0 {
		n := min(len(p), 32<<10)
		d.b = appendHex(d.b, p[:n])
		p = p[n:]
		d.flushSome()
	}
}

// problem reports what the walk found malformed in the current message.
func (d *dumper) problem(p *dissect.Problem) {
	rec := &d.rec
	switch p.Kind {
	case dissect.ShortHeader:
		d.malformedf("%s: record %d: message at offset %d: %s: %v", rec.label, rec.index, d.msgOff, appendTextName(nil, p.Msg), p)
	case dissect.BadArray, dissect.BadNexthop:
		d.malformedf("%s: record %d: %v", rec.label, rec.index, p)
	default:
		d.malformedf("%s: record %d: message at offset %d: %v", rec.label, rec.index, d.msgOff, p)
	}
}
