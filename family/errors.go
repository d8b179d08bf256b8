package family

import (
	"errors"
	"strconv"
)

// ErrShortHeader is the error a fixed-header parser returns, wrapped in
// a *HeaderError, when the buffer is shorter than the header.
var ErrShortHeader = errors.New("family: buffer shorter than header")

// HeaderError reports a buffer too short for a family's fixed header
// (the kernel's "Invalid header length").
type HeaderError struct {
	Struct string // the C struct ("ifinfomsg")
	Len    int    // the bytes available
	Want   int    // the header's size
}

// Error returns "family: struct ifinfomsg needs 16 bytes, have 3".
func (e *HeaderError) Error() string {
	return "family: struct " + e.Struct + " needs " + strconv.Itoa(e.Want) +
		" bytes, have " + strconv.Itoa(e.Len)
}

// Unwrap returns ErrShortHeader.
func (e *HeaderError) Unwrap() error { return ErrShortHeader }
