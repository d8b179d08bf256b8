package capture

import (
	"encoding/binary"
	"io"
	"math/bits"
	"time"
)

// The pcapng format (draft-ietf-opsawg-pcapng): blocks of a type, a
// total length, a body and the total length again, in the byte order of
// their section's header block. Options inside bodies are code, length,
// value padded to 4 bytes.
const (
	ngSectionHeader  = 0x0a0d0d0a // SHB: the same in both byte orders
	ngByteOrderMagic = 0x1a2b3c4d // in the SHB, in the section's byte order
	ngInterface      = 1          // IDB
	ngPacket         = 2          // obsolete Packet Block
	ngSimple         = 3          // SPB
	ngNameResolution = 4
	ngStatistics     = 5
	ngEnhanced       = 6 // EPB
	ngJournal        = 9
	ngSecrets        = 0xa
	ngCustom         = 0xbad
	ngCustomNoCopy   = 0x40000bad

	ngBlockOverhead  = 12 // type, length, trailing length
	ngSectionMinBody = 16 // byte-order magic, version, section length
	ngPacketMinBody  = 20 // EPB: interface, timestamp (2), caplen, origlen

	optEnd       = 0  // opt_endofopt
	optEPBFlags  = 2  // epb_flags (pack_flags in the Packet Block)
	optTSResol   = 9  // if_tsresol
	optTSOffset  = 14 // if_tsoffset
	defaultResol = 6  // microseconds, when an IDB has no if_tsresol
)

// iface is what the Reader keeps of an interface description block.
type iface struct {
	linkType uint16
	broken   bool  // the IDB was too short to say, or its framing was bad
	resol    uint8 // if_tsresol: 10^-n seconds, or 2^-(n&0x7f) if the top bit is set
	offset   int64 // if_tsoffset: seconds added to every timestamp
	snapLen  uint32
}

// openPCAPNG reads the first section header block and the interface
// description blocks right after it.
func (r *Reader) openPCAPNG() error {
	r.format = PCAPNG
	if err := r.section(); err != nil {
		if d, ok := err.(*detail); ok {
			d.also = ErrFormat
			if d.err == ErrFraming {
				d.err, d.also = ErrFormat, ErrFraming
			}
		}
		return &RecordError{Index: -1, Offset: -1, Block: blockFileHeader, Err: err}
	}
	for {
		h, _ := r.br.Peek(4)
		if len(h) < 4 || r.u32(h) != ngInterface {
			break
		}
		if done, ok := r.block(); done {
			r.pending = ok // a malformed IDB: the first Next reports it
			break
		}
	}
	netlink := len(r.ifaces) == 0
	for _, ifc := range r.ifaces {
		netlink = netlink || ifc.linkType == LinkType || ifc.broken
	}
	if !netlink {
		return r.headerError(ErrLinkType, nil, "interface 0 has link type "+itoa(r.ifaces[0].linkType), nil)
	}
	return nil
}

// nextPCAPNG reads blocks up to the next record, or up to a malformed
// block to report.
func (r *Reader) nextPCAPNG() bool {
	for {
		if done, ok := r.block(); done {
			return ok
		}
	}
}

// block reads one block. It returns done if Next has something to
// return: ok true for a record or a report of a malformed block, false
// when the reading ends (r.err is set).
func (r *Reader) block() (done, ok bool) {
	start := r.off
	h, err := r.br.Peek(8)
	if len(h) < 8 {
		if len(h) == 0 && isEOF(err) {
			r.err = io.EOF
			return true, false
		}
		return true, r.truncated(start, "block", "block header", len(h), 8, err)
	}
	typ := r.u32(h)
	if typ == ngSectionHeader {
		if err := r.section(); err != nil {
			r.err = &RecordError{Index: r.n, Offset: -1, FileOffset: start, Block: blockSection, Err: err}
			return true, false
		}
		return false, false
	}
	length := r.u32(h[4:])
	name := func() string { return blockName(typ) }
	if length < ngBlockOverhead || length%4 != 0 || length > maxBlock {
		msg := "block length " + itoa(length)
		if end := r.resyncHere(0); end > 0 {
			return r.damaged(start, typ, msg+"; a trailing copy of "+itoa(end)+" ends it, reading resumes at file offset "+itoa(start+int64(end)), end)
		}
		return true, r.stop(start, name(), ErrFraming, msg+", and no block follows it", nil)
	}
	if length <= bufSize {
		// Look at the whole block before taking it, so that its end can
		// be looked for if its two lengths disagree.
		b, err := r.br.Peek(int(length))
		if len(b) < int(length) {
			if isEOF(err) {
				if end := r.resync(b, true, length); end > 0 {
					return r.damaged(start, typ, "block length "+itoa(length)+", but the file ends "+itoa(len(b))+" bytes into the block, with a trailing copy of "+itoa(end), end)
				}
			}
			return true, r.truncated(start, name(), "block", len(b), int(length), err)
		}
		if t := r.u32(b[length-4:]); t != length {
			msg := "block length " + itoa(length) + " disagrees with its trailing copy " + itoa(t)
			if end := r.resyncHere(length); end > 0 {
				if end != int(length) {
					msg += "; a trailing copy of " + itoa(end) + " ends it, reading resumes at file offset " + itoa(start+int64(end))
				}
				return r.damaged(start, typ, msg, end)
			}
			return true, r.stop(start, name(), ErrFraming, msg+", and no block follows it", nil)
		}
		r.br.Discard(len(b)) // b stays valid: Discard does not read
		r.off += int64(len(b))
		if isPacket(typ) && r.tooLarge(length-ngBlockOverhead) {
			return true, r.overLimit(start, length)
		}
		return r.body(start, typ, b[8:length-4])
	}
	if isPacket(typ) && !r.tooLarge(length-ngBlockOverhead) {
		b, err := r.read(int(length))
		if len(b) < int(length) {
			return true, r.truncated(start, name(), "block", len(b), int(length), err)
		}
		if t := r.u32(b[length-4:]); t != length {
			return r.mismatch(start, typ, length, t)
		}
		return r.body(start, typ, b[8:length-4])
	}
	// Any other block this long is passed over, its trailing length
	// checked, never held: a packet block over the caller's limit is
	// reported without data; of an interface block (padding or an
	// attack) the first 64 KiB are read.
	keep := 0
	if typ == ngInterface {
		keep = bufSize
	}
	b, t, got, err := r.readLong(length, keep)
	if got < int(length) {
		return true, r.truncated(start, name(), "block", got, int(length), err)
	}
	if t != length {
		return r.mismatch(start, typ, length, t)
	}
	switch {
	case isPacket(typ):
		return true, r.overLimit(start, length)
	case typ == ngInterface:
		return r.body(start, typ, b[8:])
	}
	return false, false
}

// body reads the body of a block whose framing is sound.
func (r *Reader) body(start int64, typ uint32, body []byte) (done, ok bool) {
	switch typ {
	case ngInterface:
		return r.readInterface(start, body)
	case ngEnhanced, ngPacket, ngSimple:
		return true, r.readPacket(start, typ, body)
	}
	return false, false
}

// section reads a section header block: the byte order and the version
// of the blocks up to the next one. Interfaces of the previous section
// are forgotten. A damaged section header ends the reading: the section's
// byte order is in doubt.
func (r *Reader) section() error {
	h, err := r.br.Peek(12)
	if len(h) < 12 {
		return r.sectionError(ErrTruncated, "section header block of at least 28 bytes, but the file ends after "+itoa(len(h)), err)
	}
	var big bool
	switch m := binary.BigEndian.Uint32(h[8:]); m {
	case ngByteOrderMagic:
		big = true
	case bits.ReverseBytes32(ngByteOrderMagic):
	default:
		return r.sectionError(ErrFraming, "byte-order magic "+hex(m), nil)
	}
	r.big = big
	length := r.u32(h[4:])
	if length < ngBlockOverhead+ngSectionMinBody || length%4 != 0 || length > maxBlock {
		return r.sectionError(ErrFraming, "block length "+itoa(length), nil)
	}
	var b []byte
	var t uint32
	var got int
	if length <= bufSize {
		b, err = r.read(int(length))
		if got = len(b); got == int(length) {
			t = r.u32(b[length-4:])
		}
	} else {
		// Only the fixed part and the first options are read of a
		// section header this long; the rest is passed over.
		b, t, got, err = r.readLong(length, bufSize)
	}
	if got < int(length) {
		return r.sectionError(ErrTruncated, "section header block of "+itoa(length)+" bytes, but the file ends after "+itoa(got), err)
	}
	if t != length {
		return r.sectionError(ErrFraming, "block length "+itoa(length)+" disagrees with its trailing copy "+itoa(t), nil)
	}
	if major := r.u16(b[12:]); major != 1 {
		return r.sectionError(ErrFraming, "pcapng version "+itoa(major)+"."+itoa(r.u16(b[14:])), nil)
	}
	r.ifaces = r.ifaces[:0]
	return nil
}

// sectionError returns the cause of a damaged section header, or ioErr if
// that is a read failure, not the end of the input.
func (r *Reader) sectionError(sentinel error, msg string, ioErr error) error {
	if ioErr != nil && !isEOF(ioErr) {
		return ioErr
	}
	return &detail{err: sentinel, msg: msg}
}

// resync looks for the end of a block whose lengths disagree (or whose
// length is impossible), in win: the bytes from the block's start on (all
// the file has left if eof). The block ends at the header's length, if
// that is possible and a block that checks out follows there, else at the
// first multiple of 4 where the 4 bytes before it say how far that is
// from the block's start and a block that checks out (or the end of the
// file) follows. It returns where the block ends, or -1 if nothing checks
// out. Its cost is linear in where the end is found, or one read buffer.
func (r *Reader) resync(win []byte, eof bool, length uint32) int {
	return r.resyncIn(win, eof, false, length)
}

// resyncIn is resync in win; if partial, win is only a prefix of the
// window, and it gives up (-1) at the first place whose answer more bytes
// could change, so that it finds the end resync would find or none.
func (r *Reader) resyncIn(win []byte, eof, partial bool, length uint32) int {
	follows := func(end int) (ok, final bool) {
		h := win[end:]
		ok = r.blockFollows(h, eof)
		return ok, !partial || len(h) >= 12 && ok == r.blockFollows(h, !eof)
	}
	if length >= ngBlockOverhead && length%4 == 0 && int(length) <= len(win) {
		ok, final := follows(int(length))
		if !final {
			return -1
		}
		if ok {
			return int(length)
		}
	}
	for end := ngBlockOverhead; end <= len(win); end += 4 {
		if r.u32(win[end-4:]) != uint32(end) {
			continue
		}
		ok, final := follows(end)
		if !final {
			return -1
		}
		if ok {
			return end
		}
	}
	return -1
}

// resyncHere is resync in the window at the reader's position. It looks
// in the bytes already buffered first, which costs no copy: a run of
// damaged blocks would otherwise slide the whole read buffer for each.
func (r *Reader) resyncHere(length uint32) int {
	if n := r.br.Buffered(); n < bufSize {
		win, _ := r.br.Peek(n)
		if end := r.resyncIn(win, false, true, length); end > 0 {
			return end
		}
	}
	win, err := r.br.Peek(bufSize)
	return r.resync(win, len(win) < bufSize && isEOF(err), length)
}

// blockFollows reports whether h, the bytes after a block (all the file
// has left if eof), is the end of the file or starts with a block that
// checks out: a known type, a sane length, and the same length at its end
// if that is in h.
func (r *Reader) blockFollows(h []byte, eof bool) bool {
	if len(h) == 0 {
		return eof
	}
	if len(h) < 8 {
		return false
	}
	big := r.big
	typ := r.u32(h)
	switch typ {
	case ngSectionHeader:
		if len(h) < 12 {
			return false
		}
		switch binary.BigEndian.Uint32(h[8:]) {
		case ngByteOrderMagic:
			big = true
		case bits.ReverseBytes32(ngByteOrderMagic):
			big = false
		default:
			return false
		}
	case ngInterface, ngPacket, ngSimple, ngNameResolution, ngStatistics, ngEnhanced,
		ngJournal, ngSecrets, ngCustom, ngCustomNoCopy:
	default:
		return false
	}
	u32 := binary.LittleEndian.Uint32
	if big {
		u32 = binary.BigEndian.Uint32
	}
	length := u32(h[4:])
	if length < ngBlockOverhead || length%4 != 0 || length > maxBlock {
		return false
	}
	if int(length) <= len(h) {
		return u32(h[length-4:]) == length
	}
	return !eof
}

// damaged reports a block whose lengths disagree but whose end was found
// end bytes after its start, and takes it. A packet block is reported as
// a record without data, an interface keeps its place in the section.
func (r *Reader) damaged(start int64, typ uint32, msg string, end int) (done, ok bool) {
	k, _ := r.br.Discard(end)
	r.off += int64(k)
	err := &detail{err: ErrFraming, msg: msg}
	switch typ {
	case ngEnhanced, ngPacket, ngSimple:
		r.rec = Record{Index: r.n}
		r.n++
		r.recordError(start, -1, err)
		return true, true
	case ngInterface:
		if len(r.ifaces) < maxInterfaces {
			r.ifaces = append(r.ifaces, iface{broken: true})
		}
	}
	r.blockError(start, blockName(typ), err)
	return true, true
}

// mismatch handles a block longer than the read buffer, already taken,
// whose trailing length disagrees with its header. If a block that
// checks out follows (or the file ends), only this block is damaged: it
// is reported, and reading goes on. Otherwise the framing is lost, and
// reading ends.
func (r *Reader) mismatch(start int64, typ, length, trailer uint32) (done, ok bool) {
	msg := "block length " + itoa(length) + " disagrees with its trailing copy " + itoa(trailer)
	h, err := r.br.Peek(bufSize)
	if !r.blockFollows(h, len(h) < bufSize && isEOF(err)) {
		return true, r.stop(start, blockName(typ), ErrFraming, msg+", and no block follows it", nil)
	}
	return r.damaged(start, typ, msg, 0)
}

// readInterface reads the body of an interface description block: link
// type, snap length, and the options if_tsresol and if_tsoffset. A body
// too short for the link type, or an option that overruns the block, is
// reported; the interface keeps its place in the section either way.
func (r *Reader) readInterface(start int64, body []byte) (done, ok bool) {
	if len(r.ifaces) >= maxInterfaces {
		// More than any capture has: not kept, so that a file of
		// interface blocks costs no memory. Packets on them are
		// reported as on undescribed interfaces.
		r.blockError(start, blockInterface, &detail{err: ErrFraming, msg: "more than " + itoa(maxInterfaces) + " interfaces in the section"})
		return true, true
	}
	if len(body) < 8 {
		r.ifaces = append(r.ifaces, iface{broken: true})
		r.blockError(start, blockInterface, &detail{err: ErrFraming, msg: "body of " + itoa(len(body)) + " bytes, under 8"})
		return true, true
	}
	ifc := iface{linkType: r.u16(body), snapLen: r.u32(body[4:]), resol: defaultResol}
	opts, at := body[8:], 8
	for len(opts) >= 4 {
		code, val, next := r.option(opts)
		if next < 0 {
			r.ifaces = append(r.ifaces, ifc)
			r.blockError(start, blockInterface, badOption(code, at))
			return true, true
		}
		if code == optEnd {
			break
		}
		switch {
		case code == optTSResol && len(val) >= 1:
			ifc.resol = val[0]
		case code == optTSOffset && len(val) == 8:
			ifc.offset = int64(r.u64(val))
		}
		opts, at = opts[next:], at+next
	}
	r.ifaces = append(r.ifaces, ifc)
	return false, false
}

// option splits the first option off opts (at least 4 bytes): its code,
// its value, and where the next one starts, or -1 if the value overruns
// opts.
func (r *Reader) option(opts []byte) (code uint16, val []byte, next int) {
	code, n := r.u16(opts), int(r.u16(opts[2:]))
	if n > len(opts)-4 {
		return code, nil, -1
	}
	// The last option's padding may be missing.
	return code, opts[4 : 4+n], min(len(opts), 4+(n+3)&^3)
}

// badOption is the error of an option that overruns its block.
func badOption(code uint16, at int) error {
	return &detail{err: ErrFraming, msg: "option " + itoa(code) + " at byte " + itoa(at) + " of the block body overruns it"}
}

// readPacket reads the body of an enhanced, simple or obsolete packet
// block into the current record. A record that cannot be decoded (a
// body too short, a caplen beyond the block, an interface the section
// did not describe or that is not netlink) is reported without data; an
// option overrunning the block is reported with the data. It returns
// true, for Next.
func (r *Reader) readPacket(start int64, typ uint32, body []byte) bool {
	var (
		id              uint32
		ts              uint64
		caplen, origlen uint32
		data, opts      []byte
	)
	switch typ {
	case ngEnhanced, ngPacket:
		if len(body) < ngPacketMinBody {
			return r.badRecord(start, time.Time{}, 0, ErrFraming, "body of "+itoa(len(body))+" bytes, under "+itoa(ngPacketMinBody))
		}
		if typ == ngEnhanced {
			id = r.u32(body)
		} else {
			id = uint32(r.u16(body))
		}
		ts = uint64(r.u32(body[4:]))<<32 | uint64(r.u32(body[8:]))
		caplen, origlen = r.u32(body[12:]), r.u32(body[16:])
		rest := body[ngPacketMinBody:]
		if uint64(caplen) > uint64(len(rest)) {
			return r.badRecord(start, time.Time{}, origlen, ErrFraming, "caplen "+itoa(caplen)+" exceeds the block's "+itoa(len(rest))+" bytes of packet data")
		}
		data = rest[:caplen]
		opts = rest[min(uint64(len(rest)), (uint64(caplen)+3)&^3):]
	case ngSimple:
		if len(body) < 4 {
			return r.badRecord(start, time.Time{}, 0, ErrFraming, "body of "+itoa(len(body))+" bytes, under 4")
		}
		origlen = r.u32(body)
		data = body[4:]
		if uint64(len(data)) > uint64(origlen) {
			data = data[:origlen] // the rest is padding
		}
		if len(r.ifaces) > 0 && r.ifaces[0].snapLen != 0 && uint64(len(data)) > uint64(r.ifaces[0].snapLen) {
			data = data[:r.ifaces[0].snapLen]
		}
	}
	if uint64(id) >= uint64(len(r.ifaces)) {
		return r.badRecord(start, time.Time{}, origlen, ErrFraming, "interface "+itoa(id)+", but the section describes "+itoa(len(r.ifaces)))
	}
	ifc := &r.ifaces[id]
	var t time.Time
	if typ != ngSimple {
		t = ngTime(ts, ifc.resol, ifc.offset)
	}
	if ifc.broken {
		return r.badRecord(start, t, origlen, ErrFraming, "interface "+itoa(id)+" has a malformed description")
	}
	if ifc.linkType != LinkType {
		return r.badRecord(start, t, origlen, ErrLinkType, "interface "+itoa(id)+" has link type "+itoa(ifc.linkType))
	}
	dir, at := DirectionUnknown, len(body)-len(opts)
	var optErr error
	for len(opts) >= 4 {
		code, val, next := r.option(opts)
		if next < 0 {
			optErr = badOption(code, at)
			break
		}
		if code == optEnd {
			break
		}
		if code == optEPBFlags && len(val) == 4 {
			if d := Direction(r.u32(val) & 3); d <= DirectionOutbound {
				dir = d
			}
		}
		opts, at = opts[next:], at+next
	}
	r.setRecord(start, data, origlen, t, dir)
	if optErr != nil {
		r.recordError(start, -1, optErr)
	}
	return true
}

// badRecord makes the current record one that is reported without data,
// of origLen bytes on the wire (without a netlink pseudo-header: the
// caller takes it off where there is one). It returns true, for Next.
func (r *Reader) badRecord(start int64, t time.Time, origLen uint32, sentinel error, msg string) bool {
	r.rec = Record{Index: r.n, Time: t, Length: toInt(origLen)}
	r.n++
	r.recordError(start, -1, &detail{err: sentinel, msg: msg})
	return true
}

// maxInterfaces is the most interfaces a section's description blocks
// are kept for (IDs 0 to 65535: 1.5 MiB of descriptions at most).
const maxInterfaces = 1 << 16

// readLong takes a block of length bytes, more than the read buffer
// holds, keeping only its first keep bytes (a copy in r.buf, if keep > 0)
// and passing over the rest but its trailing length, which it returns.
// got is how many of the block's bytes the file held: length, or fewer,
// with err, if the file ends first.
func (r *Reader) readLong(length uint32, keep int) (head []byte, trailer uint32, got int, err error) {
	if keep > 0 {
		b, err := r.read(keep)
		if len(b) < keep {
			return nil, 0, len(b), err
		}
		head = append(r.buf[:0], b...)
		r.buf = head
	}
	if k, err := r.skip(int(length) - keep - 4); k < int(length)-keep-4 {
		return nil, 0, keep + k, err
	}
	t, err := r.read(4)
	if len(t) < 4 {
		return nil, 0, int(length) - 4 + len(t), err
	}
	return head, r.u32(t), int(length), nil
}

// overLimit makes the current record the report of a packet block of
// length bytes over the caller's limit, passed over. It returns true, for
// Next.
func (r *Reader) overLimit(start int64, length uint32) bool {
	return r.badRecord(start, time.Time{}, 0, ErrTooLarge, "block of "+itoa(length)+" bytes over the limit of "+itoa(r.limit))
}

// isPacket reports whether a block type is one of the packet blocks,
// which are records.
func isPacket(typ uint32) bool { return typ == ngEnhanced || typ == ngPacket || typ == ngSimple }

// blockName names a block type for errors: "" for the packet blocks,
// which are records.
func blockName(typ uint32) string {
	switch typ {
	case ngEnhanced, ngPacket, ngSimple:
		return ""
	case ngInterface:
		return blockInterface
	case ngSectionHeader:
		return blockSection
	}
	return "block of type " + hex(typ)
}

// pow10 holds 10^0 to 10^19, every power of ten a uint64 holds.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// ngTime converts a pcapng timestamp in units of resol (if_tsresol) to a
// time, adding offset seconds (if_tsoffset). Every resolution the option
// can express is exact; none overflows.
func ngTime(ts uint64, resol uint8, offset int64) time.Time {
	var sec, nsec uint64
	if resol&0x80 != 0 {
		e := uint(resol & 0x7f) // 2^-e seconds
		frac := ts
		if e < 64 {
			sec, frac = ts>>e, ts&(1<<e-1)
		}
		hi, lo := bits.Mul64(frac, 1e9)
		switch {
		case e >= 128:
		case e >= 64:
			nsec = hi >> (e - 64)
		default:
			nsec = hi<<(64-e) | lo>>e // e == 0: frac and so nsec are 0
		}
	} else {
		e := int(resol) // 10^-e seconds
		switch {
		case e < len(pow10):
			sec, nsec = ts/pow10[e], ts%pow10[e]
			if e <= 9 {
				nsec *= pow10[9-e]
			} else {
				nsec /= pow10[e-9]
			}
		case e-9 < len(pow10):
			nsec = ts / pow10[e-9]
		}
	}
	return time.Unix(int64(sec)+offset, int64(nsec)).UTC()
}
