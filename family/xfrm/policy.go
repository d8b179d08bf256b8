package xfrm

import "github.com/nlwire/nlwire/validate"

// Policy is the kernel's policy for the attributes of NETLINK_XFRM
// requests, xfrma_policy in net/xfrm/xfrm_user.c (Linux 6.18). The
// kernel parses requests with the deprecated (liberal) parser: validate
// them with validate.ModeLiberal; types from XFRMA_SA_DIR up are strict.
// The struct payloads must be at least their struct's size. Beyond the
// policy, the handlers refuse XFRMA_SA_DIR in any message but
// XFRM_MSG_NEWSA, XFRM_MSG_UPDSA and XFRM_MSG_ALLOCSPI (EINVAL "Invalid
// attribute SA_DIR"), which Request does not check.
var Policy = validate.Policy{
	StrictStartType: XFRMA_SA_DIR,
	MaxType:         XFRMA_IPTFS_PKT_SIZE,
	Rules: []validate.Rule{
		XFRMA_SA:                     {Kind: validate.Unspec, Len: UsersaInfoLen},
		XFRMA_POLICY:                 {Kind: validate.Unspec, Len: UserpolicyInfoLen},
		XFRMA_LASTUSED:               {Kind: validate.U64},
		XFRMA_ALG_AUTH_TRUNC:         {Kind: validate.Unspec, Len: 72}, // struct xfrm_algo_auth
		XFRMA_ALG_AEAD:               {Kind: validate.Unspec, Len: 72}, // struct xfrm_algo_aead
		XFRMA_ALG_AUTH:               {Kind: validate.Unspec, Len: 68}, // struct xfrm_algo
		XFRMA_ALG_CRYPT:              {Kind: validate.Unspec, Len: 68},
		XFRMA_ALG_COMP:               {Kind: validate.Unspec, Len: 68},
		XFRMA_ENCAP:                  {Kind: validate.Unspec, Len: 24}, // struct xfrm_encap_tmpl
		XFRMA_TMPL:                   {Kind: validate.Unspec, Len: UserTmplLen},
		XFRMA_SEC_CTX:                {Kind: validate.Unspec, Len: 8}, // struct xfrm_user_sec_ctx
		XFRMA_LTIME_VAL:              {Kind: validate.Unspec, Len: LifetimeCurLen},
		XFRMA_REPLAY_VAL:             {Kind: validate.Unspec, Len: 12}, // struct xfrm_replay_state
		XFRMA_REPLAY_THRESH:          {Kind: validate.U32},
		XFRMA_ETIMER_THRESH:          {Kind: validate.U32},
		XFRMA_SRCADDR:                {Kind: validate.Unspec, Len: AddressLen},
		XFRMA_COADDR:                 {Kind: validate.Unspec, Len: AddressLen},
		XFRMA_POLICY_TYPE:            {Kind: validate.Unspec, Len: 6},  // struct xfrm_userpolicy_type
		XFRMA_MIGRATE:                {Kind: validate.Unspec, Len: 76}, // struct xfrm_user_migrate
		XFRMA_KMADDRESS:              {Kind: validate.Unspec, Len: 40}, // struct xfrm_user_kmaddress
		XFRMA_MARK:                   {Kind: validate.Unspec, Len: 8},  // struct xfrm_mark
		XFRMA_TFCPAD:                 {Kind: validate.U32},
		XFRMA_REPLAY_ESN_VAL:         {Kind: validate.Unspec, Len: 24}, // struct xfrm_replay_state_esn
		XFRMA_SA_EXTRA_FLAGS:         {Kind: validate.U32},
		XFRMA_PROTO:                  {Kind: validate.U8},
		XFRMA_ADDRESS_FILTER:         {Kind: validate.Unspec, Len: 36}, // struct xfrm_address_filter
		XFRMA_OFFLOAD_DEV:            {Kind: validate.Unspec, Len: 8},  // struct xfrm_user_offload
		XFRMA_SET_MARK:               {Kind: validate.U32},
		XFRMA_SET_MARK_MASK:          {Kind: validate.U32},
		XFRMA_IF_ID:                  {Kind: validate.U32},
		XFRMA_MTIMER_THRESH:          {Kind: validate.U32},
		XFRMA_SA_DIR:                 {Kind: validate.U8, Check: validate.CheckRange, Min: XFRM_SA_DIR_IN, Max: XFRM_SA_DIR_OUT},
		XFRMA_NAT_KEEPALIVE_INTERVAL: {Kind: validate.U32},
		XFRMA_SA_PCPU:                {Kind: validate.U32},
		XFRMA_IPTFS_DROP_TIME:        {Kind: validate.U32},
		XFRMA_IPTFS_REORDER_WINDOW:   {Kind: validate.U16},
		XFRMA_IPTFS_DONT_FRAG:        {Kind: validate.Flag},
		XFRMA_IPTFS_INIT_DELAY:       {Kind: validate.U32},
		XFRMA_IPTFS_MAX_QSIZE:        {Kind: validate.U32},
		XFRMA_IPTFS_PKT_SIZE:         {Kind: validate.U32},
	},
}

// SPDPolicy is the kernel's policy for XFRM_MSG_NEWSPDINFO requests,
// xfrma_spd_policy: the hash thresholds, struct xfrmu_spdhthresh.
var SPDPolicy = validate.Policy{
	MaxType: XFRMA_SPD_IPV6_HTHRESH,
	Rules: []validate.Rule{
		XFRMA_SPD_IPV4_HTHRESH: {Kind: validate.Unspec, Len: 2},
		XFRMA_SPD_IPV6_HTHRESH: {Kind: validate.Unspec, Len: 2},
	},
}

// Request returns the policy the kernel checks a request of message type
// t against, a dump request (NLM_F_DUMP) or not, and the mode it parses
// with (liberal); false for a type the kernel does not handle, and for
// the dump of XFRM_MSG_GETPOLICY, whose attributes it does not read. The
// dump of XFRM_MSG_GETSA is checked when it starts, its attributes from
// the payload's start (its Lookup description has no header).
func Request(t uint16, dump bool) (*validate.Policy, validate.Mode, bool) {
	switch t {
	case XFRM_MSG_GETSA:
	case XFRM_MSG_GETPOLICY:
		if dump {
			return nil, 0, false
		}
	case XFRM_MSG_NEWSPDINFO:
		return &SPDPolicy, validate.ModeLiberal, true
	case XFRM_MSG_NEWSA, XFRM_MSG_DELSA, XFRM_MSG_NEWPOLICY, XFRM_MSG_DELPOLICY, XFRM_MSG_ALLOCSPI,
		XFRM_MSG_ACQUIRE, XFRM_MSG_EXPIRE, XFRM_MSG_UPDPOLICY, XFRM_MSG_UPDSA, XFRM_MSG_POLEXPIRE,
		XFRM_MSG_FLUSHSA, XFRM_MSG_FLUSHPOLICY, XFRM_MSG_NEWAE, XFRM_MSG_GETAE, XFRM_MSG_MIGRATE,
		XFRM_MSG_GETSADINFO, XFRM_MSG_GETSPDINFO, XFRM_MSG_SETDEFAULT, XFRM_MSG_GETDEFAULT:
	default:
		return nil, 0, false
	}
	return &Policy, validate.ModeLiberal, true
}
