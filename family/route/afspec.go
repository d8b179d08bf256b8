package route

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// IPV4_DEVCONF_MAX is the largest IPV4_DEVCONF_* type (Linux 6.18); an
// IFLA_INET_CONF entry must be of a type from 1 to it.
const IPV4_DEVCONF_MAX = IPV4_DEVCONF_ARP_EVICT_NOCARRIER

// IPv6 address generation modes (enum in6_addr_gen_mode,
// include/uapi/linux/if_link.h): the values of IFLA_INET6_ADDR_GEN_MODE.
const (
	IN6_ADDR_GEN_MODE_EUI64          = 0 // from the interface identifier
	IN6_ADDR_GEN_MODE_NONE           = 1 // no link-local address
	IN6_ADDR_GEN_MODE_STABLE_PRIVACY = 2 // RFC 7217, needs stable_secret
	IN6_ADDR_GEN_MODE_RANDOM         = 3 // random stable-privacy secret
)

// InetAFPolicy is inet_af_policy (net/ipv4/devinet.c, Linux 6.18), the
// policy of IFLA_AF_SPEC's AF_INET nest. ValidateAFSpec applies it and
// then checks IFLA_INET_CONF's entries.
var InetAFPolicy = validate.Policy{Rules: []validate.Rule{
	IFLA_INET_CONF: {Kind: validate.Nested},
}}

// Inet6AFPolicy is inet6_af_policy (net/ipv6/addrconf.c, Linux 6.18),
// the policy of IFLA_AF_SPEC's AF_INET6 nest. ValidateAFSpec applies it
// and then checks that the nest sets a token or an address generation
// mode, and the mode's value.
var Inet6AFPolicy = validate.Policy{
	MaxType: IFLA_INET6_RA_MTU,
	Rules: []validate.Rule{
		IFLA_INET6_ADDR_GEN_MODE: {Kind: validate.U8},
		IFLA_INET6_TOKEN:         {Len: 16}, // sizeof(struct in6_addr)
		IFLA_INET6_RA_MTU:        {Kind: validate.Reject, Msg: "IFLA_INET6_RA_MTU can not be set"},
	},
}

// AFSpecPolicy returns the policy the kernel parses the nest of address
// family fam inside IFLA_AF_SPEC with (InetAFPolicy, Inet6AFPolicy), or
// nil for the families it does not parse.
func AFSpecPolicy(fam uint16) *validate.Policy {
	switch fam {
	case AF_INET:
		return &InetAFPolicy
	case AF_INET6:
		return &Inet6AFPolicy
	}
	return nil
}

// ValidateAFSpec checks the payload of an IFLA_AF_SPEC attribute of a
// RTM_NEWLINK or RTM_SETLINK request as validate_linkmsg does
// (net/core/rtnetlink.c, Linux 6.18), in a pass of its own after the
// link policy: for each nest, in order, walked as nla_for_each_nested
// walks (a malformed tail is ignored), by its type (flags stripped):
//
//   - AF_INET: InetAFPolicy, liberally (inet_validate_link_af), then
//     each IFLA_INET_CONF entry needs 4 bytes and a type from 1 to
//     IPV4_DEVCONF_MAX: a bare EINVAL otherwise.
//   - AF_INET6: Inet6AFPolicy, liberally (inet6_validate_link_af); then
//     a nest with neither IFLA_INET6_TOKEN nor IFLA_INET6_ADDR_GEN_MODE,
//     a mode other than the four IN6_ADDR_GEN_MODE_* values, or
//     IN6_ADDR_GEN_MODE_STABLE_PRIVACY while no stable_secret is set
//     (the model assumes none is) fail with a bare EINVAL.
//   - AF_BRIDGE: EOPNOTSUPP (the bridge reports its settings but takes
//     none here).
//   - Any other family: EAFNOSUPPORT (no rtnl_af_ops; Linux 6.18 built
//     without CONFIG_MPLS_ROUTING, or with mpls_router not loaded;
//     loaded, AF_MPLS is EOPNOTSUPP like AF_BRIDGE).
//
// Policy errors carry the kernel's message and offset; opt.Base must be
// the offset of spec's first byte from the nlmsghdr. The other errors
// have no offset and no message of their own: they carry
// validate.MsgLeftover if a nest before them left bytes over (the
// kernel's extended ACK keeps the last message set), else none. The
// device is assumed to have IPv4 and IPv6 enabled.
func ValidateAFSpec(spec []byte, opt validate.Options) error {
	left := false // a nest left bytes over: the liberal parse's warning
	bare := func(e nlwire.Errno) error {
		if left {
			return &validate.Error{Errno: e, Msg: validate.MsgLeftover}
		}
		return &validate.Error{Errno: e}
	}
	d := attr.NewDecoder(spec).WithOrder(opt.Order).Lenient()
	for d.Next() {
		fam := d.Type()
		switch fam {
		case AF_INET, AF_INET6:
		case AF_BRIDGE:
			return bare(nlwire.EOPNOTSUPP)
		default:
			return bare(nlwire.EAFNOSUPPORT)
		}
		inner := opt
		inner.Base = opt.Base + d.Offset() + attr.HeaderLen
		var tb [IFLA_INET6_RA_MTU + 1]attr.Decoder
		p := AFSpecPolicy(fam)
		if err := inner.Parse(d.Bytes(), p, validate.ModeLiberal, tb[:int(max(p.MaxType+1, uint16(len(p.Rules))))]); err != nil {
			return err
		}
		w := attr.NewDecoder(d.Bytes()).WithOrder(opt.Order).Lenient()
		for w.Next() {
		}
		left = left || w.Leftover() > 0
		if fam == AF_INET {
			if !tb[IFLA_INET_CONF].Present() {
				continue
			}
			c := attr.NewDecoder(tb[IFLA_INET_CONF].Bytes()).WithOrder(opt.Order).Lenient()
			for c.Next() {
				if c.Len() < 4 || c.Type() == 0 || c.Type() > IPV4_DEVCONF_MAX {
					return bare(nlwire.EINVAL)
				}
			}
			continue
		}
		mode := tb[IFLA_INET6_ADDR_GEN_MODE]
		if !tb[IFLA_INET6_TOKEN].Present() && !mode.Present() {
			return bare(nlwire.EINVAL)
		}
		if mode.Present() {
			if m := mode.Bytes()[0]; m > IN6_ADDR_GEN_MODE_RANDOM || m == IN6_ADDR_GEN_MODE_STABLE_PRIVACY {
				return bare(nlwire.EINVAL)
			}
		}
	}
	return nil
}

// checkAFSpec runs ValidateAFSpec on the last IFLA_AF_SPEC of a link
// message's payload, if it has one. Bytes left over after the link
// attributes leave validate.MsgLeftover in the extended ACK of an error
// without a message of its own.
func checkAFSpec(payload []byte, opt validate.Options) error {
	start := attr.Align(IfInfoMsgLen)
	if len(payload) < start {
		return nil
	}
	d := attr.NewDecoder(payload[start:]).WithOrder(opt.Order).Lenient()
	found, off := false, 0
	var spec []byte
	for d.Next() {
		if d.Type() == IFLA_AF_SPEC {
			found, off, spec = true, d.Offset(), d.Bytes()
		}
	}
	if !found {
		return nil
	}
	left := d.Leftover() > 0
	opt.Base = 16 + start + off + attr.HeaderLen // nlmsghdr, ifinfomsg, nlattr
	err := ValidateAFSpec(spec, opt)
	if err != nil && left {
		var ve *validate.Error
		if errors.As(err, &ve) && ve.Msg == "" && !ve.HasOffset {
			ve.Msg = validate.MsgLeftover
		}
	}
	return err
}
