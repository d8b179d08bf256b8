// Package wire encodes and decodes netlink messages (struct nlmsghdr):
// headers and flags, the messages of a datagram, message building, and
// the kernel's error and done messages with extended ACK.
//
// A [Reader] walks the messages of one received datagram the way the
// kernel's nlmsg_ok and nlmsg_next do; a [Builder] appends messages,
// with their attributes, to a caller's buffer. [ParseError] reads
// NLMSG_ERROR and NLMSG_DONE, and [AppendAck],
// [AppendError] and [AppendDone] write them byte for byte as the kernel's
// netlink_ack and netlink_dump_done do, for tests and fake kernels.
//
// Nothing here allocates on success: readers return views into the
// caller's buffer, and builders append to it. Integers are in the host's
// byte order unless an explicit [nlwire.Order] is given.
package wire
