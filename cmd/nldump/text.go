package main

import (
	"strconv"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/dissect"
)

// textWriter prints a walk as text: a line for the message, then a line
// for its fixed header and for each attribute, indented by depth, nests'
// contents between " {" and "}".
type textWriter struct{ d *dumper }

// Begin prints the message's line ("FILE #N @OFF route dir NAME len=..
// flags=.. seq=.. pid=.."), or an echoed request's.
func (w *textWriter) Begin(k *dissect.Kind) {
	d := w.d
	if k.Echo {
		d.b = append(d.b, "    request "...)
		d.b = textHeader(d.b, k)
		if k.Capped {
			d.b = append(d.b, " (capped)"...)
		}
		d.b = append(d.b, '\n')
		return
	}
	rec := &d.rec
	d.b = append(d.b, rec.label...)
	d.b = append(d.b, " #"...)
	d.b = appendInt(d.b, int64(rec.index))
	d.b = append(d.b, " @"...)
	d.b = appendInt(d.b, d.msgOff)
	d.b = append(d.b, ' ')
	d.b = append(d.b, k.Family...)
	if rec.direction != capture.DirectionUnknown {
		d.b = append(d.b, ' ')
		d.b = append(d.b, rec.direction.String()...)
	}
	d.b = append(d.b, ' ')
	d.b = textHeader(d.b, k)
	d.b = append(d.b, '\n')
}

// textHeader appends "NAME len=N flags=F seq=N pid=N".
func textHeader(b []byte, k *dissect.Kind) []byte {
	h := &k.Header
	b = appendTextName(b, k)
	b = append(b, " len="...)
	b = appendUint(b, uint64(h.Len))
	b = append(b, " flags="...)
	b = h.Flags.Append(b, k.Op)
	b = append(b, " seq="...)
	b = appendUint(b, uint64(h.Seq))
	b = append(b, " pid="...)
	b = appendUint(b, uint64(h.PID))
	return b
}

// End ends nothing: a message's lines end each with its newline.
func (w *textWriter) End(*dissect.Kind) {}

// Header prints "STRUCT field=N ..." on a line of its own.
func (w *textWriter) Header(h *dissect.Header) {
	b := appendIndent(w.d.b, h.Depth)
	b = append(b, h.Struct...)
	b = appendTextFields(b, h)
	if h.User != nil {
		b = append(b, " user_header="...)
		b = appendHexValue(b, h.User, false)
	}
	if h.Raw != nil {
		b = append(b, ' ')
		b = appendHexValue(b, h.Raw, false)
	}
	w.d.b = append(b, '\n')
}

// Payload prints "payload HEX", writing out what it has printed every
// 32 KiB of payload, so that a long payload is never held whole.
func (w *textWriter) Payload(p []byte, depth int) {
	d := w.d
	d.b = appendIndent(d.b, depth)
	d.b = append(d.b, "payload "...)
	if len(p) == 0 {
		d.b = append(d.b, "(empty)"...)
	}
	d.hexStream(p)
	d.b = append(d.b, '\n')
}

// Attrs starts nothing: attributes are lines.
func (w *textWriter) Attrs(int) {}

// EndAttrs ends nothing.
func (w *textWriter) EndAttrs(int) {}

// attrStart appends an attribute's indentation, name (or "#TYPE") and
// flags.
func attrStart(b []byte, a *dissect.Attr) []byte {
	b = appendIndent(b, a.Depth)
	if a.Name != "" {
		b = append(b, a.Name...)
	} else {
		b = append(b, '#')
		b = appendUint(b, uint64(a.Type))
	}
	if a.Flags&attr.FlagNested != 0 {
		b = append(b, " +nested"...)
	}
	if a.Flags&attr.FlagNetByteOrder != 0 {
		b = append(b, " +netorder"...)
	}
	return b
}

// Attr prints "NAME VALUE (ENUM NAME) @OFFSET", or "[INDEX] VALUE
// @OFFSET" for an array's element. (The hot path of text output: it
// appends the name as attrStart does, and integers without a call.)
func (w *textWriter) Attr(a *dissect.Attr) {
	d := w.d
	b := appendIndent(d.b, a.Depth)
	switch {
	case a.Role == dissect.RoleElem:
		b = append(b, '[')
		b = appendUint(b, uint64(a.Type))
		b = append(b, ']')
	case a.Name != "":
		b = append(b, a.Name...)
	default:
		b = append(b, '#')
		b = appendUint(b, uint64(a.Type))
	}
	if a.Role != dissect.RoleElem {
		if a.Flags&attr.FlagNested != 0 {
			b = append(b, " +nested"...)
		}
		if a.Flags&attr.FlagNetByteOrder != 0 {
			b = append(b, " +netorder"...)
		}
		if a.TooDeep {
			b = append(b, " (too deep)"...)
		}
	}
	b = append(b, ' ')
	if v := &a.Value; v.Kind == dissect.Uint && !v.BadLength {
		b = appendUint(b, v.Uint)
	} else {
		b = appendTextValue(b, v)
	}
	if a.Value.Enum != nil {
		n := len(b)
		b = append(b, " ("...)
		if b2, ok := a.Value.AppendNames(b); ok {
			b = append(b2, ')')
		} else {
			b = b2[:n]
		}
	}
	b = append(b, " @"...)
	b = appendInt(b, int64(a.Offset))
	d.b = append(b, '\n')
	d.flushSome()
}

// Nest prints a nest's, array's, element's or next hop's line, up to
// its " {".
func (w *textWriter) Nest(a *dissect.Attr) {
	b := w.d.b
	switch a.Role {
	case dissect.RoleElem:
		b = appendIndent(b, a.Depth)
		b = append(b, '[')
		b = appendUint(b, uint64(a.Type))
		b = append(b, ']')
	case dissect.RoleNexthop:
		nh := &a.Nexthop
		b = appendIndent(b, a.Depth)
		b = append(b, "rtnexthop flags="...)
		b = appendUint(b, uint64(nh.Flags))
		b = append(b, " hops="...)
		b = appendUint(b, uint64(nh.Hops))
		b = append(b, " ifindex="...)
		b = appendInt(b, int64(nh.IfIndex))
	default:
		b = attrStart(b, a)
		if a.NestHeader != nil {
			b = append(b, " header="...)
			b = appendHex(b, a.NestHeader)
		}
	}
	w.d.b = append(b, " {\n"...)
}

// EndNest prints the "}" that ends a nest.
func (w *textWriter) EndNest(depth int) {
	d := w.d
	d.b = appendIndent(d.b, depth)
	d.b = append(d.b, "}\n"...)
	d.flushSome()
}

// Ack prints an error's, acknowledgement's or done's lines: the errno,
// then the extended ACK's attributes.
func (w *textWriter) Ack(a *dissect.Ack) {
	e := &a.Error
	b := w.d.b
	b = append(b, "  "...)
	b = append(b, a.What...)
	if e.Errno != 0 {
		b = append(b, ' ')
		if n := e.Errno.Name(); n != "" {
			b = append(b, n...)
			b = append(b, ' ')
		}
		b = append(b, '(')
		b = appendInt(b, int64(e.Errno))
		b = append(b, ") "...)
		b = append(b, e.Errno.Error()...)
	}
	b = append(b, '\n')
	if e.Msg != nil {
		b = append(b, "    msg "...)
		b = strconv.AppendQuote(b, string(e.Msg))
		b = append(b, '\n')
	}
	if e.Offset != 0 {
		b = append(b, "    offs "...)
		b = appendUint(b, uint64(e.Offset))
		if len(a.Path) > 0 {
			b = append(b, " -> "...)
			b = append(b, a.Path...)
		}
		b = append(b, '\n')
	}
	if e.Cookie != nil {
		b = append(b, "    cookie "...)
		b = appendHexValue(b, e.Cookie, false)
		b = append(b, '\n')
	}
	if e.Policy != nil {
		b = append(b, "    policy "...)
		if a.HasPolicy {
			b = append(b, a.Policy.String()...)
		}
		b = append(b, '\n')
	}
	if e.MissType != 0 {
		b = append(b, "    missing attribute "...)
		if a.MissName != "" {
			b = append(b, a.MissName...)
		} else {
			b = appendUint(b, uint64(e.MissType))
		}
		if e.MissNest != 0 {
			b = append(b, " in the nest at offset "...)
			b = appendUint(b, uint64(e.MissNest))
		}
		b = append(b, '\n')
	}
	w.d.b = b
}

// EndAck ends nothing.
func (w *textWriter) EndAck() {}

// Verdict prints "validate (MODE) accepted", or why not, or why the
// request was not checked.
func (w *textWriter) Verdict(v *dissect.Verdict) {
	b := w.d.b
	if v.Unchecked != dissect.Checked {
		b = append(b, "  validate: not checked (no policy: "...)
		b = append(b, uncheckedWhy(v.Unchecked)...)
		w.d.b = append(b, ")\n"...)
		return
	}
	b = append(b, "  validate ("...)
	b = append(b, v.Mode.String()...)
	b = append(b, ") "...)
	if v.Err == nil {
		b = append(b, "accepted"...)
	} else {
		b = append(b, "would be rejected: "...)
		b = append(b, v.Errno.Name()...)
		b = append(b, ' ')
		b = strconv.AppendQuote(b, v.Msg)
		if v.HasOffset {
			b = append(b, " at offset "...)
			b = appendInt(b, int64(v.Offset))
			if len(v.Path) > 0 {
				b = append(b, " ("...)
				b = append(b, v.Path...)
				b = append(b, ')')
			}
		}
	}
	w.d.b = append(b, '\n')
}

// uncheckedWhy says why a request was not checked, with the flag that
// would help where there is one.
func uncheckedWhy(u dissect.Unchecked) string {
	switch u {
	case dissect.UncheckedHandWritten:
		return "the family's kernel policy is hand-written (use -spec)"
	case dissect.UncheckedUnknownFamily:
		return "the generic family's id is not named (no CTRL_CMD_NEWFAMILY seen; use -genl)"
	}
	return u.String()
}

// Problem reports a problem on standard error.
func (w *textWriter) Problem(p *dissect.Problem) { w.d.problem(p) }

// appendTextValue appends a value as text prints it.
func appendTextValue(b []byte, v *dissect.Value) []byte {
	if v.BadLength {
		b = append(b, "<bad length "...)
		b = appendInt(b, int64(len(v.Bytes)))
		b = append(b, "> "...)
		return appendHex(b, v.Bytes)
	}
	switch v.Kind {
	case dissect.Uint:
		return appendUint(b, v.Uint)
	case dissect.Int:
		return appendInt(b, v.Int())
	case dissect.String:
		return strconv.AppendQuote(b, string(v.Bytes))
	case dissect.Flag:
		return append(b, "true"...)
	case dissect.Addr:
		return v.Addr.AppendTo(b)
	case dissect.HWAddr:
		return appendHWAddr(b, v.Bytes)
	case dissect.Struct:
		b = append(b, v.Struct.Struct...)
		return appendTextFields(b, v.Struct)
	case dissect.Bitfield32:
		b = append(b, "value=0x"...)
		b = strconv.AppendUint(b, v.Uint, 16)
		b = append(b, " selector=0x"...)
		return strconv.AppendUint(b, uint64(v.Selector), 16)
	}
	return appendHexValue(b, v.Bytes, false)
}

// appendHWAddr appends a link-layer address as colon-separated
// lowercase hex, two digits a byte.
func appendHWAddr(b, p []byte) []byte {
	const digits = "0123456789abcdef"
	for i, c := range p {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, digits[c>>4], digits[c&0xf])
	}
	return b
}

// appendTextFields appends a header's fields and addresses, each as
// " name=value".
func appendTextFields(b []byte, h *dissect.Header) []byte {
	for i := range h.Fields {
		f := &h.Fields[i]
		b = append(b, ' ')
		b = append(b, f.Name...)
		b = append(b, '=')
		switch f.Kind {
		case dissect.FieldU64:
			b = appendUint(b, f.Uint)
		case dissect.FieldString:
			b = strconv.AppendQuote(b, string(f.Bytes))
		case dissect.FieldBytes:
			b = appendHexValue(b, f.Bytes, false)
		default:
			b = appendInt(b, f.Value)
		}
	}
	for i := range h.Addrs {
		a := &h.Addrs[i]
		b = append(b, ' ')
		b = append(b, a.Name...)
		b = append(b, '=')
		if a.Other {
			raw := a.Addr.As16() // of another address family: its bytes
			b = appendHexValue(b, raw[:], false)
		} else {
			b = a.Addr.AppendTo(b)
		}
	}
	return b
}
