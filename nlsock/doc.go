// Package nlsock is nlwire's thin socket adapter: it opens Linux netlink
// sockets (AF_NETLINK), sends the datagrams that package wire builds and
// receives the kernel's answers into caller buffers. It is the only
// package of the module that makes system calls, and it works only on
// Linux; elsewhere it compiles, and Dial returns ErrNotSupported.
//
// A Conn is one socket of one netlink family (NETLINK_ROUTE,
// NETLINK_GENERIC, ...), optionally opened in another network namespace
// (Config.NetNS) without moving the calling thread there. Send and
// Receive move whole datagrams and allocate nothing; a datagram larger
// than the caller's buffer is never cut short: Receive leaves it queued
// and returns a *TruncatedError with the size it needs.
//
// Execute sends one request and streams the replies to a callback (or, with
// Messages, to a range loop) until the kernel's acknowledgement or, for a
// dump, NLMSG_DONE. Each reply comes as a wire.Message, read in place: its
// Header, its Payload and, after the family header, its Attrs. It numbers the request, asks for an acknowledgement, and
// returns the kernel's NLMSG_ERROR, or an error in NLMSG_DONE, as a
// *wire.Error carrying the extended acknowledgement (message, offset of the
// offending attribute, policy). A dump the kernel marked inconsistent
// (NLM_F_DUMP_INTR) ends with ErrDumpInterrupted, which asks for a retry.
//
// Only the kernel is believed: a datagram whose sender port ID is not 0 is
// dropped, and a reply whose sequence number or port ID is not the
// request's is dropped too. Neither is ever returned; Stats counts them.
// Only replies reach Execute's callback: a multicast notification is told
// apart by the group it was sent to (NETLINK_PKTINFO, which ReceiveFrom
// returns), not by its header, since the kernel's notification of a change
// carries the sequence number and port ID of the request that made it.
// Execute drops notifications and counts them; a Conn that listens to
// groups and also executes requests loses those that arrive meanwhile, so
// listen on a Conn of its own.
//
// Generic netlink helpers resolve a family by name (CTRL_CMD_GETFAMILY)
// and fetch the policies it exports (CTRL_CMD_GETPOLICY) as a
// validate.PolicyDump. A Recorder in the Config sees every datagram sent
// and received; capture.NewRecorder saves them as pcap or pcapng.
//
// By default a Conn turns on NETLINK_EXT_ACK (extended acknowledgements),
// NETLINK_GET_STRICT_CHK (strict checking of rtnetlink GET requests) and
// NETLINK_PKTINFO (the group of each datagram received);
// NETLINK_CAP_ACK, NETLINK_NO_ENOBUFS and NETLINK_LISTEN_ALL_NSID stay off
// unless the Config asks for them.
package nlsock
