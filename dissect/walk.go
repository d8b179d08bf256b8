package dissect

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// MaxDepth is the deepest nest whose contents are walked: a nest at this
// depth is given as bytes (Attr.TooDeep). Real messages nest fewer than
// ten levels (the kernel validates no deeper), a 64 KiB attribute could
// nest 16,383, and JSON readers refuse documents nested much deeper than
// this (jq 1.6 reads 256 levels, and each nest costs it three).
const MaxDepth = 64

// Dissector walks messages by the family tables and reports them to a
// Writer. It keeps the generic netlink family names it knows, and reuses
// its storage from message to message; it is not safe for concurrent
// use. Make one with New.
type Dissector struct {
	// Genl names generic netlink families by id.
	Genl *GenlNames
	// Raw holds netlink-raw families' tables loaded at run time, which
	// replace the built-in ones for the message types they name; nil for
	// none.
	Raw *RawSpecs
	// Validate asks for a Verdict on every request (NLM_F_REQUEST):
	// the kernel's answer by the family's policy, or why it was not
	// checked (Verdict.Unchecked).
	Validate bool
	// Work counts the attributes looked at, so that a caller can check
	// that the walk's cost is linear in its input. The walk only adds
	// to it.
	Work int

	ev     Attr            // the Attr event, reused
	hdr    Header          // the Header event, reused
	fields [64]Field       // hdr.Fields' storage (xfrm_user_acquire has 44, six xfrm_user_tmpl 60)
	addrs  [16]AddrField   // hdr.Addrs' storage (six xfrm_user_tmpl have 12)
	xfrmAF uint16          // the address family of an xfrm message's header, for its address attributes
	prob   Problem         // the Problem event, reused
	ack    Ack             // the Ack event, reused
	cur    Kind            // the kind of Datagram's message
	req    Kind            // the kind of an echoed request
	verd   Verdict         // the Verdict event, reused
	verr   *validate.Error // the target of errors.As in check
	keys   []*siblingKeys  // each depth's, reused
	steps  []step          // a path's steps, reused
	path   []byte          // a path's text, reused
	names  nameCache       // names built for numbers, kept

	routeSpec map[*family.Set]*family.Set // specRoutePairs, made when first needed
	// specHand and specSet are the last lookup in routeSpec.
	specHand, specSet *family.Set
}

// New returns a Dissector that knows nlctrl's family id alone.
func New() *Dissector { return &Dissector{Genl: NewGenlNames()} }

// Datagram walks every message of a datagram (or of a stream of
// messages) of protocol proto in byte order o, learning generic family
// names from CTRL_CMD_NEWFAMILY messages as it goes. It returns what
// package wire finds wrong with the messages' framing, if anything.
func (d *Dissector) Datagram(w Writer, proto uint16, o nlwire.Order, data []byte) error {
	r := wire.NewReader(data).WithOrder(o)
	for r.Next() {
		h := r.Header()
		d.Classify(&d.cur, proto, o, h, r.Payload())
		if proto == ProtoGeneric && h.Type == genl.GENL_ID_CTRL {
			d.Genl.Learn(r.Payload(), o)
		}
		d.Message(w, r.Message(), &d.cur)
	}
	return r.Err()
}

// Message walks msg, one message header first (as wire.Reader's Message
// gives it), whose kind Classify filled in: it reports the message's fixed header and attributes, or
// its payload as bytes if the tables do not describe it, or an
// NLMSG_ERROR's extended ACK and echoed request.
func (d *Dissector) Message(w Writer, msg []byte, k *Kind) {
	w.Begin(k)
	h := k.Header
	switch {
	case len(msg) < wire.HeaderLen:
		d.problem(w, k, Problem{Kind: ShortHeader, Len: len(msg), Want: wire.HeaderLen, Struct: "nlmsghdr"})
	case h.Type == wire.TypeError || h.Type == wire.TypeDone:
		d.acknowledgement(w, msg, k)
	case h.Type < wire.MinType || !k.Known:
		if p := msg[wire.HeaderLen:]; len(p) > 0 {
			w.Payload(p, 1)
		}
	default:
		d.body(w, msg, k, 1)
		if d.Validate && h.Flags&wire.Request != 0 {
			d.check(w, msg, k)
		}
	}
	w.End(k)
}

// problem reports p, found in the message of kind k.
func (d *Dissector) problem(w Writer, k *Kind, p Problem) {
	p.Msg = k
	d.prob = p
	w.Problem(&d.prob)
}

// body walks a message's fixed header and attributes (a request echoed
// in an error too). msg is the whole message, header first.
func (d *Dissector) body(w Writer, msg []byte, k *Kind, depth int) {
	p := msg[wire.HeaderLen:]
	d.xfrmAF = 0 // until an xfrm header gives it
	if k.HeaderLen > 0 {
		if len(p) < k.HeaderLen && len(p) > 0 && k.Protocol == ProtoRoute && k.Op == wire.OpGet {
			// A dump request with the legacy one-byte struct rtgenmsg,
			// which rtnetlink still accepts in place of the full header.
			h := d.header("rtgenmsg", depth, 1)
			d.fields[0] = Field{Name: "family", Value: int64(p[0])}
			h.Fields = d.fields[:1]
			w.Header(h)
			return
		}
		if len(p) < k.HeaderLen {
			d.problem(w, k, Problem{Kind: ShortHeader, Len: len(p), Want: k.HeaderLen, Struct: k.Struct})
			w.Payload(p, depth)
			return
		}
		d.familyHeader(w, p[:k.HeaderLen], k, depth)
	}
	start := min(attr.Align(k.HeaderLen), len(p))
	if k.Struct == "nduseroptmsg" { // ND options, as bytes, before the attributes
		m, _ := route.ParseNdUserOptMsg(p, k.Order)
		end := min(start+int(m.OptsLen), len(p))
		if end > start {
			w.Payload(p[start:end], depth)
		}
		start = min(attr.Align(end), len(p))
	}
	dec := attr.NewDecoder(p[start:]).WithOrder(k.Order).WithBase(wire.HeaderLen + start)
	w.Attrs(depth)
	d.attrs(w, k, dec, k.Attrs, depth)
	w.EndAttrs(depth)
}

// header returns the Header event, emptied, for a struct of n bytes at
// depth.
func (d *Dissector) header(name string, depth, n int) *Header {
	d.hdr = Header{Struct: name, Fields: d.fields[:0], Offset: wire.HeaderLen, Len: n, Depth: depth}
	return &d.hdr
}

// familyHeader reports the fixed header after the nlmsghdr.
func (d *Dissector) familyHeader(w Writer, p []byte, k *Kind, depth int) {
	h := d.header(k.Struct, depth, len(p))
	o := k.Order
	f := &d.fields // filled in place: appending costs a check a field
	n := 0
	switch k.Struct {
	case "ifinfomsg":
		m, _ := route.ParseIfInfoMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "type", Value: int64(m.Type)}, Field{Name: "index", Value: int64(m.Index)}
		f[3], f[4] = Field{Name: "flags", Value: int64(m.Flags)}, Field{Name: "change", Value: int64(m.Change)}
		n = 5
	case "ifaddrmsg":
		m, _ := route.ParseIfAddrMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "prefixlen", Value: int64(m.PrefixLen)}, Field{Name: "flags", Value: int64(m.Flags)}
		f[3], f[4] = Field{Name: "scope", Value: int64(m.Scope)}, Field{Name: "index", Value: int64(m.Index)}
		n = 5
	case "rtmsg":
		m, _ := route.ParseRtMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "dst_len", Value: int64(m.DstLen)}, Field{Name: "src_len", Value: int64(m.SrcLen)}
		f[3], f[4], f[5] = Field{Name: "tos", Value: int64(m.TOS)}, Field{Name: "table", Value: int64(m.Table)}, Field{Name: "protocol", Value: int64(m.Protocol)}
		f[6], f[7], f[8] = Field{Name: "scope", Value: int64(m.Scope)}, Field{Name: "type", Value: int64(m.Type)}, Field{Name: "flags", Value: int64(m.Flags)}
		n = 9
	case "ndmsg":
		m, _ := route.ParseNdMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "index", Value: int64(m.Index)}, Field{Name: "state", Value: int64(m.State)}
		f[3], f[4] = Field{Name: "flags", Value: int64(m.Flags)}, Field{Name: "type", Value: int64(m.Type)}
		n = 5
	case "tcmsg":
		m, _ := route.ParseTcMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "index", Value: int64(m.Index)}, Field{Name: "handle", Value: int64(m.Handle)}
		f[3], f[4] = Field{Name: "parent", Value: int64(m.Parent)}, Field{Name: "info", Value: int64(m.Info)}
		n = 5
	case "fib_rule_hdr":
		m, _ := route.ParseFibRuleHdr(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "dst_len", Value: int64(m.DstLen)}, Field{Name: "src_len", Value: int64(m.SrcLen)}
		f[3], f[4], f[5] = Field{Name: "tos", Value: int64(m.TOS)}, Field{Name: "table", Value: int64(m.Table)}, Field{Name: "action", Value: int64(m.Action)}
		f[6] = Field{Name: "flags", Value: int64(m.Flags)}
		n = 7
	case "nhmsg":
		m, _ := route.ParseNhMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "scope", Value: int64(m.Scope)}, Field{Name: "protocol", Value: int64(m.Protocol)}
		f[3] = Field{Name: "flags", Value: int64(m.Flags)}
		n = 4
	case "if_stats_msg":
		m, _ := route.ParseIfStatsMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "index", Value: int64(m.Index)}, Field{Name: "filter_mask", Value: int64(m.FilterMask)}
		n = 3
	case "br_port_msg":
		m, _ := route.ParseBrPortMsg(p, o)
		f[0], f[1] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "index", Value: int64(m.Index)}
		n = 2
	case "ifaddrlblmsg":
		m, _ := route.ParseIfAddrLblMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "prefixlen", Value: int64(m.PrefixLen)}, Field{Name: "flags", Value: int64(m.Flags)}
		f[3], f[4] = Field{Name: "index", Value: int64(m.Index)}, Field{Name: "seq", Value: int64(m.Seq)}
		n = 5
	case "br_vlan_msg":
		m, _ := route.ParseBrVlanMsg(p, o)
		f[0], f[1] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "ifindex", Value: int64(m.Index)}
		n = 2
	case "tunnel_msg":
		m, _ := route.ParseTunnelMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "flags", Value: int64(m.Flags)}, Field{Name: "ifindex", Value: int64(m.Index)}
		n = 3
	case "nduseroptmsg":
		m, _ := route.ParseNdUserOptMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "opts_len", Value: int64(m.OptsLen)}, Field{Name: "ifindex", Value: int64(m.Index)}
		f[3], f[4] = Field{Name: "icmp_type", Value: int64(m.ICMPType)}, Field{Name: "icmp_code", Value: int64(m.ICMPCode)}
		n = 5
	case "dcbmsg":
		f[0], f[1] = Field{Name: "dcb_family", Value: int64(p[0])}, Field{Name: "cmd", Value: int64(p[1])}
		n = 2
	case "prefixmsg":
		m, _ := route.ParsePrefixMsg(p, o)
		f[0], f[1], f[2] = Field{Name: "family", Value: int64(m.Family)}, Field{Name: "ifindex", Value: int64(m.Index)}, Field{Name: "type", Value: int64(m.Type)}
		f[3], f[4] = Field{Name: "len", Value: int64(m.PrefixLen)}, Field{Name: "flags", Value: int64(m.Flags)}
		n = 5
	case "nfgenmsg":
		f[0], f[1] = Field{Name: "nfgen_family", Value: int64(p[0])}, Field{Name: "version", Value: int64(p[1])}
		f[2] = Field{Name: "res_id", Value: int64(p[2])<<8 | int64(p[3])} // big-endian
		n = 3
	case "rtgenmsg", "netconfmsg", "ndtmsg", "tcamsg":
		f[0] = Field{Name: "family", Value: int64(p[0])}
		n = 1
	case "genlmsghdr":
		m, _ := genl.ParseHeader(p, o)
		f[0], f[1], f[2] = Field{Name: "cmd", Value: int64(m.Cmd)}, Field{Name: "version", Value: int64(m.Version)}, Field{Name: "reserved", Value: int64(m.Reserved)}
		n = 3
		if len(p) > genl.HeaderLen {
			h.User = p[genl.HeaderLen:] // the family's own fixed header (struct ovs_header)
		}
	default:
		if n = d.diagHeader(h, p, k); n == 0 {
			h.Raw = p
		}
	}
	h.Fields = f[:n]
	w.Header(h)
}

// attrs walks a run of attributes of set s (nil: by number).
func (d *Dissector) attrs(w Writer, k *Kind, dec attr.Decoder, s *family.Set, depth int) {
	keys := d.keysAt(depth)
	keys.run, keys.n = dec, 0
	for dec.Next() {
		d.Work++
		d.attr(w, k, &dec, keys, s, depth)
	}
	if err := dec.Err(); err != nil {
		d.problem(w, k, Problem{Kind: BadAttrs, Err: err})
	}
}

// keysAt returns the siblingKeys of the run at depth, kept from message
// to message: a run's keys are made once, not zeroed for each run.
func (d *Dissector) keysAt(depth int) *siblingKeys {
	for len(d.keys) <= depth {
		d.keys = append(d.keys, &siblingKeys{work: &d.Work})
	}
	return d.keys[depth]
}

// siblingKeys finds, once per run of attributes, the siblings that select
// a nest's attribute space (IFLA_INFO_KIND for IFLA_INFO_DATA), so that
// a run of many such nests costs one look-up, not one per nest. The
// values are views into the message: finding one allocates nothing.
type siblingKeys struct {
	run  attr.Decoder // the run, from its start
	work *int         // the dissector's work counter
	n    int
	typs [4]uint16
	vals [4][]byte
}

// get returns the payload of the last attribute of type t in the run,
// or nil if there is none.
func (k *siblingKeys) get(t uint16) []byte {
	for i := range k.n {
		if k.typs[i] == t {
			return k.vals[i]
		}
	}
	var last []byte
	for kd := k.run; kd.Next(); { // the last one counts, as in the kernel's nla_parse
		*k.work++
		if kd.Type() == t {
			last = kd.Bytes()
		}
	}
	if k.n < len(k.typs) {
		k.typs[k.n], k.vals[k.n] = t, last
		k.n++
	}
	return last
}

// variantSet returns the child space of a's nest, which has variants,
// given key, the payload of its Key sibling in set s: a string names
// the variant (IFLA_INFO_KIND, NFTA_EXPR_NAME); an integer with an enum
// (nftables' NFTA_OBJ_TYPE) names it by its entry, as the spec's
// sub-message formats do ("counter" for NFTABLES_OBJECT_TYPE_COUNTER).
func variantSet(a *family.Attr, s *family.Set, key []byte, o nlwire.Order) *family.Set {
	if ka := s.Attr(a.Key); ka != nil && ka.Enum != nil && !ka.EnumBits && !ka.Enum.Flags && ka.Format != family.String {
		var v Value
		v.decode(ka.Format, key, o)
		name := ""
		if (v.Kind == Uint || v.Kind == Int) && !v.BadLength {
			name = ka.Enum.Name(v.Uint)
		}
		if len(name) > len(ka.Enum.Space)+1 && name[:len(ka.Enum.Space)] == ka.Enum.Space {
			name = name[len(ka.Enum.Space)+1:]
		}
		return nftSupplement(a, nil, name, childSet(a, nil, name))
	}
	for i, c := range key { // a string, without its NUL
		if c == 0 {
			key = key[:i]
			break
		}
	}
	return nftSupplement(a, key, "", childSet(a, key, ""))
}

// childSet returns a.ChildSet(string(key)), without making the string,
// or if key is nil the space of the variant whose value is the C name
// cname spells (specName).
func childSet(a *family.Attr, key []byte, cname string) *family.Set {
	for i := range a.Variants {
		v := &a.Variants[i]
		if key != nil && v.Value == string(key) || key == nil && cname != "" && specName(cname, v.Value) {
			if v.Set == nil && v.Ref != nil {
				return v.Ref.Set()
			}
			return v.Set
		}
	}
	if a.Child == nil && a.ChildRef != nil { // no variant: the default space
		return a.ChildRef.Set()
	}
	return a.Child
}

// specName reports whether cname ("CT_HELPER") is the C spelling of the
// spec's name n ("ct-helper"): upper case, '_' for '-'.
func specName(cname, n string) bool {
	if len(cname) != len(n) {
		return false
	}
	for i := range len(n) {
		c, want := n[i], cname[i]
		switch {
		case c == '-':
			c = '_'
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		if c != want {
			return false
		}
	}
	return true
}

// attr walks the attribute dec is on; keys looks up the siblings that
// select a nest's space.
func (d *Dissector) attr(w Writer, k *Kind, dec *attr.Decoder, keys *siblingKeys, s *family.Set, depth int) {
	t := dec.Type()
	a := s.Attr(t)
	if a == nil {
		a = anyType(s)
	}
	if k.Protocol == ProtoRoute && (a == nil || mayFill(a)) {
		a, s = d.specFill(k, keys, s, a, t)
	}
	p := dec.Bytes()
	format := family.Binary
	if a != nil {
		format = a.Format
	} else if dec.Flags()&attr.FlagNested != 0 {
		format = family.Nested
	}
	if dec.Flags()&attr.FlagNetByteOrder != 0 {
		format = netOrder(format)
	}
	name := "" // s.Name(t), without a second look-up
	if a != nil && a != s.Elem {
		name = a.Name
	}
	ev := &d.ev
	ev.Role, ev.Type, ev.Name, ev.Flags = RoleAttr, t, name, dec.Flags()
	ev.Offset, ev.Len, ev.Depth, ev.Format = dec.Offset(), len(p)+attr.HeaderLen, depth, format
	ev.TooDeep = false
	nests := format == family.Nested || format == family.NestedArray || format == family.Multipath
	if nests && depth >= MaxDepth {
		// Deeper than any real message: given as bytes, which keeps the
		// walk's stack small whatever the input.
		ev.TooDeep = true
		format = family.Binary
	}
	switch format {
	case family.Nested:
		d.nest(w, k, dec, keys, s, a, depth)
	case family.NestedArray:
		ev.NestHeader = nil
		d.array(w, k, dec, a, depth)
	case family.Multipath:
		ev.NestHeader = nil
		d.multipath(w, k, dec, a, depth)
	default:
		ev.Value.decode(format, p, k.Order)
		if a != nil && a.Struct != nil && ev.Value.Kind == Bytes {
			d.structValue(&ev.Value, a.Struct, p, k, depth) // a C struct: by its members
		}
		var e *family.EnumDef
		if a != nil && a.Enum != nil && format != family.Flag && !ev.Value.BadLength &&
			(ev.Value.Kind == Uint || ev.Value.Kind == Int) {
			e, ev.Value.EnumBits = a.Enum, a.EnumBits
		}
		ev.Value.Enum = e
		w.Attr(ev)
	}
}

// netOrder returns the big-endian format of an integer format, for an
// attribute flagged NLA_F_NET_BYTEORDER.
func netOrder(f family.Format) family.Format {
	switch f {
	case family.U16:
		return family.BE16
	case family.U32:
		return family.BE32
	case family.U64:
		return family.BE64
	}
	return f
}

// nest walks a nest's contents. It is apart from attr, as are array and
// multipath, to keep the frames of the recursion through nests small.
func (d *Dissector) nest(w Writer, k *Kind, dec *attr.Decoder, keys *siblingKeys, s *family.Set, a *family.Attr, depth int) {
	p := dec.Bytes()
	var child *family.Set
	hdr := 0
	if a != nil {
		want := int(a.Header)
		if len(a.Variants) > 0 {
			key := d.selector(keys, s, a, depth)
			child = variantSet(a, s, key, k.Order)
			if child == nil && findVariant(a, key) == nil && !d.attrRun(p, k) {
				// A kind no table describes, whose payload is not
				// attributes (a struct): given as bytes.
				d.ev.Format = family.Binary
				d.ev.Value.decode(family.Binary, p, k.Order)
				d.ev.Value.Enum = nil
				w.Attr(&d.ev)
				return
			}
			if vh, whole := variantHeader(a, key); vh > 0 {
				want = vh
				if whole && len(p) > vh {
					want = len(p) // a struct alone, whose later versions are longer
				}
			}
		} else {
			child = a.ChildSet("")
		}
		hdr = min(want, len(p))
		if hdr < want {
			d.problem(w, k, Problem{Kind: ShortNestHeader, Offset: dec.Offset(), Len: len(p), Want: want})
		}
	}
	d.ev.NestHeader = nil
	if hdr > 0 {
		d.ev.NestHeader = p[:hdr]
	}
	w.Nest(&d.ev)
	sub := dec.Nested()
	if hdr > 0 {
		sub = attr.NewDecoder(p[hdr:]).WithOrder(k.Order).WithBase(dec.Offset() + attr.HeaderLen + hdr)
	}
	d.attrs(w, k, sub, child, depth+1)
	w.EndNest(depth)
}

// array walks an indexed array's elements.
func (d *Dissector) array(w Writer, k *Kind, dec *attr.Decoder, a *family.Attr, depth int) {
	w.Nest(&d.ev)
	child := a.ChildSet("")
	values := child == nil && a.ElemFormat != family.Binary
	el := dec.Nested()
	for el.Next() {
		ev := &d.ev
		ev.Role, ev.Type, ev.Name, ev.Flags = RoleElem, el.Type(), "", el.Flags()
		ev.Offset, ev.Len, ev.Depth, ev.Format = el.Offset(), el.Len()+attr.HeaderLen, depth+1, a.ElemFormat
		ev.TooDeep, ev.NestHeader = false, nil
		if values {
			// An indexed array of values, not of nests.
			ev.Value.decode(a.ElemFormat, el.Bytes(), k.Order)
			ev.Value.Enum = nil
			w.Attr(ev)
			continue
		}
		w.Nest(ev)
		d.attrs(w, k, el.Nested(), child, depth+2)
		w.EndNest(depth + 1)
	}
	if err := el.Err(); err != nil {
		d.problem(w, k, Problem{Kind: BadArray, Err: err})
	}
	w.EndNest(depth)
}

// multipath walks RTA_MULTIPATH's rtnexthops.
func (d *Dissector) multipath(w Writer, k *Kind, dec *attr.Decoder, a *family.Attr, depth int) {
	p := dec.Bytes()
	w.Nest(&d.ev)
	off := dec.Offset() + attr.HeaderLen
	for rest := p; len(rest) > 0; {
		nh, err := route.ParseRtNexthop(rest, k.Order)
		l := int(nh.Len)
		if err != nil || l < route.RtNexthopLen || l > len(rest) {
			d.problem(w, k, Problem{Kind: BadNexthop, Offset: off})
			break
		}
		ev := &d.ev
		ev.Role, ev.Type, ev.Name, ev.Flags = RoleNexthop, 0, "", 0
		ev.Offset, ev.Len, ev.Depth, ev.Format = off, l, depth+1, family.Multipath
		ev.TooDeep, ev.NestHeader, ev.Nexthop = false, nil, nh
		w.Nest(ev)
		sub := attr.NewDecoder(rest[route.RtNexthopLen:l]).WithOrder(k.Order).WithBase(off + route.RtNexthopLen)
		d.attrs(w, k, sub, a.ChildSet(""), depth+2)
		w.EndNest(depth + 1)
		step := min(attr.Align(l), len(rest))
		rest, off = rest[step:], off+step
	}
	w.EndNest(depth)
}
