// Package nltest is a fake Linux kernel for netlink tests: generic
// netlink families registered with a Kernel are answered byte for byte as
// Linux answers them, with no system calls, on every GOOS and GOARCH.
//
// A Kernel holds generic netlink families (name, ID, version, header
// size, multicast groups, operations with do and dump handlers, attribute
// policies and validation opt-outs) and the controller nlctrl
// (GENL_ID_CTRL), which describes them (CTRL_CMD_GETFAMILY, do and dump)
// and their policies (CTRL_CMD_GETPOLICY) as the kernel does, so that a
// client discovers families exactly as on Linux, and
// validate.ParsePolicyDump reads the fake's dumps back to the same
// policies. A Conn is a socket of it with the shape of nlsock.Conn: Send
// a datagram of requests, Receive the answers one datagram at a time.
//
// Around the handlers, the fake does what net/netlink/af_netlink.c and
// genetlink.c do (Linux 6.12 and later):
//
//   - netlink_rcv_skb: the messages of a datagram are handled in turn
//     while a whole header and its nlmsg_len fit; messages without
//     NLM_F_REQUEST and control types (below NLMSG_MIN_TYPE) are only
//     acknowledged, if they ask; an error, or success with NLM_F_ACK, is
//     answered with NLMSG_ERROR (wire.AppendError: the request echoed
//     unless NETLINK_CAP_ACK, extended ACK attributes unless the socket
//     turned NETLINK_EXT_ACK off).
//   - genl_rcv_msg: an unknown family ID is ENOENT; a message too short
//     for the genlmsghdr and the family's header is EINVAL with no
//     message; from the family's ResvStartOp on, validate.GenlHeader's
//     checks of genlmsghdr.reserved and nlmsg_flags; an unknown command,
//     or one without the form asked for (do, or dump with both bits of
//     NLM_F_DUMP), is EOPNOTSUPP. Permissions are not checked.
//   - Attributes are parsed with the form's policy and maximum type,
//     strictly unless the operation opts out (GENL_DONT_VALIDATE_STRICT,
//     GENL_DONT_VALIDATE_DUMP_STRICT), and a failure answered with the
//     kernel's errno, message, offset and policy (validate.Error). A form
//     without a policy is not parsed. Bytes left over after the attributes
//     of a liberal form leave "bytes leftover after parsing attributes"
//     in the acknowledgement (and in a handler's errno answer), never in
//     a dump's, as in the kernel.
//   - Dumps: validation and the start callback fail with NLMSG_ERROR;
//     then the handler fills datagrams of NLM_F_MULTI messages, the first
//     at once and the next ones as receives make room (see below), and
//     NLMSG_DONE ends the dump, in the last datagram if it fits, with the
//     handler's errno and extended ACK if it failed. Datagrams are sized
//     as netlink_dump sizes its skbs: GoodSize (NLMSG_GOODSIZE), or the
//     largest buffer Receive was offered so far, up to MaxDumpSize. A
//     second dump while one runs is EBUSY. Replies carry the requester's
//     port ID and the request's sequence number.
//
// Around the socket, the fake does what af_netlink.c does with its
// receive queue (Linux 6.12 to 6.18; checked live in the tests against
// /proc/net/netlink):
//
//   - Receive buffer: Config.ReadBuffer is SO_RCVBUF (the kernel keeps
//     twice the value, at least MinRcvbuf; RmemDefault without it) and
//     each queued datagram is charged an approximation of its
//     skb->truesize (Conn.Queued). A unicast from the kernel (a reply,
//     an acknowledgement) or a notification is queued if the queue is
//     empty or it fits and the socket is not congested; otherwise it is
//     dropped (Conn.Dropped) and, unless Config.NoENOBUFS
//     (NETLINK_NO_ENOBUFS), the socket becomes congested, dropping
//     notifications until its queue is empty, and its next Receive
//     fails once with ErrOverrun (ENOBUFS) before any queued datagram.
//     Conn.InjectOverrun makes such an overrun at will. No kernel path
//     sends NLMSG_OVERRUN (type 4): an overrun is only this errno.
//   - Dumps are paced as netlink_recvmsg paces them: after each receive
//     (nlsock's peek and its read both count) the next datagram is made
//     only while at most half the buffer is taken, and a dump datagram
//     that would fill the buffer fails with ENOBUFS (at the dump's
//     start, the request's answer; later, the next Receive), the dump
//     staying in progress.
//   - A datagram longer than the buffer given to Receive stays queued,
//     with a *TruncatedError giving its length, as nlsock (which peeks
//     with MSG_PEEK|MSG_TRUNC first) reports it; nothing is lost.
//   - NLM_F_DUMP_INTR: a dump handler sets its data's generation with
//     Reply.SetDumpSeq (cb->seq) and calls Reply.CheckDumpConsistent
//     where the modelled dumpit calls nl_dump_check_consistent; the
//     fake checks NLMSG_DONE as netlink_dump_done does.
//   - NLM_F_ECHO: Reply.Notify and Reply.NotifyGenl send a notification
//     tied to the request as nlmsg_notify does (rtnl_notify,
//     genl_notify): a request with NLM_F_ECHO gets it alone, marked with
//     the group, and is left out of the multicast.
//
// Not modelled: netlink families other than generic netlink and
// rtnetlink, permissions, network namespaces (every family is visible),
// the sizes the kernel allocates notifications and replies with (a
// datagram is charged as if allocated at its length; dump datagrams at
// their full size, as the kernel allocates them), a sender blocking on
// a full socket (only the kernel sends here, and it never waits), and
// NETLINK_BROADCAST_ERROR.
//
// Byte order is the host's. Handlers are called with the Kernel's lock
// held for reading: they must not register or unregister families.
//
// NETLINK_ROUTE: Kernel.DialRoute opens an rtnetlink socket whose
// requests go to handlers registered per address family and message type
// with Kernel.RegisterRoute (as rtnl_register), around which the fake
// does what rtnetlink_rcv_msg and the kernel's GET handlers do: the
// AF_UNSPEC fallback, EOPNOTSUPP, the request checks of
// route.CheckRequest (header length and values, policy, allowed
// attributes; strict or not as NETLINK_GET_STRICT_CHK says), errors of
// dumps in NLMSG_DONE, NLM_F_DUMP_FILTERED, and the split NLMSG_DONE of
// RTNL_FLAG_DUMP_SPLIT_NLM_DONE.
//
// Multicast: a Conn joins and leaves groups (Conn.JoinGroup,
// Conn.LeaveGroup, with the kernel's range checks) and tells a
// notification from a reply with Conn.ReceiveFrom. Kernel.Multicast
// sends a datagram to a group's members, as netlink_broadcast does, and
// Kernel.NotifyGenl a generic family's notification to one of its
// groups by name, as genlmsg_multicast does; either may be called from a
// handler, whose notifications then precede its acknowledgement, and
// Reply.Notify and Reply.NotifyGenl send one tied to the request, with
// NLM_F_ECHO honoured. As genl_register_family and
// genl_unregister_family do, Register and
// Unregister send nlctrl's CTRL_CMD_NEWFAMILY and CTRL_CMD_NEWMCAST_GRP
// (CTRL_CMD_DELMCAST_GRP and CTRL_CMD_DELFAMILY) to its group "notify",
// GENL_ID_CTRL, and Unregister removes the members of the family's
// groups.
//
// Record and replay: Replay builds a Kernel from a pcap or pcapng
// capture (package capture) that answers each recorded request with its
// recorded replies, sequence numbers and port ID rewritten, in the
// recording machine's byte order; see Replay for how requests, replies
// and unknown requests are told apart and answered.
package nltest
