package attr

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors, wrapped in an *Error that says where they happened.
var (
	// ErrTruncated reports an attribute whose nla_len runs past the end of
	// the buffer.
	ErrTruncated = errors.New("attr: attribute runs past the end of the buffer")
	// ErrBadLength reports an nla_len below 4 (NLA_HDRLEN), or a payload
	// whose length does not fit the typed read.
	ErrBadLength = errors.New("attr: bad attribute length")
	// ErrTrailing reports 1 to 3 bytes after the last attribute, too few
	// for a header ("bytes leftover after parsing attributes").
	ErrTrailing = errors.New("attr: bytes leftover after parsing attributes")
	// ErrAttrTooLong reports an attribute or nest whose nla_len would
	// exceed 65535.
	ErrAttrTooLong = errors.New("attr: attribute longer than 65535 bytes")
	// ErrShortBuffer reports that a fixed encoder's buffer is full.
	ErrShortBuffer = errors.New("attr: buffer too short")
	// ErrMisnested reports End or Element called on a nest that is not the
	// innermost open one.
	ErrMisnested = errors.New("attr: nest ended out of order")
	// ErrOpenNest reports Finish called while a nest is still open.
	ErrOpenNest = errors.New("attr: nest still open")
)

// Error is a decoding or encoding error at an attribute.
type Error struct {
	// Offset is the byte offset of the attribute's header: relative to
	// the decoder's base (see Decoder.WithBase), or to the start of the
	// encoder's buffer.
	Offset int
	// Type is the attribute's type with the flags stripped, or 0 if the
	// header could not be read.
	Type uint16
	// Err is one of the sentinel errors of this package.
	Err error
}

// Error returns "attr: <what> at offset N, type T".
func (e *Error) Error() string {
	msg := "attr: error"
	if e.Err != nil {
		msg = e.Err.Error()
		if !strings.HasPrefix(msg, "attr: ") {
			msg = "attr: " + msg
		}
	}
	return msg + " at offset " + strconv.Itoa(e.Offset) + ", type " + strconv.Itoa(int(e.Type))
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }
