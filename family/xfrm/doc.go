// Package xfrm describes NETLINK_XFRM, the IPsec configuration interface
// of ip-xfrm(8) and IKE daemons, as data: the numbers, fixed headers and
// attribute tables of its SA, policy, event and information messages, as
// the Linux UAPI header include/uapi/linux/xfrm.h and
// net/xfrm/xfrm_user.c define them. No YNL spec describes this family.
//
// It holds:
//
//   - Constants under the kernel's C names: message types
//     (XFRM_MSG_NEWSA, ...), attribute types (XFRMA_*, XFRMA_SAD_*,
//     XFRMA_SPD_*), modes, directions, flags and the multicast groups
//     (XFRMNLGRP_*).
//   - The fixed headers, as values parsed and written in any byte order:
//     UsersaInfo, UsersaID, AeventID, UserspiInfo, UserpolicyInfo,
//     UserpolicyID, UserAcquire, UserExpire, UserPolexpire, UsersaFlush,
//     UserReport, UserMapping, UserpolicyDefault, and UserTmpl (the
//     payload of XFRMA_TMPL). Addresses (Address) and SPIs are in network
//     byte order on the wire whatever the message's; the parsers give the
//     SPI and ports as numbers.
//   - Attribute tables (Attrs, SADAttrs, SPDAttrs) and Messages, the
//     message table, with Lookup for the dump requests, which carry no
//     header.
//
// Nothing here makes a system call: the package builds and works on
// every GOOS and GOARCH. On Linux, the tests compare the constants and
// the struct sizes and offsets with the C header compiled by gcc, and
// with golang.org/x/sys/unix where it defines them.
package xfrm
