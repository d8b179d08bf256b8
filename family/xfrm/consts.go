package xfrm

// Message types of NETLINK_XFRM (include/uapi/linux/xfrm.h).
const (
	XFRM_MSG_BASE        = 0x10
	XFRM_MSG_NEWSA       = 0x10 // add an SA; the kernel's SA descriptions and notifications
	XFRM_MSG_DELSA       = 0x11
	XFRM_MSG_GETSA       = 0x12
	XFRM_MSG_NEWPOLICY   = 0x13
	XFRM_MSG_DELPOLICY   = 0x14
	XFRM_MSG_GETPOLICY   = 0x15
	XFRM_MSG_ALLOCSPI    = 0x16 // answered with an XFRM_MSG_NEWSA
	XFRM_MSG_ACQUIRE     = 0x17
	XFRM_MSG_EXPIRE      = 0x18
	XFRM_MSG_UPDPOLICY   = 0x19
	XFRM_MSG_UPDSA       = 0x1a
	XFRM_MSG_POLEXPIRE   = 0x1b
	XFRM_MSG_FLUSHSA     = 0x1c
	XFRM_MSG_FLUSHPOLICY = 0x1d
	XFRM_MSG_NEWAE       = 0x1e
	XFRM_MSG_GETAE       = 0x1f
	XFRM_MSG_REPORT      = 0x20
	XFRM_MSG_MIGRATE     = 0x21
	XFRM_MSG_NEWSADINFO  = 0x22
	XFRM_MSG_GETSADINFO  = 0x23
	XFRM_MSG_NEWSPDINFO  = 0x24
	XFRM_MSG_GETSPDINFO  = 0x25
	XFRM_MSG_MAPPING     = 0x26
	XFRM_MSG_SETDEFAULT  = 0x27
	XFRM_MSG_GETDEFAULT  = 0x28
	XFRM_MSG_MAX         = 0x28
)

// Attribute types of NETLINK_XFRM messages (enum xfrm_attr_type_t), after
// each message's fixed header. XFRMA_IPTFS_* came with Linux 6.14.
const (
	XFRMA_UNSPEC                 = 0
	XFRMA_ALG_AUTH               = 1  // struct xfrm_algo
	XFRMA_ALG_CRYPT              = 2  // struct xfrm_algo
	XFRMA_ALG_COMP               = 3  // struct xfrm_algo
	XFRMA_ENCAP                  = 4  // struct xfrm_encap_tmpl
	XFRMA_TMPL                   = 5  // struct xfrm_user_tmpl, one or more
	XFRMA_SA                     = 6  // struct xfrm_usersa_info
	XFRMA_POLICY                 = 7  // struct xfrm_userpolicy_info
	XFRMA_SEC_CTX                = 8  // struct xfrm_user_sec_ctx and the context
	XFRMA_LTIME_VAL              = 9  // struct xfrm_lifetime_cur
	XFRMA_REPLAY_VAL             = 10 // struct xfrm_replay_state
	XFRMA_REPLAY_THRESH          = 11 // u32
	XFRMA_ETIMER_THRESH          = 12 // u32
	XFRMA_SRCADDR                = 13 // xfrm_address_t
	XFRMA_COADDR                 = 14 // xfrm_address_t
	XFRMA_LASTUSED               = 15 // u64
	XFRMA_POLICY_TYPE            = 16 // struct xfrm_userpolicy_type
	XFRMA_MIGRATE                = 17 // struct xfrm_user_migrate, one or more
	XFRMA_ALG_AEAD               = 18 // struct xfrm_algo_aead
	XFRMA_KMADDRESS              = 19 // struct xfrm_user_kmaddress
	XFRMA_ALG_AUTH_TRUNC         = 20 // struct xfrm_algo_auth
	XFRMA_MARK                   = 21 // struct xfrm_mark
	XFRMA_TFCPAD                 = 22 // u32
	XFRMA_REPLAY_ESN_VAL         = 23 // struct xfrm_replay_state_esn
	XFRMA_SA_EXTRA_FLAGS         = 24 // u32: XFRM_SA_XFLAG_*
	XFRMA_PROTO                  = 25 // u8
	XFRMA_ADDRESS_FILTER         = 26 // struct xfrm_address_filter
	XFRMA_PAD                    = 27
	XFRMA_OFFLOAD_DEV            = 28 // struct xfrm_user_offload
	XFRMA_SET_MARK               = 29 // u32 (XFRMA_OUTPUT_MARK)
	XFRMA_SET_MARK_MASK          = 30 // u32
	XFRMA_IF_ID                  = 31 // u32
	XFRMA_MTIMER_THRESH          = 32 // u32: seconds
	XFRMA_SA_DIR                 = 33 // u8: XFRM_SA_DIR_*
	XFRMA_NAT_KEEPALIVE_INTERVAL = 34 // u32: seconds
	XFRMA_SA_PCPU                = 35 // u32
	XFRMA_IPTFS_DROP_TIME        = 36 // u32
	XFRMA_IPTFS_REORDER_WINDOW   = 37 // u16
	XFRMA_IPTFS_DONT_FRAG        = 38 // flag
	XFRMA_IPTFS_INIT_DELAY       = 39 // u32
	XFRMA_IPTFS_MAX_QSIZE        = 40 // u32
	XFRMA_IPTFS_PKT_SIZE         = 41 // u32
	XFRMA_OUTPUT_MARK            = XFRMA_SET_MARK
)

// Attribute types of XFRM_MSG_NEWSADINFO (enum xfrm_sadattr_type_t).
const (
	XFRMA_SAD_UNSPEC = 0
	XFRMA_SAD_CNT    = 1 // u32: SAs
	XFRMA_SAD_HINFO  = 2 // struct xfrmu_sadhinfo
)

// Attribute types of XFRM_MSG_NEWSPDINFO (enum xfrm_spdattr_type_t).
const (
	XFRMA_SPD_UNSPEC       = 0
	XFRMA_SPD_INFO         = 1 // struct xfrmu_spdinfo
	XFRMA_SPD_HINFO        = 2 // struct xfrmu_spdhinfo
	XFRMA_SPD_IPV4_HTHRESH = 3 // struct xfrmu_spdhthresh
	XFRMA_SPD_IPV6_HTHRESH = 4 // struct xfrmu_spdhthresh
)

// Address families of the headers' family fields.
const (
	AF_UNSPEC = 0
	AF_INET   = 2
	AF_INET6  = 10
)

// IPsec protocols (the proto fields of struct xfrm_id and
// xfrm_usersa_id, XFRMA_PROTO).
const (
	IPPROTO_ESP  = 50
	IPPROTO_AH   = 51
	IPPROTO_COMP = 108
)

// Modes (the mode fields). XFRM_MODE_IPTFS came with Linux 6.14.
const (
	XFRM_MODE_TRANSPORT         = 0
	XFRM_MODE_TUNNEL            = 1
	XFRM_MODE_ROUTEOPTIMIZATION = 2
	XFRM_MODE_IN_TRIGGER        = 3
	XFRM_MODE_BEET              = 4
	XFRM_MODE_IPTFS             = 5
)

// Policy types (struct xfrm_userpolicy_type's type).
const (
	XFRM_POLICY_TYPE_MAIN = 0
	XFRM_POLICY_TYPE_SUB  = 1
	XFRM_POLICY_TYPE_ANY  = 255
)

// Policy directions (the dir fields).
const (
	XFRM_POLICY_IN   = 0
	XFRM_POLICY_OUT  = 1
	XFRM_POLICY_FWD  = 2
	XFRM_POLICY_MASK = 3
)

// Policy actions (struct xfrm_userpolicy_info's action).
const (
	XFRM_POLICY_ALLOW = 0
	XFRM_POLICY_BLOCK = 1
)

// Policy flags (struct xfrm_userpolicy_info's flags).
const (
	XFRM_POLICY_LOCALOK     = 1
	XFRM_POLICY_ICMP        = 2
	XFRM_POLICY_CPU_ACQUIRE = 4
)

// SA directions (XFRMA_SA_DIR).
const (
	XFRM_SA_DIR_IN  = 1
	XFRM_SA_DIR_OUT = 2
)

// Sharing of a template's SA (the share fields).
const (
	XFRM_SHARE_ANY     = 0
	XFRM_SHARE_SESSION = 1
	XFRM_SHARE_USER    = 2
	XFRM_SHARE_UNIQUE  = 3
)

// SA flags (struct xfrm_usersa_info's flags).
const (
	XFRM_STATE_NOECN      = 1
	XFRM_STATE_DECAP_DSCP = 2
	XFRM_STATE_NOPMTUDISC = 4
	XFRM_STATE_WILDRECV   = 8
	XFRM_STATE_ICMP       = 16
	XFRM_STATE_AF_UNSPEC  = 32
	XFRM_STATE_ALIGN4     = 64
	XFRM_STATE_ESN        = 128
)

// Extra SA flags (XFRMA_SA_EXTRA_FLAGS).
const (
	XFRM_SA_XFLAG_DONT_ENCAP_DSCP = 1
	XFRM_SA_XFLAG_OSEQ_MAY_WRAP   = 2
)

// Flags of an asynchronous event (struct xfrm_aevent_id's flags, enum
// xfrm_ae_ftype_t).
const (
	XFRM_AE_UNSPEC = 0
	XFRM_AE_RTHR   = 1
	XFRM_AE_RVAL   = 2
	XFRM_AE_LVAL   = 4
	XFRM_AE_ETHR   = 8
	XFRM_AE_CR     = 16
	XFRM_AE_CE     = 32
	XFRM_AE_CU     = 64
)

// Flags of struct xfrm_user_offload.
const (
	XFRM_OFFLOAD_IPV6    = 1
	XFRM_OFFLOAD_INBOUND = 2
	XFRM_OFFLOAD_PACKET  = 4
)

// Default policies (struct xfrm_userpolicy_default's fields).
const (
	XFRM_USERPOLICY_UNSPEC = 0
	XFRM_USERPOLICY_BLOCK  = 1
	XFRM_USERPOLICY_ACCEPT = 2
)

// Security context values (struct xfrm_user_sec_ctx).
const (
	XFRM_SC_DOI_RESERVED = 0
	XFRM_SC_DOI_LSM      = 1
	XFRM_SC_ALG_RESERVED = 0
	XFRM_SC_ALG_SELINUX  = 1
)

// XFRM_INF is an unlimited lifetime (struct xfrm_lifetime_cfg).
const XFRM_INF = ^uint64(0)

// Multicast groups of NETLINK_XFRM (enum xfrm_nlgroups), to join for
// notifications.
const (
	XFRMNLGRP_NONE    = 0
	XFRMNLGRP_ACQUIRE = 1
	XFRMNLGRP_EXPIRE  = 2
	XFRMNLGRP_SA      = 3
	XFRMNLGRP_POLICY  = 4
	XFRMNLGRP_AEVENTS = 5
	XFRMNLGRP_REPORT  = 6
	XFRMNLGRP_MIGRATE = 7
	XFRMNLGRP_MAPPING = 8
)

// Legacy group masks (sockaddr_nl's nl_groups).
const (
	XFRMGRP_ACQUIRE = 0x1
	XFRMGRP_EXPIRE  = 0x2
	XFRMGRP_SA      = 0x4
	XFRMGRP_POLICY  = 0x8
	XFRMGRP_REPORT  = 0x20
)
