package wire

import (
	"errors"
	"strconv"

	"github.com/nlwire/nlwire/attr"
)

// Errors reported by this package, wrapped in a *FormatError that names
// the byte offset where they were found.
var (
	// ErrTruncated: a message header or payload runs past the end of the buffer.
	ErrTruncated = errors.New("message truncated")
	// ErrBadLength: a message's nlmsg_len is smaller than its header, or
	// an error or done message's layout is inconsistent with its length.
	ErrBadLength = errors.New("invalid message length")
	// ErrNotError: the message is not the type the parser reads.
	ErrNotError = errors.New("not an error or done message")
	// ErrOpenMessage: a message was begun while another was open, or
	// not ended before Finish.
	ErrOpenMessage = errors.New("message not ended")
	// ErrMisnested: End was called for a message that is not the open one
	// (or twice), while an attribute nest inside it was still open, or
	// bytes were added outside any message.
	ErrMisnested = errors.New("message ended out of order")
	// ErrShortBuffer: a fixed-size buffer is too small. It is the attr
	// package's sentinel, so errors.Is matches either name.
	ErrShortBuffer = attr.ErrShortBuffer
	// ErrMessageTooLong: a message would exceed the 32-bit nlmsg_len.
	ErrMessageTooLong = errors.New("message too long")
)

// FormatError reports malformed netlink message bytes: what was wrong
// (Err, one of this package's sentinels or an attr error) and the byte
// offset at which it was found.
type FormatError struct {
	Offset int   // byte offset from the start of the buffer given to the reader or parser
	Err    error // the cause: a sentinel such as ErrTruncated, or an *attr.Error
}

// Error returns "wire: <cause> at offset N" (an attribute error names its
// own offset).
func (e *FormatError) Error() string {
	var ae *attr.Error
	if errors.As(e.Err, &ae) && ae.Offset == e.Offset {
		return "wire: " + e.Err.Error()
	}
	return "wire: " + e.Err.Error() + " at offset " + strconv.Itoa(e.Offset)
}

// Unwrap returns the cause.
func (e *FormatError) Unwrap() error { return e.Err }

// attrError wraps an attribute error in a *FormatError at the attribute's
// offset, or at off if it carries none.
func attrError(err error, off int) error {
	var ae *attr.Error
	if errors.As(err, &ae) {
		off = ae.Offset
	}
	return &FormatError{Offset: off, Err: err}
}
