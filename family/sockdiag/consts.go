package sockdiag

// Message types of NETLINK_SOCK_DIAG (include/uapi/linux/sock_diag.h and
// inet_diag.h). A request of type SOCK_DIAG_BY_FAMILY or SOCK_DESTROY
// starts with the address family its header is for (struct
// sock_diag_req); the replies to SOCK_DIAG_BY_FAMILY carry the same type.
const (
	TCPDIAG_GETSOCK     = 18 // legacy TCP dump (struct inet_diag_req)
	DCCPDIAG_GETSOCK    = 19 // legacy DCCP dump (struct inet_diag_req)
	SOCK_DIAG_BY_FAMILY = 20 // sockets of one address family
	SOCK_DESTROY        = 21 // close a socket (inet families)
)

// INET_DIAG_GETSOCK_MAX is the highest legacy inet_diag message type.
const INET_DIAG_GETSOCK_MAX = 24

// Address families a sock_diag request names in its first byte
// (sdiag_family).
const (
	AF_UNIX    = 1
	AF_INET    = 2
	AF_INET6   = 10
	AF_NETLINK = 16
	AF_PACKET  = 17
	AF_VSOCK   = 40
)

// Multicast groups of NETLINK_SOCK_DIAG (enum sknetlink_groups): sockets
// destroyed.
const (
	SKNLGRP_NONE              = 0
	SKNLGRP_INET_TCP_DESTROY  = 1
	SKNLGRP_INET_UDP_DESTROY  = 2
	SKNLGRP_INET6_TCP_DESTROY = 3
	SKNLGRP_INET6_UDP_DESTROY = 4
)

// Indexes of the u32 array of INET_DIAG_SKMEMINFO, UNIX_DIAG_MEMINFO,
// NETLINK_DIAG_MEMINFO and PACKET_DIAG_MEMINFO.
const (
	SK_MEMINFO_RMEM_ALLOC  = 0
	SK_MEMINFO_RCVBUF      = 1
	SK_MEMINFO_WMEM_ALLOC  = 2
	SK_MEMINFO_SNDBUF      = 3
	SK_MEMINFO_FWD_ALLOC   = 4
	SK_MEMINFO_WMEM_QUEUED = 5
	SK_MEMINFO_OPTMEM      = 6
	SK_MEMINFO_BACKLOG     = 7
	SK_MEMINFO_DROPS       = 8
	SK_MEMINFO_VARS        = 9 // the number of entries
)

// Attributes of INET_DIAG_REQ_SK_BPF_STORAGES in a request.
const (
	SK_DIAG_BPF_STORAGE_REQ_NONE   = 0
	SK_DIAG_BPF_STORAGE_REQ_MAP_FD = 1 // u32: a BPF map's file descriptor
)

// Attributes of INET_DIAG_SK_BPF_STORAGES in a reply.
const (
	SK_DIAG_BPF_STORAGE_REP_NONE = 0
	SK_DIAG_BPF_STORAGE          = 1 // nest: SK_DIAG_BPF_STORAGE_* (one per map)
)

// Attributes of each SK_DIAG_BPF_STORAGE nest.
const (
	SK_DIAG_BPF_STORAGE_NONE      = 0
	SK_DIAG_BPF_STORAGE_PAD       = 1
	SK_DIAG_BPF_STORAGE_MAP_ID    = 2 // u32
	SK_DIAG_BPF_STORAGE_MAP_VALUE = 3 // binary: the map's value
)

// INET_DIAG_NOCOOKIE in an inet_diag_sockid's cookie matches any socket.
const INET_DIAG_NOCOOKIE = 0xffffffff

// Attributes of an inet_diag request (after struct inet_diag_req_v2).
const (
	INET_DIAG_REQ_NONE            = 0
	INET_DIAG_REQ_BYTECODE        = 1 // binary: a filter of struct inet_diag_bc_op
	INET_DIAG_REQ_SK_BPF_STORAGES = 2 // nest: SK_DIAG_BPF_STORAGE_REQ_*
	INET_DIAG_REQ_PROTOCOL        = 3 // u32: the protocol, beyond sdiag_protocol's 8 bits
)

// Operations of the INET_DIAG_REQ_BYTECODE filter (struct
// inet_diag_bc_op's code).
const (
	INET_DIAG_BC_NOP         = 0
	INET_DIAG_BC_JMP         = 1
	INET_DIAG_BC_S_GE        = 2
	INET_DIAG_BC_S_LE        = 3
	INET_DIAG_BC_D_GE        = 4
	INET_DIAG_BC_D_LE        = 5
	INET_DIAG_BC_AUTO        = 6
	INET_DIAG_BC_S_COND      = 7
	INET_DIAG_BC_D_COND      = 8
	INET_DIAG_BC_DEV_COND    = 9
	INET_DIAG_BC_MARK_COND   = 10
	INET_DIAG_BC_S_EQ        = 11
	INET_DIAG_BC_D_EQ        = 12
	INET_DIAG_BC_CGROUP_COND = 13
)

// Attributes of an inet_diag reply (after struct inet_diag_msg). Values
// 1 to 8 are also the bits of idiag_ext, shifted by one, that ask for
// them.
const (
	INET_DIAG_NONE            = 0
	INET_DIAG_MEMINFO         = 1  // struct inet_diag_meminfo
	INET_DIAG_INFO            = 2  // struct tcp_info (or the protocol's)
	INET_DIAG_VEGASINFO       = 3  // struct tcpvegas_info
	INET_DIAG_CONG            = 4  // string: congestion control algorithm
	INET_DIAG_TOS             = 5  // u8
	INET_DIAG_TCLASS          = 6  // u8
	INET_DIAG_SKMEMINFO       = 7  // u32[SK_MEMINFO_VARS]
	INET_DIAG_SHUTDOWN        = 8  // u8
	INET_DIAG_DCTCPINFO       = 9  // struct tcp_dctcp_info
	INET_DIAG_PROTOCOL        = 10 // u8
	INET_DIAG_SKV6ONLY        = 11 // u8
	INET_DIAG_LOCALS          = 12 // SCTP local addresses (struct sockaddr_storage)
	INET_DIAG_PEERS           = 13 // SCTP peer addresses
	INET_DIAG_PAD             = 14
	INET_DIAG_MARK            = 15 // u32
	INET_DIAG_BBRINFO         = 16 // struct tcp_bbr_info
	INET_DIAG_CLASS_ID        = 17 // u32
	INET_DIAG_MD5SIG          = 18 // struct tcp_diag_md5sig array
	INET_DIAG_ULP_INFO        = 19 // nest: INET_ULP_INFO_*
	INET_DIAG_SK_BPF_STORAGES = 20 // nest: SK_DIAG_BPF_STORAGE
	INET_DIAG_CGROUP_ID       = 21 // u64
	INET_DIAG_SOCKOPT         = 22 // struct inet_diag_sockopt
)

// Attributes of INET_DIAG_ULP_INFO.
const (
	INET_ULP_INFO_UNSPEC = 0
	INET_ULP_INFO_NAME   = 1 // string: the upper layer protocol ("tls", "mptcp")
	INET_ULP_INFO_TLS    = 2 // nest: TLS_INFO_*
	INET_ULP_INFO_MPTCP  = 3 // nest: MPTCP_SUBFLOW_ATTR_*
)

// Attributes of INET_ULP_INFO_TLS (include/uapi/linux/tls.h).
const (
	TLS_INFO_UNSPEC    = 0
	TLS_INFO_VERSION   = 1 // u16
	TLS_INFO_CIPHER    = 2 // u16
	TLS_INFO_TXCONF    = 3 // u16: TLS_CONF_*
	TLS_INFO_RXCONF    = 4 // u16: TLS_CONF_*
	TLS_INFO_ZC_RO_TX  = 5 // flag
	TLS_INFO_RX_NO_PAD = 6 // flag
)

// Values of TLS_INFO_TXCONF and TLS_INFO_RXCONF.
const (
	TLS_CONF_BASE      = 1
	TLS_CONF_SW        = 2
	TLS_CONF_HW        = 3
	TLS_CONF_HW_RECORD = 4
)

// Attributes of INET_ULP_INFO_MPTCP (include/uapi/linux/mptcp.h).
const (
	MPTCP_SUBFLOW_ATTR_UNSPEC       = 0
	MPTCP_SUBFLOW_ATTR_TOKEN_REM    = 1  // u32
	MPTCP_SUBFLOW_ATTR_TOKEN_LOC    = 2  // u32
	MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ = 3  // u32
	MPTCP_SUBFLOW_ATTR_MAP_SEQ      = 4  // u64
	MPTCP_SUBFLOW_ATTR_MAP_SFSEQ    = 5  // u32
	MPTCP_SUBFLOW_ATTR_SSN_OFFSET   = 6  // u32
	MPTCP_SUBFLOW_ATTR_MAP_DATALEN  = 7  // u16
	MPTCP_SUBFLOW_ATTR_FLAGS        = 8  // u32
	MPTCP_SUBFLOW_ATTR_ID_REM       = 9  // u8
	MPTCP_SUBFLOW_ATTR_ID_LOC       = 10 // u8
	MPTCP_SUBFLOW_ATTR_PAD          = 11
)

// What a unix_diag request asks for (udiag_show).
const (
	UDIAG_SHOW_NAME    = 0x1  // UNIX_DIAG_NAME
	UDIAG_SHOW_VFS     = 0x2  // UNIX_DIAG_VFS
	UDIAG_SHOW_PEER    = 0x4  // UNIX_DIAG_PEER
	UDIAG_SHOW_ICONS   = 0x8  // UNIX_DIAG_ICONS
	UDIAG_SHOW_RQLEN   = 0x10 // UNIX_DIAG_RQLEN
	UDIAG_SHOW_MEMINFO = 0x20 // UNIX_DIAG_MEMINFO
	UDIAG_SHOW_UID     = 0x40 // UNIX_DIAG_UID
)

// Attributes of a unix_diag reply (after struct unix_diag_msg). They
// number from 0.
const (
	UNIX_DIAG_NAME     = 0 // the bound address (sun_path), without a NUL; abstract names start with one
	UNIX_DIAG_VFS      = 1 // struct unix_diag_vfs
	UNIX_DIAG_PEER     = 2 // u32: the peer's inode
	UNIX_DIAG_ICONS    = 3 // u32 array: inodes of pending connections
	UNIX_DIAG_RQLEN    = 4 // struct unix_diag_rqlen
	UNIX_DIAG_MEMINFO  = 5 // u32[SK_MEMINFO_VARS]
	UNIX_DIAG_SHUTDOWN = 6 // u8
	UNIX_DIAG_UID      = 7 // u32
)

// What a netlink_diag request asks for (ndiag_show), and the protocol
// that matches every netlink socket.
const (
	NDIAG_SHOW_MEMINFO  = 0x1 // NETLINK_DIAG_MEMINFO
	NDIAG_SHOW_GROUPS   = 0x2 // NETLINK_DIAG_GROUPS
	NDIAG_SHOW_RING_CFG = 0x4 // NETLINK_DIAG_RX_RING, NETLINK_DIAG_TX_RING (rings are gone)
	NDIAG_SHOW_FLAGS    = 0x8 // NETLINK_DIAG_FLAGS
	NDIAG_PROTO_ALL     = 0xff
)

// Bits of NETLINK_DIAG_FLAGS.
const (
	NDIAG_FLAG_CB_RUNNING      = 0x1
	NDIAG_FLAG_PKTINFO         = 0x2
	NDIAG_FLAG_BROADCAST_ERROR = 0x4
	NDIAG_FLAG_NO_ENOBUFS      = 0x8
	NDIAG_FLAG_LISTEN_ALL_NSID = 0x10
	NDIAG_FLAG_CAP_ACK         = 0x20
)

// Attributes of a netlink_diag reply (after struct netlink_diag_msg).
// They number from 0.
const (
	NETLINK_DIAG_MEMINFO = 0 // u32[SK_MEMINFO_VARS]
	NETLINK_DIAG_GROUPS  = 1 // bitmap of the joined groups
	NETLINK_DIAG_RX_RING = 2 // struct netlink_diag_ring
	NETLINK_DIAG_TX_RING = 3 // struct netlink_diag_ring
	NETLINK_DIAG_FLAGS   = 4 // u32: NDIAG_FLAG_*
)

// What a packet_diag request asks for (pdiag_show).
const (
	PACKET_SHOW_INFO     = 0x1  // PACKET_DIAG_INFO
	PACKET_SHOW_MCLIST   = 0x2  // PACKET_DIAG_MCLIST
	PACKET_SHOW_RING_CFG = 0x4  // PACKET_DIAG_RX_RING, PACKET_DIAG_TX_RING
	PACKET_SHOW_FANOUT   = 0x8  // PACKET_DIAG_FANOUT
	PACKET_SHOW_MEMINFO  = 0x10 // PACKET_DIAG_MEMINFO
	PACKET_SHOW_FILTER   = 0x20 // PACKET_DIAG_FILTER
)

// Attributes of a packet_diag reply (after struct packet_diag_msg). They
// number from 0.
const (
	PACKET_DIAG_INFO    = 0 // struct packet_diag_info
	PACKET_DIAG_MCLIST  = 1 // struct packet_diag_mclist array
	PACKET_DIAG_RX_RING = 2 // struct packet_diag_ring
	PACKET_DIAG_TX_RING = 3 // struct packet_diag_ring
	PACKET_DIAG_FANOUT  = 4 // u32
	PACKET_DIAG_UID     = 5 // u32
	PACKET_DIAG_MEMINFO = 6 // u32[SK_MEMINFO_VARS]
	PACKET_DIAG_FILTER  = 7 // struct sock_filter array
)

// Bits of struct packet_diag_info's pdi_flags.
const (
	PDI_RUNNING = 0x1
	PDI_AUXDATA = 0x2
	PDI_ORIGDEV = 0x4
	PDI_VNETHDR = 0x8
	PDI_LOSS    = 0x10
)
