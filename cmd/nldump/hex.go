package main

import (
	"encoding/binary"
	"slices"
)

// appendHex appends p in lowercase hex, as encoding/hex's AppendEncode
// does, eight bytes at a time with arithmetic on words (hexHalf) instead
// of a table look-up and a store a byte: the many binary stats blocks of
// a link dump make hex most of nldump's output.
func appendHex(b, p []byte) []byte {
	n := len(b)
	b = slices.Grow(b, 2*len(p))[:n+2*len(p)]
	encodeHex(b[n:], p)
	return b
}

// encodeHex writes the hex digits of src to dst, which holds twice as
// many bytes.
func encodeHex(dst, src []byte) {
	for len(src) >= 16 && len(dst) >= 32 {
		x, y := binary.BigEndian.Uint64(src), binary.BigEndian.Uint64(src[8:])
		binary.BigEndian.PutUint64(dst, hexHalf(uint32(x>>32)))
		binary.BigEndian.PutUint64(dst[8:], hexHalf(uint32(x)))
		binary.BigEndian.PutUint64(dst[16:], hexHalf(uint32(y>>32)))
		binary.BigEndian.PutUint64(dst[24:], hexHalf(uint32(y)))
		src, dst = src[16:], dst[32:]
	}
	for len(src) >= 8 && len(dst) >= 16 {
		x := binary.BigEndian.Uint64(src)
		binary.BigEndian.PutUint64(dst, hexHalf(uint32(x>>32)))
		binary.BigEndian.PutUint64(dst[8:], hexHalf(uint32(x)))
		src, dst = src[8:], dst[16:]
	}
	const digits = "0123456789abcdef"
	for i, c := range src {
		if 2*i+1 < len(dst) {
			dst[2*i], dst[2*i+1] = digits[c>>4], digits[c&0xf]
		}
	}
}

// hexHalf returns the eight hex digits of v, most significant first, as
// a big-endian word of ASCII.
func hexHalf(v uint32) uint64 {
	const (
		lanes16 = 0x0000ffff0000ffff
		lanes8  = 0x00ff00ff00ff00ff
		nibbles = 0x000f000f000f000f
		ones    = 0x0101010101010101
	)
	t := uint64(v)
	t = (t | t<<16) & lanes16 // one byte of v a 16-bit lane
	t = (t | t<<8) & lanes8
	t = (t>>4&nibbles)<<8 | t&nibbles // a nibble a byte, high one first
	// A nibble over 9 carries into bit 4 when 6 is added: 'a'-'0'-10 = 39
	// more for those.
	over := (t + 6*ones) >> 4 & ones
	return t + '0'*ones + over*39
}
