// Package sockdiag describes NETLINK_SOCK_DIAG as data: the numbers,
// fixed headers and attribute tables of the socket monitoring messages
// ss(8) exchanges with the kernel, for inet (TCP, UDP, raw, ...), unix,
// netlink and packet sockets, as the Linux UAPI headers
// (include/uapi/linux/sock_diag.h, inet_diag.h, unix_diag.h,
// netlink_diag.h, packet_diag.h, and tls.h and mptcp.h for
// INET_DIAG_ULP_INFO) define them. No YNL spec describes this family.
//
// It holds:
//
//   - Constants under the kernel's C names: message types
//     (SOCK_DIAG_BY_FAMILY, SOCK_DESTROY and the legacy TCPDIAG_GETSOCK
//     and DCCPDIAG_GETSOCK), attribute types (INET_DIAG_*,
//     INET_DIAG_REQ_*, UNIX_DIAG_*, NETLINK_DIAG_*, PACKET_DIAG_* and
//     the nested spaces), request flags (UDIAG_SHOW_*, NDIAG_SHOW_*,
//     PACKET_SHOW_*) and the multicast groups (SKNLGRP_*).
//   - The fixed headers, as values parsed and written in any byte order:
//     InetDiagReqV2, InetDiagReq, InetDiagMsg (with SockID, whose ports
//     and addresses are big-endian whatever the message's order),
//     UnixDiagReq, UnixDiagMsg, NetlinkDiagReq, NetlinkDiagMsg,
//     PacketDiagReq, PacketDiagMsg, VsockDiagReq and VsockDiagMsg.
//   - Attribute tables (family.Set values) and Lookup, which gives a
//     message's header and attribute space: one message type has several
//     forms, chosen by direction (a request is a *_diag_req, its reply a
//     *_diag_msg) and by the address family in the payload's first byte.
//
// Nothing here makes a system call: the package builds and works on
// every GOOS and GOARCH. On Linux, the tests compare the constants and
// the struct sizes and offsets with the C headers compiled by gcc, and
// with golang.org/x/sys/unix where it defines them.
package sockdiag
