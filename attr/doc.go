// Package attr encodes and decodes netlink attributes (struct nlattr
// TLVs), nested to any depth, over caller-supplied buffers without
// allocating.
//
// An attribute is a 4-byte header {u16 nla_len; u16 nla_type} followed
// by its payload and padded to a multiple of 4 bytes (NLA_ALIGN).
// nla_len counts the header and the payload but not the padding. The two
// top bits of nla_type are flags: NLA_F_NESTED (FlagNested) and
// NLA_F_NET_BYTEORDER (FlagNetByteOrder); the type proper is
// nla_type & NLA_TYPE_MASK (TypeMask).
//
// A Decoder walks a run of attributes exactly as the kernel's
// nla_for_each_attr does (lib/nlattr.c, include/net/netlink.h): the walk
// goes on while at least 4 bytes remain and 4 <= nla_len <= remaining,
// and advances by NLA_ALIGN(nla_len), so an unpadded last attribute is
// fine. By default the walk is strict: a header that does not fit, an
// nla_len below 4 or a tail of 1 to 3 bytes latches an *Error. Lenient
// returns a decoder that ends such a walk silently, as the kernel does,
// and reports the bytes left over.
//
//	d := attr.NewDecoder(payload)
//	for d.Next() {
//		switch d.Type() {
//		case unix.IFLA_IFNAME:
//			name = d.String()
//		case unix.IFLA_MTU:
//			mtu = d.Uint32()
//		case unix.IFLA_LINKINFO:
//			li := d.Nested()
//			for li.Next() { ... }
//		}
//	}
//	if err := d.Err(); err != nil { ... }
//
// Typed reads check the payload length exactly and latch
// *Error{Offset, Type, ErrBadLength} on a mismatch; offsets are those
// of attribute headers, counted from the base given to WithBase, so they
// match the kernel's NLMSGERR_ATTR_OFFS.
//
// An Encoder appends attributes to a buffer, like the kernel's nla_put_*
// helpers; Begin and End bracket a nest and patch its nla_len. Errors
// latch: after the first one every call is a no-op, and Finish reports
// it. No output whose nla_len would exceed 65535 is ever produced.
//
// Integers are read and written in the host's byte order unless
// WithOrder says otherwise; BE16, BE32 and BE64 are always big-endian.
package attr
