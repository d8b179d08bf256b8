package wire

import (
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
)

// Extended ACK attribute types (enum nlmsgerr_attrs,
// include/uapi/linux/netlink.h), carried after an NLMSG_ERROR or
// NLMSG_DONE payload when the header has [AckTLVs].
const (
	AttrMsg      uint16 = 1 // NLMSGERR_ATTR_MSG: an error or warning message, a NUL-terminated string
	AttrOffs     uint16 = 2 // NLMSGERR_ATTR_OFFS: u32 offset of the offending attribute in the request
	AttrCookie   uint16 = 3 // NLMSGERR_ATTR_COOKIE: arbitrary bytes identifying an object
	AttrPolicy   uint16 = 4 // NLMSGERR_ATTR_POLICY: nest of NL_POLICY_TYPE_ATTR_* of the violated policy
	AttrMissType uint16 = 5 // NLMSGERR_ATTR_MISS_TYPE: u32 type of a missing required attribute
	AttrMissNest uint16 = 6 // NLMSGERR_ATTR_MISS_NEST: u32 offset of the nest missing it
)

// Error is the kernel's answer to a request: an NLMSG_ERROR message (an
// error, or with Errno 0 an acknowledgement) or an NLMSG_DONE ending a
// dump, with its extended acknowledgement.
//
// A parsed Error's byte slices are views into the message. A zero field
// means the kernel did not send it: the kernel itself sends OFFS,
// MISS_TYPE and MISS_NEST only when they are nonzero, and MSG, COOKIE and
// POLICY only when present.
type Error struct {
	// Type is TypeError or TypeDone.
	Type uint16
	// Flags are the reply's header flags (Capped, AckTLVs, Multi, ...).
	Flags Flags
	// Errno is the error, made positive; 0 for an acknowledgement or a
	// dump that ended well.
	Errno nlwire.Errno
	// Request is the echoed request, header first: the whole message, or
	// only its header when the reply is Capped. Done messages echo nothing.
	Request []byte
	// Header is Request's header, decoded.
	Header Header

	Msg      []byte // NLMSGERR_ATTR_MSG, without its NUL
	Offset   uint32 // NLMSGERR_ATTR_OFFS, from the start of the request's header
	Cookie   []byte // NLMSGERR_ATTR_COOKIE
	Policy   []byte // NLMSGERR_ATTR_POLICY payload: NL_POLICY_TYPE_ATTR_* attributes
	MissType uint32 // NLMSGERR_ATTR_MISS_TYPE
	MissNest uint32 // NLMSGERR_ATTR_MISS_NEST, from the start of the request's header
}

// Error returns the error as text: "wire: netlink error: " and the errno's
// text, the extended ACK message and offset if present.
func (e *Error) Error() string {
	b := make([]byte, 0, 64+len(e.Msg))
	b = append(b, "wire: netlink error: "...)
	b = append(b, e.Errno.Error()...)
	if e.Msg != nil {
		b = append(b, ": "...)
		b = append(b, e.Msg...)
	}
	if e.Offset != 0 {
		b = append(b, " (offset "...)
		b = strconv.AppendUint(b, uint64(e.Offset), 10)
		b = append(b, ')')
	}
	if e.MissType != 0 {
		b = append(b, " (missing attribute type "...)
		b = strconv.AppendUint(b, uint64(e.MissType), 10)
		b = append(b, ')')
	}
	return string(b)
}

// Unwrap returns the errno, so that errors.Is(err, nlwire.ERANGE) and, on
// Linux, errors.Is(err, syscall.ERANGE) hold.
func (e *Error) Unwrap() error { return e.Errno }

// ParseError decodes an NLMSG_ERROR or NLMSG_DONE message: msg is the
// whole message, header first (Reader.Message), in byte order o.
//
// The layout is the kernel's netlink_ack and netlink_dump_done
// (net/netlink/af_netlink.c): a negative int32 errno; for NLMSG_ERROR the
// request's header and, unless Capped, the rest of the request padded to
// 4 bytes; then extended ACK attributes if the header has AckTLVs. A
// DONE with an empty payload, as some user-space peers send, is a
// success. Unknown extended ACK attributes are skipped.
func ParseError(msg []byte, o nlwire.Order) (Error, error) {
	swap := o.Swap()
	h, err := messageHeader(msg, swap)
	if err != nil {
		return Error{}, err
	}
	msg = msg[:h.Len]
	e := Error{Type: h.Type, Flags: h.Flags}
	var tlv int
	switch h.Type {
	case TypeError:
		if len(msg) < HeaderLen+4+HeaderLen {
			return Error{}, &FormatError{Offset: len(msg), Err: ErrTruncated}
		}
		e.Errno = nlwire.Errno(-int32(endian.Uint32(msg[HeaderLen:], swap)))
		echo := msg[HeaderLen+4:]
		e.Header = decodeHeader(echo, swap)
		// Kernels before 4.12 (no NLM_F_CAPPED) echoed only the header of
		// a request that succeeded, with its original nlmsg_len.
		if h.Flags&Capped != 0 || (e.Errno == 0 && h.Flags&AckTLVs == 0 && len(echo) == HeaderLen) {
			e.Request = echo[:HeaderLen]
			tlv = 2*HeaderLen + 4
			break
		}
		if e.Header.Len < HeaderLen {
			return Error{}, &FormatError{Offset: HeaderLen + 4, Err: ErrBadLength}
		}
		if uint64(e.Header.Len) > uint64(len(echo)) {
			return Error{}, &FormatError{Offset: HeaderLen + 4, Err: ErrTruncated}
		}
		e.Request = echo[:e.Header.Len]
		tlv = min(HeaderLen+4+Align(int(e.Header.Len)), len(msg))
	case TypeDone:
		if len(msg) == HeaderLen {
			return e, nil
		}
		if len(msg) < HeaderLen+4 {
			return Error{}, &FormatError{Offset: HeaderLen, Err: ErrTruncated}
		}
		e.Errno = nlwire.Errno(-int32(endian.Uint32(msg[HeaderLen:], swap)))
		tlv = HeaderLen + 4
	default:
		return Error{}, &FormatError{Offset: 4, Err: ErrNotError}
	}
	if h.Flags&AckTLVs == 0 {
		return e, nil
	}
	d := attr.NewDecoder(msg[tlv:]).WithOrder(o).WithBase(tlv)
	for d.Next() {
		switch d.Type() {
		case AttrMsg:
			e.Msg = d.StringBytes()
		case AttrOffs:
			e.Offset = d.Uint32()
		case AttrCookie:
			e.Cookie = d.Bytes()
		case AttrPolicy:
			e.Policy = d.Bytes()
		case AttrMissType:
			e.MissType = d.Uint32()
		case AttrMissNest:
			e.MissNest = d.Uint32()
		}
	}
	if err := d.Err(); err != nil {
		return Error{}, attrError(err, tlv)
	}
	return e, nil
}

// AckOptions describe the requesting socket, which shapes the kernel's
// acknowledgements. The zero value is a socket with NETLINK_EXT_ACK on,
// as iproute2, nlsock and most current clients open theirs: an Error's
// Msg, Offset and the other extended ACK fields reach the reply.
type AckOptions struct {
	Order  nlwire.Order // byte order of the request and the reply
	PortID uint32       // the requester's port ID: the reply's nlmsg_pid
	CapAck bool         // NETLINK_CAP_ACK: echo only the request's header
	// NoExtAck is a socket without NETLINK_EXT_ACK (the kernel's
	// default, which old clients keep): the kernel then sends no
	// extended ACK attributes, so the reply carries only the errno and
	// the echoed request, and an Error's Msg, Offset, Cookie, Policy,
	// MissType and MissNest are left out, as netlink_ack leaves them.
	NoExtAck bool
}

// AppendAck appends to b the kernel's acknowledgement of the request req
// (a whole message, header first): an NLMSG_ERROR with errno 0 echoing
// the request's header, as netlink_ack does for a request with NLM_F_ACK
// that succeeded.
func AppendAck(b []byte, req []byte, opt AckOptions) ([]byte, error) {
	return AppendError(b, req, &Error{}, opt)
}

// AppendError appends to b the kernel's NLMSG_ERROR answer to the request
// req (a whole message, header first), laid out byte for byte as
// netlink_ack (net/netlink/af_netlink.c) does: e.Errno negated; the
// request echoed whole, padded to 4 bytes, unless e.Errno is 0 or
// opt.CapAck is set (then only its header, and the reply has Capped);
// then the nonzero extended ACK fields of e in the kernel's order (MSG,
// COOKIE, OFFS, POLICY, MISS_TYPE, MISS_NEST; only MSG and COOKIE on
// success), with AckTLVs set, unless opt.NoExtAck says the socket did
// not ask for them. e's Type, Flags, Request and Header are ignored; a
// nil e is an acknowledgement. Errno is positive, as a parsed Error holds
// it (34 for ERANGE): the reply carries it negated, as the kernel's does.
func AppendError(b []byte, req []byte, e *Error, opt AckOptions) ([]byte, error) {
	if e == nil {
		e = &Error{}
	}
	swap := opt.Order.Swap()
	rh, err := messageHeader(req, swap)
	if err != nil {
		return b, err
	}
	var flags Flags
	echo := req[:HeaderLen]
	if e.Errno == 0 || opt.CapAck {
		flags |= Capped
	} else {
		echo = req[:rh.Len]
	}
	if !opt.NoExtAck && e.hasTLVs() {
		flags |= AckTLVs
	}
	start := len(b)
	b = Header{Type: TypeError, Flags: flags, Seq: rh.Seq, PID: opt.PortID}.Append(b, opt.Order)
	b = endian.AppendUint32(b, uint32(-int32(e.Errno)), swap)
	b = append(b, echo...)
	b = append(b, make([]byte, Align(len(echo))-len(echo))...)
	if flags&AckTLVs != 0 {
		out, err := e.appendTLVs(b, opt.Order, rh.Len)
		if err != nil {
			return b[:start], attrError(err, start)
		}
		b = out
	}
	return finishMessage(b, start, swap)
}

// AppendDone appends to b the NLMSG_DONE that ends the kernel's answer to
// the dump request req (a whole message, header first, or just its
// header), as netlink_dump_done does: flags Multi plus extra (such as
// DumpFiltered or DumpIntr), the negated e.Errno as an int32, and, if e
// has any and opt.NoExtAck is not set, the extended ACK fields as
// AppendError writes them, with AckTLVs.
func AppendDone(b []byte, req []byte, extra Flags, e *Error, opt AckOptions) ([]byte, error) {
	if e == nil {
		e = &Error{}
	}
	swap := opt.Order.Swap()
	if len(req) < HeaderLen {
		return b, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	rh := decodeHeader(req, swap)
	flags := Multi | extra
	if !opt.NoExtAck && e.hasTLVs() {
		flags |= AckTLVs
	}
	start := len(b)
	b = Header{Type: TypeDone, Flags: flags, Seq: rh.Seq, PID: opt.PortID}.Append(b, opt.Order)
	b = endian.AppendUint32(b, uint32(-int32(e.Errno)), swap)
	if flags&AckTLVs != 0 {
		out, err := e.appendTLVs(b, opt.Order, rh.Len)
		if err != nil {
			return b[:start], attrError(err, start)
		}
		b = out
	}
	return finishMessage(b, start, swap)
}

// hasTLVs reports whether e carries an extended ACK attribute that
// netlink_ack_tlv_len would count.
func (e *Error) hasTLVs() bool {
	if e.Msg != nil || len(e.Cookie) > 0 {
		return true
	}
	return e.Errno != 0 && (e.Offset != 0 || e.Policy != nil || e.MissType != 0 || e.MissNest != 0)
}

// appendTLVs writes the extended ACK attributes as netlink_ack_tlv_fill does.
//
// OFFS and MISS_NEST are written only when they point into the request's
// payload (nlmsg_check_in_payload); the ACK_TLVS flag is set all the same,
// as netlink_ack_tlv_len counts them.
func (e *Error) appendTLVs(b []byte, o nlwire.Order, reqLen uint32) ([]byte, error) {
	inPayload := func(off uint32) bool { return off >= HeaderLen && off < reqLen }
	enc := attr.NewEncoder(b).WithOrder(o)
	if e.Msg != nil {
		enc.StringBytes(AttrMsg, e.Msg)
	}
	if len(e.Cookie) > 0 {
		enc.Put(AttrCookie, e.Cookie)
	}
	if e.Errno != 0 {
		if e.Offset != 0 && inPayload(e.Offset) {
			enc.Uint32(AttrOffs, e.Offset)
		}
		if e.Policy != nil {
			enc.Put(AttrPolicy|attr.FlagNested, e.Policy) // nla_nest_start sets NLA_F_NESTED
		}
		if e.MissType != 0 {
			enc.Uint32(AttrMissType, e.MissType)
		}
		if e.MissNest != 0 && inPayload(e.MissNest) {
			enc.Uint32(AttrMissNest, e.MissNest)
		}
	}
	return enc.Finish()
}

// finishMessage patches the nlmsg_len of the message that starts at start.
func finishMessage(b []byte, start int, swap bool) ([]byte, error) {
	n := len(b) - start
	if uint64(n) > 0xffffffff {
		return b[:start], &FormatError{Offset: start, Err: ErrMessageTooLong}
	}
	endian.PutUint32(b[start:], uint32(n), swap)
	return b, nil
}

// messageHeader decodes the header of the whole message at the start of
// b, which must hold a full header and the nlmsg_len it names.
func messageHeader(b []byte, swap bool) (Header, error) {
	if len(b) < HeaderLen {
		return Header{}, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	h := decodeHeader(b, swap)
	if h.Len < HeaderLen {
		return Header{}, &FormatError{Offset: 0, Err: ErrBadLength}
	}
	if uint64(h.Len) > uint64(len(b)) {
		return Header{}, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	return h, nil
}
