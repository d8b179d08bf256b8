package main

import (
	"bufio"
	"fmt"
	"io"
	"net/netip"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/endian"
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

	genl      map[uint16]genlName // generic netlink family ids seen or given
	malformed int
	reports   int    // problems of the current file
	b         []byte // the output being built
	steps     []step // an error's path, reused
	work      int    // attributes looked at, to check that cost is linear in the input
	messages  int    // messages seen
	msgOff    int64  // the current message's offset in its datagram (or binary input)
	path      []byte // the path's text, reused
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
	return &dumper{w: w, errw: bufio.NewWriterSize(errw, 16<<10), filter: all, genl: map[uint16]genlName{genl.GENL_ID_CTRL: {name: "nlctrl"}}, b: make([]byte, 0, 4096),
		workers: workers()}
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

// kind is what the tables say about one message.
type kind struct {
	family  string      // "route", "generic", ...
	name    string      // the message type's name ("RTM_NEWLINK", "nlctrl CTRL_CMD_GETFAMILY")
	text    string      // the name as text output prints it, if it must be escaped
	hdrLen  int         // the family header's size
	hdrName string      // the family header's C struct
	attrs   *family.Set // the attributes after the header; nil: print by number
	op      wire.Op     // how to read the flags' modifier bits
	known   bool        // the family is one whose attributes are attributes
}

func (d *dumper) kindOf(fam uint16, h wire.Header, payload []byte, order nlwire.Order) kind {
	k := kind{family: familyName(fam), op: wire.OpOf(h.Type)}
	if name := wire.TypeName(h.Type); name != "" {
		k.name = name
		return k
	}
	switch fam {
	case familyRoute:
		k.known = true
		if m := route.Messages.Msg(h.Type); m != nil {
			k.name, k.hdrLen, k.attrs = m.Name, m.HeaderLen, m.Attrs
		} else {
			k.name = "type " + strconv.Itoa(int(h.Type)) // built only when needed: a string a message
		}
		switch {
		case h.Type >= route.RTM_NEWLINK && h.Type <= route.RTM_SETLINK:
			k.hdrName = "ifinfomsg"
		case h.Type >= route.RTM_NEWADDR && h.Type <= route.RTM_GETADDR:
			k.hdrName = "ifaddrmsg"
		case h.Type >= route.RTM_NEWROUTE && h.Type <= route.RTM_GETROUTE:
			k.hdrName = "rtmsg"
		case h.Type >= route.RTM_NEWNEIGH && h.Type <= route.RTM_GETNEIGH:
			k.hdrName = "ndmsg"
		case h.Type >= route.RTM_NEWQDISC && h.Type <= route.RTM_GETTFILTER:
			k.hdrName = "tcmsg"
		case h.Type >= route.RTM_NEWRULE && h.Type <= route.RTM_GETRULE:
			k.hdrName = "fib_rule_hdr"
		case h.Type >= route.RTM_NEWACTION && h.Type <= route.RTM_GETACTION:
			k.hdrName = "tcamsg"
		case h.Type >= route.RTM_NEWNEIGHTBL && h.Type <= route.RTM_SETNEIGHTBL:
			k.hdrName = "ndtmsg"
		case h.Type >= route.RTM_NEWNETCONF && h.Type <= route.RTM_GETNETCONF:
			k.hdrName = "netconfmsg"
		case h.Type >= route.RTM_NEWMDB && h.Type <= route.RTM_GETMDB:
			k.hdrName = "br_port_msg"
			switch {
			case h.Flags&wire.Request == 0:
			case h.Type != route.RTM_GETMDB:
				// A request to add or delete an entry, not an entry the
				// kernel sends: MDBA_SET_ENTRY and MDBA_SET_ENTRY_ATTRS.
				k.attrs = &route.MDBSetAttrs
			case h.Flags&wire.Dump == 0:
				// A request for one entry: MDBA_GET_ENTRY and
				// MDBA_GET_ENTRY_ATTRS.
				k.attrs = &route.MDBGetAttrs
			}
		case h.Type >= route.RTM_NEWNSID && h.Type <= route.RTM_GETNSID:
			k.hdrName = "rtgenmsg"
		case h.Type >= route.RTM_NEWSTATS && h.Type <= route.RTM_SETSTATS:
			k.hdrName = "if_stats_msg"
		case h.Type >= route.RTM_NEWNEXTHOP && h.Type <= route.RTM_GETNEXTHOP,
			h.Type >= route.RTM_NEWNEXTHOPBUCKET && h.Type <= route.RTM_GETNEXTHOPBUCKET:
			k.hdrName = "nhmsg"
		}
		switch (h.Type - route.RTM_NEWLINK) % 4 {
		case 0:
			k.op = wire.OpNew
		case 1:
			k.op = wire.OpDelete
		case 2:
			k.op = wire.OpGet
		}
	case familyGeneric:
		k.known, k.hdrLen, k.hdrName = true, genl.HeaderLen, "genlmsghdr"
		gn, ok := d.genl[h.Type]
		name := gn.name
		if !ok {
			name = "genl-0x" + strconv.FormatUint(uint64(h.Type), 16)
		}
		k.name = name
		if h.Type == genl.GENL_ID_CTRL {
			if m := genl.Messages.Msg(h.Type); m != nil {
				k.attrs = m.Attrs
			}
			if gh, err := genl.ParseHeader(payload, order); err == nil {
				if c := genl.Commands.Name(uint16(gh.Cmd)); c != "" {
					k.name += " " + c
				}
			}
		}
		if f := gn.fam; f != nil && h.Type != genl.GENL_ID_CTRL {
			d.genlKind(&k, f, h, payload, order)
		}
		if gn.text != "" {
			k.text = gn.text + k.name[len(name):]
		}
		if h.Flags&wire.Request != 0 && h.Flags&wire.Dump != 0 {
			k.op = wire.OpGet
		}
	default:
		k.name = "type " + strconv.Itoa(int(h.Type))
	}
	return k
}

// genlKind fills in what the tables generated from f's YNL spec say
// about a message of generic family f: its command's name, the fixed
// header that follows the genlmsghdr, and the operation's attributes (the
// family's first set if the operation names none). A command the spec
// does not know is named by its number in the header, its attributes by
// theirs.
func (d *dumper) genlKind(k *kind, f *family.Family, h wire.Header, payload []byte, order nlwire.Order) {
	k.hdrLen += f.HeaderLen
	gh, err := genl.ParseHeader(payload, order)
	if err != nil {
		return
	}
	op := registry.Op(f, gh.Cmd, h.Flags&wire.Request != 0)
	if op == nil {
		return
	}
	k.name += " " + op.Name // the spec's name, plain (TestTableNames)
	if op.HeaderLen > 0 {
		k.hdrLen = genl.HeaderLen + op.HeaderLen
	}
	k.attrs = op.Attrs
	if k.attrs == nil && len(f.Sets) > 0 {
		k.attrs = f.Sets[0]
	}
}

// textName returns the message type's name as text output prints it.
func (k *kind) textName() string {
	if k.text != "" {
		return k.text
	}
	return k.name
}

func familyName(fam uint16) string {
	switch fam {
	case familyRoute:
		return "route"
	case familyGeneric:
		return "generic"
	}
	return "netlink-" + strconv.Itoa(int(fam))
}

// datagram prints every message of one datagram.
func (d *dumper) datagram(rec *record) {
	d.records++
	d.done += int64(len(rec.data))
	if d.progress && d.records%1024 == 0 {
		d.showProgress(rec.label)
	}
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
	k := d.kindOf(rec.family, h, r.Payload(), rec.order)
	if rec.family == familyGeneric && h.Type == genl.GENL_ID_CTRL {
		d.learnFamily(r.Payload(), rec.order)
	}
	if !d.filter.match(rec.family, h, k.name) {
		return
	}
	if d.json {
		d.b = append(d.b, `{"file":`...)
		d.b = appendJSONString(d.b, rec.file)
		d.b = append(d.b, `,"record":`...)
		d.b = appendInt(d.b, int64(rec.index))
		if y := rec.time.UTC().Year(); !rec.time.IsZero() && y >= 0 && y <= 9999 { // RFC 3339 has four-digit years
			d.b = append(d.b, `,"time":"`...)
			d.b = d.clock.appendTime(d.b, rec.time)
			d.b = append(d.b, '"')
		}
		d.b = append(d.b, `,"family":"`...) // familyName's: plain
		d.b = append(d.b, k.family...)
		d.b = append(d.b, '"')
		if rec.direction != capture.DirectionUnknown {
			d.b = append(d.b, `,"dir":"`...)
			d.b = append(d.b, rec.direction.String()...)
			d.b = append(d.b, '"')
		}
		d.b = append(d.b, `,"order":"`...)
		d.b = append(d.b, rec.order.String()...)
		d.b = append(d.b, `","offset":`...)
		d.b = appendInt(d.b, rec.base+int64(r.Offset()))
		d.b = d.jsonHeader(d.b, h, k)
	} else {
		d.b = append(d.b, rec.label...)
		d.b = append(d.b, " #"...)
		d.b = appendInt(d.b, int64(rec.index))
		d.b = append(d.b, " @"...)
		d.b = appendInt(d.b, rec.base+int64(r.Offset()))
		d.b = append(d.b, ' ')
		d.b = append(d.b, k.family...)
		if rec.direction != capture.DirectionUnknown {
			d.b = append(d.b, ' ')
			d.b = append(d.b, rec.direction.String()...)
		}
		d.b = append(d.b, ' ')
		d.b = d.textHeader(d.b, h, k)
		d.b = append(d.b, '\n')
	}

	switch {
	case h.Type == wire.TypeError || h.Type == wire.TypeDone:
		d.ack(rec, msg)
	case h.Type < wire.MinType || !k.known:
		if p := r.Payload(); len(p) > 0 {
			d.field("payload", 1)
			d.hexValue(p)
			if !d.json {
				d.b = append(d.b, '\n')
			}
		}
	default:
		d.body(rec, msg, k, 1, "attrs")
		if d.validate && h.Flags&wire.Request != 0 {
			d.check(rec, msg, h, k)
		}
	}
	if d.json {
		d.b = append(d.b, "}\n"...)
	}
	d.put()
}

// genlNameSize is GENL_NAMSIZ: a family's name and its NUL. A longer
// name is not a kernel's, and is not learned: a name printed with every
// message of its family must cost what a real one does.
const genlNameSize = 16

// maxGenl is the most generic family names learned from a capture (a
// kernel has a few dozen families): a capture naming every id cannot
// make the table large.
const maxGenl = 1024

// genlName is a generic netlink family's name, and its text form if it
// must be quoted.
// fam is the family's generated tables, if its name is one a YNL spec
// describes.
type genlName struct {
	name, text string
	fam        *family.Family
}

func newGenlName(s string) genlName {
	n := genlName{name: s, fam: registry.Generic(s)}
	if !safeName(s) {
		n.text = quote(s)
	}
	return n
}

// learnFamily remembers the name of a generic netlink family from a
// CTRL_CMD_NEWFAMILY message, and returns the family's id if its name
// changed.
func (d *dumper) learnFamily(payload []byte, o nlwire.Order) (uint16, bool) {
	gh, err := genl.ParseHeader(payload, o)
	if err != nil || gh.Cmd != genl.CTRL_CMD_NEWFAMILY {
		return 0, false
	}
	a := attr.NewDecoder(payload[genl.HeaderLen:]).WithOrder(o).Lenient()
	var id uint16
	var name []byte
	for a.Next() {
		switch a.Type() {
		case genl.CTRL_ATTR_FAMILY_ID:
			id = a.Uint16()
		case genl.CTRL_ATTR_FAMILY_NAME:
			name = a.StringBytes()
		}
	}
	if id == 0 || len(name) == 0 || len(name) >= genlNameSize || d.genl[id].name == string(name) {
		return 0, false
	}
	if _, known := d.genl[id]; known || len(d.genl) < maxGenl {
		d.genl[id] = newGenlName(string(name))
		return id, true
	}
	return 0, false
}

// textHeader appends "NAME len=N flags=F seq=N pid=N".
func (d *dumper) textHeader(b []byte, h wire.Header, k kind) []byte {
	b = append(b, k.textName()...)
	b = append(b, " len="...)
	b = appendUint(b, uint64(h.Len))
	b = append(b, " flags="...)
	b = h.Flags.Append(b, k.op)
	b = append(b, " seq="...)
	b = appendUint(b, uint64(h.Seq))
	b = append(b, " pid="...)
	b = appendUint(b, uint64(h.PID))
	return b
}

func (d *dumper) jsonHeader(b []byte, h wire.Header, k kind) []byte {
	b = append(b, `,"len":`...)
	b = appendUint(b, uint64(h.Len))
	b = append(b, `,"type":`...)
	b = appendJSONString(b, k.name)
	b = append(b, `,"type_num":`...)
	b = appendUint(b, uint64(h.Type))
	b = append(b, `,"flags":"`...)
	b = h.Flags.Append(b, k.op)
	b = append(b, `","flags_num":`...)
	b = appendUint(b, uint64(h.Flags))
	b = append(b, `,"seq":`...)
	b = appendUint(b, uint64(h.Seq))
	b = append(b, `,"pid":`...)
	b = appendUint(b, uint64(h.PID))
	return b
}

// body prints a message's family header and attributes (a request echoed
// in an error too). msg is the whole message, header first.
func (d *dumper) body(rec *record, msg []byte, k kind, depth int, key string) {
	p := msg[wire.HeaderLen:]
	if k.hdrLen > 0 {
		if len(p) < k.hdrLen && len(p) > 0 && k.family == "route" && k.op == wire.OpGet {
			// A dump request with the legacy one-byte struct rtgenmsg,
			// which rtnetlink still accepts in place of the full header.
			d.field("header", depth)
			if d.json {
				d.b = append(d.b, `{"struct":"rtgenmsg","family":`...)
				d.b = appendUint(d.b, uint64(p[0]))
				d.b = append(d.b, '}')
			} else {
				d.b = append(d.b, "rtgenmsg family="...)
				d.b = appendUint(d.b, uint64(p[0]))
				d.b = append(d.b, '\n')
			}
			return
		}
		if len(p) < k.hdrLen {
			d.malformedf("%s: record %d: message at offset %d: %s: payload of %d bytes is shorter than its %d-byte %s", rec.label, rec.index, d.msgOff, k.textName(), len(p), k.hdrLen, k.hdrName)
			d.field("payload", depth)
			d.b = appendHexValue(d.b, p, d.json)
			if !d.json {
				d.b = append(d.b, '\n')
			}
			return
		}
		d.familyHeader(p[:k.hdrLen], k, rec.order, depth)
	}
	start := min(attr.Align(k.hdrLen), len(p))
	dec := attr.NewDecoder(p[start:]).WithOrder(rec.order).WithBase(wire.HeaderLen + start)
	d.attrs(rec, dec, k.attrs, depth, key)
}

// familyHeader prints the fixed header after nlmsghdr.
func (d *dumper) familyHeader(p []byte, k kind, o nlwire.Order, depth int) {
	d.field("header", depth)
	if d.json {
		d.b = append(d.b, `{"struct":"`...) // a C struct's name: plain
		d.b = append(d.b, k.hdrName...)
		d.b = append(d.b, '"')
	} else {
		d.b = append(d.b, k.hdrName...)
	}
	kv := func(name string, v int64) {
		if d.json {
			d.b = append(d.b, `,"`...)
			d.b = append(d.b, name...)
			d.b = append(d.b, `":`...)
		} else {
			d.b = append(d.b, ' ')
			d.b = append(d.b, name...)
			d.b = append(d.b, '=')
		}
		d.b = appendInt(d.b, v)
	}
	switch k.hdrName {
	case "ifinfomsg":
		m, _ := route.ParseIfInfoMsg(p, o)
		kv("family", int64(m.Family))
		kv("type", int64(m.Type))
		kv("index", int64(m.Index))
		kv("flags", int64(m.Flags))
		kv("change", int64(m.Change))
	case "ifaddrmsg":
		m, _ := route.ParseIfAddrMsg(p, o)
		kv("family", int64(m.Family))
		kv("prefixlen", int64(m.PrefixLen))
		kv("flags", int64(m.Flags))
		kv("scope", int64(m.Scope))
		kv("index", int64(m.Index))
	case "rtmsg":
		m, _ := route.ParseRtMsg(p, o)
		kv("family", int64(m.Family))
		kv("dst_len", int64(m.DstLen))
		kv("src_len", int64(m.SrcLen))
		kv("tos", int64(m.TOS))
		kv("table", int64(m.Table))
		kv("protocol", int64(m.Protocol))
		kv("scope", int64(m.Scope))
		kv("type", int64(m.Type))
		kv("flags", int64(m.Flags))
	case "ndmsg":
		m, _ := route.ParseNdMsg(p, o)
		kv("family", int64(m.Family))
		kv("index", int64(m.Index))
		kv("state", int64(m.State))
		kv("flags", int64(m.Flags))
		kv("type", int64(m.Type))
	case "tcmsg":
		m, _ := route.ParseTcMsg(p, o)
		kv("family", int64(m.Family))
		kv("index", int64(m.Index))
		kv("handle", int64(m.Handle))
		kv("parent", int64(m.Parent))
		kv("info", int64(m.Info))
	case "fib_rule_hdr":
		m, _ := route.ParseFibRuleHdr(p, o)
		kv("family", int64(m.Family))
		kv("dst_len", int64(m.DstLen))
		kv("src_len", int64(m.SrcLen))
		kv("tos", int64(m.TOS))
		kv("table", int64(m.Table))
		kv("action", int64(m.Action))
		kv("flags", int64(m.Flags))
	case "nhmsg":
		m, _ := route.ParseNhMsg(p, o)
		kv("family", int64(m.Family))
		kv("scope", int64(m.Scope))
		kv("protocol", int64(m.Protocol))
		kv("flags", int64(m.Flags))
	case "if_stats_msg":
		m, _ := route.ParseIfStatsMsg(p, o)
		kv("family", int64(m.Family))
		kv("index", int64(m.Index))
		kv("filter_mask", int64(m.FilterMask))
	case "br_port_msg":
		m, _ := route.ParseBrPortMsg(p, o)
		kv("family", int64(m.Family))
		kv("index", int64(m.Index))
	case "rtgenmsg", "netconfmsg", "ndtmsg", "tcamsg":
		kv("family", int64(p[0]))
	case "genlmsghdr":
		m, _ := genl.ParseHeader(p, o)
		kv("cmd", int64(m.Cmd))
		kv("version", int64(m.Version))
		kv("reserved", int64(m.Reserved))
		if len(p) > genl.HeaderLen {
			// The family's own fixed header (struct ovs_header), shown
			// as bytes.
			if d.json {
				d.b = append(d.b, `,"user_header":`...)
			} else {
				d.b = append(d.b, " user_header="...)
			}
			d.b = appendHexValue(d.b, p[genl.HeaderLen:], d.json)
		}
	default:
		if d.json {
			d.b = append(d.b, `,"bytes":`...)
		} else {
			d.b = append(d.b, ' ')
		}
		d.b = appendHexValue(d.b, p, d.json)
	}
	if d.json {
		d.b = append(d.b, '}')
	} else {
		d.b = append(d.b, '\n')
	}
}

// field starts a field of the message: `,"name":` in JSON, an indented
// "name " in text.
func (d *dumper) field(name string, depth int) {
	if d.json {
		d.b = append(d.b, `,"`...)
		d.b = append(d.b, name...)
		d.b = append(d.b, `":`...)
		return
	}
	d.b = appendIndent(d.b, depth)
	if name != "header" {
		d.b = append(d.b, name...)
		d.b = append(d.b, ' ')
	}
}

// maxDepth is the deepest nest that is decoded: a nest at this depth is
// printed as bytes. Real messages nest fewer than ten levels (the kernel
// validates no deeper), a 64 KiB attribute could nest 16,383, and JSON
// readers refuse documents nested much deeper than this (jq 1.6 reads
// 256 levels, and each nest costs it three, an error's request a few).
const maxDepth = 64

// maxIndent is the deepest level text output indents; deeper lines stay
// at that indentation and say their depth, so that output grows linearly
// with nesting, not with its square.
const maxIndent = 12

// appendIndent appends the indentation of a line at depth: two spaces a
// level, and past maxIndent levels the level's number ("[depth 13] ").
func appendIndent(b []byte, depth int) []byte {
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

// attrs prints a run of attributes of set s (nil: by number).
func (d *dumper) attrs(rec *record, dec attr.Decoder, s *family.Set, depth int, key string) {
	if d.json {
		d.b = append(d.b, `,"`...)
		d.b = append(d.b, key...)
		d.b = append(d.b, `":[`...)
	}
	keys := siblingKeys{run: dec, work: &d.work}
	first := true
	for dec.Next() {
		if d.json {
			if !first {
				d.b = append(d.b, ',')
			}
			first = false
		}
		d.work++
		d.attr(rec, &dec, &keys, s, depth)
		d.flushSome()
	}
	if d.json {
		d.b = append(d.b, ']')
	}
	if err := dec.Err(); err != nil {
		d.malformedf("%s: record %d: message at offset %d: %v", rec.label, rec.index, d.msgOff, err)
	}
}

// siblingKeys finds, once per run of attributes, the siblings that select
// a nest's attribute space (IFLA_INFO_KIND for IFLA_INFO_DATA), so that
// a run of many such nests costs one look-up, not one per nest.
type siblingKeys struct {
	run  attr.Decoder // the run, from its start
	work *int         // the dumper's work counter
	n    int
	typs [4]uint16
	vals [4]string
}

// get returns the string value of the last attribute of type t in the run.
func (k *siblingKeys) get(t uint16) string {
	for i := range k.n {
		if k.typs[i] == t {
			return k.vals[i]
		}
	}
	var last []byte
	for kd := k.run; kd.Next(); { // the last one counts, as in the kernel's nla_parse
		*k.work++
		if kd.Type() == t {
			last = kd.StringBytes()
		}
	}
	v := string(last)
	if k.n < len(k.typs) {
		k.typs[k.n], k.vals[k.n] = t, v
		k.n++
	}
	return v
}

// attr prints the attribute dec is on; keys looks up the siblings that
// select a nest's space.
func (d *dumper) attr(rec *record, dec *attr.Decoder, keys *siblingKeys, s *family.Set, depth int) {
	t := dec.Type()
	a := s.Attr(t)
	name := s.Name(t)
	p := dec.Bytes()
	format := family.Binary
	if a != nil {
		format = a.Format
	} else if dec.Flags()&attr.FlagNested != 0 {
		format = family.Nested
	}
	if d.json {
		d.b = append(d.b, `{"type":`...)
		d.b = appendUint(d.b, uint64(t))
		if name != "" {
			// A table's name, not the input's: plain, as TestTableNames
			// checks, so it needs no escaping (text prints it bare too).
			d.b = append(d.b, `,"name":"`...)
			d.b = append(d.b, name...)
			d.b = append(d.b, '"')
		}
		d.b = append(d.b, `,"offset":`...)
		d.b = appendInt(d.b, int64(dec.Offset()))
		d.b = append(d.b, `,"len":`...)
		d.b = appendInt(d.b, int64(len(p)+attr.HeaderLen))
		if dec.Flags()&attr.FlagNested != 0 {
			d.b = append(d.b, `,"nested":true`...)
		}
		if dec.Flags()&attr.FlagNetByteOrder != 0 {
			d.b = append(d.b, `,"net_byteorder":true`...)
		}
		d.b = append(d.b, `,"format":"`...)
		d.b = append(d.b, format.String()...)
		d.b = append(d.b, '"')
	} else {
		d.b = appendIndent(d.b, depth)
		if name != "" {
			d.b = append(d.b, name...)
		} else {
			d.b = append(d.b, '#')
			d.b = appendUint(d.b, uint64(t))
		}
		if dec.Flags()&attr.FlagNested != 0 {
			d.b = append(d.b, " +nested"...)
		}
		if dec.Flags()&attr.FlagNetByteOrder != 0 {
			d.b = append(d.b, " +netorder"...)
		}
	}
	nests := format == family.Nested || format == family.NestedArray || format == family.Multipath
	if nests && depth >= maxDepth {
		// Deeper than any real message: shown as bytes, which keeps the
		// walk's stack small whatever the input.
		if d.json {
			d.b = append(d.b, `,"too_deep":true`...)
		} else {
			d.b = append(d.b, " (too deep)"...)
		}
		format = family.Binary
	}
	switch format {
	case family.Nested:
		d.nest(rec, dec, keys, a, depth)
	case family.NestedArray:
		d.array(rec, dec, a, depth)
	case family.Multipath:
		d.multipath(rec, dec, a, depth)
	default:
		if d.json {
			d.b = append(d.b, `,"value":`...)
		} else {
			d.b = append(d.b, ' ')
		}
		d.b = d.value(d.b, format, p, rec.order)
		if a != nil && a.Enum != nil {
			d.b = d.enumName(d.b, a, format, p, rec.order)
		}
		if d.json {
			d.b = append(d.b, '}')
		} else {
			d.b = append(d.b, " @"...)
			d.b = appendInt(d.b, int64(dec.Offset()))
			d.b = append(d.b, '\n')
		}
	}
}

// nest prints a nest's contents. It is apart from attr, as are array and
// multipath, to keep the frames of the recursion through nests small.
func (d *dumper) nest(rec *record, dec *attr.Decoder, keys *siblingKeys, a *family.Attr, depth int) {
	p := dec.Bytes()
	var child *family.Set
	if a != nil {
		key := ""
		if len(a.Variants) > 0 {
			key = keys.get(a.Key)
		}
		child = a.ChildSet(key)
	}
	hdr := 0
	if a != nil {
		hdr = min(int(a.Header), len(p))
		if hdr < int(a.Header) {
			d.malformedf("%s: record %d: message at offset %d: nest at offset %d: %d bytes, shorter than its %d-byte header", rec.label, rec.index, d.msgOff, dec.Offset(), len(p), a.Header)
		}
	}
	if hdr > 0 {
		d.nestHeader(p[:hdr], depth)
	}
	d.open(depth)
	sub := dec.Nested()
	if hdr > 0 {
		sub = attr.NewDecoder(p[hdr:]).WithOrder(rec.order).WithBase(dec.Offset() + attr.HeaderLen + hdr)
	}
	d.attrs(rec, sub, child, depth+1, "attrs")
	d.close(depth)
}

// array prints a nested array's elements.
func (d *dumper) array(rec *record, dec *attr.Decoder, a *family.Attr, depth int) {
	d.open(depth)
	if d.json {
		d.b = append(d.b, `,"elems":[`...)
	}
	child := a.ChildSet("")
	values := child == nil && a.ElemFormat != family.Binary
	el := dec.Nested()
	first := true
	for el.Next() {
		if d.json {
			if !first {
				d.b = append(d.b, ',')
			}
			first = false
			d.b = append(d.b, `{"index":`...)
			d.b = appendUint(d.b, uint64(el.Type()))
			d.b = append(d.b, `,"offset":`...)
			d.b = appendInt(d.b, int64(el.Offset()))
			d.b = append(d.b, `,"len":`...)
			d.b = appendInt(d.b, int64(el.Len()+attr.HeaderLen))
		} else {
			d.b = appendIndent(d.b, depth+1)
			d.b = append(d.b, '[')
			d.b = appendUint(d.b, uint64(el.Type()))
			d.b = append(d.b, ']')
		}
		if values {
			// An indexed array of values, not of nests.
			if d.json {
				d.b = append(d.b, `,"format":"`...)
				d.b = append(d.b, a.ElemFormat.String()...)
				d.b = append(d.b, `","value":`...)
			} else {
				d.b = append(d.b, ' ')
			}
			d.b = d.value(d.b, a.ElemFormat, el.Bytes(), rec.order)
			if d.json {
				d.b = append(d.b, '}')
			} else {
				d.b = append(d.b, " @"...)
				d.b = appendInt(d.b, int64(el.Offset()))
				d.b = append(d.b, '\n')
			}
			d.flushSome()
			continue
		}
		d.open(depth + 1)
		d.attrs(rec, el.Nested(), child, depth+2, "attrs")
		d.close(depth + 1)
	}
	if d.json {
		d.b = append(d.b, ']')
	}
	if err := el.Err(); err != nil {
		d.malformedf("%s: record %d: %v", rec.label, rec.index, err)
	}
	d.close(depth)
}

// multipath prints RTA_MULTIPATH's rtnexthops.
func (d *dumper) multipath(rec *record, dec *attr.Decoder, a *family.Attr, depth int) {
	p := dec.Bytes()
	d.open(depth)
	if d.json {
		d.b = append(d.b, `,"nexthops":[`...)
	}
	off := dec.Offset() + attr.HeaderLen
	for rest, first := p, true; len(rest) > 0; first = false {
		nh, err := route.ParseRtNexthop(rest, rec.order)
		l := int(nh.Len)
		if err != nil || l < route.RtNexthopLen || l > len(rest) {
			d.malformedf("%s: record %d: bad rtnexthop at offset %d", rec.label, rec.index, off)
			break
		}
		if d.json {
			if !first {
				d.b = append(d.b, ',')
			}
			d.b = append(d.b, `{"flags":`...)
			d.b = appendUint(d.b, uint64(nh.Flags))
			d.b = append(d.b, `,"hops":`...)
			d.b = appendUint(d.b, uint64(nh.Hops))
			d.b = append(d.b, `,"ifindex":`...)
			d.b = appendInt(d.b, int64(nh.IfIndex))
		} else {
			d.b = appendIndent(d.b, depth+1)
			d.b = append(d.b, "rtnexthop flags="...)
			d.b = appendUint(d.b, uint64(nh.Flags))
			d.b = append(d.b, " hops="...)
			d.b = appendUint(d.b, uint64(nh.Hops))
			d.b = append(d.b, " ifindex="...)
			d.b = appendInt(d.b, int64(nh.IfIndex))
		}
		d.open(depth + 1)
		sub := attr.NewDecoder(rest[route.RtNexthopLen:l]).WithOrder(rec.order).WithBase(off + route.RtNexthopLen)
		d.attrs(rec, sub, a.ChildSet(""), depth+2, "attrs")
		d.close(depth + 1)
		step := min(attr.Align(l), len(rest))
		rest, off = rest[step:], off+step
	}
	if d.json {
		d.b = append(d.b, ']')
	}
	d.close(depth)
}

func (d *dumper) nestHeader(p []byte, depth int) {
	if d.json {
		d.b = append(d.b, `,"header":`...)
		d.b = appendHexValue(d.b, p, true)
		return
	}
	d.b = append(d.b, " header="...)
	d.b = appendHex(d.b, p)
}

// hexValue appends a message's payload as appendHexValue does, writing
// out what it has printed every 32 KiB of payload, so that a long
// payload is never held whole.
func (d *dumper) hexValue(p []byte) {
	if d.json {
		d.b = append(d.b, '"')
	}
	for len(p) > 0 {
		n := min(len(p), 32<<10)
		d.b = appendHex(d.b, p[:n])
		p = p[n:]
		d.flushSome()
	}
	if d.json {
		d.b = append(d.b, '"')
	}
}

// open and close bracket a nest's contents.
func (d *dumper) open(depth int) {
	if !d.json {
		d.b = append(d.b, " {\n"...)
	}
}

func (d *dumper) close(depth int) {
	if d.json {
		d.b = append(d.b, '}')
		return
	}
	d.b = appendIndent(d.b, depth)
	d.b = append(d.b, "}\n"...)
}

// value appends a payload as format f says, or as hex with a note if its
// length does not fit.
func (d *dumper) value(b []byte, f family.Format, p []byte, o nlwire.Order) []byte {
	n := f.Size()
	badIP := f == family.IPAddr && len(p) != 4 && len(p) != 16
	if n != 0 && len(p) != n || badIP {
		if d.json {
			b = append(b, `{"bad_length":`...)
			b = appendInt(b, int64(len(p)))
			b = append(b, `,"hex":`...)
			b = appendHexValue(b, p, true)
			return append(b, '}')
		}
		b = append(b, "<bad length "...)
		b = appendInt(b, int64(len(p)))
		b = append(b, "> "...)
		return appendHex(b, p)
	}
	swap := o.Swap()
	switch f {
	case family.U8:
		return appendUint(b, uint64(p[0]))
	case family.S8:
		return appendInt(b, int64(int8(p[0])))
	case family.U16:
		return appendUint(b, uint64(endian.Uint16(p, swap)))
	case family.S16:
		return appendInt(b, int64(int16(endian.Uint16(p, swap))))
	case family.U32:
		return appendUint(b, uint64(endian.Uint32(p, swap)))
	case family.S32:
		return appendInt(b, int64(int32(endian.Uint32(p, swap))))
	case family.U64:
		return appendUint(b, endian.Uint64(p, swap))
	case family.S64:
		return appendInt(b, int64(endian.Uint64(p, swap)))
	case family.UInt, family.SInt:
		var v uint64
		switch len(p) {
		case 4:
			v = uint64(endian.Uint32(p, swap))
			if f == family.SInt {
				v = uint64(int64(int32(v)))
			}
		case 8:
			v = endian.Uint64(p, swap)
		default:
			return d.value(b, family.U32, p, o) // reports the bad length
		}
		if f == family.SInt {
			return appendInt(b, int64(v))
		}
		return appendUint(b, v)
	case family.BE16:
		return appendUint(b, uint64(p[0])<<8|uint64(p[1]))
	case family.BE32:
		return appendUint(b, uint64(p[0])<<24|uint64(p[1])<<16|uint64(p[2])<<8|uint64(p[3]))
	case family.String:
		s := p
		for i, c := range p {
			if c == 0 {
				s = p[:i]
				break
			}
		}
		if d.json {
			return appendJSONString(b, string(s))
		}
		return strconv.AppendQuote(b, string(s))
	case family.Flag:
		if len(p) != 0 {
			return d.value(b, family.U8, p, o)
		}
		return append(b, "true"...)
	case family.IPAddr:
		if a, ok := netip.AddrFromSlice(p); ok {
			if d.json {
				b = append(b, '"')
				b = a.AppendTo(b)
				return append(b, '"')
			}
			return a.AppendTo(b)
		}
	case family.HWAddr:
		if d.json {
			b = append(b, '"')
		}
		for i, c := range p {
			if i > 0 {
				b = append(b, ':')
			}
			b = appendHex(b, []byte{c})
		}
		if d.json {
			b = append(b, '"')
		}
		return b
	case family.Bitfield32:
		v, sel := endian.Uint32(p, swap), endian.Uint32(p[4:], swap)
		if d.json {
			b = append(b, `{"value":`...)
			b = appendUint(b, uint64(v))
			b = append(b, `,"selector":`...)
			b = appendUint(b, uint64(sel))
			return append(b, '}')
		}
		b = append(b, "value=0x"...)
		b = strconv.AppendUint(b, uint64(v), 16)
		b = append(b, " selector=0x"...)
		return strconv.AppendUint(b, uint64(sel), 16)
	}
	return appendHexValue(b, p, d.json)
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

// maxFlagNames is the most bytes of names a set of flags is shown with;
// the bits past them are shown as a number, so that an attribute's text
// stays within what its bytes may cost.
const maxFlagNames = 96

// enumName appends the name of an integer attribute's value from its
// enum (text: " (NAME)", JSON: `,"value_name":"NAME"`), or for flags the
// names of its bits joined by "|" with any bits without a name last as
// a hexadecimal number; nothing if the payload is not the format's or
// no name applies. The names are the tables', plain (TestTableNames).
func (d *dumper) enumName(b []byte, a *family.Attr, f family.Format, p []byte, o nlwire.Order) []byte {
	v, ok := intValue(f, p, o)
	if !ok {
		return b
	}
	e := a.Enum
	start := len(b)
	if d.json {
		b = append(b, `,"value_name":"`...)
	} else {
		b = append(b, " ("...)
	}
	names := len(b)
	if !a.EnumBits && !e.Flags {
		n := e.Name(v)
		if n == "" {
			return b[:start]
		}
		b = append(b, n...)
	} else {
		rest := v
		for i := range e.Entries {
			en := &e.Entries[i]
			m := en.Value
			if a.EnumBits {
				if m >= 64 {
					continue
				}
				m = 1 << m
			}
			if m == 0 || rest&m != m || len(b)-names+len(en.Name)+1 > maxFlagNames {
				continue
			}
			if len(b) > names {
				b = append(b, '|')
			}
			b = append(b, en.Name...)
			rest &^= m
		}
		if len(b) == names {
			return b[:start] // no bit has a name
		}
		if rest != 0 {
			b = append(b, "|0x"...)
			b = strconv.AppendUint(b, rest, 16)
		}
	}
	if d.json {
		return append(b, '"')
	}
	return append(b, ')')
}

// intValue returns the value of an integer payload of format f (signed
// ones as their two's complement), and whether p is one.
func intValue(f family.Format, p []byte, o nlwire.Order) (uint64, bool) {
	if n := f.Size(); n != 0 && len(p) != n {
		return 0, false
	}
	swap := o.Swap()
	switch f {
	case family.U8:
		return uint64(p[0]), true
	case family.S8:
		return uint64(int64(int8(p[0]))), true
	case family.U16:
		return uint64(endian.Uint16(p, swap)), true
	case family.S16:
		return uint64(int64(int16(endian.Uint16(p, swap)))), true
	case family.U32:
		return uint64(endian.Uint32(p, swap)), true
	case family.S32:
		return uint64(int64(int32(endian.Uint32(p, swap)))), true
	case family.U64, family.S64:
		return endian.Uint64(p, swap), true
	case family.UInt, family.SInt:
		switch len(p) {
		case 4:
			v := uint64(endian.Uint32(p, swap))
			if f == family.SInt {
				v = uint64(int64(int32(v)))
			}
			return v, true
		case 8:
			return endian.Uint64(p, swap), true
		}
	case family.BE16:
		return uint64(p[0])<<8 | uint64(p[1]), true
	case family.BE32:
		return uint64(p[0])<<24 | uint64(p[1])<<16 | uint64(p[2])<<8 | uint64(p[3]), true
	}
	return 0, false
}
