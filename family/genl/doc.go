// Package genl describes generic netlink's controller, "nlctrl"
// (NETLINK_GENERIC, include/uapi/linux/genetlink.h and
// net/netlink/genetlink.c), as data: the generic netlink header every
// generic family's messages start with, and the controller's commands,
// attributes and policies, with which a program finds a family's ID,
// operations, multicast groups and policies by name.
//
// It holds:
//
//   - Constants under the kernel's own C names: GENL_ID_CTRL, the
//     controller's fixed message type; its commands (CTRL_CMD_*) and
//     attributes (CTRL_ATTR_*, CTRL_ATTR_OP_*, CTRL_ATTR_MCAST_GRP_*,
//     CTRL_ATTR_POLICY_*, NL_POLICY_TYPE_ATTR_*), and the policy types
//     (NL_ATTR_TYPE_*) a CTRL_CMD_GETPOLICY dump reports.
//   - Header, struct genlmsghdr, parsed by ParseHeader and written by
//     wire.PutFixedHeader in the order of the wire.Builder it writes
//     into.
//   - Attribute tables (family.Set values such as CtrlAttrs, and
//     Messages) that name each attribute and nest, for dumpers, and
//     Commands and AttrTypes, which name the enumerations.
//   - FamilyPolicy and PolicyPolicy, the kernel's policies for
//     CTRL_CMD_GETFAMILY and CTRL_CMD_GETPOLICY, as validate.Policy
//     values. Other families' policies come from the kernel itself:
//     validate.ParsePolicyDump reads a CTRL_CMD_GETPOLICY dump.
//   - KernelFamilies, what Linux 6.18's generic families register and a
//     policy dump does not say (each operation's strictness, each form's
//     maximum attribute type, resv_start_op), and KernelDumpLosses, the
//     policy entries its dumps omit, which DumpLoss.Restore puts back.
//
// Other generic families get their message type at run time: ask the
// controller for it (CTRL_CMD_GETFAMILY with CTRL_ATTR_FAMILY_NAME), as
// nlsock's Conn.GenlFamily does. Their multicast groups come back the same
// way, in CTRL_ATTR_MCAST_GROUPS.
//
// The tables generated from the kernel's nlctrl spec (family/nlctrl)
// describe the same controller; this package is the source, and its
// tests (agree_test.go, spec_agree_test.go) hold the two to every fact
// both state: constants, commands, enumerations, attribute formats, the
// nesting, the policies. Where they differ the kernel's uAPI is right,
// and the tests list each case (the spec's numbering of
// NL_POLICY_TYPE_ATTR_MASK and PAD, its family-name without a maximum
// length, its name for the GETFAMILY reply).
//
// Nothing here makes a system call: the package builds and works on
// every GOOS and GOARCH. On Linux, the tests check every constant that
// golang.org/x/sys/unix also defines against it.
//
// Ask for the family "ethtool" in the host's byte order:
//
//	b := wire.NewBuilder(nil)
//	m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request | wire.Ack, Seq: 1})
//	wire.PutFixedHeader(&b, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 2})
//	b.Attrs().String(genl.CTRL_ATTR_FAMILY_NAME, "ethtool")
//	b.End(m)
//	req, err := b.Finish()
//
// and read the ID from the reply's payload:
//
//	d := attr.NewDecoder(payload[genl.HeaderLen:])
//	for d.Next() {
//		if d.Type() == genl.CTRL_ATTR_FAMILY_ID {
//			id = d.Uint16()
//		}
//	}
package genl
