package main

import (
	"strconv"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
)

// jsonWriter prints a walk as one JSON object per message, on one line:
// its fields as the message's bytes come, nests' contents in arrays.
type jsonWriter struct {
	d *dumper
	// comma reports that an element of the array being printed has
	// ended, so that the next one starts with a comma. An array's "["
	// clears it, an element's end sets it: nothing else is needed, for
	// an element's contents end before its own end.
	comma bool
}

// Begin prints the message's object up to its nlmsghdr's fields, or an
// echoed request's "request" member likewise.
func (w *jsonWriter) Begin(k *dissect.Kind) {
	d := w.d
	if k.Echo {
		d.b = append(d.b, `,"request":{"offset":20`...)
		d.b = jsonHeader(d.b, k)
		return
	}
	rec := &d.rec
	d.b = append(d.b, `{"file":`...)
	d.b = appendJSONString(d.b, rec.file)
	d.b = append(d.b, `,"record":`...)
	d.b = appendInt(d.b, int64(rec.index))
	if y := rec.time.UTC().Year(); !rec.time.IsZero() && y >= 0 && y <= 9999 { // RFC 3339 has four-digit years
		d.b = append(d.b, `,"time":"`...)
		d.b = d.clock.appendTime(d.b, rec.time)
		d.b = append(d.b, '"')
	}
	d.b = append(d.b, `,"family":"`...) // dissect.FamilyName's: plain
	d.b = append(d.b, k.Family...)
	d.b = append(d.b, '"')
	if rec.direction != capture.DirectionUnknown {
		d.b = append(d.b, `,"dir":"`...)
		d.b = append(d.b, rec.direction.String()...)
		d.b = append(d.b, '"')
	}
	d.b = append(d.b, `,"order":"`...)
	d.b = append(d.b, rec.order.String()...)
	d.b = append(d.b, `","offset":`...)
	d.b = appendInt(d.b, d.msgOff)
	d.b = jsonHeader(d.b, k)
}

// jsonHeader appends the nlmsghdr's members.
func jsonHeader(b []byte, k *dissect.Kind) []byte {
	h := &k.Header
	b = append(b, `,"len":`...)
	b = appendUint(b, uint64(h.Len))
	b = append(b, `,"type":`...)
	b = appendJSONString(b, k.Name)
	if k.Cmd != "" { // a table's name: plain
		b = append(b[:len(b)-1], ' ')
		b = append(b, k.Cmd...)
		b = append(b, '"')
	}
	b = append(b, `,"type_num":`...)
	b = appendUint(b, uint64(h.Type))
	b = append(b, `,"flags":"`...)
	b = h.Flags.Append(b, k.Op)
	b = append(b, `","flags_num":`...)
	b = appendUint(b, uint64(h.Flags))
	b = append(b, `,"seq":`...)
	b = appendUint(b, uint64(h.Seq))
	b = append(b, `,"pid":`...)
	b = appendUint(b, uint64(h.PID))
	return b
}

// End closes the message's object and line, or the request's member.
func (w *jsonWriter) End(k *dissect.Kind) {
	if k.Echo {
		w.d.b = append(w.d.b, '}')
		return
	}
	w.d.b = append(w.d.b, "}\n"...)
}

// Header prints the "header" member: {"struct":"NAME","field":N,...}.
func (w *jsonWriter) Header(h *dissect.Header) {
	b := append(w.d.b, `,"header":{"struct":"`...) // a C struct's name: plain
	b = append(b, h.Struct...)
	b = append(b, '"')
	b = appendJSONFields(b, h)
	if h.User != nil {
		b = append(b, `,"user_header":`...)
		b = appendHexValue(b, h.User, true)
	}
	if h.Raw != nil {
		b = append(b, `,"bytes":`...)
		b = appendHexValue(b, h.Raw, true)
	}
	w.d.b = append(b, '}')
}

// Payload prints the "payload" member in hex, writing out what it has
// printed every 32 KiB of payload.
func (w *jsonWriter) Payload(p []byte, depth int) {
	d := w.d
	d.b = append(d.b, `,"payload":"`...)
	d.hexStream(p)
	d.b = append(d.b, '"')
}

// Attrs starts the "attrs" array.
func (w *jsonWriter) Attrs(int) {
	w.d.b = append(w.d.b, `,"attrs":[`...)
	w.comma = false
}

// EndAttrs ends it.
func (w *jsonWriter) EndAttrs(int) { w.d.b = append(w.d.b, ']') }

// attrStart appends an attribute's object up to its format.
func (w *jsonWriter) attrStart(b []byte, a *dissect.Attr) []byte {
	if w.comma {
		b = append(b, ',')
	}
	b = append(b, `{"type":`...)
	b = appendUint(b, uint64(a.Type))
	if a.Name != "" {
		// A table's name, not the input's: plain, as TestTableNames
		// checks, so it needs no escaping (text prints it bare too).
		b = append(b, `,"name":"`...)
		b = append(b, a.Name...)
		b = append(b, '"')
	}
	b = append(b, `,"offset":`...)
	b = appendInt(b, int64(a.Offset))
	b = append(b, `,"len":`...)
	b = appendInt(b, int64(a.Len))
	if a.Flags&attr.FlagNested != 0 {
		b = append(b, `,"nested":true`...)
	}
	if a.Flags&attr.FlagNetByteOrder != 0 {
		b = append(b, `,"net_byteorder":true`...)
	}
	b = append(b, `,"format":"`...)
	b = append(b, a.Format.String()...)
	return append(b, '"')
}

// elemStart appends an array element's object up to its length.
func (w *jsonWriter) elemStart(b []byte, a *dissect.Attr) []byte {
	if w.comma {
		b = append(b, ',')
	}
	b = append(b, `{"index":`...)
	b = appendUint(b, uint64(a.Type))
	b = append(b, `,"offset":`...)
	b = appendInt(b, int64(a.Offset))
	b = append(b, `,"len":`...)
	return appendInt(b, int64(a.Len))
}

// Attr prints an attribute's object, or an element's, with its value.
func (w *jsonWriter) Attr(a *dissect.Attr) {
	d := w.d
	b := d.b
	if a.Role == dissect.RoleElem {
		b = w.elemStart(b, a)
		b = append(b, `,"format":"`...)
		b = append(b, a.Format.String()...)
		b = append(b, `","value":`...)
	} else {
		b = w.attrStart(b, a)
		if a.TooDeep {
			b = append(b, `,"too_deep":true`...)
		}
		b = append(b, `,"value":`...)
	}
	b = appendJSONValue(b, &a.Value)
	if a.Value.Enum != nil {
		n := len(b)
		b = append(b, `,"value_name":"`...)
		if b2, ok := a.Value.AppendNames(b); ok {
			b = append(b2, '"')
		} else {
			b = b2[:n]
		}
	}
	d.b = append(b, '}')
	w.comma = true
	d.flushSome()
}

// Nest prints a nest's, array's, element's or next hop's object up to
// the array of its contents.
func (w *jsonWriter) Nest(a *dissect.Attr) {
	b := w.d.b
	switch a.Role {
	case dissect.RoleElem:
		b = w.elemStart(b, a)
		b = append(b, `,"attrs":[`...)
	case dissect.RoleNexthop:
		nh := &a.Nexthop
		if w.comma {
			b = append(b, ',')
		}
		b = append(b, `{"flags":`...)
		b = appendUint(b, uint64(nh.Flags))
		b = append(b, `,"hops":`...)
		b = appendUint(b, uint64(nh.Hops))
		b = append(b, `,"ifindex":`...)
		b = appendInt(b, int64(nh.IfIndex))
		b = append(b, `,"attrs":[`...)
	default:
		b = w.attrStart(b, a)
		switch a.Format {
		case family.NestedArray:
			b = append(b, `,"elems":[`...)
		case family.Multipath:
			b = append(b, `,"nexthops":[`...)
		default:
			if a.NestHeader != nil {
				b = append(b, `,"header":`...)
				b = appendHexValue(b, a.NestHeader, true)
			}
			b = append(b, `,"attrs":[`...)
		}
	}
	w.d.b = b
	w.comma = false
}

// EndNest closes the array of a nest's contents and its object.
func (w *jsonWriter) EndNest(int) {
	w.d.b = append(w.d.b, "]}"...)
	w.comma = true
	w.d.flushSome()
}

// Ack prints the "error", "ack" or "done" member up to the request it
// echoes.
func (w *jsonWriter) Ack(a *dissect.Ack) {
	e := &a.Error
	b := append(w.d.b, `,"`...)
	b = append(b, a.What...)
	b = append(b, `":{"errno":`...)
	b = appendInt(b, int64(e.Errno))
	if n := e.Errno.Name(); n != "" {
		b = append(b, `,"errno_name":"`...)
		b = append(b, n...)
		b = append(b, '"')
	}
	if e.Msg != nil {
		b = append(b, `,"msg":`...)
		b = appendJSONString(b, string(e.Msg))
	}
	if e.Offset != 0 {
		b = append(b, `,"offs":`...)
		b = appendUint(b, uint64(e.Offset))
		if len(a.Path) > 0 {
			b = append(b, `,"offs_path":`...)
			b = appendJSONString(b, string(a.Path))
		}
	}
	if e.Cookie != nil {
		b = append(b, `,"cookie":`...)
		b = appendHexValue(b, e.Cookie, true)
	}
	if e.Policy != nil {
		policy := ""
		if a.HasPolicy {
			policy = a.Policy.String()
		}
		b = append(b, `,"policy":`...)
		b = appendJSONString(b, policy)
	}
	if e.MissType != 0 {
		b = append(b, `,"miss_type":`...)
		b = appendUint(b, uint64(e.MissType))
		if a.MissName != "" {
			b = append(b, `,"miss_type_name":`...)
			b = appendJSONString(b, a.MissName)
		}
	}
	if e.MissNest != 0 {
		b = append(b, `,"miss_nest":`...)
		b = appendUint(b, uint64(e.MissNest))
	}
	w.d.b = b
}

// EndAck closes the member Ack started.
func (w *jsonWriter) EndAck() { w.d.b = append(w.d.b, '}') }

// Verdict prints the "validate" member.
func (w *jsonWriter) Verdict(v *dissect.Verdict) {
	if v.Unchecked != dissect.Checked {
		b := append(w.d.b, `,"validate":{"checked":false,"why":`...)
		b = appendJSONString(b, uncheckedWhy(v.Unchecked))
		w.d.b = append(b, '}')
		return
	}
	b := append(w.d.b, `,"validate":{"mode":"`...)
	b = append(b, v.Mode.String()...)
	b = append(b, `","accepted":`...)
	b = strconv.AppendBool(b, v.Err == nil)
	if v.Err != nil {
		b = append(b, `,"errno":`...)
		b = appendInt(b, int64(v.Errno))
		b = append(b, `,"msg":`...)
		b = appendJSONString(b, v.Msg)
		if v.HasOffset {
			b = append(b, `,"offs":`...)
			b = appendInt(b, int64(v.Offset))
			b = append(b, `,"offs_path":`...)
			b = appendJSONString(b, string(v.Path))
		}
	}
	w.d.b = append(b, '}')
}

// Problem reports a problem on standard error.
func (w *jsonWriter) Problem(p *dissect.Problem) { w.d.problem(p) }

// appendJSONValue appends a value as JSON prints it.
func appendJSONValue(b []byte, v *dissect.Value) []byte {
	if v.BadLength {
		b = append(b, `{"bad_length":`...)
		b = appendInt(b, int64(len(v.Bytes)))
		b = append(b, `,"hex":`...)
		b = appendHexValue(b, v.Bytes, true)
		return append(b, '}')
	}
	switch v.Kind {
	case dissect.Uint:
		return appendUint(b, v.Uint)
	case dissect.Int:
		return appendInt(b, v.Int())
	case dissect.String:
		return appendJSONString(b, string(v.Bytes))
	case dissect.Flag:
		return append(b, "true"...)
	case dissect.Addr:
		b = append(b, '"')
		b = v.Addr.AppendTo(b)
		return append(b, '"')
	case dissect.HWAddr:
		b = append(b, '"')
		b = appendHWAddr(b, v.Bytes)
		return append(b, '"')
	case dissect.Struct:
		b = append(b, `{"struct":"`...) // a C struct's name: plain
		b = append(b, v.Struct.Struct...)
		b = append(b, '"')
		b = appendJSONFields(b, v.Struct)
		return append(b, '}')
	case dissect.Bitfield32:
		b = append(b, `{"value":`...)
		b = appendUint(b, v.Uint)
		b = append(b, `,"selector":`...)
		b = appendUint(b, uint64(v.Selector))
		return append(b, '}')
	}
	return appendHexValue(b, v.Bytes, true)
}

// appendJSONFields appends a header's fields and addresses, each as
// `,"name":value`; a u64 prints as the exact number, as a u64
// attribute's value does.
func appendJSONFields(b []byte, h *dissect.Header) []byte {
	for i := range h.Fields {
		f := &h.Fields[i]
		b = append(b, `,"`...)
		b = append(b, f.Name...)
		b = append(b, `":`...)
		switch f.Kind {
		case dissect.FieldU64:
			b = appendUint(b, f.Uint)
		case dissect.FieldString:
			b = appendJSONString(b, string(f.Bytes))
		case dissect.FieldBytes:
			b = appendHexValue(b, f.Bytes, true)
		default:
			b = appendInt(b, f.Value)
		}
	}
	for i := range h.Addrs {
		a := &h.Addrs[i]
		b = append(b, `,"`...)
		b = append(b, a.Name...)
		if a.Other {
			raw := a.Addr.As16() // of another address family: its bytes
			b = append(b, `":`...)
			b = appendHexValue(b, raw[:], true)
			continue
		}
		b = append(b, `":"`...)
		b = a.Addr.AppendTo(b)
		b = append(b, '"')
	}
	return b
}
