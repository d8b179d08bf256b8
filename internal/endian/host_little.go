//go:build !(armbe || arm64be || m68k || mips || mips64 || mips64p32 || ppc || ppc64 || s390 || s390x || shbe || sparc || sparc64)

package endian

// HostBig reports whether the host is big-endian.
const HostBig = false

// HostBigBit is HostBig as a number, 0.
const HostBigBit = 0
