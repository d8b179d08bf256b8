// Package nlwire is a pure-Go codec for the Linux netlink wire format.
//
// The module is split into small packages with one job each:
//
//   - wire: netlink messages (struct nlmsghdr): headers, flags, iterating
//     the messages of a datagram, building messages, error and done
//     messages with extended ACK.
//   - attr: netlink attributes (struct nlattr): typed decoding and encoding,
//     nesting, NLA_F_NESTED and NLA_F_NET_BYTEORDER, 64-bit padding.
//   - validate: attribute policies that accept and reject exactly what the
//     kernel's lib/nlattr.c accepts and rejects.
//   - family/route, family/genl: portable constants, fixed headers,
//     attribute names and kernel policies of NETLINK_ROUTE and generic
//     netlink, for every OS.
//   - capture: pcap and pcapng files of netlink traffic (link type 253).
//   - nlsock: the optional Linux socket adapter, the only package that
//     makes system calls.
//   - fuzz: policy-driven generators of attribute sets, valid or with one
//     targeted violation, for fuzzing netlink parsers.
//   - cmd/nldump: decodes captures offline, as text or JSON.
//
// This root package holds the little vocabulary they share: the byte
// [Order] of a message and the Linux [Errno].
//
// # Zero allocations
//
// Decoding, encoding, iterating and validating work over buffers the
// caller supplies and allocate nothing on success; tests assert it with
// testing.AllocsPerRun. Decoders hand out views into the caller's buffer,
// never copies, so a view is valid only as long as the buffer is. Errors
// are built only when something fails.
//
// # Byte order
//
// Netlink integers are in the byte order of the kernel that wrote them.
// Every decoder and encoder uses the host's order unless given another
// [Order], so messages for (or captured on) another target can be built
// and read on any machine. Attributes flagged NLA_F_NET_BYTEORDER are
// big-endian whatever the order.
//
// # Portability
//
// Nothing but the optional socket adapter, nlsock, makes a system call:
// the codec builds and runs on every GOOS and GOARCH, little- and
// big-endian. capture reads and writes its files by hand: a program
// that decodes or writes captures links no network stack and no cgo.
//
// # Stability
//
// The module is pre-1.0: exported names may still change between minor
// versions, and every change is noted in the commit log.
package nlwire
