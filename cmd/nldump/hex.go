package main

import "encoding/binary"

// hexPairs holds the two hex digits of every byte value, as a
// little-endian uint16 to store at once.
var hexPairs = func() (t [256]uint16) {
	const digits = "0123456789abcdef"
	for i := range t {
		t[i] = uint16(digits[i>>4]) | uint16(digits[i&0xf])<<8
	}
	return t
}()

// appendHex appends p in lowercase hex: encoding/hex's AppendEncode with
// one table lookup and one store a byte, which matters for the many
// binary stats blocks of a link dump.
func appendHex(b, p []byte) []byte {
	n := len(b)
	b = append(b, make([]byte, 2*len(p))...)
	out := b[n:]
	for i, c := range p {
		binary.LittleEndian.PutUint16(out[2*i:], hexPairs[c])
	}
	return b
}
