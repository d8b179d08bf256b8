package nltest

import (
	"encoding/binary"
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// RouteOp is what a kernel subsystem registers with rtnl_register for
// one address family and message type of NETLINK_ROUTE: a do handler
// and, for RTM_GET* types, a dump handler.
type RouteOp struct {
	// Do answers a request without NLM_F_DUMP (or of a type that is not
	// a GET); nil: none for this family.
	Do Handler
	// Dump answers an RTM_GET* request with either bit of NLM_F_DUMP;
	// nil: none for this family.
	Dump Handler
	// SplitDone sends a dump's NLMSG_DONE in a datagram of its own when
	// the last part held messages (RTNL_FLAG_DUMP_SPLIT_NLM_DONE, which
	// the kernel's link, IPv4 and IPv6 address and FIB dumps carry).
	SplitDone bool
}

// ErrInvalidRoute: RegisterRoute was given a type outside
// RTM_BASE..route.RTM_MAX, no handler, or a Dump for a type that is not
// an RTM_GET*.
var ErrInvalidRoute = errors.New("nltest: invalid rtnetlink registration")

// routeKey is the key of an address family and message type in
// Kernel.rtnl.
func routeKey(fam uint8, typ uint16) uint32 { return uint32(fam)<<16 | uint32(typ) }

// RegisterRoute registers the handlers of message type typ for the
// address family fam (route.AF_UNSPEC: every family without its own), as
// rtnl_register does, replacing any registered before. The kernel's own
// registrations for the GET types are: RTM_GETLINK do and dump for
// AF_UNSPEC; RTM_GETADDR dump for AF_INET and AF_INET6 and do for
// AF_INET6 (an AF_UNSPEC dump walks every family's); RTM_GETROUTE do for
// AF_INET and AF_INET6 and dump for both (and AF_UNSPEC); RTM_GETNEIGH
// do and dump for AF_UNSPEC; RTM_GETRULE dump only, for AF_UNSPEC;
// RTM_GETNEXTHOP do and dump for AF_UNSPEC and dump for AF_INET and
// AF_INET6; RTM_GETNEXTHOPBUCKET and RTM_GETNSID do and dump for
// AF_UNSPEC; RTM_GETNETCONF do and dump for AF_INET and AF_INET6 (an
// AF_UNSPEC dump walks both); RTM_GETSTATS do and dump and
// RTM_GETNEIGHTBL dump for AF_UNSPEC; RTM_GETROUTE do and dump for
// RTNL_FAMILY_IPMR and RTNL_FAMILY_IP6MR; RTM_GETLINK dump for AF_INET6,
// RTNL_FAMILY_IPMR and AF_BRIDGE. route.Request documents what the
// kernel checks of each.
func (k *Kernel) RegisterRoute(fam uint8, typ uint16, op RouteOp) error {
	if typ < route.RTM_BASE || typ > route.RTM_MAX || op.Do == nil && op.Dump == nil || op.Dump != nil && !isGet(typ) {
		return ErrInvalidRoute
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.rtnl == nil {
		k.rtnl = make(map[uint32]RouteOp)
	}
	k.rtnl[routeKey(fam, typ)] = op
	return nil
}

// isGet reports whether typ is of the GET kind (RTNL_KIND_GET).
func isGet(typ uint16) bool { return (typ-route.RTM_BASE)&3 == 2 }

// SetRouteState sets what the NETLINK_ROUTE checks ask of the kernel's
// state (route.CheckRequest): the peer namespace ids and the devices the
// fake's namespace has. The default, nil, has none. Set it before
// dialing.
func (k *Kernel) SetRouteState(st route.RequestState) {
	k.mu.Lock()
	k.routeState = st
	k.mu.Unlock()
}

// DialRoute opens a NETLINK_ROUTE socket of the kernel. A nil cfg is the
// zero Config: NETLINK_GET_STRICT_CHK is on unless cfg.NoStrictCheck.
//
// Around the handlers registered with RegisterRoute, the socket does
// what rtnetlink_rcv_msg and the kernel's GET handlers do: a type above
// route.RTM_MAX is answered EOPNOTSUPP; a message with no payload byte
// (no rtgenmsg) is only acknowledged; the handler is looked up by the
// payload's first byte, the address family, falling back to AF_UNSPEC,
// and a missing one is EOPNOTSUPP; an RTM_GET* request with either bit
// of NLM_F_DUMP is a dump. Before a do handler runs, and in a dump's
// first part before its handler runs, the request is checked with
// route.CheckRequest (header length and values, policy, allowed
// attributes, the rule, IFLA_AF_SPEC, next hop, netconf and namespace id
// checks, strict or not as the socket is); a failed do request is
// answered with NLMSG_ERROR, a failed dump with NLMSG_DONE carrying the
// errno and extended ACK, as the kernel's dumpits fail. NLMSG_DONE
// carries NLM_F_DUMP_FILTERED where route.DumpFiltered says. Every
// permission is granted (no EPERM); NLM_F_BULK is not modelled.
func (k *Kernel) DialRoute(cfg *Config) *Conn {
	c := k.Dial(cfg)
	c.route = true
	return c
}

// routeOp returns the handlers for fam and typ, falling back to
// AF_UNSPEC as rtnl_get_link's callers do, for the do or dump form. k.mu
// is held.
func (k *Kernel) routeOp(fam uint8, typ uint16, dump bool) (Handler, bool) {
	for _, f := range [2]uint8{fam, route.AF_UNSPEC} {
		op := k.rtnl[routeKey(f, typ)]
		if dump && op.Dump != nil {
			return op.Dump, op.SplitDone
		}
		if !dump && op.Do != nil {
			return op.Do, false
		}
	}
	return nil, false
}

// rcvRouteMsg is rtnetlink_rcv_msg: it returns the errno to answer with,
// and intr when a dump started.
func (c *Conn) rcvRouteMsg(msg []byte, h wire.Header) (nlwire.Errno, bool) {
	if h.Type > route.RTM_MAX {
		return nlwire.EOPNOTSUPP, false
	}
	payload := msg[wire.HeaderLen:]
	if len(payload) < 1 {
		return 0, false // "All the messages must have at least 1 byte length"
	}
	fam := payload[0]
	isDump := isGet(h.Type) && h.Flags&wire.Dump != 0
	hd, split := c.k.routeOp(fam, h.Type, isDump)
	if hd == nil {
		return nlwire.EOPNOTSUPP, false
	}
	if isDump {
		return c.startRouteDump(hd, split, msg, h)
	}
	req := &c.req
	c.prepareRoute(req, msg, h, &c.tb)
	if err := c.checkRoute(req, false, c.tb); err != nil {
		return c.setValidateErr(err), false
	}
	c.rep = Reply{c: c, seq: h.Seq, port: c.port}
	err := hd(req, &c.rep)
	c.rep.Cancel()
	return c.setHandlerErr(err), false
}

// prepareRoute fills req for a NETLINK_ROUTE request, with *tb as the
// table of its attributes.
func (c *Conn) prepareRoute(req *Request, msg []byte, h wire.Header, tb *[]attr.Decoder) {
	payload := msg[wire.HeaderLen:]
	isDump := isGet(h.Type) && h.Flags&wire.Dump != 0
	*req = Request{Message: msg, Header: h, PortID: c.port, Dump: isDump}
	hdrLen, _, _, ok := route.Request(payload[0], h.Type, isDump, c.strict)
	if !ok {
		hdrLen = 1 // a struct rtgenmsg
		if m := route.Messages.Msg(h.Type); m != nil && m.HeaderLen > 0 {
			hdrLen = m.HeaderLen
		}
	}
	req.FamilyHeader = payload[:min(hdrLen, len(payload))]
	if cap(*tb) < route.MaxAttrs {
		*tb = make([]attr.Decoder, route.MaxAttrs)
	}
	*tb = (*tb)[:route.MaxAttrs]
}

// checkRoute runs route.CheckRequest on req and, on success, fills
// req.Attrs: the attributes parsed as the handler parses them (nil where
// route.Request reports no policy). A non-strict link or neighbour dump
// ignores a failed parse, but keeps its message for NLMSG_DONE.
func (c *Conn) checkRoute(req *Request, dump bool, tb []attr.Decoder) error {
	payload := req.Message[wire.HeaderLen:]
	fam, typ := payload[0], req.Header.Type
	if dump {
		c.dump.doneFlags = 0
		if route.DumpFiltered(fam, typ, c.strict, payload, nlwire.Native, c.k.routeState) {
			c.dump.doneFlags = wire.DumpFiltered
		}
	}
	if err := route.CheckRequest(fam, typ, dump, c.strict, payload, c.vopt.o, tb, c.k.routeState); err != nil {
		if typ == route.RTM_GETROUTE {
			c.dump.doneFlags = 0 // set only once the FIB dump's checks passed
		}
		return err
	}
	hdrLen, p, _, ok := route.Request(fam, typ, dump, c.strict)
	if !ok {
		return nil
	}
	n := int(p.MaxType) + 1
	if p.MaxType == 0 {
		n = len(p.Rules)
	}
	if dump && !c.strict && (typ == route.RTM_GETLINK || typ == route.RTM_GETNEIGH) {
		if typ == route.RTM_GETLINK && len(payload) < route.IfInfoMsgLen && fam != route.AF_BRIDGE {
			hdrLen = 1 // rtnl_valid_dump_ifinfo_req's rtgenmsg hack
		}
		if err := c.vopt.o.ParseMessage(payload, hdrLen, p, validate.ModeLiberal, tb[:n]); err != nil {
			var ve *validate.Error
			if errors.As(err, &ve) && ve.Msg != "" {
				c.ext.msg = ve.Msg
			}
			clear(tb[:n])
		}
	}
	req.Attrs = tb[:n]
	return nil
}

// startRouteDump is rtnetlink_dump_start: the first datagram is made at
// once, and the request is checked in it.
func (c *Conn) startRouteDump(hd Handler, split bool, msg []byte, h wire.Header) (nlwire.Errno, bool) {
	if c.dump.running {
		return nlwire.EBUSY, false
	}
	c.dumpReq = append(c.dumpReq[:0], msg...)
	msg = c.dumpReq
	d := &c.dump
	*d = dumpState{handler: hd, check: true, split: split, tb: d.tb}
	c.prepareRoute(&d.req, msg, h, &d.tb)
	d.running = true
	d.doneErrno = 1<<31 - 1
	c.dumpStep()
	return errIntr, true
}

// StartRoute begins a NETLINK_ROUTE message of type typ with a zeroed
// family header of hdrLen bytes (Header returns it) and returns the
// encoder of its attributes. In a dump it carries NLM_F_MULTI, as
// rtnetlink's dump replies do. A message still open is discarded.
func (r *Reply) StartRoute(typ uint16, hdrLen int) *attr.Encoder {
	if r.open {
		r.Cancel()
	}
	if !r.dump {
		r.buf = r.c.getBuf()
	}
	r.start = len(r.buf)
	r.b = wire.NewBuilder(r.buf)
	var fl wire.Flags
	if r.dump {
		fl = wire.Multi
	}
	r.m = r.b.Start(wire.Header{Type: typ, Flags: fl, Seq: r.seq, PID: r.port})
	r.hdr = nil
	if hdrLen > 0 {
		r.hdr = r.b.FamilyHeader(hdrLen)
	}
	r.open = true
	return r.b.Attrs()
}

// Raw adds the whole message msg (nlmsghdr first, as read from a real
// kernel) as a reply, with the request's sequence number and the
// socket's port ID written over its own, and reports whether it was
// kept: false if it did not fit the dump's datagram (return ErrMore) or
// is not a well-formed message. A message still open is discarded.
func (r *Reply) Raw(msg []byte) bool {
	if r.open {
		r.Cancel()
	}
	h, err := wire.ParseHeader(msg, nlwire.Native)
	if err != nil || int(h.Len) != len(msg) {
		return false
	}
	if !r.dump {
		b := append(r.c.getBuf(), msg...)
		putSeqPort(b, r.seq, r.port)
		r.c.push(b)
		return true
	}
	if len(r.buf)+wire.Align(len(msg)) > r.limit {
		return false
	}
	start := len(r.buf)
	r.buf = append(r.buf, msg...)
	r.buf = append(r.buf, make([]byte, wire.Align(len(msg))-len(msg))...)
	putSeqPort(r.buf[start:], r.seq, r.port)
	return true
}

// putSeqPort writes seq and port into the nlmsghdr at the start of b.
func putSeqPort(b []byte, seq, port uint32) {
	binary.NativeEndian.PutUint32(b[8:], seq)
	binary.NativeEndian.PutUint32(b[12:], port)
}
