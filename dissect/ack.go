package dissect

import (
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// acknowledgement walks an NLMSG_ERROR or NLMSG_DONE: the errno, the
// extended ACK with the offending attribute's path in the echoed
// request, and the echoed request itself.
func (d *Dissector) acknowledgement(w Writer, msg []byte, k *Kind) {
	e, err := wire.ParseError(msg, k.Order)
	if err != nil {
		d.problem(w, k, Problem{Kind: BadAck, Err: err})
		return
	}
	a := &d.ack
	*a = Ack{What: "error", Error: e}
	// The request's kind, for names in the echoed request.
	req := &d.req
	*req = Kind{}
	if len(e.Request) >= wire.HeaderLen {
		d.Classify(req, k.Protocol, k.Order, e.Header, e.Request[wire.HeaderLen:])
	}
	req.Header, req.Protocol, req.Order, req.Echo, req.Capped = e.Header, k.Protocol, k.Order, true, e.Flags&wire.Capped != 0
	if req.Family == "" {
		req.Family = k.Family
	}
	if e.Offset != 0 && len(e.Request) > wire.HeaderLen {
		steps, _ := d.pathAt(e.Request, req, int(e.Offset))
		d.path = appendPath(d.path[:0], steps)
		a.Path = d.path
	}
	if e.MissType != 0 {
		a.MissName = d.missingName(e, req)
	}
	if e.Policy != nil {
		if ap, err := validate.ParseAttrPolicy(e.Policy, k.Order); err == nil {
			a.Policy, a.HasPolicy = ap, true
		} else {
			d.problem(w, k, Problem{Kind: BadPolicy, Err: err})
		}
	}
	if e.Type == wire.TypeDone {
		a.What = "done"
	} else if e.Errno == 0 {
		a.What = "ack"
	}
	w.Ack(a)
	if e.Request != nil {
		w.Begin(req)
		switch p := e.Request[min(wire.HeaderLen, len(e.Request)):]; {
		case req.Capped:
		case e.Header.Type >= wire.MinType && req.Known:
			d.body(w, e.Request, req, 3)
		case len(p) > 0:
			w.Payload(p, 3) // a request no table describes: its bytes
		}
		w.End(req)
	}
	w.EndAck()
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
func (d *Dissector) pathAt(req []byte, k *Kind, off int) ([]step, *family.Set) {
	p := req[wire.HeaderLen:]
	if len(p) < k.HeaderLen {
		return nil, nil
	}
	start := min(attr.Align(k.HeaderLen), len(p))
	dec := attr.NewDecoder(p[start:]).WithOrder(k.Order).WithBase(wire.HeaderLen + start).Lenient()
	s := k.Attrs
	d.steps = d.steps[:0]
	// Each level descends into the one attribute that holds off: the walk
	// costs at most one look at each attribute of the request.
	for {
		run := dec
		found := false
		for dec.Next() {
			d.Work++
			t := dec.Type()
			if dec.Offset() == off {
				a, as := d.pathAttr(k, s, run, t)
				d.steps = append(d.steps, step{set: as, typ: t})
				return d.steps, d.childSet(as, a, run, k.Order)
			}
			if off < dec.Offset() || off >= dec.Offset()+attr.HeaderLen+dec.Len() {
				continue
			}
			found = true
			a, as := d.pathAttr(k, s, run, t)
			d.steps = append(d.steps, step{set: as, typ: t})
			s = as
			if a != nil && a.Format == family.NestedArray {
				el := dec.Nested()
				for el.Next() {
					d.Work++
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
					d.Work++
					nh, err := route.ParseRtNexthop(p, k.Order)
					l := int(nh.Len)
					if err != nil || l < route.RtNexthopLen || l > len(p) {
						return d.steps, nil
					}
					if off >= nhOff && off < nhOff+l {
						d.steps = append(d.steps, step{typ: uint16(i), elem: true})
						if off < nhOff+route.RtNexthopLen {
							return d.steps, a.ChildSet("")
						}
						dec = attr.NewDecoder(p[route.RtNexthopLen:l]).WithOrder(k.Order).WithBase(nhOff + route.RtNexthopLen).Lenient()
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
			if a != nil && len(a.Variants) > 0 {
				keys := siblingKeys{run: run, work: &d.Work}
				if vh, whole := variantHeader(a, keys.get(a.Key)); whole {
					return d.steps, nil // a struct (a tc kind's options), no attributes
				} else if vh > 0 {
					hdr = vh
				}
			}
			p := dec.Bytes()
			if hdr > len(p) {
				return d.steps, nil
			}
			s = d.childSet(s, a, run, k.Order)
			dec = attr.NewDecoder(p[hdr:]).WithOrder(k.Order).WithBase(dec.Offset() + attr.HeaderLen + hdr).Lenient()
			break
		}
		if !found {
			return d.steps, nil
		}
	}
}

// childSet returns the set of the contents of a nest of set s, choosing
// among variants by the sibling a.Key in run.
func (d *Dissector) childSet(s *family.Set, a *family.Attr, run attr.Decoder, o nlwire.Order) *family.Set {
	if a == nil {
		return nil
	}
	if len(a.Variants) == 0 {
		return a.ChildSet("")
	}
	keys := siblingKeys{run: run, work: &d.Work}
	return variantSet(a, s, keys.get(a.Key), o)
}

// appendPath appends the names of a path, "IFLA_LINKINFO/IFLA_INFO_KIND",
// eliding the middle of a path longer than maxPath.
func appendPath(b []byte, steps []step) []byte {
	for i, st := range steps {
		if len(steps) > maxPath && i == maxPath/2 {
			b = append(b, "/..."...)
			b = strconv.AppendInt(b, int64(len(steps)-maxPath), 10)
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
			b = strconv.AppendUint(b, uint64(st.typ), 10)
		}
	}
	return b
}

// missingName names NLMSGERR_ATTR_MISS_TYPE in the space of the nest at
// MISS_NEST, or of the message if there is none.
func (d *Dissector) missingName(e wire.Error, k *Kind) string {
	s := k.Attrs
	if e.MissNest != 0 && len(e.Request) > wire.HeaderLen {
		steps, child := d.pathAt(e.Request, k, int(e.MissNest))
		if len(steps) == 0 {
			return ""
		}
		s = child
	}
	return s.Name(uint16(e.MissType))
}
