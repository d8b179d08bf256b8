package xfrm

import "github.com/nlwire/nlwire/family"

// Attribute spaces of NETLINK_XFRM, indexed by attribute type. Most
// XFRMA_* payloads are C structs (struct xfrm_algo, xfrm_user_tmpl,
// ...), which their entries' Struct describes; ParseUsersaInfo,
// ParseUserpolicyInfo and ParseUserTmpl read those of XFRMA_SA,
// XFRMA_POLICY and XFRMA_TMPL.
var (
	// Attrs is the XFRMA_* space of every message but the SAD and SPD
	// information.
	Attrs = family.Set{Space: "XFRMA", Attrs: attrs[:]}
	// SADAttrs is the XFRMA_SAD_* space of XFRM_MSG_NEWSADINFO.
	SADAttrs = family.Set{Space: "XFRMA_SAD", Attrs: sadAttrs[:]}
	// SPDAttrs is the XFRMA_SPD_* space of XFRM_MSG_NEWSPDINFO.
	SPDAttrs = family.Set{Space: "XFRMA_SPD", Attrs: spdAttrs[:]}
)

// SADir names the values of XFRMA_SA_DIR.
var SADir = family.EnumDef{Space: "XFRM_SA_DIR", Entries: []family.EnumEntry{
	{Name: "XFRM_SA_DIR_IN", Value: XFRM_SA_DIR_IN},
	{Name: "XFRM_SA_DIR_OUT", Value: XFRM_SA_DIR_OUT},
}}

var attrs = [...]family.Attr{
	XFRMA_ALG_AUTH:               {Name: "XFRMA_ALG_AUTH", Format: family.Binary, Struct: AlgoStruct},
	XFRMA_ALG_CRYPT:              {Name: "XFRMA_ALG_CRYPT", Format: family.Binary, Struct: AlgoStruct},
	XFRMA_ALG_COMP:               {Name: "XFRMA_ALG_COMP", Format: family.Binary, Struct: AlgoStruct},
	XFRMA_ENCAP:                  {Name: "XFRMA_ENCAP", Format: family.Binary, Struct: EncapTmplStruct},
	XFRMA_TMPL:                   {Name: "XFRMA_TMPL", Format: family.Binary, Struct: UserTmplStruct},
	XFRMA_SA:                     {Name: "XFRMA_SA", Format: family.Binary, Struct: UsersaInfoStruct},
	XFRMA_POLICY:                 {Name: "XFRMA_POLICY", Format: family.Binary, Struct: UserpolicyInfoStruct},
	XFRMA_SEC_CTX:                {Name: "XFRMA_SEC_CTX", Format: family.Binary, Struct: UserSecCtxStruct},
	XFRMA_LTIME_VAL:              {Name: "XFRMA_LTIME_VAL", Format: family.Binary, Struct: LifetimeCurStruct},
	XFRMA_REPLAY_VAL:             {Name: "XFRMA_REPLAY_VAL", Format: family.Binary, Struct: ReplayStateStruct},
	XFRMA_REPLAY_THRESH:          {Name: "XFRMA_REPLAY_THRESH", Format: family.U32},
	XFRMA_ETIMER_THRESH:          {Name: "XFRMA_ETIMER_THRESH", Format: family.U32},
	XFRMA_SRCADDR:                {Name: "XFRMA_SRCADDR", Format: family.Binary, Struct: AddressStruct},
	XFRMA_COADDR:                 {Name: "XFRMA_COADDR", Format: family.Binary, Struct: AddressStruct},
	XFRMA_LASTUSED:               {Name: "XFRMA_LASTUSED", Format: family.U64},
	XFRMA_POLICY_TYPE:            {Name: "XFRMA_POLICY_TYPE", Format: family.Binary, Struct: UserpolicyTypeStruct},
	XFRMA_MIGRATE:                {Name: "XFRMA_MIGRATE", Format: family.Binary, Struct: UserMigrateStruct},
	XFRMA_ALG_AEAD:               {Name: "XFRMA_ALG_AEAD", Format: family.Binary, Struct: AlgoAEADStruct},
	XFRMA_KMADDRESS:              {Name: "XFRMA_KMADDRESS", Format: family.Binary, Struct: UserKmaddressStruct},
	XFRMA_ALG_AUTH_TRUNC:         {Name: "XFRMA_ALG_AUTH_TRUNC", Format: family.Binary, Struct: AlgoAuthStruct},
	XFRMA_MARK:                   {Name: "XFRMA_MARK", Format: family.Binary, Struct: MarkStruct},
	XFRMA_TFCPAD:                 {Name: "XFRMA_TFCPAD", Format: family.U32},
	XFRMA_REPLAY_ESN_VAL:         {Name: "XFRMA_REPLAY_ESN_VAL", Format: family.Binary, Struct: ReplayStateESNStruct},
	XFRMA_SA_EXTRA_FLAGS:         {Name: "XFRMA_SA_EXTRA_FLAGS", Format: family.U32},
	XFRMA_PROTO:                  {Name: "XFRMA_PROTO", Format: family.U8},
	XFRMA_ADDRESS_FILTER:         {Name: "XFRMA_ADDRESS_FILTER", Format: family.Binary, Struct: AddressFilterStruct},
	XFRMA_PAD:                    {Name: "XFRMA_PAD", Format: family.Binary},
	XFRMA_OFFLOAD_DEV:            {Name: "XFRMA_OFFLOAD_DEV", Format: family.Binary, Struct: UserOffloadStruct},
	XFRMA_SET_MARK:               {Name: "XFRMA_SET_MARK", Format: family.U32},
	XFRMA_SET_MARK_MASK:          {Name: "XFRMA_SET_MARK_MASK", Format: family.U32},
	XFRMA_IF_ID:                  {Name: "XFRMA_IF_ID", Format: family.U32},
	XFRMA_MTIMER_THRESH:          {Name: "XFRMA_MTIMER_THRESH", Format: family.U32},
	XFRMA_SA_DIR:                 {Name: "XFRMA_SA_DIR", Format: family.U8, Enum: &SADir},
	XFRMA_NAT_KEEPALIVE_INTERVAL: {Name: "XFRMA_NAT_KEEPALIVE_INTERVAL", Format: family.U32},
	XFRMA_SA_PCPU:                {Name: "XFRMA_SA_PCPU", Format: family.U32},
	XFRMA_IPTFS_DROP_TIME:        {Name: "XFRMA_IPTFS_DROP_TIME", Format: family.U32},
	XFRMA_IPTFS_REORDER_WINDOW:   {Name: "XFRMA_IPTFS_REORDER_WINDOW", Format: family.U16},
	XFRMA_IPTFS_DONT_FRAG:        {Name: "XFRMA_IPTFS_DONT_FRAG", Format: family.Flag},
	XFRMA_IPTFS_INIT_DELAY:       {Name: "XFRMA_IPTFS_INIT_DELAY", Format: family.U32},
	XFRMA_IPTFS_MAX_QSIZE:        {Name: "XFRMA_IPTFS_MAX_QSIZE", Format: family.U32},
	XFRMA_IPTFS_PKT_SIZE:         {Name: "XFRMA_IPTFS_PKT_SIZE", Format: family.U32},
}

var sadAttrs = [...]family.Attr{
	XFRMA_SAD_CNT:   {Name: "XFRMA_SAD_CNT", Format: family.U32},
	XFRMA_SAD_HINFO: {Name: "XFRMA_SAD_HINFO", Format: family.Binary, Struct: SADHInfoStruct},
}

var spdAttrs = [...]family.Attr{
	XFRMA_SPD_INFO:         {Name: "XFRMA_SPD_INFO", Format: family.Binary, Struct: SPDInfoStruct},
	XFRMA_SPD_HINFO:        {Name: "XFRMA_SPD_HINFO", Format: family.Binary, Struct: SPDHInfoStruct},
	XFRMA_SPD_IPV4_HTHRESH: {Name: "XFRMA_SPD_IPV4_HTHRESH", Format: family.Binary, Struct: SPDHThreshStruct},
	XFRMA_SPD_IPV6_HTHRESH: {Name: "XFRMA_SPD_IPV6_HTHRESH", Format: family.Binary, Struct: SPDHThreshStruct},
}
