package main

// hexPairs holds the two hex digits of every byte value.
var hexPairs = func() (t [256][2]byte) {
	const digits = "0123456789abcdef"
	for i := range t {
		t[i] = [2]byte{digits[i>>4], digits[i&0xf]}
	}
	return t
}()

// appendHex appends p in lowercase hex: encoding/hex's AppendEncode, two
// digits a lookup, which matters for the many binary stats blocks of a
// link dump.
func appendHex(b, p []byte) []byte {
	n := len(b)
	b = append(b, make([]byte, 2*len(p))...)
	out := b[n:]
	for i, c := range p {
		pair := hexPairs[c]
		out[2*i], out[2*i+1] = pair[0], pair[1]
	}
	return b
}
