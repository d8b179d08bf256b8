package ynl

import (
	"errors"
	"strconv"
)

// Sentinel errors, wrapped by *Error (errors.Is finds them).
var (
	// ErrLimit: the input is larger than MaxSize, has more than
	// MaxTokens tokens, or its aliases expand past the walk budget.
	ErrLimit = errors.New("ynl: limit exceeded")
	// ErrSyntax: the input is not well-formed YAML.
	ErrSyntax = errors.New("ynl: YAML syntax error")
	// ErrInvalid: the YAML is well-formed but not a valid spec (a key of
	// the wrong kind, an unknown attribute type, a missing name, ...).
	ErrInvalid = errors.New("ynl: invalid spec")
	// ErrUndefined: the spec refers to a definition, attribute set,
	// attribute, sub-message, operation or multicast group it does not
	// define.
	ErrUndefined = errors.New("ynl: undefined name")
)

// Error is an error in a spec, with its position in the text.
type Error struct {
	File string // the file's name, when the spec came from ParseFile
	Pos  Pos    // line and column from 1; Column 0 when unknown
	Msg  string
	Err  error // ErrLimit, ErrSyntax, ErrInvalid or ErrUndefined
}

// Error returns "file:line:column: message" (or "ynl: line:column:
// message" without a file name).
func (e *Error) Error() string {
	b := make([]byte, 0, 32+len(e.File)+len(e.Msg))
	if e.File != "" {
		b = append(b, e.File...)
	} else {
		b = append(b, "ynl"...)
	}
	if e.Pos.Line > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.Pos.Line), 10)
		if e.Pos.Column > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(e.Pos.Column), 10)
		}
	}
	b = append(b, ": "...)
	b = append(b, e.Msg...)
	return string(b)
}

// Unwrap returns the sentinel the error is an instance of.
func (e *Error) Unwrap() error { return e.Err }

// quote quotes a name from the input for an error message, escaping
// what is not printable ASCII and shortening what is long.
func quote(s string) string {
	const maxLen = 64
	short := false
	if len(s) > maxLen {
		s, short = s[:maxLen], true
	}
	q := strconv.QuoteToASCII(s)
	if short {
		q += "..."
	}
	return q
}
