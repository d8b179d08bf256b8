package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/wire"
)

// maxRaw is the largest message of a binary input, datagram of a hex
// line, and capture record that nldump decodes: larger ones are reported
// and skipped, so memory stays bounded whatever the input. The kernel's
// own datagrams are far smaller (a dump part fills at most a few pages),
// and tshark reads no netlink record over 256 KiB.
const maxRaw = 4 << 20

// record is one datagram to decode, wherever it came from.
type record struct {
	file      string // the input's name
	label     string // the name as text output prints it (quoted if need be)
	index     int
	base      int64 // the datagram's first byte's offset in a binary stream
	time      time.Time
	family    uint16
	direction capture.Direction
	data      []byte
	truncated bool
	order     nlwire.Order
}

// file decodes every datagram of one input file.
func (d *dumper) file(name string, stdin io.Reader, rawFamily uint16, order nlwire.Order, forced bool) error {
	var r io.Reader = stdin
	d.size, d.mayWait = -1, true
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fileError(name, err)
		}
		defer f.Close()
		r = f
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			d.size, d.mayWait = st.Size(), false
		}
	} else if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			d.mayWait = false
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(4)
	if isCapture(magic) {
		return d.capture(name, br, order, forced)
	}
	// What the first read brought decides between hex text and binary:
	// waiting for more would hold up a pipe.
	head, err := br.Peek(1)
	if err != nil && err != io.EOF {
		return fileError(name, err)
	}
	whole := err == io.EOF
	head, _ = br.Peek(br.Buffered())
	if looksHex(head) {
		return d.hexLines(name, br, rawFamily, order, forced)
	}
	return d.binary(name, br, head, whole, rawFamily, order, forced)
}

// fileError returns err, an error reading the input name, prefixed with
// the quoted name, and without the name as the operating system's error
// has it (raw, where it could hold control characters).
func fileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = errors.New(pe.Op + ": " + pe.Err.Error())
	}
	return fmt.Errorf("%s: %w", quote(name), err)
}

func isCapture(magic []byte) bool {
	if len(magic) < 4 {
		return false
	}
	switch string(magic) {
	case "\x0a\x0d\x0d\x0a", // pcapng section header
		"\xd4\xc3\xb2\xa1", "\xa1\xb2\xc3\xd4", // pcap, microseconds
		"\x4d\x3c\xb2\xa1", "\xa1\xb2\x3c\x4d": // pcap, nanoseconds
		return true
	}
	return false
}

// looksHex reports whether an input starting with head is hex text: its
// first line that is neither blank nor a '#' comment holds only hex digits
// and blanks. (A binary datagram starts with its length, whose bytes are
// not all hex digits unless it claims hundreds of megabytes.)
func looksHex(head []byte) bool {
	comment, digits := false, false
	for i, c := range head {
		switch {
		case c == '\n' || c == '\r':
			if digits {
				return true
			}
			comment = false
		case comment && (c < 0x20 && c != '\t' || c == 0x7f):
			return false // a comment is text: this is a binary datagram that starts with '#'
		case comment:
		case c == '#' && !digits && isBlankLine(head[:i]):
			comment = true
		case isHexDigit(c):
			digits = true
		case c == ' ' || c == '\t':
		default:
			return false
		}
	}
	return len(head) > 0
}

// isBlankLine reports whether the last line of b holds only blanks.
func isBlankLine(b []byte) bool {
	for i := len(b) - 1; i >= 0 && b[i] != '\n' && b[i] != '\r'; i-- {
		if b[i] != ' ' && b[i] != '\t' {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// hexLines decodes hex text, one datagram a line ('#' lines are
// comments; lines end in LF, CRLF or CR), as it reads: a bad line is
// reported by number and skipped.
func (d *dumper) hexLines(name string, br *bufio.Reader, fam uint16, order nlwire.Order, forced bool) error {
	if p := d.startWorkers(); p != nil {
		defer p.stop(d)
	}
	label := quote(name)
	var (
		dg      []byte
		line    = 1
		index   = 0
		bad     string // what is wrong with the current line
		half    = -1   // the pending high nibble
		comment bool
		start   = true
		cr      bool // the last byte was a carriage return
	)
	end := func() {
		if bad == "" && half >= 0 {
			bad = "odd number of hex digits"
		}
		switch {
		case bad != "":
			d.malformedf("%s: line %d: %s; line skipped", label, line, bad)
		case len(dg) > 0:
			rec := record{file: name, label: label, index: index, family: fam, data: dg, order: order}
			if !forced {
				rec.order = capture.GuessOrder(dg, nlwire.Host())
			}
			d.decode(&rec, true)
			index++
		}
		dg, bad, half, comment, start = dg[:0], "", -1, false, true
		line++
	}
	for {
		if br.Buffered() == 0 {
			d.idle() // about to wait for input: show what is decoded
		}
		chunk, err := br.ReadSlice('\n')
		for _, c := range chunk {
			switch {
			case c == '\n' && cr: // the end of a CRLF line, already ended
			case c == '\n', c == '\r':
				end()
			case comment || bad != "":
			case c == '#' && start:
				comment = true
			case c == ' ' || c == '\t':
			case !isHexDigit(c):
				bad = "not a hex digit: byte 0x" + strconv.FormatUint(uint64(c), 16)
				if c >= 0x20 && c < 0x7f {
					bad = "not a hex digit: " + strconv.QuoteRune(rune(c))
				}
			case half >= 0:
				if len(dg) >= maxRaw {
					bad = "datagram longer than " + strconv.Itoa(maxRaw) + " bytes"
					break
				}
				dg = append(dg, byte(half)<<4|unhex(c))
				half = -1
			default:
				half = int(unhex(c))
			}
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				start = false
			}
			cr = c == '\r'
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			end() // a last line without a line break
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// binary decodes a binary input as one datagram, message by message as
// it reads, so that memory is bounded by the largest message (maxRaw)
// whatever the input's size. head is the input's start, all of it if
// whole.
func (d *dumper) binary(name string, br *bufio.Reader, head []byte, whole bool, fam uint16, order nlwire.Order, forced bool) error {
	if !forced {
		order = streamOrder(head, whole, d.size)
	}
	if p := d.startWorkers(); p != nil {
		defer p.stop(d)
	}
	swap := order.Swap()
	label := quote(name)
	rec := record{file: name, label: label, family: fam, order: order}
	d.records++
	var (
		off int64
		buf []byte
	)
	report := func(cause error) {
		d.malformedf("%s: record 0: %v", label, &wire.FormatError{Offset: int(off), Err: cause})
	}
	for {
		if br.Buffered() == 0 {
			d.idle() // about to wait for input: show what is decoded
		}
		hdr, err := br.Peek(wire.HeaderLen)
		if len(hdr) < wire.HeaderLen {
			if len(hdr) > 0 {
				d.malformedf("%s: record 0: offset %d: %d trailing bytes after the last message", label, off, len(hdr))
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
		n := int64(endian.Uint32(hdr, swap))
		if n < wire.HeaderLen {
			report(wire.ErrBadLength)
			return nil // the kernel stops here: nothing after is framed
		}
		if n > maxRaw {
			d.malformedf("%s: record 0: offset %d: message of %d bytes is longer than nldump decodes (%d); skipped", label, off, n, maxRaw)
			if got, _ := br.Discard(int(min(n, int64(^uint(0)>>1)))); int64(got) < n {
				report(wire.ErrTruncated)
				return nil
			}
		} else {
			buf = buf[:0]
			for int64(len(buf)) < n {
				// Grow with what arrives, never by the length field alone.
				k := min(n-int64(len(buf)), max(int64(len(buf)), 64<<10))
				p, err := readN(br, buf, int(k))
				buf = p
				if err != nil {
					break
				}
			}
			if int64(len(buf)) < n {
				report(wire.ErrTruncated)
				return nil
			}
			rec.data, rec.base = buf, off
			d.decode(&rec, false)
			d.done += n
		}
		pad := int64(wire.Align(int(n&3))) - n&3
		got, _ := br.Discard(int(pad))
		off += n + int64(got)
	}
}

// readN appends up to n bytes from br to b, growing b only by what
// arrives.
func readN(br *bufio.Reader, b []byte, n int) ([]byte, error) {
	l := len(b)
	b = append(b, make([]byte, n)...)
	got, err := io.ReadFull(br, b[l:])
	return b[:l+got], err
}

// streamOrder guesses the byte order of a binary input from its first
// message's length, as capture.GuessOrder does for a datagram: the host's
// if that length fits the input, else the other one if it fits.
func streamOrder(head []byte, whole bool, size int64) nlwire.Order {
	host := nlwire.Host()
	if len(head) < wire.HeaderLen {
		return host
	}
	avail := int64(maxRaw)
	switch {
	case size >= 0:
		avail = size
	case whole:
		avail = int64(len(head))
	}
	fits := func(n uint32) bool { return n >= wire.HeaderLen && int64(n) <= avail }
	le, be := binary.LittleEndian.Uint32(head), binary.BigEndian.Uint32(head)
	other := nlwire.BigEndian
	hostLen, otherLen := le, be
	if host == nlwire.BigEndian {
		other, hostLen, otherLen = nlwire.LittleEndian, be, le
	}
	if !fits(hostLen) && fits(otherLen) {
		return other
	}
	return host
}

func (d *dumper) capture(name string, r io.Reader, order nlwire.Order, forced bool) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	cr, err := capture.NewReader(&flushingReader{r: br, d: d})
	if err != nil {
		return fileError(name, err)
	}
	if forced {
		cr.ForceOrder(order)
	}
	cr.LimitRecordSize(maxRaw + capture.PseudoHeaderLen)
	if p := d.startWorkers(); p != nil {
		defer p.stop(d)
	}
	label := quote(name)
	for cr.Next() {
		c := cr.Record()
		if err := cr.RecordErr(); err != nil {
			d.malformedf("%s: %v", label, err)
			if len(c.Data) == 0 {
				continue
			}
			// The record's header was wrong but its bytes are there
			// (say, more captured than original bytes): decode them,
			// as tshark does.
		}
		rec := record{file: name, label: label, index: c.Index, time: c.Time, family: c.Protocol,
			direction: c.Direction, data: c.Data, truncated: c.Truncated(), order: cr.Order(c.Data)}
		d.decode(&rec, true)
	}
	if err := cr.Err(); err != nil {
		var re *capture.RecordError
		if errors.As(err, &re) {
			d.malformedf("%s: %v", label, err)
			return nil
		}
		return fileError(name, err)
	}
	return nil
}

// flushingReader writes out what is decoded before its reads would wait
// for input (dumper.idle), so that a capture arriving through a pipe is
// shown as it arrives. (The capture reader buffers on its own.)
type flushingReader struct {
	r *bufio.Reader
	d *dumper
}

func (f *flushingReader) Read(p []byte) (int, error) {
	if f.r.Buffered() == 0 {
		f.d.idle()
	}
	return f.r.Read(p)
}
