package dissect

import "strconv"

// ProblemKind says what a Problem is.
type ProblemKind uint8

// The kinds of Problem.
const (
	// BadAttrs: a run of attributes ends badly (Err, from package attr,
	// says where).
	BadAttrs ProblemKind = iota
	// ShortHeader: the payload (Len bytes) is shorter than the family's
	// fixed header (Want bytes of Struct).
	ShortHeader
	// ShortNestHeader: the nest at Offset has Len bytes, fewer than its
	// Want-byte fixed header.
	ShortNestHeader
	// BadArray: an indexed array's elements end badly (Err says where).
	BadArray
	// BadNexthop: the struct rtnexthop at Offset is cut short or has a
	// bad length.
	BadNexthop
	// BadAck: an NLMSG_ERROR or NLMSG_DONE cannot be parsed (Err).
	BadAck
	// BadPolicy: an NLMSGERR_ATTR_POLICY cannot be parsed (Err).
	BadPolicy
)

// Problem is something malformed the walk found. It is an error, and
// unwraps to the error underneath, if any.
type Problem struct {
	Kind ProblemKind
	// Msg is the message (or echoed request) it was found in.
	Msg *Kind
	// Offset is where, from the start of the nlmsghdr, for
	// ShortNestHeader and BadNexthop (the other kinds' Err says where).
	Offset int
	// Len and Want are the lengths of ShortHeader and ShortNestHeader.
	Len, Want int
	// Struct is ShortHeader's fixed header.
	Struct string
	// Err is the error underneath, or nil.
	Err error
}

// Error describes the problem, without the message's name.
func (p *Problem) Error() string {
	var b []byte
	switch p.Kind {
	case ShortHeader:
		b = append(b, "payload of "...)
		b = strconv.AppendInt(b, int64(p.Len), 10)
		b = append(b, " bytes is shorter than its "...)
		b = strconv.AppendInt(b, int64(p.Want), 10)
		b = append(b, "-byte "...)
		b = append(b, p.Struct...)
	case ShortNestHeader:
		b = append(b, "nest at offset "...)
		b = strconv.AppendInt(b, int64(p.Offset), 10)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(p.Len), 10)
		b = append(b, " bytes, shorter than its "...)
		b = strconv.AppendInt(b, int64(p.Want), 10)
		b = append(b, "-byte header"...)
	case BadNexthop:
		b = append(b, "bad rtnexthop at offset "...)
		b = strconv.AppendInt(b, int64(p.Offset), 10)
	case BadPolicy:
		b = append(b, "NLMSGERR_ATTR_POLICY: "...)
		b = append(b, p.Err.Error()...)
	default:
		if p.Err == nil {
			return "dissect: malformed message"
		}
		return p.Err.Error()
	}
	return string(b)
}

// Unwrap returns the error underneath.
func (p *Problem) Unwrap() error { return p.Err }
