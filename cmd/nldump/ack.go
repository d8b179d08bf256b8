package main

import (
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// ack prints an NLMSG_ERROR or NLMSG_DONE: the errno, the extended ACK
// with the offending attribute's path in the echoed request, and the
// echoed request itself.
func (d *dumper) ack(rec *record, msg []byte, msgOff int) {
	e, err := wire.ParseError(msg, rec.order)
	if err != nil {
		d.malformedf("%s: record %d: message at offset %d: %v", rec.file, rec.index, msgOff, err)
		return
	}
	// The request's kind, for names in the echoed request.
	var k kind
	if len(e.Request) >= wire.HeaderLen {
		k = d.kindOf(rec.family, e.Header, e.Request[wire.HeaderLen:], rec.order)
	}
	var path string
	if e.Offset != 0 && len(e.Request) > wire.HeaderLen {
		path = d.pathAt(rec, e.Request, k, int(e.Offset))
	}
	var missName string
	if e.MissType != 0 {
		missName = d.missingName(rec, e, k)
	}
	var policy string
	if e.Policy != nil {
		if ap, err := validate.ParseAttrPolicy(e.Policy, rec.order); err == nil {
			policy = ap.String()
		} else {
			d.malformedf("%s: record %d: NLMSGERR_ATTR_POLICY: %v", rec.file, rec.index, err)
		}
	}
	what := "error"
	if e.Type == wire.TypeDone {
		what = "done"
	} else if e.Errno == 0 {
		what = "ack"
	}

	if d.json {
		d.b = append(d.b, `,"`...)
		d.b = append(d.b, what...)
		d.b = append(d.b, `":{"errno":`...)
		d.b = strconv.AppendInt(d.b, int64(e.Errno), 10)
		if n := e.Errno.Name(); n != "" {
			d.b = append(d.b, `,"errno_name":"`...)
			d.b = append(d.b, n...)
			d.b = append(d.b, '"')
		}
		if e.Msg != nil {
			d.b = append(d.b, `,"msg":`...)
			d.b = appendJSONString(d.b, string(e.Msg))
		}
		if e.Offset != 0 {
			d.b = append(d.b, `,"offs":`...)
			d.b = strconv.AppendUint(d.b, uint64(e.Offset), 10)
			if path != "" {
				d.b = append(d.b, `,"offs_path":`...)
				d.b = appendJSONString(d.b, path)
			}
		}
		if e.Cookie != nil {
			d.b = append(d.b, `,"cookie":`...)
			d.b = appendHexValue(d.b, e.Cookie, true)
		}
		if e.Policy != nil {
			d.b = append(d.b, `,"policy":`...)
			d.b = appendJSONString(d.b, policy)
		}
		if e.MissType != 0 {
			d.b = append(d.b, `,"miss_type":`...)
			d.b = strconv.AppendUint(d.b, uint64(e.MissType), 10)
			if missName != "" {
				d.b = append(d.b, `,"miss_type_name":`...)
				d.b = appendJSONString(d.b, missName)
			}
		}
		if e.MissNest != 0 {
			d.b = append(d.b, `,"miss_nest":`...)
			d.b = strconv.AppendUint(d.b, uint64(e.MissNest), 10)
		}
	} else {
		d.b = append(d.b, "  "...)
		d.b = append(d.b, what...)
		if e.Errno != 0 {
			d.b = append(d.b, ' ')
			if n := e.Errno.Name(); n != "" {
				d.b = append(d.b, n...)
				d.b = append(d.b, ' ')
			}
			d.b = append(d.b, '(')
			d.b = strconv.AppendInt(d.b, int64(e.Errno), 10)
			d.b = append(d.b, ") "...)
			d.b = append(d.b, e.Errno.Error()...)
		}
		d.b = append(d.b, '\n')
		if e.Msg != nil {
			d.b = append(d.b, "    msg "...)
			d.b = strconv.AppendQuote(d.b, string(e.Msg))
			d.b = append(d.b, '\n')
		}
		if e.Offset != 0 {
			d.b = append(d.b, "    offs "...)
			d.b = strconv.AppendUint(d.b, uint64(e.Offset), 10)
			if path != "" {
				d.b = append(d.b, " -> "...)
				d.b = append(d.b, path...)
			}
			d.b = append(d.b, '\n')
		}
		if e.Cookie != nil {
			d.b = append(d.b, "    cookie "...)
			d.b = appendHexValue(d.b, e.Cookie, false)
			d.b = append(d.b, '\n')
		}
		if e.Policy != nil {
			d.b = append(d.b, "    policy "...)
			d.b = append(d.b, policy...)
			d.b = append(d.b, '\n')
		}
		if e.MissType != 0 {
			d.b = append(d.b, "    missing attribute "...)
			if missName != "" {
				d.b = append(d.b, missName...)
			} else {
				d.b = strconv.AppendUint(d.b, uint64(e.MissType), 10)
			}
			if e.MissNest != 0 {
				d.b = append(d.b, " in the nest at offset "...)
				d.b = strconv.AppendUint(d.b, uint64(e.MissNest), 10)
			}
			d.b = append(d.b, '\n')
		}
	}
	if e.Request != nil {
		d.request(rec, e, k)
	}
	if d.json {
		d.b = append(d.b, '}')
	}
}

// request prints the request an error echoes: its header, and its body
// unless the reply was capped.
func (d *dumper) request(rec *record, e wire.Error, k kind) {
	if d.json {
		d.b = append(d.b, `,"request":{"offset":20`...)
		d.b = d.jsonHeader(d.b, e.Header, k)
	} else {
		d.b = append(d.b, "    request "...)
		d.b = d.textHeader(d.b, e.Header, k)
		if e.Flags&wire.Capped != 0 {
			d.b = append(d.b, " (capped)"...)
		}
		d.b = append(d.b, '\n')
	}
	if e.Flags&wire.Capped == 0 && e.Header.Type >= wire.MinType && k.known {
		d.body(rec, e.Request, k, 3, "attrs")
	}
	if d.json {
		d.b = append(d.b, '}')
	}
}

// pathAt returns the names of the attributes that lead to the one whose
// header is at offset off in the request, as "IFLA_LINKINFO/IFLA_INFO_KIND".
func (d *dumper) pathAt(rec *record, req []byte, k kind, off int) string {
	p := req[wire.HeaderLen:]
	if len(p) < k.hdrLen {
		return ""
	}
	start := min(attr.Align(k.hdrLen), len(p))
	dec := attr.NewDecoder(p[start:]).WithOrder(rec.order).WithBase(wire.HeaderLen + start).Lenient()
	return findPath(dec, k.attrs, off, "", rec.order)
}

func findPath(dec attr.Decoder, s *family.Set, off int, prefix string, order nlwire.Order) string {
	run := dec
	for dec.Next() {
		t := dec.Type()
		name := s.Name(t)
		if name == "" {
			name = strconv.Itoa(int(t))
		}
		if prefix != "" {
			name = prefix + "/" + name
		}
		if dec.Offset() == off {
			return name
		}
		end := dec.Offset() + attr.HeaderLen + dec.Len()
		if off < dec.Offset() || off >= end {
			continue
		}
		a := s.Attr(t)
		var child *family.Set
		hdr := 0
		if a != nil {
			key := ""
			if len(a.Variants) > 0 {
				if kd, ok := run.Find(a.Key); ok {
					key = string(kd.StringBytes())
				}
			}
			child, hdr = a.ChildSet(key), int(a.Header)
		}
		if a != nil && a.Format == family.NestedArray {
			el := dec.Nested()
			for el.Next() {
				if el.Offset() == off {
					return name + "/" + strconv.Itoa(int(el.Type()))
				}
				if off > el.Offset() && off < el.Offset()+attr.HeaderLen+el.Len() {
					return findPath(el.Nested(), a.Child, off, name+"/"+strconv.Itoa(int(el.Type())), order)
				}
			}
			return name
		}
		p := dec.Bytes()
		if hdr > len(p) {
			return name
		}
		sub := attr.NewDecoder(p[hdr:]).WithOrder(order).WithBase(dec.Offset() + attr.HeaderLen + hdr).Lenient()
		return findPath(sub, child, off, name, order)
	}
	return ""
}

// missingName names NLMSGERR_ATTR_MISS_TYPE in the space of the nest at
// MISS_NEST, or of the message if there is none.
func (d *dumper) missingName(rec *record, e wire.Error, k kind) string {
	s := k.attrs
	if e.MissNest != 0 && len(e.Request) > wire.HeaderLen {
		// Find the nest's set by walking to it.
		path := d.pathAt(rec, e.Request, k, int(e.MissNest))
		for _, name := range splitPath(path) {
			if s == nil {
				break
			}
			t, ok := s.Lookup(name)
			if !ok {
				return ""
			}
			s = s.Attr(t).ChildSet("")
		}
	}
	return s.Name(uint16(e.MissType))
}

func splitPath(p string) []string {
	var out []string
	for p != "" {
		i := 0
		for i < len(p) && p[i] != '/' {
			i++
		}
		out = append(out, p[:i])
		if i == len(p) {
			break
		}
		p = p[i+1:]
	}
	return out
}

// check validates a request against its family's policy and prints the
// kernel's verdict.
func (d *dumper) check(rec *record, msg []byte, h wire.Header, k kind) {
	p, mode, ok := policyFor(rec.family, h, msg[wire.HeaderLen:], rec.order)
	if !ok {
		return
	}
	err := validate.Options{Order: rec.order}.ValidateMessage(msg[wire.HeaderLen:], k.hdrLen, p, mode)
	var ve *validate.Error
	if d.json {
		d.b = append(d.b, `,"validate":{"mode":"`...)
		d.b = append(d.b, mode.String()...)
		d.b = append(d.b, `","accepted":`...)
		d.b = strconv.AppendBool(d.b, err == nil)
	} else {
		d.b = append(d.b, "  validate ("...)
		d.b = append(d.b, mode.String()...)
		d.b = append(d.b, ") "...)
		if err == nil {
			d.b = append(d.b, "accepted"...)
		} else {
			d.b = append(d.b, "would be rejected: "...)
		}
	}
	if err != nil {
		msgText, errno, off, hasOff := err.Error(), nlwire.Errno(0), 0, false
		if asValidate(err, &ve) {
			msgText, errno, off, hasOff = ve.Msg, ve.Errno, ve.Offset, ve.HasOffset
		}
		path := ""
		if hasOff {
			path = d.pathAt(rec, msg, k, off)
		}
		if d.json {
			d.b = append(d.b, `,"errno":`...)
			d.b = strconv.AppendInt(d.b, int64(errno), 10)
			d.b = append(d.b, `,"msg":`...)
			d.b = appendJSONString(d.b, msgText)
			if hasOff {
				d.b = append(d.b, `,"offs":`...)
				d.b = strconv.AppendInt(d.b, int64(off), 10)
				d.b = append(d.b, `,"offs_path":`...)
				d.b = appendJSONString(d.b, path)
			}
		} else {
			d.b = append(d.b, errno.Name()...)
			d.b = append(d.b, ' ')
			d.b = strconv.AppendQuote(d.b, msgText)
			if hasOff {
				d.b = append(d.b, " at offset "...)
				d.b = strconv.AppendInt(d.b, int64(off), 10)
				if path != "" {
					d.b = append(d.b, " ("...)
					d.b = append(d.b, path...)
					d.b = append(d.b, ')')
				}
			}
		}
	}
	if d.json {
		d.b = append(d.b, '}')
	} else {
		d.b = append(d.b, '\n')
	}
}

// policyFor returns the policy the kernel checks a request against, and
// the strictness its handler uses.
func policyFor(fam uint16, h wire.Header, payload []byte, o nlwire.Order) (*validate.Policy, validate.Mode, bool) {
	switch fam {
	case familyRoute:
		// rtnetlink parses with nlmsg_parse_deprecated: liberal.
		switch h.Type {
		case route.RTM_NEWLINK, route.RTM_SETLINK, route.RTM_DELLINK:
			return &route.LinkPolicy, validate.ModeLiberal, true
		case route.RTM_NEWADDR, route.RTM_DELADDR:
			if m, err := route.ParseIfAddrMsg(payload, o); err == nil && m.Family == route.AF_INET6 {
				return &route.Addr6Policy, validate.ModeLiberal, true
			}
			return &route.AddrPolicy, validate.ModeLiberal, true
		case route.RTM_NEWROUTE, route.RTM_DELROUTE:
			if m, err := route.ParseRtMsg(payload, o); err == nil && m.Family == route.AF_INET6 {
				return &route.Route6Policy, validate.ModeLiberal, true
			}
			return &route.RoutePolicy, validate.ModeLiberal, true
		case route.RTM_NEWNEIGH, route.RTM_DELNEIGH:
			return &route.NeighPolicy, validate.ModeLiberal, true
		}
	case familyGeneric:
		if h.Type != genl.GENL_ID_CTRL {
			return nil, 0, false
		}
		gh, err := genl.ParseHeader(payload, o)
		if err != nil {
			return nil, 0, false
		}
		switch gh.Cmd {
		case genl.CTRL_CMD_GETFAMILY:
			if h.Flags&wire.Dump != 0 {
				return &genl.FamilyPolicy, validate.ModeStrict, true
			}
			return &genl.FamilyPolicy, validate.ModeLiberal, true // the do form is lenient
		case genl.CTRL_CMD_GETPOLICY:
			return &genl.PolicyPolicy, validate.ModeStrict, true
		}
	}
	return nil, 0, false
}
