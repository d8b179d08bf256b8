package dissect

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// check validates a request against its family's policy and reports
// the kernel's verdict, or why there is none.
func (d *Dissector) check(w Writer, msg []byte, k *Kind) {
	v := &d.verd
	p, mode, why := policy(k.Protocol, k.Header, msg[wire.HeaderLen:], k.Order)
	if why == UncheckedNoTable && k.Protocol == ProtoGeneric && k.Header.Type != genl.GENL_ID_CTRL {
		p, mode, why = d.genlPolicy(k, msg[wire.HeaderLen:])
	}
	if why != Checked {
		*v = Verdict{Unchecked: why}
		w.Verdict(v)
		return
	}
	var err error
	if k.Protocol == ProtoRoute {
		// Beyond the policy, the checks rtnetlink's handlers make before
		// they act (header length and family, IFLA_AF_SPEC's own pass,
		// ...): route.CheckRequest, with every device and peer namespace
		// the request names taken to exist, as a capture cannot say.
		payload := msg[wire.HeaderLen:]
		fam := uint8(0)
		if len(payload) > 0 {
			fam = payload[0]
		}
		err = route.CheckRequest(fam, k.Header.Type, false, false, payload, validate.Options{Order: k.Order}, nil, assumeExists{})
	} else {
		err = validate.Options{Order: k.Order}.ValidateMessage(msg[wire.HeaderLen:], k.HeaderLen, p, mode)
	}
	*v = Verdict{Mode: mode, Err: err}
	if err != nil {
		if errors.As(err, &d.verr) { // the Dissector's, so that it need not escape
			ve := d.verr
			v.Msg, v.Errno, v.Offset, v.HasOffset = ve.Msg, ve.Errno, ve.Offset, ve.HasOffset
		} else {
			v.Msg = err.Error()
		}
		if v.HasOffset {
			steps, _ := d.pathAt(msg, k, v.Offset)
			d.path = appendPath(d.path[:0], steps)
			v.Path = d.path
		}
	}
	w.Verdict(v)
}

// Policy returns the policy the kernel checks a request of protocol
// proto against, with header h and payload (what follows the nlmsghdr),
// and the strictness its handler parses with; false if the tables have
// none.
func Policy(proto uint16, h wire.Header, payload []byte, o nlwire.Order) (*validate.Policy, validate.Mode, bool) {
	p, m, why := policy(proto, h, payload, o)
	return p, m, why == Checked
}

// policy is Policy, saying why there is no policy if there is none.
func policy(proto uint16, h wire.Header, payload []byte, o nlwire.Order) (*validate.Policy, validate.Mode, Unchecked) {
	switch proto {
	case ProtoRoute:
		// route.Request is rtnetlink's table. A GET request's checks
		// depend on the socket's NETLINK_GET_STRICT_CHK, which a capture
		// does not show: only write requests are checked.
		if h.Type >= route.RTM_BASE && h.Type&3 == 2 {
			return nil, 0, UncheckedGetStrict
		}
		fam := uint8(0)
		if len(payload) > 0 {
			fam = payload[0]
		}
		_, p, m, ok := route.Request(fam, h.Type, false, false)
		return p, m, found(ok)
	case ProtoXFRM:
		// xfrma_policy, parsed liberally; the dump of XFRM_MSG_GETSA
		// from the payload's start (its Kind has no header).
		p, m, ok := xfrm.Request(h.Type, h.Flags&wire.Dump != 0)
		return p, m, found(ok)
	case ProtoGeneric:
		if h.Type != genl.GENL_ID_CTRL {
			return nil, 0, UncheckedNoTable
		}
		gh, err := genl.ParseHeader(payload, o)
		if err != nil {
			return nil, 0, UncheckedNoTable
		}
		switch gh.Cmd {
		case genl.CTRL_CMD_GETFAMILY:
			if h.Flags&wire.Dump != 0 {
				return &genl.FamilyPolicy, validate.ModeStrict, Checked
			}
			return &genl.FamilyPolicy, validate.ModeLiberal, Checked // the do form is lenient
		case genl.CTRL_CMD_GETPOLICY:
			if h.Flags&wire.Dump == 0 {
				return nil, 0, UncheckedNoPolicy // dump-only: a do request gets EOPNOTSUPP before any policy
			}
			return &genl.PolicyPolicy, validate.ModeStrict, Checked
		}
	}
	return nil, 0, UncheckedNoTable
}

// found is Checked if ok, else UncheckedNoTable.
func found(ok bool) Unchecked {
	if ok {
		return Checked
	}
	return UncheckedNoTable
}

// genlPolicy returns the policy and strictness of a request of a
// generic family other than nlctrl whose tables have policies (from its
// YNL spec: registry.Request).
func (d *Dissector) genlPolicy(k *Kind, payload []byte) (*validate.Policy, validate.Mode, Unchecked) {
	h := k.Header
	gn, ok := d.Genl.Lookup(h.Type)
	switch {
	case !ok:
		return nil, 0, UncheckedUnknownFamily
	case gn.Tables == nil:
		return nil, 0, UncheckedNoTable
	case gn.Policy == nil:
		if registry.Generic(gn.Name) != nil && !registry.KernelGenerated(gn.Name) {
			return nil, 0, UncheckedHandWritten
		}
		return nil, 0, UncheckedNoTable
	}
	gh, err := genl.ParseHeader(payload, k.Order)
	if err != nil {
		return nil, 0, UncheckedNoTable
	}
	if registry.Op(gn.Tables, gh.Cmd, true) == nil {
		return nil, 0, UncheckedNoTable
	}
	p, m, ok := registry.Request(gn.Tables, gn.Policy, gh.Cmd, h.Flags&wire.Dump == wire.Dump)
	if !ok {
		return nil, 0, UncheckedNoPolicy
	}
	return p, m, Checked
}

// assumeExists is the route.RequestState of a capture: every device and
// peer namespace a request names is taken to exist.
type assumeExists struct{}

func (assumeExists) NetNSID(int32) bool { return true }
func (assumeExists) Device(uint32) bool { return true }
