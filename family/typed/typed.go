// Package typed is what the typed code ynlgen generates for every YNL
// family (family/<name>/ztyped.go) shares: decoding options, the error
// that names an attribute and its offset, views of repeated attributes,
// and the reads and writes of integers in either byte order.
//
// A generated attribute set is a value type with one field per
// attribute and a presence bit for each: Decode fills it from a nest's
// payload, its getters return a value and whether the attribute was
// there, its setters set a value and mark it present, and Encode writes
// the present attributes, in the spec's order, to an attr.Encoder.
// Strings and binary payloads are views into the decoded buffer;
// repeated attributes are iterators over it (Multi); nothing allocates.
// Each set also has a builder, which appends each attribute to an
// attr.Encoder as its method is called (ArrayBuilder is the builder of
// indexed arrays of plain values): Encode writes through it.
//
// Decode follows the kernel's lib/nlattr.c. By default it is strict, as
// validate is in strict mode: a payload of the wrong length for its
// type, a string without its NUL where the spec wants one, a value
// outside the spec's range, bytes after the last attribute: each is an
// *Error naming the attribute and the offset of its header. Options.Lenient
// accepts what the kernel accepts without NL_VALIDATE_STRICT (a longer
// integer payload, trailing bytes). Nests are checked to the bottom as
// Decode reads them, the elements of repeated nests included; only a nest
// whose set contains itself (decoded on demand) is checked when it is
// read, as the kernel's generated policies leave such nests unchecked. Two strict-mode rules do not apply,
// because the kernel's own replies break them: NLA_F_NESTED is not
// required on nests (rtnetlink never sets it), and attribute types the
// spec does not know are skipped, not refused (a newer kernel sends
// them), unless Options.ReportUnknown says otherwise. For the same
// reason a value of an enum the spec does not name is kept, not refused:
// the ranges Decode checks are the spec's own checks (min, max,
// flags-mask), not those implied by an enum.
package typed

import (
	"encoding/binary"
	"errors"
	"strconv"
	"unsafe"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
)

// Options says how a generated Decode reads attributes. The zero value
// reads the host's byte order, strictly, skipping unknown attribute
// types, with offsets counted from the first byte given.
//
// A Decode given Options writes the details of a failure into them and
// returns a pointer to that storage: keep one Options per goroutine and
// no decode allocates, failing or not. Decode(b, nil) uses defaults and
// allocates the Options it needs.
type Options struct {
	// Order is the byte order of the attributes' integers; Native (the
	// zero value) is the host's.
	Order nlwire.Order
	// Lenient accepts what the kernel accepts without strict
	// validation: integer payloads longer than their type (the extra
	// bytes ignored) and bytes after the last attribute that cannot be
	// one (the walk stops there).
	Lenient bool
	// ReportUnknown makes an attribute type the spec does not describe
	// an error (ErrUnknown) instead of skipped.
	ReportUnknown bool
	// Base is the offset of the first byte given to Decode, for error
	// offsets: the payload's offset in its message (or datagram).
	Base int

	err  Error
	mode Mode // Mode(), as Prepare last computed it
}

// Prepare computes o's Mode once for the decode that follows: the
// generated entry points (Decode, DecodeMessage, iterators) call it,
// and the nested decodes they make read it with Prepared.
func (o *Options) Prepare() { o.mode = o.Mode() }

// Prepared returns the Mode Prepare computed.
func (o *Options) Prepared() Mode { return o.mode }

// Mode returns the packed form of o's flags that decoded values keep
// for their iterators.
func (o *Options) Mode() Mode {
	var m Mode
	if o.Order.Swap() {
		m |= Swap
	}
	if o.Lenient {
		m |= ModeLenient
	}
	if o.ReportUnknown {
		m |= ModeReportUnknown
	}
	return m
}

// Mode is Options without its storage: what a decoded value keeps to
// decode its repeated attributes later, in one byte.
type Mode uint8

// The bits of a Mode.
const (
	Swap              Mode = 1 << iota // integers are byte-swapped relative to the host
	ModeLenient                        // Options.Lenient
	ModeReportUnknown                  // Options.ReportUnknown
)

// Options returns the Options m stands for, with offsets from base.
func (m Mode) Options(base int) Options {
	o := Options{Lenient: m&ModeLenient != 0, ReportUnknown: m&ModeReportUnknown != 0, Base: base, mode: m}
	if m&Swap != 0 {
		o.Order = nlwire.Host()
		if o.Order == nlwire.LittleEndian {
			o.Order = nlwire.BigEndian
		} else {
			o.Order = nlwire.LittleEndian
		}
	}
	return o
}

// Sentinel errors: the Err of an *Error. Those attr already defines are
// attr's, so that errors.Is(err, attr.ErrTruncated) holds either way.
var (
	// ErrTruncated: an attribute's nla_len runs past its nest.
	ErrTruncated = attr.ErrTruncated
	// ErrLength: an nla_len below 4, or a payload whose length the
	// attribute's type or the spec's checks do not allow ("invalid
	// attribute length").
	ErrLength = attr.ErrBadLength
	// ErrTrailing: 1 to 3 bytes after the last attribute.
	ErrTrailing = attr.ErrTrailing
	// ErrUnknown: an attribute type the spec does not describe, with
	// Options.ReportUnknown.
	ErrUnknown = errors.New("unknown attribute type")
	// ErrRange: an integer outside the spec's min and max, or bits
	// outside its mask ("integer out of range").
	ErrRange = errors.New("integer out of range")
	// ErrString: a string without the NUL terminator its spec requires,
	// or longer than its max-len.
	ErrString = errors.New("invalid string")
	// ErrHeader: a payload shorter than the fixed header it starts with.
	ErrHeader = errors.New("payload shorter than its fixed header")
	// ErrNotInRequest: an attribute set in a request that the
	// operation's request does not take (Request.Append).
	ErrNotInRequest = errors.New("attribute not in the operation's request")
	// ErrSelector: a sub-message whose selector names no format, with
	// Options.ReportUnknown.
	ErrSelector = errors.New("unknown sub-message format")
	// ErrMessageType: a message DecodeMessage was given whose type is
	// not one of those of the operations on the reply's attribute set.
	ErrMessageType = errors.New("message of another type")
)

// Error is a decoding failure: which attribute, where, and why.
type Error struct {
	// Offset is the offset of the attribute's header, counted from
	// Options.Base.
	Offset int
	// Set is the spec name of the attribute set being decoded
	// ("link-attrs").
	Set string
	// Attr is the attribute's C name (IFLA_MTU), or "" for a type the
	// spec does not describe.
	Attr string
	// Type is the attribute type, flags stripped.
	Type uint16
	// Err is one of this package's sentinel errors.
	Err error
}

// Error returns "typed: link-attrs: IFLA_MTU (type 4) at offset 36: bad
// attribute length".
func (e *Error) Error() string {
	s := "typed: " + e.Set + ": "
	if e.Attr != "" {
		s += e.Attr + " (type " + strconv.Itoa(int(e.Type)) + ")"
	} else {
		s += "type " + strconv.Itoa(int(e.Type))
	}
	msg := "error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return s + " at offset " + strconv.Itoa(e.Offset) + ": " + msg
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// Fail records a failure in o and returns it. Generated code calls it
// on every error path: kept out of line, so that the decoders stay small.
//
//go:noinline
func (o *Options) Fail(off int, set, name string, typ uint16, err error) error {
	o.err = Error{Offset: off, Set: set, Attr: name, Type: typ & attr.TypeMask, Err: err}
	return &o.err
}

// BadLen reports whether a payload whose length differs from its
// type's fixed size is refused: always when it is short, and when it is
// longer unless o is lenient.
func (o *Options) BadLen(short bool) bool { return short || !o.Lenient }

// HostHeader reads the attribute header at p[:4], nla_len and nla_type
// (flags included), of attributes in the host's byte order, in one load;
// OtherHeader reads it in the other order. The generated walk of each
// order calls its own, cheap enough for the compiler to inline into the
// largest walks.
func HostHeader(p []byte) (int, uint16) {
	h := binary.NativeEndian.Uint32(p)
	if hostBig {
		return int(h >> 16), uint16(h)
	}
	return int(h & 0xffff), uint16(h >> 16)
}

// OtherHeader: see HostHeader.
func OtherHeader(p []byte) (int, uint16) {
	if hostBig {
		h := binary.LittleEndian.Uint32(p)
		return int(h & 0xffff), uint16(h >> 16)
	}
	h := binary.BigEndian.Uint32(p)
	return int(h >> 16), uint16(h)
}

// Uint16Host reads p[:2] for an attribute of raw type raw in a message
// in the host's byte order: Uint16At(p, raw, SwapBits(false)), cheap
// enough to inline into the largest walks. Uint16Other is the same for
// the other byte order, and Uint32Host ... Uint64Other for the wider
// integers.
func Uint16Host(p []byte, raw uint16) uint16 {
	if !hostBig && raw&attr.FlagNetByteOrder != 0 {
		return binary.BigEndian.Uint16(p)
	}
	return binary.NativeEndian.Uint16(p)
}

// Uint16Other: see Uint16Host.
func Uint16Other(p []byte, raw uint16) uint16 {
	if hostBig && raw&attr.FlagNetByteOrder == 0 {
		return binary.LittleEndian.Uint16(p)
	}
	return binary.BigEndian.Uint16(p)
}

// Uint32Host: see Uint16Host.
func Uint32Host(p []byte, raw uint16) uint32 {
	if !hostBig && raw&attr.FlagNetByteOrder != 0 {
		return binary.BigEndian.Uint32(p)
	}
	return binary.NativeEndian.Uint32(p)
}

// Uint32Other: see Uint16Host.
func Uint32Other(p []byte, raw uint16) uint32 {
	if hostBig && raw&attr.FlagNetByteOrder == 0 {
		return binary.LittleEndian.Uint32(p)
	}
	return binary.BigEndian.Uint32(p)
}

// Uint64Host: see Uint16Host.
func Uint64Host(p []byte, raw uint16) uint64 {
	if !hostBig && raw&attr.FlagNetByteOrder != 0 {
		return binary.BigEndian.Uint64(p)
	}
	return binary.NativeEndian.Uint64(p)
}

// Uint64Other: see Uint16Host.
func Uint64Other(p []byte, raw uint16) uint64 {
	if hostBig && raw&attr.FlagNetByteOrder == 0 {
		return binary.LittleEndian.Uint64(p)
	}
	return binary.BigEndian.Uint64(p)
}

// Uint16 reads p[:2], byte-swapped if swap.
func Uint16(p []byte, swap bool) uint16 { return endian.Uint16(p, swap) }

// Uint32 reads p[:4], byte-swapped if swap.
func Uint32(p []byte, swap bool) uint32 { return endian.Uint32(p, swap) }

// Uint64 reads p[:8], byte-swapped if swap.
func Uint64(p []byte, swap bool) uint64 { return endian.Uint64(p, swap) }

// Uint reads a variable-width NLA_UINT payload of 4 or 8 bytes.
func Uint(p []byte, swap bool) uint64 {
	if len(p) == 4 {
		return uint64(Uint32(p, swap))
	}
	return Uint64(p, swap)
}

// Int reads a variable-width NLA_SINT payload of 4 or 8 bytes.
func Int(p []byte, swap bool) int64 {
	if len(p) == 4 {
		return int64(int32(Uint32(p, swap)))
	}
	return int64(Uint64(p, swap))
}

// NetSwap returns the swap flag for an attribute whose raw type may
// carry NLA_F_NET_BYTEORDER: such a payload is big-endian whatever the
// message's order.
func NetSwap(raw uint16, swap bool) bool {
	if raw&attr.FlagNetByteOrder != 0 {
		return !hostBig
	}
	return swap
}

// BigSwap is the swap flag that reads or writes big-endian integers.
const BigSwap = !hostBig

// hostBig reports a big-endian host.
const hostBig = endian.HostBig

// PutUint16 writes v to p[:2], byte-swapped if swap.
func PutUint16(p []byte, v uint16, swap bool) { endian.PutUint16(p, v, swap) }

// PutUint32 writes v to p[:4], byte-swapped if swap.
func PutUint32(p []byte, v uint32, swap bool) { endian.PutUint32(p, v, swap) }

// PutUint64 writes v to p[:8], byte-swapped if swap.
func PutUint64(p []byte, v uint64, swap bool) { endian.PutUint64(p, v, swap) }

// EncoderSwap reports whether e writes integers byte-swapped relative
// to the host.
func EncoderSwap(e *attr.Encoder) bool { return e.Order().Swap() }

// CString returns p up to its first NUL: a string attribute's or a
// char array member's text.
func CString(p []byte) []byte {
	for i, c := range p {
		if c == 0 {
			return p[:i]
		}
	}
	return p
}

// HasNUL reports whether p holds a NUL within its first n bytes (all of
// p if n is 0 or beyond it): the kernel's NLA_NUL_STRING check.
func HasNUL(p []byte, n int) bool {
	if n <= 0 || n > len(p) {
		n = len(p)
	}
	for _, c := range p[:n] {
		if c == 0 {
			return true
		}
	}
	return false
}

// StringView returns the bytes of s without copying them: a setter's
// string kept as the view a getter returns. The bytes must not be
// written to.
func StringView(s string) []byte {
	if s == "" {
		return []byte{}
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// PutString encodes a string attribute: s and a NUL, as the kernel's
// nla_put_string does, or s as it is if it ends in a NUL already (a
// payload kept from Decode, written back byte for byte).
func PutString(e *attr.Encoder, typ uint16, s []byte) {
	if n := len(s); n > 0 && s[n-1] == 0 {
		e.Put(typ, s)
		return
	}
	e.StringBytes(typ, s)
}

// Bitfield32 is the payload of an NLA_BITFIELD32 attribute: the values
// of the bits Selector selects.
type Bitfield32 struct {
	Value, Selector uint32
}

// ArrayBuilder appends the entries of an indexed array whose entries
// are not nests of a described set: each entry's attribute type is its
// index, counting from 1, which Next hands out.
type ArrayBuilder struct {
	e    *attr.Encoder
	nest attr.Nest
	n    uint16
}

// BeginArray opens the indexed array typ (with NLA_F_NESTED) in e.
func BeginArray(e *attr.Encoder, typ uint16) ArrayBuilder {
	return ArrayBuilder{e: e, nest: e.Begin(typ)}
}

// Encoder returns the encoder the entries are appended to.
func (a *ArrayBuilder) Encoder() *attr.Encoder { return a.e }

// Next returns the attribute type of the next entry: 1, 2, ...
func (a *ArrayBuilder) Next() uint16 {
	a.n++
	return a.n
}

// End closes the array.
func (a *ArrayBuilder) End() { a.e.End(a.nest) }
