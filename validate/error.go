package validate

import (
	"strconv"

	"github.com/nlwire/nlwire"
)

// Extended ACK messages of lib/nlattr.c, include/net/netlink.h and
// generic netlink, word for word.
const (
	MsgFailed         = "Attribute failed policy validation"
	MsgUnknownType    = "Unknown attribute type"
	MsgInvalidLength  = "invalid attribute length"
	MsgNestedMissing  = "NLA_F_NESTED is missing"
	MsgNestedUnwanted = "NLA_F_NESTED not expected"
	MsgOutOfRange     = "integer out of range"
	MsgReservedBit    = "reserved bit set"
	MsgBinaryRange    = "binary attribute size out of range"
	MsgArrayShort     = "Array element too short"
	MsgDepth          = "allowed policy recursion depth exceeded"
	MsgUnsupported    = "Unsupported attribute"
	MsgLeftover       = "bytes leftover after parsing attributes"
	MsgHeaderLength   = "Invalid header length"

	// Generic netlink's header checks (net/netlink/genetlink.c).
	MsgGenlReserved = "genlmsghdr.reserved field is not 0"
	MsgGenlFlags    = "ambiguous or reserved bits set in nlmsg_flags"
)

// Error is a policy violation, carrying what the kernel would put in its
// NLMSG_ERROR reply: the errno, the extended ACK message
// (NLMSGERR_ATTR_MSG), the offending attribute's offset
// (NLMSGERR_ATTR_OFFS) and its rule (NLMSGERR_ATTR_POLICY).
type Error struct {
	// Errno is EINVAL or ERANGE (or what a CheckFunc returned).
	Errno nlwire.Errno
	// Msg is the kernel's extended ACK message, or "" where it sends
	// none (a CheckFunc that returned a bare errno).
	Msg string
	// Offset is the offset of the innermost offending attribute's
	// header, counted like NLMSGERR_ATTR_OFFS: from the start of the
	// nlmsghdr when the base offset was given (Options.Base), else from
	// the start of the validated bytes. Valid only if HasOffset.
	Offset int
	// HasOffset reports whether the kernel sends NLMSGERR_ATTR_OFFS. It
	// does not for "bytes leftover after parsing attributes", "allowed
	// policy recursion depth exceeded" and "Invalid header length".
	HasOffset bool
	// Path is the attribute types (flags stripped) from the outermost
	// attribute down to the offending one; nested array elements count
	// as a level. For errors without an offset it leads to the nest
	// whose contents failed (empty at the top level).
	Path []uint16
	// Rule is the rule the kernel reports in NLMSGERR_ATTR_POLICY, a
	// pointer into the policy; nil where it reports none. For "Array
	// element too short" it is the element policy's rule of type 0, as
	// in the kernel (nla_validate_array).
	Rule *Rule
	// HasPolicy reports whether the kernel sends an NLMSGERR_ATTR_POLICY
	// nest: it does only where it sets one (NL_SET_ERR_MSG_ATTR_POL) and
	// the rule can be described (not NLA_UNSPEC, NLA_REJECT, NLA_BE16 or
	// NLA_BE32: net/netlink/policy.c). So "Unknown attribute type",
	// "Unsupported attribute" and "reserved bit set" come without one.
	HasPolicy bool
}

// Policy returns the contents of the NLMSGERR_ATTR_POLICY nest the
// kernel sends with e, and false if it sends none.
func (e *Error) Policy() (AttrPolicy, bool) {
	if !e.HasPolicy || e.Rule == nil {
		return AttrPolicy{}, false
	}
	return e.Rule.Describe()
}

// Type returns the offending attribute's type, the last of Path, or 0.
func (e *Error) Type() uint16 {
	if len(e.Path) == 0 {
		return 0
	}
	return e.Path[len(e.Path)-1]
}

// Error returns "validate: ERANGE: Attribute failed policy validation
// (attribute 18/2 at offset 44)".
func (e *Error) Error() string {
	s := "validate: "
	if n := e.Errno.Name(); n != "" {
		s += n
	} else {
		s += e.Errno.Error()
	}
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if len(e.Path) > 0 || e.HasOffset {
		s += " ("
		if len(e.Path) > 0 {
			s += "attribute " + pathString(e.Path)
			if !e.HasOffset {
				s += " contents"
			}
		}
		if e.HasOffset {
			if len(e.Path) > 0 {
				s += " "
			}
			s += "at offset " + strconv.Itoa(e.Offset)
		}
		s += ")"
	}
	return s
}

func pathString(p []uint16) string {
	s := ""
	for i, t := range p {
		if i > 0 {
			s += "/"
		}
		s += strconv.Itoa(int(t))
	}
	return s
}

// Unwrap returns e.Errno, so that errors.Is(err, nlwire.EINVAL) and, on
// Linux, errors.Is(err, syscall.EINVAL) hold.
func (e *Error) Unwrap() error { return e.Errno }

// FuncError is what a CheckFunc returns to reject an attribute with a
// message, as a kernel validation function calling NL_SET_ERR_MSG_ATTR
// does.
type FuncError struct {
	Errno nlwire.Errno // EINVAL or ERANGE, as the kernel's validation functions return
	Msg   string       // the extended ACK message (NL_SET_ERR_MSG)
}

// Error returns "validate: " followed by the message.
func (e *FuncError) Error() string { return "validate: " + e.Msg }

// Unwrap returns e.Errno.
func (e *FuncError) Unwrap() error { return e.Errno }

// WarnKind says what a Warning is about.
type WarnKind uint8

// Warnings: what the kernel only logs with pr_warn_ratelimited.
const (
	// WarnLength: an integer attribute's payload is not its exact size
	// (nla_attr_len in validate_nla). An error instead under
	// ModeStrictAttrs; too short is an error anyway.
	WarnLength WarnKind = iota + 1
	// WarnTooLong: an ExactLenWarn payload is longer than its length
	// (NLA_VALIDATE_RANGE_WARN_TOO_LONG in nla_validate_range_unsigned).
	// An error instead under ModeStrictAttrs.
	WarnTooLong
	// WarnLeftover: bytes left over after the last attribute
	// (__nla_validate_parse). The kernel also sets the extended ACK
	// message "bytes leftover after parsing attributes" and, without
	// ModeTrailing, still returns 0: the message then comes back in an
	// ACK with errno 0.
	WarnLeftover
)

// Warning is a finding the kernel logs but accepts in the given mode.
// Validation reports them to Options.Warn, if set.
type Warning struct {
	Kind WarnKind
	// Offset is the attribute header's offset, or for WarnLeftover the
	// offset of the first byte left over; counted like Error.Offset.
	Offset int
	// Type is the attribute's type (flags stripped); for WarnLeftover
	// the type of the nest holding the bytes, 0 at the top level.
	Type uint16
	// Len is the attribute's payload length, or the number of bytes
	// left over.
	Len int
	// Rule is the attribute's rule; nil for WarnLeftover.
	Rule *Rule
}

// ExtAckMsg returns the extended ACK message the kernel sets for w even
// when it accepts the request ("bytes leftover after parsing
// attributes"), or "".
func (w Warning) ExtAckMsg() string {
	if w.Kind == WarnLeftover {
		return MsgLeftover
	}
	return ""
}

// String describes w in the words of the kernel's log line.
func (w Warning) String() string {
	switch w.Kind {
	case WarnLength, WarnTooLong:
		return "validate: attribute type " + strconv.Itoa(int(w.Type)) +
			" has an invalid length (" + strconv.Itoa(w.Len) + " bytes at offset " + strconv.Itoa(w.Offset) + ")"
	case WarnLeftover:
		return "validate: " + strconv.Itoa(w.Len) + " bytes leftover after parsing attributes (at offset " +
			strconv.Itoa(w.Offset) + ")"
	}
	return "validate: warning"
}
