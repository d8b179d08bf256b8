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
func (d *dumper) ack(rec *record, msg []byte) {
	e, err := wire.ParseError(msg, rec.order)
	if err != nil {
		d.malformedf("%s: record %d: message at offset %d: %v", rec.label, rec.index, d.msgOff, err)
		return
	}
	// The request's kind, for names in the echoed request.
	var k kind
	if len(e.Request) >= wire.HeaderLen {
		k = d.kindOf(rec.family, e.Header, e.Request[wire.HeaderLen:], rec.order)
	}
	var path []byte
	if e.Offset != 0 && len(e.Request) > wire.HeaderLen {
		path = d.pathText(rec, e.Request, k, int(e.Offset))
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
			d.malformedf("%s: record %d: message at offset %d: NLMSGERR_ATTR_POLICY: %v", rec.label, rec.index, d.msgOff, err)
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
		d.b = appendInt(d.b, int64(e.Errno))
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
			d.b = appendUint(d.b, uint64(e.Offset))
			if len(path) > 0 {
				d.b = append(d.b, `,"offs_path":`...)
				d.b = appendJSONString(d.b, string(path))
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
			d.b = appendUint(d.b, uint64(e.MissType))
			if missName != "" {
				d.b = append(d.b, `,"miss_type_name":`...)
				d.b = appendJSONString(d.b, missName)
			}
		}
		if e.MissNest != 0 {
			d.b = append(d.b, `,"miss_nest":`...)
			d.b = appendUint(d.b, uint64(e.MissNest))
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
			d.b = appendInt(d.b, int64(e.Errno))
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
			d.b = appendUint(d.b, uint64(e.Offset))
			if len(path) > 0 {
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
				d.b = appendUint(d.b, uint64(e.MissType))
			}
			if e.MissNest != 0 {
				d.b = append(d.b, " in the nest at offset "...)
				d.b = appendUint(d.b, uint64(e.MissNest))
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

// maxPath is the most attribute names a path shows: a deeper one shows
// its first and last maxPath/2 names around a count of those left out.
const maxPath = 16

// step is one attribute on the way to an offset: its type, and the set it
// belongs to (nil: named by number).
type step struct {
	set  *family.Set
	typ  uint16
	elem bool // an element of a nested array, named by its index
}

// pathAt returns the attributes that lead to the one whose header is at
// offset off in the request, outermost first, and the set of the last
// one's contents; nil if no attribute starts there. It reuses d.steps.
func (d *dumper) pathAt(rec *record, req []byte, k kind, off int) ([]step, *family.Set) {
	p := req[wire.HeaderLen:]
	if len(p) < k.hdrLen {
		return nil, nil
	}
	start := min(attr.Align(k.hdrLen), len(p))
	dec := attr.NewDecoder(p[start:]).WithOrder(rec.order).WithBase(wire.HeaderLen + start).Lenient()
	s := k.attrs
	d.steps = d.steps[:0]
	// Each level descends into the one attribute that holds off: the walk
	// costs at most one look at each attribute of the request.
	for {
		run := dec
		found := false
		for dec.Next() {
			d.work++
			t := dec.Type()
			if dec.Offset() == off {
				d.steps = append(d.steps, step{set: s, typ: t})
				return d.steps, d.childSet(s.Attr(t), run)
			}
			if off < dec.Offset() || off >= dec.Offset()+attr.HeaderLen+dec.Len() {
				continue
			}
			found = true
			d.steps = append(d.steps, step{set: s, typ: t})
			a := s.Attr(t)
			if a != nil && a.Format == family.NestedArray {
				el := dec.Nested()
				for el.Next() {
					d.work++
					if el.Offset() > off || off >= el.Offset()+attr.HeaderLen+el.Len() {
						continue
					}
					d.steps = append(d.steps, step{typ: el.Type(), elem: true})
					if el.Offset() == off {
						return d.steps, a.ChildSet("")
					}
					dec, s = el.Nested(), a.ChildSet("")
					break
				}
				if len(d.steps) == 0 || !d.steps[len(d.steps)-1].elem {
					return d.steps, nil
				}
				break
			}
			if a != nil && a.Format == family.Multipath {
				// RTA_MULTIPATH: struct rtnexthop entries, each with
				// attributes after its 8 bytes.
				p, nhOff, i := dec.Bytes(), dec.Offset()+attr.HeaderLen, 0
				for len(p) > 0 {
					d.work++
					nh, err := route.ParseRtNexthop(p, rec.order)
					l := int(nh.Len)
					if err != nil || l < route.RtNexthopLen || l > len(p) {
						return d.steps, nil
					}
					if off >= nhOff && off < nhOff+l {
						d.steps = append(d.steps, step{typ: uint16(i), elem: true})
						if off < nhOff+route.RtNexthopLen {
							return d.steps, a.ChildSet("")
						}
						dec = attr.NewDecoder(p[route.RtNexthopLen:l]).WithOrder(rec.order).WithBase(nhOff + route.RtNexthopLen).Lenient()
						s = a.ChildSet("")
						break
					}
					adv := min(attr.Align(l), len(p))
					p, nhOff, i = p[adv:], nhOff+adv, i+1
				}
				if len(p) == 0 {
					return d.steps, nil
				}
				break
			}
			hdr := 0
			if a != nil {
				hdr = int(a.Header)
			}
			p := dec.Bytes()
			if hdr > len(p) {
				return d.steps, nil
			}
			s = d.childSet(a, run)
			dec = attr.NewDecoder(p[hdr:]).WithOrder(rec.order).WithBase(dec.Offset() + attr.HeaderLen + hdr).Lenient()
			break
		}
		if !found {
			return d.steps, nil
		}
	}
}

// childSet returns the set of a nest's contents, choosing among variants
// by the sibling a.Key in run.
func (d *dumper) childSet(a *family.Attr, run attr.Decoder) *family.Set {
	if a == nil {
		return nil
	}
	if len(a.Variants) == 0 {
		return a.ChildSet("")
	}
	keys := siblingKeys{run: run, work: &d.work}
	return a.ChildSet(keys.get(a.Key))
}

// pathText returns pathAt's path as text, in a buffer reused by the next
// call.
func (d *dumper) pathText(rec *record, req []byte, k kind, off int) []byte {
	steps, _ := d.pathAt(rec, req, k, off)
	d.path = appendPath(d.path[:0], steps)
	return d.path
}

// appendPath appends the names of a path, "IFLA_LINKINFO/IFLA_INFO_KIND",
// eliding the middle of a path longer than maxPath.
func appendPath(b []byte, steps []step) []byte {
	for i, st := range steps {
		if len(steps) > maxPath && i == maxPath/2 {
			b = append(b, "/..."...)
			b = appendInt(b, int64(len(steps)-maxPath))
			b = append(b, " more..."...)
		}
		if len(steps) > maxPath && i >= maxPath/2 && i < len(steps)-maxPath/2 {
			continue
		}
		if i > 0 {
			b = append(b, '/')
		}
		if name := st.set.Name(st.typ); name != "" && !st.elem {
			b = append(b, name...)
		} else {
			b = appendUint(b, uint64(st.typ))
		}
	}
	return b
}

// missingName names NLMSGERR_ATTR_MISS_TYPE in the space of the nest at
// MISS_NEST, or of the message if there is none.
func (d *dumper) missingName(rec *record, e wire.Error, k kind) string {
	s := k.attrs
	if e.MissNest != 0 && len(e.Request) > wire.HeaderLen {
		steps, child := d.pathAt(rec, e.Request, k, int(e.MissNest))
		if len(steps) == 0 {
			return ""
		}
		s = child
	}
	return s.Name(uint16(e.MissType))
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
		var path []byte
		if hasOff {
			path = d.pathText(rec, msg, k, off)
		}
		if d.json {
			d.b = append(d.b, `,"errno":`...)
			d.b = appendInt(d.b, int64(errno))
			d.b = append(d.b, `,"msg":`...)
			d.b = appendJSONString(d.b, msgText)
			if hasOff {
				d.b = append(d.b, `,"offs":`...)
				d.b = appendInt(d.b, int64(off))
				d.b = append(d.b, `,"offs_path":`...)
				d.b = appendJSONString(d.b, string(path))
			}
		} else {
			d.b = append(d.b, errno.Name()...)
			d.b = append(d.b, ' ')
			d.b = strconv.AppendQuote(d.b, msgText)
			if hasOff {
				d.b = append(d.b, " at offset "...)
				d.b = appendInt(d.b, int64(off))
				if len(path) > 0 {
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
		// route.Request is rtnetlink's table. A GET request's checks
		// depend on the socket's NETLINK_GET_STRICT_CHK, which a capture
		// does not show: only write requests are checked.
		if h.Type >= route.RTM_BASE && h.Type&3 == 2 {
			return nil, 0, false
		}
		fam := uint8(0)
		if len(payload) > 0 {
			fam = payload[0]
		}
		_, p, m, ok := route.Request(fam, h.Type, false, false)
		return p, m, ok
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
			if h.Flags&wire.Dump == 0 {
				return nil, 0, false // dump-only: a do request gets EOPNOTSUPP before any policy
			}
			return &genl.PolicyPolicy, validate.ModeStrict, true
		}
	}
	return nil, 0, false
}
