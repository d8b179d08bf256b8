package validate

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Test helpers that build attributes in a given byte order. They are
// deliberately independent of the attr package's encoder so that the
// tests check the validator against hand-made bytes.

// enc builds attributes in one byte order.
type enc struct{ swap bool }

var host = enc{}

func (e enc) raw(typ uint16, p []byte, nlaLen int) []byte {
	b := make([]byte, 4, 4+len(p)+3)
	endian.PutUint16(b, uint16(nlaLen), e.swap)
	endian.PutUint16(b[2:], typ, e.swap)
	b = append(b, p...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// a returns an attribute of raw type typ (flags included) with payload p,
// padded.
func (e enc) a(typ uint16, p []byte) []byte { return e.raw(typ, p, 4+len(p)) }

// nest returns a nest of type typ with NLA_F_NESTED set.
func (e enc) nest(typ uint16, kids ...[]byte) []byte { return e.a(typ|0x8000, cat(kids...)) }

// plainNest returns a nest of type typ without NLA_F_NESTED.
func (e enc) plainNest(typ uint16, kids ...[]byte) []byte { return e.a(typ, cat(kids...)) }

func (e enc) u16(v uint16) []byte {
	b := make([]byte, 2)
	endian.PutUint16(b, v, e.swap)
	return b
}

func (e enc) u32(v uint32) []byte {
	b := make([]byte, 4)
	endian.PutUint32(b, v, e.swap)
	return b
}

func (e enc) u64(v uint64) []byte {
	b := make([]byte, 8)
	endian.PutUint64(b, v, e.swap)
	return b
}

func (e enc) bf32(value, selector uint32) []byte { return cat(e.u32(value), e.u32(selector)) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

func n(k int) []byte { return make([]byte, k) }

func str(s string) []byte { return []byte(s) }

// result is the comparable part of an *Error.
type result struct {
	Errno     nlwire.Errno
	Msg       string
	Offset    int
	HasOffset bool
	Path      []uint16
	HasPolicy bool
}

func resultOf(err error) *result {
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(err, &e) {
		return &result{Msg: "not a *validate.Error: " + err.Error()}
	}
	return &result{e.Errno, e.Msg, e.Offset, e.HasOffset, e.Path, e.HasPolicy}
}

// fail builds an expected result with an offset.
func fail(errno nlwire.Errno, msg string, off int, pol bool, path ...uint16) *result {
	return &result{Errno: errno, Msg: msg, Offset: off, HasOffset: true, Path: path, HasPolicy: pol}
}

// failNoOffset builds an expected result without an offset.
func failNoOffset(errno nlwire.Errno, msg string, path ...uint16) *result {
	return &result{Errno: errno, Msg: msg, Path: path}
}
