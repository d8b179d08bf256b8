package genl

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
)

// GENL_ID_CTRL is the message type of the generic netlink controller,
// "nlctrl" (include/uapi/linux/genetlink.h). Other families get their
// IDs at run time: ask the controller with CTRL_CMD_GETFAMILY.
const GENL_ID_CTRL = 0x10

// GENL_NAMSIZ is the size of a family name buffer, NUL included
// (include/uapi/linux/genetlink.h).
const GENL_NAMSIZ = 16

// HeaderLen is the size of the generic netlink header (GENL_HDRLEN,
// sizeof(struct genlmsghdr)).
const HeaderLen = 4

// Header is the generic netlink family header (struct genlmsghdr,
// include/uapi/linux/genetlink.h).
type Header struct {
	Cmd      uint8  // cmd: the family's command (CTRL_CMD_* for nlctrl)
	Version  uint8  // version: the family's interface version
	Reserved uint16 // reserved: zero; newer commands reject anything else
}

// ParseHeader decodes the struct genlmsghdr at the start of b, in byte
// order o. A b shorter than HeaderLen yields a *family.HeaderError.
func ParseHeader(b []byte, o nlwire.Order) (Header, error) {
	if len(b) < HeaderLen {
		return Header{}, &family.HeaderError{Struct: "genlmsghdr", Len: len(b), Want: HeaderLen}
	}
	return Header{Cmd: b[0], Version: b[1], Reserved: endian.Uint16(b[2:4], o.Swap())}, nil
}

// Put writes h into b[:HeaderLen] in byte order o and reports whether b
// was long enough (it writes nothing otherwise). To write h into a
// message, wire.PutFixedHeader(&b, h) calls it with the Builder's own
// order.
func (h Header) Put(b []byte, o nlwire.Order) bool {
	if len(b) < HeaderLen {
		return false
	}
	b[0], b[1] = h.Cmd, h.Version
	endian.PutUint16(b[2:4], h.Reserved, o.Swap())
	return true
}

// Len returns HeaderLen, sizeof(struct genlmsghdr): with Put, it makes
// Header a wire.FixedHeader.
func (h Header) Len() int { return HeaderLen }

// Append appends h to b in byte order o.
func (h Header) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, 0, 0, 0, 0)
	h.Put(b[len(b)-HeaderLen:], o)
	return b
}

// Attribute spaces of the generic netlink controller.
var (
	// CtrlAttrs is the CTRL_ATTR_* space of nlctrl messages.
	CtrlAttrs = family.Set{Space: "CTRL_ATTR", Attrs: ctrlAttrs[:]}
	// CtrlOpAttrs is the CTRL_ATTR_OP_* space of each CTRL_ATTR_OPS element.
	CtrlOpAttrs = family.Set{Space: "CTRL_ATTR_OP", Attrs: ctrlOpAttrs[:]}
	// CtrlMcastGrpAttrs is the CTRL_ATTR_MCAST_GRP_* space of each
	// CTRL_ATTR_MCAST_GROUPS element.
	CtrlMcastGrpAttrs = family.Set{Space: "CTRL_ATTR_MCAST_GRP", Attrs: ctrlMcastGrpAttrs[:]}
	// CtrlOpPolicyAttrs is the CTRL_ATTR_POLICY_* space of each
	// CTRL_ATTR_OP_POLICY element (indexed by command).
	CtrlOpPolicyAttrs = family.Set{Space: "CTRL_ATTR_POLICY", Attrs: ctrlOpPolicyAttrs[:]}
	// PolicyTypeAttrs is the NL_POLICY_TYPE_ATTR_* space describing one
	// attribute's policy.
	PolicyTypeAttrs = family.Set{Space: "NL_POLICY_TYPE_ATTR", Attrs: policyTypeAttrs[:]}
	// PolicyAttrTypes is the space of each CTRL_ATTR_POLICY element (a
	// policy, indexed by policy number): its types are attribute types,
	// each holding PolicyTypeAttrs.
	PolicyAttrTypes = family.Set{Space: "policy", Elem: &policyAttrElem}
)

var policyAttrElem = family.Attr{Format: family.Nested, Child: &PolicyTypeAttrs}

// Messages describes the controller's message type, GENL_ID_CTRL.
var Messages = family.Msgs{Family: "NETLINK_GENERIC", Types: messages[:]}

var messages = [GENL_ID_CTRL + 1]family.Msg{
	GENL_ID_CTRL: {Name: "GENL_ID_CTRL", HeaderLen: HeaderLen, Attrs: &CtrlAttrs},
}
