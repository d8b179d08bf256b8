package main

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"sync/atomic"

	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/wire"
)

// Decoding on two cores: the goroutine that reads an input puts its
// records in batches and hands each to a worker goroutine if the worker
// has room for it, else prints it itself; each batch is printed into
// buffers of its own, and the reading goroutine writes the batches'
// output and reports out in reading order. Two goroutines on two cores
// then seldom wait for each other, and the reading goroutine, which also
// reads and writes, prints fewer batches than the worker. A batch whose
// output grows past outLimit is written out as it is printed once the
// batches before it are, so that what is held stays bounded whatever the
// input prints.
//
// What a message prints depends on the messages before it only through
// the generic netlink family names learned from CTRL messages: the
// reading goroutine learns them too, as it reads, and hands each printer
// with a batch the names learned in the other's batches since its last,
// so that every message is printed as one dumper printing them all in
// order would print it.
const (
	// batchBytes is the size of a batch's records: a batch is printed
	// once its records hold this many bytes, or once the next record does
	// not fit in its arenaBytes. A longer record is printed alone by the
	// reading goroutine, where the reader keeps it, before it reads on, so
	// that memory stays bounded by a few batches whatever the records'
	// sizes.
	batchBytes = 64 << 10
	arenaBytes = batchBytes + batchBytes/4

	// batchItems is the most records and reports a batch holds: a batch
	// of empty records, or of reports, is bounded too.
	batchItems = 1024

	// chunkBytes is the size of the chunks a batch's output is kept in
	// (and of the output a message builds before it is written out, see
	// flushSome); a chunk is a little longer. nldump's output buffer has
	// this size when the worker runs, so that it passes them on without
	// copying them.
	chunkBytes = 64 << 10
	chunkFirst = chunkBytes + chunkBytes/4 // a chunk's capacity

	// outLimit is the most output a batch holds: past it, its printer
	// waits for the batches before it to be written out, then writes its
	// own out as it prints. Usual batches print less (text about 3 bytes
	// a byte of capture, JSON about 6).
	outLimit = 512 << 10

	// queued is the most batches waiting for the worker: the reading
	// goroutine prints a batch itself when the worker has this many.
	queued = 2

	// maxInflight is the most batches read and not written out: a batch
	// printed waits while the worker prints the ones before it, and the
	// reading goroutine waits for the worker when this many do.
	maxInflight = queued + 4

	// poolChunks is the most output buffers kept for reuse, more than
	// the batches in flight of a usual input hold (a batch of JSON, five
	// or six).
	poolChunks = 8 * maxInflight

	// A buffer grows past chunkBytes with a long value (a 64 KiB
	// attribute prints up to 384 KiB as a JSON string): poolGrown of those
	// up to maxChunk are kept too, so that input printing one such value
	// after another does not cost an allocation each.
	poolGrown = 4
	maxChunk  = 512 << 10
)

// itemKind is what an item of a batch is.
type itemKind uint8

const (
	itemDatagram itemKind = iota // a datagram, printed by datagram
	itemMessage                  // a message of a binary input, printed by binaryMessage
	itemReport                   // a report of the reading goroutine, in the batch's notes
)

// item is a record of a batch to print, or a report of the reading
// goroutine to write out among the printer's reports, in reading order.
type item struct {
	kind     itemKind
	rec      record
	from, to int // an itemReport's text in batch.notes
}

// batch is a run of items to print, and what printing them gave.
type batch struct {
	items   []item
	arena   []byte                      // the records' bytes (a record longer than batchBytes is not copied)
	notes   []byte                      // the text of the reading goroutine's reports
	noted   int                         // the reports with text in notes
	learned map[uint16]dissect.GenlName // generic family names its messages give, for the other printer
	names   map[uint16]dissect.GenlName // names to learn before printing it: the other printer's since this one's last batch
	label   string                      // the input's, for progress
	worker  bool                        // printed by the worker; else by the reading goroutine, before it is in flight

	// turn hands the worker printing the batch the writer, once every
	// batch before it is written out; given is set once it is sent.
	turn  chan *bufio.Writer
	given bool

	// Set by its printer: the worker's are read once the worker has
	// handed the batch back.
	out     [][]byte      // the output, in chunks
	held    int           // the bytes in out
	direct  *bufio.Writer // if set, where the output is written as it is printed instead
	reports []byte        // the first maxReports reports, "nldump: ...\n" each
	ends    []int         // where each report in reports ends
	extra   int           // the reports after those, counted (the reading goroutine's too)
	work    int           // the printer's counters, for this batch
	msgs    int
	records int
	done    int64
}

// chunkPool holds output buffers for reuse, so that a long input costs
// no more allocation than a few batches: those of their first size, and
// a few grown ones.
type chunkPool struct{ first, grown chan []byte }

// newChunkPool returns an empty pool.
func newChunkPool() chunkPool {
	return chunkPool{make(chan []byte, poolChunks), make(chan []byte, poolGrown)}
}

// get returns an empty buffer, from the pool if it has one.
func (c chunkPool) get() []byte {
	select {
	case b := <-c.first:
		return b[:0]
	default:
	}
	select {
	case b := <-c.grown:
		return b[:0]
	default:
		return make([]byte, 0, chunkFirst)
	}
}

// put keeps b for reuse, if the pool has room for it.
func (c chunkPool) put(b []byte) {
	pool := c.first
	switch {
	case cap(b) > maxChunk:
		return
	case cap(b) > chunkFirst:
		pool = c.grown
	}
	select {
	case pool <- b:
	default:
	}
}

// pipeline is what the reading goroutine keeps of the worker and the
// batches.
type pipeline struct {
	printers [2]*dumper                     // the reading goroutine's, the worker's
	pending  [2]map[uint16]dissect.GenlName // the names each printer has yet to learn
	jobs     chan *batch                    // batches for the worker
	finished chan *batch                    // the worker's batches, printed, in order
	cur      *batch                         // the batch being filled
	inflight []*batch                       // read and not written out, in order
	spare    []*batch
	reader   *dumper      // the reading goroutine's dumper, which writes
	shown    atomic.Int64 // the input's reports written out (dumper.reports)
	running  bool
}

// startWorkers starts the worker for one input, if there is more than
// one core, and returns the pipeline; stop ends it.
func (d *dumper) startWorkers() *pipeline {
	if d.workers < 2 {
		return nil
	}
	p := d.pipe
	if p == nil {
		p = &pipeline{}
		for i := range p.printers {
			// A pool each: a printer's buffers come back to it, and stay in
			// its core's cache.
			pd := &dumper{chunks: newChunkPool(), shown: &p.shown, dis: dissect.New()}
			pd.text.d, pd.jsonw.d = pd, pd
			p.printers[i] = pd
		}
		p.printers[0].front = p
		d.pipe = p
	}
	for i, pd := range p.printers {
		pd.json, pd.validate, pd.filter = d.json, d.validate, d.filter
		pd.dis.Genl = d.dis.Genl.Clone()
		pd.dis.Raw = d.dis.Raw // not changed once the input starts
		p.pending[i] = nil
	}
	p.reader = d
	p.shown.Store(int64(d.reports))
	p.jobs = make(chan *batch, queued)
	p.finished = make(chan *batch, maxInflight)
	go p.printers[1].printBatches(p.jobs, p.finished)
	p.running = true
	return p
}

// stop writes out every batch and ends the worker.
func (p *pipeline) stop(d *dumper) {
	p.drain(d)
	close(p.jobs)
	p.running = false
}

// printBatches prints the batches of jobs, in order, handing each back
// on finished: the worker's loop.
func (d *dumper) printBatches(jobs <-chan *batch, finished chan<- *batch) {
	for b := range jobs {
		d.print(b)
		finished <- b // the last use of d until the next batch
	}
}

// print prints a batch.
func (d *dumper) print(b *batch) {
	for id, n := range b.names {
		d.dis.Genl.Put(id, n)
	}
	d.sink = b
	if d.b == nil {
		d.b = d.chunks.get()
	}
	for i := range b.items {
		it := &b.items[i]
		switch it.kind {
		case itemDatagram:
			d.datagram(&it.rec)
		case itemMessage:
			d.binaryMessage(&it.rec)
		case itemReport:
			d.report(b.notes[it.from:it.to])
		}
	}
	if len(d.b) > 0 {
		d.handOn()
	}
	b.work, b.msgs, b.records, b.done = d.work, d.messages, d.records, d.done
	d.work, d.messages, d.records, d.done = 0, 0, 0, 0
	d.sink = nil
}

// handOn gives the batch printed the output so far: to keep, or, once
// it holds outLimit, to write out as soon as it is the batch's turn.
func (d *dumper) handOn() {
	b := d.sink
	if b.direct == nil {
		b.out = append(b.out, d.b)
		b.held += len(d.b)
		d.b = d.chunks.get()
		if b.held < outLimit {
			return
		}
		// Wait for the batches before this one to be written out, and
		// write out what it holds.
		if p := d.front; p != nil {
			p.writeOut(p.reader, 1) // the reading goroutine's batch is not in flight yet
			b.direct = p.reader.w
		} else {
			b.direct = <-b.turn
		}
		for i, c := range b.out {
			b.direct.Write(c)
			d.chunks.put(c)
			b.out[i] = nil
		}
		b.out, b.held = b.out[:0], 0
		return
	}
	b.direct.Write(d.b)
	d.b = d.b[:0]
}

// report keeps a report line for the batch: the first maxReports, the
// rest counted (no more of a file's are shown), and all of them counted
// once the batches written out reported maxReports.
func (d *dumper) report(line []byte) {
	b := d.sink
	if len(b.ends) >= maxReports || d.shown.Load() >= maxReports {
		b.extra++
		return
	}
	b.reports = append(b.reports, line...)
	b.ends = append(b.ends, len(b.reports))
}

// reportf is report for a line to format.
func (d *dumper) reportf(format string, args []any) {
	b := d.sink
	if len(b.ends) >= maxReports || d.shown.Load() >= maxReports {
		b.extra++
		return
	}
	b.reports = fmt.Appendf(b.reports, "nldump: "+format+"\n", args...)
	b.ends = append(b.ends, len(b.reports))
}

// batch returns the batch being filled, taking one if there is none.
func (p *pipeline) batch() *batch {
	if p.cur == nil {
		if n := len(p.spare); n > 0 {
			p.cur, p.spare = p.spare[n-1], p.spare[:n-1]
		} else {
			p.cur = &batch{arena: make([]byte, 0, arenaBytes), turn: make(chan *bufio.Writer, 1)}
		}
	}
	return p.cur
}

// add puts a record in the batch being filled, as an item of kind k.
func (p *pipeline) add(d *dumper, rec *record, k itemKind) {
	if len(rec.data) > batchBytes {
		p.dispatch(d, true)
		b := p.batch()
		p.learn(d, b, rec)
		b.items = append(b.items, item{kind: k, rec: *rec})
		b.label = rec.label
		p.dispatch(d, false) // printed before the reader reuses rec.data
		return
	}
	if b := p.cur; b != nil && len(b.arena)+len(rec.data) > cap(b.arena) {
		p.dispatch(d, true)
	}
	b := p.batch()
	p.learn(d, b, rec)
	n := len(b.arena)
	b.arena = append(b.arena, rec.data...)
	it := item{kind: k, rec: *rec}
	it.rec.data = b.arena[n:len(b.arena):len(b.arena)]
	b.items = append(b.items, it)
	b.label = rec.label
	if len(b.arena) >= batchBytes || len(b.items) >= batchItems {
		p.dispatch(d, true)
	}
}

// note puts a report of the reading goroutine in the batch being filled.
func (p *pipeline) note(d *dumper, format string, args []any) {
	b := p.batch()
	if b.noted >= maxReports || d.reports >= maxReports {
		// The printer keeps the first maxReports of a batch, these among
		// them; none is shown once maxReports are.
		b.extra++
		return
	}
	n := len(b.notes)
	b.notes = fmt.Appendf(b.notes, "nldump: "+format+"\n", args...)
	b.items = append(b.items, item{kind: itemReport, from: n, to: len(b.notes)})
	b.noted++
	if len(b.items) >= batchItems {
		p.dispatch(d, true)
	}
}

// learn learns the generic family names rec's messages give, as the
// printer of b will, and keeps them in b for the other printer.
func (p *pipeline) learn(d *dumper, b *batch, rec *record) {
	if rec.family != familyGeneric {
		return
	}
	r := wire.NewReader(rec.data).WithOrder(rec.order)
	for r.Next() {
		if r.Header().Type != genl.GENL_ID_CTRL {
			continue
		}
		if id, ok := d.dis.Genl.Learn(r.Payload(), rec.order); ok {
			if b.learned == nil {
				b.learned = map[uint16]dissect.GenlName{}
			}
			b.learned[id], _ = d.dis.Genl.Lookup(id)
		}
	}
}

// dispatch prints the batch being filled: hands it to the worker if
// toWorker and the worker has room, else prints it; then writes out the
// batches printed, oldest first.
func (p *pipeline) dispatch(d *dumper, toWorker bool) {
	b := p.cur
	if b == nil {
		return
	}
	p.cur = nil
	i := 0
	if toWorker && len(p.jobs) < cap(p.jobs) { // only this goroutine sends: no wait
		i = 1
	}
	b.worker = i == 1
	b.names, p.pending[i] = p.pending[i], nil
	if len(b.learned) > 0 {
		other := &p.pending[1-i]
		if *other == nil {
			*other = map[uint16]dissect.GenlName{}
		}
		maps.Copy(*other, b.learned)
		clear(b.learned)
	}
	if b.worker {
		p.inflight = append(p.inflight, b)
		p.jobs <- b
	} else {
		p.printers[0].print(b)
		p.inflight = append(p.inflight, b)
	}
	p.writeOut(d, maxInflight)
}

// drain prints the batch being filled and writes out every batch.
func (p *pipeline) drain(d *dumper) {
	p.dispatch(d, true)
	p.writeOut(d, 1)
}

// writeOut writes out the batches printed, oldest first, waiting for the
// worker while max or more are in flight. The oldest batch, if the
// worker's, is given the writer in turn (and d.w is not touched until
// the worker hands the batch back).
func (p *pipeline) writeOut(d *dumper, max int) {
	for len(p.inflight) > 0 {
		b := p.inflight[0]
		if b.worker {
			if !b.given {
				b.turn <- d.w
				b.given = true
			}
			if len(p.inflight) < max {
				select {
				case <-p.finished:
				default:
					return
				}
			} else {
				<-p.finished // the worker's batches come back in order: this one
			}
		}
		p.inflight = append(p.inflight[:0], p.inflight[1:]...)
		p.write(d, b)
	}
}

// write writes out a batch's output and reports, counting the reports
// past the file's maxReports as malformedf does, and keeps the batch for
// reuse.
func (p *pipeline) write(d *dumper, b *batch) {
	pool := p.printers[0].chunks
	if b.worker {
		pool = p.printers[1].chunks
	}
	for _, c := range b.out {
		if len(c) > d.w.Size() {
			d.w.Flush() // then Write passes c on, not a copy of it
		}
		d.w.Write(c)
		pool.put(c)
	}
	from := 0
	for _, end := range b.ends {
		if !bytes.HasPrefix(b.reports[from:end], []byte(notePrefix)) {
			d.malformed++
		}
		if d.reports++; d.reports <= maxReports {
			if !d.lastShow.IsZero() {
				d.errw.WriteString("\r\033[K") // clear the progress line first
			}
			d.errw.Write(b.reports[from:end])
		}
		from = end
	}
	d.malformed += b.extra
	d.reports += b.extra
	p.shown.Store(int64(d.reports))
	d.work += b.work
	d.messages += b.msgs
	before := d.records
	d.records += b.records
	d.done += b.done
	if d.progress && d.records/1024 != before/1024 {
		d.showProgress(b.label)
	}
	clear(b.out)
	select {
	case <-b.turn: // not taken
	default:
	}
	b.items, b.arena, b.notes, b.noted, b.names, b.direct = b.items[:0], b.arena[:0], b.notes[:0], 0, nil, nil
	b.out, b.held, b.given = b.out[:0], 0, false
	b.reports, b.ends, b.extra = b.reports[:0], b.ends[:0], 0
	p.spare = append(p.spare, b)
}
