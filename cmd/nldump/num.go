package main

import "slices"

// digitPairs holds the two decimal digits of 0 to 99.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// appendUint appends v in decimal, as strconv.AppendUint(b, v, 10) does,
// with the digits written in place two at a time: nldump prints about a
// million numbers for 10 MB of capture, mostly short ones, for which
// strconv's calls and copy from a scratch buffer cost more than the
// digits.
func appendUint(b []byte, v uint64) []byte {
	if v < 10 { // inlined: most numbers are
		return append(b, byte('0'+v))
	}
	return appendUintLong(b, v)
}

// appendUintLong is appendUint for v of two digits or more.
func appendUintLong(b []byte, v uint64) []byte {
	if v < 100 {
		return append(b, digitPairs[2*v], digitPairs[2*v+1])
	}
	if v < 10000 { // offsets, lengths, MTUs: appended whole, without a loop
		q, r := v/100, v%100
		if q < 10 {
			return append(b, byte('0'+q), digitPairs[2*r], digitPairs[2*r+1])
		}
		return append(b, digitPairs[2*q], digitPairs[2*q+1], digitPairs[2*r], digitPairs[2*r+1])
	}
	n := decimalLen(v)
	b = slices.Grow(b, n)
	end := len(b) + n
	b = b[:end]
	out := b[end-n:]
	i := n
	for v >= 100 && i >= 2 {
		q := v / 100
		r := v - 100*q
		i -= 2
		out[i], out[i+1] = digitPairs[2*r], digitPairs[2*r+1]
		v = q
	}
	switch {
	case v >= 10 && i == 2:
		out[0], out[1] = digitPairs[2*v], digitPairs[2*v+1]
	case i == 1:
		out[0] = byte('0' + v)
	}
	return b
}

// appendInt appends v in decimal, as strconv.AppendInt(b, v, 10) does.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		return appendUint(append(b, '-'), -uint64(v))
	}
	return appendUint(b, uint64(v))
}

// decimalLen returns the number of decimal digits of v.
func decimalLen(v uint64) int {
	n := 1
	for v >= 10000 {
		v /= 10000
		n += 4
	}
	switch {
	case v >= 1000:
		n += 3
	case v >= 100:
		n += 2
	case v >= 10:
		n++
	}
	return n
}
