package typed

import (
	"strconv"
	"strings"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
)

// CheckString applies the kernel's checks of a string attribute: a
// payload of at least one byte; with nul (NLA_NUL_STRING) a NUL within
// the first maxLen+1 bytes (all of them if maxLen is 0); and at most
// maxLen bytes before a final NUL, if maxLen is set.
func CheckString(p []byte, nul bool, maxLen int) bool {
	if len(p) == 0 {
		return false
	}
	if nul {
		n := len(p)
		if maxLen > 0 {
			n = min(n, maxLen+1)
		}
		if !HasNUL(p, n) {
			return false
		}
	}
	if maxLen > 0 {
		n := len(p)
		if p[n-1] == 0 {
			n--
		}
		if n > maxLen {
			return false
		}
	}
	return true
}

// CheckBinary reports whether a payload of n bytes is within [lo, hi]
// (hi < 0: no maximum).
func CheckBinary(n int, lo, hi int64) bool {
	return int64(n) >= lo && (hi < 0 || int64(n) <= hi)
}

// CheckBitfield32 applies the kernel's validate_nla_bitfield32: a
// policy with valid bits, no bit outside them in the selector or the
// value, and no bit in the value the selector does not select.
func CheckBitfield32(v Bitfield32, valid uint32) bool {
	return valid != 0 && v.Selector&^valid == 0 && v.Value&^valid == 0 && v.Value&^v.Selector == 0
}

// CheckArray checks the elements of an indexed-array or nest-type-value
// in p, the payload at offset base, as the kernel's nla_validate_array
// walks them: the walk stops, without an error, at bytes that are not a
// whole attribute; an element of 1 to 3 bytes is refused when the
// elements are nests (size 0); with size > 0 every payload must have
// that many bytes (more if lenient), with size -1 4 or 8 (a
// variable-width integer); size -2 takes any payload. It returns the
// number of elements.
func CheckArray(p []byte, o *Options, base, size int, set, name string) (int, error) {
	if len(p) != 0 && len(p) < attr.HeaderLen {
		return 0, o.Fail(base-attr.HeaderLen, set, name, 0, ErrLength)
	}
	sw := o.Order.Swap()
	count, off := 0, 0
	for len(p)-off >= attr.HeaderLen {
		n := int(Uint16(p[off:], sw))
		raw := Uint16(p[off+2:], sw)
		if n < attr.HeaderLen || n > len(p)-off {
			break
		}
		l := n - attr.HeaderLen
		switch {
		case size == 0 && l > 0 && l < attr.HeaderLen:
			return 0, o.Fail(base+off, set, name, raw, ErrLength)
		case size > 0 && l != size && o.BadLen(l < size):
			return 0, o.Fail(base+off, set, name, raw, ErrLength)
		case size < 0 && l != 4 && l != 8:
			return 0, o.Fail(base+off, set, name, raw, ErrLength)
		}
		count++
		off += attr.Align(n)
	}
	return count, nil
}

// EnumString returns the C name of enum value v, or v in decimal.
func EnumString(e *family.EnumDef, v uint64) string {
	if n := e.Name(v); n != "" {
		return n
	}
	return strconv.FormatUint(v, 10)
}

// FlagsString returns the C names of the bits of v joined by "|", a bit
// without a name in hex, "0" for none.
func FlagsString(e *family.EnumDef, v uint64) string {
	if v == 0 {
		return "0"
	}
	var parts []string
	for bit := uint64(1); bit != 0 && v != 0; bit <<= 1 {
		if v&bit == 0 {
			continue
		}
		v &^= bit
		if n := e.Name(bit); n != "" {
			parts = append(parts, n)
		} else {
			parts = append(parts, "0x"+strconv.FormatUint(bit, 16))
		}
	}
	return strings.Join(parts, "|")
}

// Attrs is what every generated attribute set type does.
type Attrs interface {
	// Decode reads a nest's payload; see Options.
	Decode(b []byte, o *Options) error
	// Encode writes the present attributes.
	Encode(e *attr.Encoder)
	// Reset marks every attribute absent.
	Reset()
}

// SetType names a generated set type and makes one.
type SetType struct {
	Name string       // the set's spec name
	New  func() Attrs // a new, empty value of the type
}
