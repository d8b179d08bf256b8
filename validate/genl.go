package validate

import "github.com/nlwire/nlwire"

// The nlmsg_flags a generic netlink request may carry from a family's
// resv_start_op on: NLM_F_REQUEST, NLM_F_ACK and NLM_F_ECHO, and both
// bits of NLM_F_DUMP together (NLM_F_ROOT|NLM_F_MATCH).
const (
	genlFlagsAllowed = 0x01 | 0x04 | 0x08
	genlFlagsDump    = 0x100 | 0x200
)

// genlHeaderLen is GENL_HDRLEN, the size of struct genlmsghdr.
const genlHeaderLen = 4

// GenlHeader checks a generic netlink request's nlmsg_flags and
// genlmsghdr (hdr: its cmd, version and reserved field, at least 4
// bytes) as the kernel does before it
// looks the command up, for a family whose resv_start_op is
// resvStartOp: commands below it are not checked; from it on the
// reserved field must be 0, and the flags may hold only NLM_F_REQUEST,
// NLM_F_ACK, NLM_F_ECHO and the two bits of NLM_F_DUMP together. It
// returns nil or an *Error with EINVAL, MsgGenlReserved or MsgGenlFlags
// and no offset; a header shorter than 4 bytes is EINVAL with no message,
// as the kernel answers a message too short for the family's headers.
func GenlHeader(flags uint16, hdr []byte, resvStartOp uint8) error {
	if msg, ok := genlHeader(flags, hdr, resvStartOp); !ok {
		return &Error{Errno: nlwire.EINVAL, Msg: msg}
	}
	return nil
}

// GenlHeaderInto is GenlHeader that reports a failure into e, the
// caller's storage, instead of returning a new *Error: it returns true
// if the kernel goes on to look the command up, else false with *e set
// as GenlHeader's *Error would be (e.Path emptied, its array kept). It
// does not allocate. e must not be nil.
func GenlHeaderInto(flags uint16, hdr []byte, resvStartOp uint8, e *Error) bool {
	msg, ok := genlHeader(flags, hdr, resvStartOp)
	if !ok {
		*e = Error{Errno: nlwire.EINVAL, Msg: msg, Path: e.Path[:0]}
	}
	return ok
}

// genlHeader is GenlHeader's check: false with the extended ACK message
// ("" for none) if the kernel answers EINVAL.
func genlHeader(flags uint16, hdr []byte, resvStartOp uint8) (string, bool) {
	if len(hdr) < genlHeaderLen {
		return "", false
	}
	if hdr[0] < resvStartOp {
		return "", true
	}
	if hdr[2] != 0 || hdr[3] != 0 { // reserved is a u16: zero in any order
		return MsgGenlReserved, false
	}
	if flags&genlFlagsDump == genlFlagsDump {
		flags &^= genlFlagsDump
	}
	if flags&^genlFlagsAllowed != 0 {
		return MsgGenlFlags, false
	}
	return "", true
}
