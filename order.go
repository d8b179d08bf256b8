package nlwire

import "github.com/nlwire/nlwire/internal/endian"

// Order is the byte order of the integers in a netlink message: the
// host's own by default, or an explicit one for building or parsing the
// messages of another target (a capture from a big-endian machine, a
// request built on amd64 for s390x).
//
// The netlink wire format has no byte order of its own: the kernel reads
// and writes every header and attribute in the CPU's order, except
// attributes flagged NLA_F_NET_BYTEORDER, which are big-endian.
// The zero value is Native.
type Order uint8

// Byte orders.
const (
	Native       Order = iota // the byte order of the machine running the program
	LittleEndian              // least significant byte first (amd64, arm64, riscv64, ...)
	BigEndian                 // most significant byte first (s390x, ppc64, mips, ...)
)

// Swap reports whether values in order o must be byte-swapped relative to
// the host's native order.
func (o Order) Swap() bool {
	switch o {
	case LittleEndian:
		return endian.HostBig
	case BigEndian:
		return !endian.HostBig
	}
	return false
}

// String returns "native", "little-endian" or "big-endian".
func (o Order) String() string {
	switch o {
	case Native:
		return "native"
	case LittleEndian:
		return "little-endian"
	case BigEndian:
		return "big-endian"
	}
	return "invalid order"
}

// Host returns the host's byte order, LittleEndian or BigEndian.
func Host() Order {
	if endian.HostBig {
		return BigEndian
	}
	return LittleEndian
}
