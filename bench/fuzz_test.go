package bench

import (
	"bytes"
	"encoding/binary"
	"testing"

	mdl "github.com/mdlayher/netlink"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// kattr is one attribute as a walk saw it: nla_type with its flags, and
// the payload.
type kattr struct {
	typ     uint16
	payload []byte
}

// kernelWalk is a direct transcription of the kernel's attribute loop
// (include/net/netlink.h), on little-endian bytes:
//
//	#define nla_for_each_attr(pos, head, len, rem) \
//		for (pos = head, rem = len; nla_ok(pos, rem); pos = nla_next(pos, &(rem)))
//
//	static inline int nla_ok(const struct nlattr *nla, int remaining)
//	{
//		return remaining >= (int) sizeof(*nla) &&
//		       nla->nla_len >= sizeof(*nla) &&
//		       nla->nla_len <= remaining;
//	}
//
//	static inline struct nlattr *nla_next(const struct nlattr *nla, int *remaining)
//	{
//		unsigned int totlen = NLA_ALIGN(nla->nla_len);
//		*remaining -= totlen;
//		return (struct nlattr *) ((char *) nla + totlen);
//	}
//
// It returns the attributes and the bytes left over (rem when the loop
// ends, which __nla_validate_parse warns about when positive).
func kernelWalk(b []byte) (attrs []kattr, leftover int) {
	pos, rem := 0, len(b)
	for rem >= 4 {
		nlaLen := int(binary.LittleEndian.Uint16(b[pos:]))
		if nlaLen < 4 || nlaLen > rem {
			break
		}
		attrs = append(attrs, kattr{binary.LittleEndian.Uint16(b[pos+2:]), b[pos+4 : pos+nlaLen]})
		totlen := (nlaLen + 3) &^ 3
		rem -= totlen
		pos += totlen
	}
	return attrs, max(rem, 0)
}

// nlwireWalk walks b with attr.Decoder, lenient and little-endian.
func nlwireWalk(t *testing.T, b []byte) (attrs []kattr, leftover int) {
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).Lenient()
	for d.Next() {
		if d.Type() != d.RawType()&attr.TypeMask || d.Flags() != d.RawType()&^attr.TypeMask {
			t.Fatalf("Type %#x and Flags %#x do not split RawType %#x", d.Type(), d.Flags(), d.RawType())
		}
		attrs = append(attrs, kattr{d.RawType(), d.Bytes()})
	}
	if err := d.Err(); err != nil {
		t.Fatalf("lenient walk reported %v", err)
	}
	return attrs, d.Leftover()
}

// mdlayherWalk walks b with mdlayher's AttributeDecoder. ctorErr reports
// that NewAttributeDecoder refused b; nextErr that Next stopped on an
// error.
func mdlayherWalk(b []byte) (attrs []kattr, ctorErr, nextErr error) {
	ad, err := mdl.NewAttributeDecoder(b)
	if err != nil {
		return nil, err, nil
	}
	ad.ByteOrder = binary.LittleEndian
	for ad.Next() {
		attrs = append(attrs, kattr{ad.Type() | ad.TypeFlags(), ad.Bytes()})
	}
	return attrs, nil, ad.Err()
}

func sameAttrs(a, b []kattr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].typ != b[i].typ || !bytes.Equal(a[i].payload, b[i].payload) {
			return false
		}
	}
	return true
}

// FuzzAttrWalk walks any bytes as attributes with nlwire and with
// mdlayher/netlink and checks them against the kernel's loop.
//
// nlwire must always match the kernel: the same (nla_type, payload)
// pairs and the same leftover. Where the kernel consumes every byte, the
// attributes are well formed and mdlayher must agree too. Where the
// kernel stops early, mdlayher differs, as its attribute.go is written
// (v1.11.2):
//
//   - NewAttributeDecoder first counts the attributes; if its count
//     reaches a position with 1 to 3 bytes left (trailing bytes after
//     the last attribute), it fails the whole decoder: no attribute at
//     all, where the kernel reads every attribute before the tail.
//   - An attribute with nla_len 0 is yielded with an empty payload and
//     the walk goes on 4 bytes later; the kernel stops there.
//   - nla_len 1 to 3, or past the end, stops Next with an error; the
//     kernel stops silently.
//
// So when the kernel leaves bytes over, either mdlayher refused the
// input outright, or the kernel's attributes are a prefix of mdlayher's
// and mdlayher either failed or went past an nla_len of 0.
//
// Nested payloads (NLA_F_NESTED) are walked the same way, recursively.
func FuzzAttrWalk(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{8, 0, 3, 0, 'l', 'o', 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		checkWalk(t, b, 0)
	})
}

func checkWalk(t *testing.T, b []byte, depth int) {
	k, kleft := kernelWalk(b)
	n, nleft := nlwireWalk(t, b)
	if !sameAttrs(k, n) || kleft != nleft {
		t.Fatalf("depth %d: nlwire walked %d attributes leaving %d, the kernel %d leaving %d\nnlwire %x\nkernel %x",
			depth, len(n), nleft, len(k), kleft, n, k)
	}

	// A strict decoder sees the same attributes and fails exactly when
	// the kernel leaves bytes over.
	sd := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian)
	i := 0
	for sd.Next() {
		if i >= len(k) || sd.RawType() != k[i].typ || !bytes.Equal(sd.Bytes(), k[i].payload) {
			t.Fatalf("depth %d: strict walk differs at attribute %d", depth, i)
		}
		i++
	}
	if i != len(k) || (sd.Err() != nil) != (kleft > 0) {
		t.Fatalf("depth %d: strict walk saw %d of %d attributes, err %v with %d bytes left over", depth, i, len(k), sd.Err(), kleft)
	}

	m, ctorErr, nextErr := mdlayherWalk(b)
	if kleft == 0 {
		if ctorErr != nil || nextErr != nil || !sameAttrs(k, m) {
			t.Fatalf("depth %d: well-formed attributes, mdlayher differs: ctor %v, next %v\nmdlayher %x\nkernel   %x", depth, ctorErr, nextErr, m, k)
		}
	} else if ctorErr == nil {
		// The kernel stopped at pos; mdlayher must have walked the same
		// attributes up to there, then failed or gone past nla_len 0.
		if len(m) < len(k) || !sameAttrs(k, m[:len(k)]) {
			t.Fatalf("depth %d: mdlayher diverges before the kernel stops\nmdlayher %x\nkernel   %x", depth, m, k)
		}
		pos := len(b) - kleft
		zeroLen := kleft >= 4 && binary.LittleEndian.Uint16(b[pos:]) == 0
		if nextErr == nil && !zeroLen {
			t.Fatalf("depth %d: kernel stops at %d (%d bytes left) but mdlayher ends cleanly", depth, pos, kleft)
		}
		if zeroLen {
			z := kattr{typ: binary.LittleEndian.Uint16(b[pos+2:])}
			if len(m) == len(k) || !sameAttrs(m[len(k):len(k)+1], []kattr{z}) {
				t.Fatalf("depth %d: mdlayher did not yield the nla_len 0 attribute at %d", depth, pos)
			}
		}
	}

	if depth < 4 {
		for _, a := range k {
			if a.typ&attr.FlagNested != 0 {
				checkWalk(t, a.payload, depth+1)
			}
		}
	}
}
