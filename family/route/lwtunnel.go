// Tables of the lightweight tunnel encapsulations a route or next hop
// carries in RTA_ENCAP (NHA_ENCAP), selected by RTA_ENCAP_TYPE
// (NHA_ENCAP_TYPE), written by hand from include/uapi/linux/lwtunnel.h,
// mpls_iptunnel.h, ila.h, seg6_iptunnel.h, seg6_local.h, rpl_iptunnel.h,
// ioam6_iptunnel.h and the policies and fill functions of their
// net/*/ modules (Linux 6.12 sources; the IP and MPLS encapsulations
// were checked against a 6.18 kernel's dumps).

package route

import "github.com/nlwire/nlwire/family"

// Encapsulation types (enum lwtunnel_encap_types,
// include/uapi/linux/lwtunnel.h): the value of RTA_ENCAP_TYPE and
// NHA_ENCAP_TYPE.
const (
	LWTUNNEL_ENCAP_NONE       = 0  // LWTUNNEL_ENCAP_NONE
	LWTUNNEL_ENCAP_MPLS       = 1  // LWTUNNEL_ENCAP_MPLS
	LWTUNNEL_ENCAP_IP         = 2  // LWTUNNEL_ENCAP_IP
	LWTUNNEL_ENCAP_ILA        = 3  // LWTUNNEL_ENCAP_ILA
	LWTUNNEL_ENCAP_IP6        = 4  // LWTUNNEL_ENCAP_IP6
	LWTUNNEL_ENCAP_SEG6       = 5  // LWTUNNEL_ENCAP_SEG6
	LWTUNNEL_ENCAP_BPF        = 6  // LWTUNNEL_ENCAP_BPF
	LWTUNNEL_ENCAP_SEG6_LOCAL = 7  // LWTUNNEL_ENCAP_SEG6_LOCAL
	LWTUNNEL_ENCAP_RPL        = 8  // LWTUNNEL_ENCAP_RPL
	LWTUNNEL_ENCAP_IOAM6      = 9  // LWTUNNEL_ENCAP_IOAM6
	LWTUNNEL_ENCAP_XFRM       = 10 // LWTUNNEL_ENCAP_XFRM
)

// LWTunnelEncapTypes names the values of RTA_ENCAP_TYPE and
// NHA_ENCAP_TYPE.
var LWTunnelEncapTypes = family.EnumDef{Space: "LWTUNNEL_ENCAP", Entries: []family.EnumEntry{
	{Name: "LWTUNNEL_ENCAP_NONE", Value: LWTUNNEL_ENCAP_NONE},
	{Name: "LWTUNNEL_ENCAP_MPLS", Value: LWTUNNEL_ENCAP_MPLS},
	{Name: "LWTUNNEL_ENCAP_IP", Value: LWTUNNEL_ENCAP_IP},
	{Name: "LWTUNNEL_ENCAP_ILA", Value: LWTUNNEL_ENCAP_ILA},
	{Name: "LWTUNNEL_ENCAP_IP6", Value: LWTUNNEL_ENCAP_IP6},
	{Name: "LWTUNNEL_ENCAP_SEG6", Value: LWTUNNEL_ENCAP_SEG6},
	{Name: "LWTUNNEL_ENCAP_BPF", Value: LWTUNNEL_ENCAP_BPF},
	{Name: "LWTUNNEL_ENCAP_SEG6_LOCAL", Value: LWTUNNEL_ENCAP_SEG6_LOCAL},
	{Name: "LWTUNNEL_ENCAP_RPL", Value: LWTUNNEL_ENCAP_RPL},
	{Name: "LWTUNNEL_ENCAP_IOAM6", Value: LWTUNNEL_ENCAP_IOAM6},
	{Name: "LWTUNNEL_ENCAP_XFRM", Value: LWTUNNEL_ENCAP_XFRM},
}}

// lwtEncapVariants are the spaces of RTA_ENCAP and NHA_ENCAP, one per
// encapsulation type, named as dissect matches an enum entry: the
// entry's name without "LWTUNNEL_ENCAP_", in lower case, '-' for '_'.
var lwtEncapVariants = []family.Variant{
	{Value: "mpls", Set: &MPLSIPTunnelAttrs},
	{Value: "ip", Set: &LWTIPAttrs},
	{Value: "ila", Set: &ILAAttrs},
	{Value: "ip6", Set: &LWTIP6Attrs},
	{Value: "seg6", Set: &Seg6IPTunnelAttrs},
	{Value: "bpf", Set: &LWTBPFAttrs},
	{Value: "seg6-local", Set: &Seg6LocalAttrs},
	{Value: "rpl", Set: &RPLIPTunnelAttrs},
	{Value: "ioam6", Set: &IOAM6IPTunnelAttrs},
	{Value: "xfrm", Set: &LWTXfrmAttrs},
}

// MPLS encapsulation attributes (MPLS_IPTUNNEL_*,
// include/uapi/linux/mpls_iptunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_MPLS.
const (
	MPLS_IPTUNNEL_UNSPEC = 0 // unused
	MPLS_IPTUNNEL_DST    = 1 // label stack entries (big-endian u32 each)
	MPLS_IPTUNNEL_TTL    = 2 // u8
)

var mPLSIPTunnelAttrsTable = [...]family.Attr{
	MPLS_IPTUNNEL_UNSPEC: {Name: "MPLS_IPTUNNEL_UNSPEC", Format: family.Binary},
	MPLS_IPTUNNEL_DST:    {Name: "MPLS_IPTUNNEL_DST", Format: family.Binary},
	MPLS_IPTUNNEL_TTL:    {Name: "MPLS_IPTUNNEL_TTL", Format: family.U8},
}

// IPv4 tunnel encapsulation attributes (LWTUNNEL_IP_*,
// include/uapi/linux/lwtunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_IP.
const (
	LWTUNNEL_IP_UNSPEC = 0 // unused
	LWTUNNEL_IP_ID     = 1 // big-endian u64: tunnel ID
	LWTUNNEL_IP_DST    = 2 // IP address
	LWTUNNEL_IP_SRC    = 3 // IP address
	LWTUNNEL_IP_TTL    = 4 // u8
	LWTUNNEL_IP_TOS    = 5 // u8
	LWTUNNEL_IP_FLAGS  = 6 // big-endian u16: TUNNEL_* flags
	LWTUNNEL_IP_PAD    = 7 // padding for 64-bit alignment
	LWTUNNEL_IP_OPTS   = 8 // nested: LWTUNNEL_IP_OPTS_*
)

var lWTIPAttrsTable = [...]family.Attr{
	LWTUNNEL_IP_UNSPEC: {Name: "LWTUNNEL_IP_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP_ID:     {Name: "LWTUNNEL_IP_ID", Format: family.BE64},
	LWTUNNEL_IP_DST:    {Name: "LWTUNNEL_IP_DST", Format: family.IPAddr},
	LWTUNNEL_IP_SRC:    {Name: "LWTUNNEL_IP_SRC", Format: family.IPAddr},
	LWTUNNEL_IP_TTL:    {Name: "LWTUNNEL_IP_TTL", Format: family.U8},
	LWTUNNEL_IP_TOS:    {Name: "LWTUNNEL_IP_TOS", Format: family.U8},
	LWTUNNEL_IP_FLAGS:  {Name: "LWTUNNEL_IP_FLAGS", Format: family.BE16},
	LWTUNNEL_IP_PAD:    {Name: "LWTUNNEL_IP_PAD", Format: family.Binary},
	LWTUNNEL_IP_OPTS:   {Name: "LWTUNNEL_IP_OPTS", Format: family.Nested, Child: &LWTIPOptsAttrs},
}

// IPv6 tunnel encapsulation attributes (LWTUNNEL_IP6_*,
// include/uapi/linux/lwtunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_IP6.
const (
	LWTUNNEL_IP6_UNSPEC   = 0 // unused
	LWTUNNEL_IP6_ID       = 1 // big-endian u64: tunnel ID
	LWTUNNEL_IP6_DST      = 2 // IP address
	LWTUNNEL_IP6_SRC      = 3 // IP address
	LWTUNNEL_IP6_HOPLIMIT = 4 // u8
	LWTUNNEL_IP6_TC       = 5 // u8
	LWTUNNEL_IP6_FLAGS    = 6 // big-endian u16: TUNNEL_* flags
	LWTUNNEL_IP6_PAD      = 7 // padding for 64-bit alignment
	LWTUNNEL_IP6_OPTS     = 8 // nested: LWTUNNEL_IP_OPTS_*
)

var lWTIP6AttrsTable = [...]family.Attr{
	LWTUNNEL_IP6_UNSPEC:   {Name: "LWTUNNEL_IP6_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP6_ID:       {Name: "LWTUNNEL_IP6_ID", Format: family.BE64},
	LWTUNNEL_IP6_DST:      {Name: "LWTUNNEL_IP6_DST", Format: family.IPAddr},
	LWTUNNEL_IP6_SRC:      {Name: "LWTUNNEL_IP6_SRC", Format: family.IPAddr},
	LWTUNNEL_IP6_HOPLIMIT: {Name: "LWTUNNEL_IP6_HOPLIMIT", Format: family.U8},
	LWTUNNEL_IP6_TC:       {Name: "LWTUNNEL_IP6_TC", Format: family.U8},
	LWTUNNEL_IP6_FLAGS:    {Name: "LWTUNNEL_IP6_FLAGS", Format: family.BE16},
	LWTUNNEL_IP6_PAD:      {Name: "LWTUNNEL_IP6_PAD", Format: family.Binary},
	LWTUNNEL_IP6_OPTS:     {Name: "LWTUNNEL_IP6_OPTS", Format: family.Nested, Child: &LWTIPOptsAttrs},
}

// Tunnel option attributes (LWTUNNEL_IP_OPTS_*,
// include/uapi/linux/lwtunnel.h): inside LWTUNNEL_IP_OPTS and
// LWTUNNEL_IP6_OPTS.
const (
	LWTUNNEL_IP_OPTS_UNSPEC = 0 // unused
	LWTUNNEL_IP_OPTS_GENEVE = 1 // nested: LWTUNNEL_IP_OPT_GENEVE_*
	LWTUNNEL_IP_OPTS_VXLAN  = 2 // nested: LWTUNNEL_IP_OPT_VXLAN_*
	LWTUNNEL_IP_OPTS_ERSPAN = 3 // nested: LWTUNNEL_IP_OPT_ERSPAN_*
)

var lWTIPOptsAttrsTable = [...]family.Attr{
	LWTUNNEL_IP_OPTS_UNSPEC: {Name: "LWTUNNEL_IP_OPTS_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP_OPTS_GENEVE: {Name: "LWTUNNEL_IP_OPTS_GENEVE", Format: family.Nested, Child: &LWTGeneveOptAttrs},
	LWTUNNEL_IP_OPTS_VXLAN:  {Name: "LWTUNNEL_IP_OPTS_VXLAN", Format: family.Nested, Child: &LWTVXLANOptAttrs},
	LWTUNNEL_IP_OPTS_ERSPAN: {Name: "LWTUNNEL_IP_OPTS_ERSPAN", Format: family.Nested, Child: &LWTERSPANOptAttrs},
}

// Attributes inside LWTUNNEL_IP_OPTS_GENEVE (include/uapi/linux/lwtunnel.h).
const (
	LWTUNNEL_IP_OPT_GENEVE_UNSPEC = 0 // unused
	LWTUNNEL_IP_OPT_GENEVE_CLASS  = 1 // big-endian u16
	LWTUNNEL_IP_OPT_GENEVE_TYPE   = 2 // u8
	LWTUNNEL_IP_OPT_GENEVE_DATA   = 3 // bytes
)

var lWTGeneveOptAttrsTable = [...]family.Attr{
	LWTUNNEL_IP_OPT_GENEVE_UNSPEC: {Name: "LWTUNNEL_IP_OPT_GENEVE_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP_OPT_GENEVE_CLASS:  {Name: "LWTUNNEL_IP_OPT_GENEVE_CLASS", Format: family.BE16},
	LWTUNNEL_IP_OPT_GENEVE_TYPE:   {Name: "LWTUNNEL_IP_OPT_GENEVE_TYPE", Format: family.U8},
	LWTUNNEL_IP_OPT_GENEVE_DATA:   {Name: "LWTUNNEL_IP_OPT_GENEVE_DATA", Format: family.Binary},
}

// Attributes inside LWTUNNEL_IP_OPTS_VXLAN (include/uapi/linux/lwtunnel.h).
const (
	LWTUNNEL_IP_OPT_VXLAN_UNSPEC = 0 // unused
	LWTUNNEL_IP_OPT_VXLAN_GBP    = 1 // u32
)

var lWTVXLANOptAttrsTable = [...]family.Attr{
	LWTUNNEL_IP_OPT_VXLAN_UNSPEC: {Name: "LWTUNNEL_IP_OPT_VXLAN_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP_OPT_VXLAN_GBP:    {Name: "LWTUNNEL_IP_OPT_VXLAN_GBP", Format: family.U32},
}

// Attributes inside LWTUNNEL_IP_OPTS_ERSPAN (include/uapi/linux/lwtunnel.h).
const (
	LWTUNNEL_IP_OPT_ERSPAN_UNSPEC = 0 // unused
	LWTUNNEL_IP_OPT_ERSPAN_VER    = 1 // u8
	LWTUNNEL_IP_OPT_ERSPAN_INDEX  = 2 // big-endian u32
	LWTUNNEL_IP_OPT_ERSPAN_DIR    = 3 // u8
	LWTUNNEL_IP_OPT_ERSPAN_HWID   = 4 // u8
)

var lWTERSPANOptAttrsTable = [...]family.Attr{
	LWTUNNEL_IP_OPT_ERSPAN_UNSPEC: {Name: "LWTUNNEL_IP_OPT_ERSPAN_UNSPEC", Format: family.Binary},
	LWTUNNEL_IP_OPT_ERSPAN_VER:    {Name: "LWTUNNEL_IP_OPT_ERSPAN_VER", Format: family.U8},
	LWTUNNEL_IP_OPT_ERSPAN_INDEX:  {Name: "LWTUNNEL_IP_OPT_ERSPAN_INDEX", Format: family.BE32},
	LWTUNNEL_IP_OPT_ERSPAN_DIR:    {Name: "LWTUNNEL_IP_OPT_ERSPAN_DIR", Format: family.U8},
	LWTUNNEL_IP_OPT_ERSPAN_HWID:   {Name: "LWTUNNEL_IP_OPT_ERSPAN_HWID", Format: family.U8},
}

// ILA encapsulation attributes (ILA_ATTR_*, include/uapi/linux/ila.h):
// RTA_ENCAP of LWTUNNEL_ENCAP_ILA.
const (
	ILA_ATTR_UNSPEC        = 0 // unused
	ILA_ATTR_LOCATOR       = 1 // big-endian u64
	ILA_ATTR_IDENTIFIER    = 2 // big-endian u64
	ILA_ATTR_LOCATOR_MATCH = 3 // big-endian u64
	ILA_ATTR_IFINDEX       = 4 // s32
	ILA_ATTR_DIR           = 5 // u32
	ILA_ATTR_PAD           = 6 // padding for 64-bit alignment
	ILA_ATTR_CSUM_MODE     = 7 // u8: ILA_CSUM_*
	ILA_ATTR_IDENT_TYPE    = 8 // u8: ILA_ATYPE_*
	ILA_ATTR_HOOK_TYPE     = 9 // u8: ILA_HOOK_*
)

var iLAAttrsTable = [...]family.Attr{
	ILA_ATTR_UNSPEC:        {Name: "ILA_ATTR_UNSPEC", Format: family.Binary},
	ILA_ATTR_LOCATOR:       {Name: "ILA_ATTR_LOCATOR", Format: family.BE64},
	ILA_ATTR_IDENTIFIER:    {Name: "ILA_ATTR_IDENTIFIER", Format: family.BE64},
	ILA_ATTR_LOCATOR_MATCH: {Name: "ILA_ATTR_LOCATOR_MATCH", Format: family.BE64},
	ILA_ATTR_IFINDEX:       {Name: "ILA_ATTR_IFINDEX", Format: family.S32},
	ILA_ATTR_DIR:           {Name: "ILA_ATTR_DIR", Format: family.U32},
	ILA_ATTR_PAD:           {Name: "ILA_ATTR_PAD", Format: family.Binary},
	ILA_ATTR_CSUM_MODE:     {Name: "ILA_ATTR_CSUM_MODE", Format: family.U8},
	ILA_ATTR_IDENT_TYPE:    {Name: "ILA_ATTR_IDENT_TYPE", Format: family.U8},
	ILA_ATTR_HOOK_TYPE:     {Name: "ILA_ATTR_HOOK_TYPE", Format: family.U8},
}

// SRv6 encapsulation attributes (SEG6_IPTUNNEL_*,
// include/uapi/linux/seg6_iptunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_SEG6.
const (
	SEG6_IPTUNNEL_UNSPEC = 0 // unused
	SEG6_IPTUNNEL_SRH    = 1 // struct seg6_iptunnel_encap: mode and segment routing header
)

var seg6IPTunnelAttrsTable = [...]family.Attr{
	SEG6_IPTUNNEL_UNSPEC: {Name: "SEG6_IPTUNNEL_UNSPEC", Format: family.Binary},
	SEG6_IPTUNNEL_SRH:    {Name: "SEG6_IPTUNNEL_SRH", Format: family.Binary},
}

// BPF encapsulation attributes (LWT_BPF_*, include/uapi/linux/lwtunnel.h):
// RTA_ENCAP of LWTUNNEL_ENCAP_BPF.
const (
	LWT_BPF_UNSPEC        = 0 // unused
	LWT_BPF_IN            = 1 // nested: LWT_BPF_PROG_*
	LWT_BPF_OUT           = 2 // nested: LWT_BPF_PROG_*
	LWT_BPF_XMIT          = 3 // nested: LWT_BPF_PROG_*
	LWT_BPF_XMIT_HEADROOM = 4 // u32
)

var lWTBPFAttrsTable = [...]family.Attr{
	LWT_BPF_UNSPEC:        {Name: "LWT_BPF_UNSPEC", Format: family.Binary},
	LWT_BPF_IN:            {Name: "LWT_BPF_IN", Format: family.Nested, Child: &LWTBPFProgAttrs},
	LWT_BPF_OUT:           {Name: "LWT_BPF_OUT", Format: family.Nested, Child: &LWTBPFProgAttrs},
	LWT_BPF_XMIT:          {Name: "LWT_BPF_XMIT", Format: family.Nested, Child: &LWTBPFProgAttrs},
	LWT_BPF_XMIT_HEADROOM: {Name: "LWT_BPF_XMIT_HEADROOM", Format: family.U32},
}

// Attributes inside LWT_BPF_IN, LWT_BPF_OUT and LWT_BPF_XMIT
// (include/uapi/linux/lwtunnel.h).
const (
	LWT_BPF_PROG_UNSPEC = 0 // unused
	LWT_BPF_PROG_FD     = 1 // u32: program file descriptor (requests)
	LWT_BPF_PROG_NAME   = 2 // string
)

var lWTBPFProgAttrsTable = [...]family.Attr{
	LWT_BPF_PROG_UNSPEC: {Name: "LWT_BPF_PROG_UNSPEC", Format: family.Binary},
	LWT_BPF_PROG_FD:     {Name: "LWT_BPF_PROG_FD", Format: family.U32},
	LWT_BPF_PROG_NAME:   {Name: "LWT_BPF_PROG_NAME", Format: family.String},
}

// SRv6 local behaviour attributes (SEG6_LOCAL_*,
// include/uapi/linux/seg6_local.h): RTA_ENCAP of LWTUNNEL_ENCAP_SEG6_LOCAL.
const (
	SEG6_LOCAL_UNSPEC   = 0  // unused
	SEG6_LOCAL_ACTION   = 1  // u32: SEG6_LOCAL_ACTION_*
	SEG6_LOCAL_SRH      = 2  // struct ipv6_sr_hdr
	SEG6_LOCAL_TABLE    = 3  // u32
	SEG6_LOCAL_NH4      = 4  // IP address
	SEG6_LOCAL_NH6      = 5  // IP address
	SEG6_LOCAL_IIF      = 6  // u32
	SEG6_LOCAL_OIF      = 7  // u32
	SEG6_LOCAL_BPF      = 8  // nested: SEG6_LOCAL_BPF_PROG_*
	SEG6_LOCAL_VRFTABLE = 9  // u32
	SEG6_LOCAL_COUNTERS = 10 // nested: SEG6_LOCAL_CNT_*
	SEG6_LOCAL_FLAVORS  = 11 // nested: SEG6_LOCAL_FLV_*
)

var seg6LocalAttrsTable = [...]family.Attr{
	SEG6_LOCAL_UNSPEC:   {Name: "SEG6_LOCAL_UNSPEC", Format: family.Binary},
	SEG6_LOCAL_ACTION:   {Name: "SEG6_LOCAL_ACTION", Format: family.U32},
	SEG6_LOCAL_SRH:      {Name: "SEG6_LOCAL_SRH", Format: family.Binary},
	SEG6_LOCAL_TABLE:    {Name: "SEG6_LOCAL_TABLE", Format: family.U32},
	SEG6_LOCAL_NH4:      {Name: "SEG6_LOCAL_NH4", Format: family.IPAddr},
	SEG6_LOCAL_NH6:      {Name: "SEG6_LOCAL_NH6", Format: family.IPAddr},
	SEG6_LOCAL_IIF:      {Name: "SEG6_LOCAL_IIF", Format: family.U32},
	SEG6_LOCAL_OIF:      {Name: "SEG6_LOCAL_OIF", Format: family.U32},
	SEG6_LOCAL_BPF:      {Name: "SEG6_LOCAL_BPF", Format: family.Nested, Child: &Seg6LocalBPFAttrs},
	SEG6_LOCAL_VRFTABLE: {Name: "SEG6_LOCAL_VRFTABLE", Format: family.U32},
	SEG6_LOCAL_COUNTERS: {Name: "SEG6_LOCAL_COUNTERS", Format: family.Nested, Child: &Seg6LocalCountersAttrs},
	SEG6_LOCAL_FLAVORS:  {Name: "SEG6_LOCAL_FLAVORS", Format: family.Nested, Child: &Seg6LocalFlavorsAttrs},
}

// Attributes inside SEG6_LOCAL_BPF (include/uapi/linux/seg6_local.h).
const (
	SEG6_LOCAL_BPF_PROG_UNSPEC = 0 // unused
	SEG6_LOCAL_BPF_PROG        = 1 // u32: program file descriptor (requests) or ID
	SEG6_LOCAL_BPF_PROG_NAME   = 2 // string
)

var seg6LocalBPFAttrsTable = [...]family.Attr{
	SEG6_LOCAL_BPF_PROG_UNSPEC: {Name: "SEG6_LOCAL_BPF_PROG_UNSPEC", Format: family.Binary},
	SEG6_LOCAL_BPF_PROG:        {Name: "SEG6_LOCAL_BPF_PROG", Format: family.U32},
	SEG6_LOCAL_BPF_PROG_NAME:   {Name: "SEG6_LOCAL_BPF_PROG_NAME", Format: family.String},
}

// Attributes inside SEG6_LOCAL_COUNTERS (include/uapi/linux/seg6_local.h).
const (
	SEG6_LOCAL_CNT_UNSPEC  = 0 // unused
	SEG6_LOCAL_CNT_PAD     = 1 // padding for 64-bit alignment
	SEG6_LOCAL_CNT_PACKETS = 2 // u64
	SEG6_LOCAL_CNT_BYTES   = 3 // u64
	SEG6_LOCAL_CNT_ERRORS  = 4 // u64
)

var seg6LocalCountersAttrsTable = [...]family.Attr{
	SEG6_LOCAL_CNT_UNSPEC:  {Name: "SEG6_LOCAL_CNT_UNSPEC", Format: family.Binary},
	SEG6_LOCAL_CNT_PAD:     {Name: "SEG6_LOCAL_CNT_PAD", Format: family.Binary},
	SEG6_LOCAL_CNT_PACKETS: {Name: "SEG6_LOCAL_CNT_PACKETS", Format: family.U64},
	SEG6_LOCAL_CNT_BYTES:   {Name: "SEG6_LOCAL_CNT_BYTES", Format: family.U64},
	SEG6_LOCAL_CNT_ERRORS:  {Name: "SEG6_LOCAL_CNT_ERRORS", Format: family.U64},
}

// Attributes inside SEG6_LOCAL_FLAVORS (include/uapi/linux/seg6_local.h).
const (
	SEG6_LOCAL_FLV_UNSPEC         = 0 // unused
	SEG6_LOCAL_FLV_OPERATION      = 1 // u32: mask of SEG6_LOCAL_FLV_OP_* bits
	SEG6_LOCAL_FLV_LCBLOCK_BITS   = 2 // u8
	SEG6_LOCAL_FLV_LCNODE_FN_BITS = 3 // u8
)

var seg6LocalFlavorsAttrsTable = [...]family.Attr{
	SEG6_LOCAL_FLV_UNSPEC:         {Name: "SEG6_LOCAL_FLV_UNSPEC", Format: family.Binary},
	SEG6_LOCAL_FLV_OPERATION:      {Name: "SEG6_LOCAL_FLV_OPERATION", Format: family.U32},
	SEG6_LOCAL_FLV_LCBLOCK_BITS:   {Name: "SEG6_LOCAL_FLV_LCBLOCK_BITS", Format: family.U8},
	SEG6_LOCAL_FLV_LCNODE_FN_BITS: {Name: "SEG6_LOCAL_FLV_LCNODE_FN_BITS", Format: family.U8},
}

// RPL encapsulation attributes (RPL_IPTUNNEL_*,
// include/uapi/linux/rpl_iptunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_RPL.
const (
	RPL_IPTUNNEL_UNSPEC = 0 // unused
	RPL_IPTUNNEL_SRH    = 1 // struct ipv6_rpl_sr_hdr
)

var rPLIPTunnelAttrsTable = [...]family.Attr{
	RPL_IPTUNNEL_UNSPEC: {Name: "RPL_IPTUNNEL_UNSPEC", Format: family.Binary},
	RPL_IPTUNNEL_SRH:    {Name: "RPL_IPTUNNEL_SRH", Format: family.Binary},
}

// IOAM encapsulation attributes (IOAM6_IPTUNNEL_*,
// include/uapi/linux/ioam6_iptunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_IOAM6.
const (
	IOAM6_IPTUNNEL_UNSPEC = 0 // unused
	IOAM6_IPTUNNEL_MODE   = 1 // u8: IOAM6_IPTUNNEL_MODE_*
	IOAM6_IPTUNNEL_DST    = 2 // IP address
	IOAM6_IPTUNNEL_TRACE  = 3 // struct ioam6_trace_hdr
	IOAM6_IPTUNNEL_FREQ_K = 4 // u32
	IOAM6_IPTUNNEL_FREQ_N = 5 // u32
	IOAM6_IPTUNNEL_SRC    = 6 // IP address
)

var iOAM6IPTunnelAttrsTable = [...]family.Attr{
	IOAM6_IPTUNNEL_UNSPEC: {Name: "IOAM6_IPTUNNEL_UNSPEC", Format: family.Binary},
	IOAM6_IPTUNNEL_MODE:   {Name: "IOAM6_IPTUNNEL_MODE", Format: family.U8},
	IOAM6_IPTUNNEL_DST:    {Name: "IOAM6_IPTUNNEL_DST", Format: family.IPAddr},
	IOAM6_IPTUNNEL_TRACE:  {Name: "IOAM6_IPTUNNEL_TRACE", Format: family.Binary},
	IOAM6_IPTUNNEL_FREQ_K: {Name: "IOAM6_IPTUNNEL_FREQ_K", Format: family.U32},
	IOAM6_IPTUNNEL_FREQ_N: {Name: "IOAM6_IPTUNNEL_FREQ_N", Format: family.U32},
	IOAM6_IPTUNNEL_SRC:    {Name: "IOAM6_IPTUNNEL_SRC", Format: family.IPAddr},
}

// XFRM interface encapsulation attributes (LWT_XFRM_*,
// include/uapi/linux/lwtunnel.h): RTA_ENCAP of LWTUNNEL_ENCAP_XFRM.
const (
	LWT_XFRM_UNSPEC = 0 // unused
	LWT_XFRM_IF_ID  = 1 // u32
	LWT_XFRM_LINK   = 2 // u32: underlying interface index
)

var lWTXfrmAttrsTable = [...]family.Attr{
	LWT_XFRM_UNSPEC: {Name: "LWT_XFRM_UNSPEC", Format: family.Binary},
	LWT_XFRM_IF_ID:  {Name: "LWT_XFRM_IF_ID", Format: family.U32},
	LWT_XFRM_LINK:   {Name: "LWT_XFRM_LINK", Format: family.U32},
}

// Attribute spaces of the lightweight tunnel encapsulations.
var (
	// MPLSIPTunnelAttrs is the MPLS_IPTUNNEL_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_MPLS.
	MPLSIPTunnelAttrs = family.Set{Space: "MPLS_IPTUNNEL", Attrs: mPLSIPTunnelAttrsTable[:]}
	// LWTIPAttrs is the LWTUNNEL_IP_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_IP.
	LWTIPAttrs = family.Set{Space: "LWTUNNEL_IP", Attrs: lWTIPAttrsTable[:]}
	// LWTIP6Attrs is the LWTUNNEL_IP6_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_IP6.
	LWTIP6Attrs = family.Set{Space: "LWTUNNEL_IP6", Attrs: lWTIP6AttrsTable[:]}
	// LWTIPOptsAttrs is the space inside LWTUNNEL_IP_OPTS and
	// LWTUNNEL_IP6_OPTS.
	LWTIPOptsAttrs = family.Set{Space: "LWTUNNEL_IP_OPTS", Attrs: lWTIPOptsAttrsTable[:]}
	// LWTGeneveOptAttrs is the space inside LWTUNNEL_IP_OPTS_GENEVE.
	LWTGeneveOptAttrs = family.Set{Space: "LWTUNNEL_IP_OPT_GENEVE", Attrs: lWTGeneveOptAttrsTable[:]}
	// LWTVXLANOptAttrs is the space inside LWTUNNEL_IP_OPTS_VXLAN.
	LWTVXLANOptAttrs = family.Set{Space: "LWTUNNEL_IP_OPT_VXLAN", Attrs: lWTVXLANOptAttrsTable[:]}
	// LWTERSPANOptAttrs is the space inside LWTUNNEL_IP_OPTS_ERSPAN.
	LWTERSPANOptAttrs = family.Set{Space: "LWTUNNEL_IP_OPT_ERSPAN", Attrs: lWTERSPANOptAttrsTable[:]}
	// ILAAttrs is the ILA_ATTR_* space of RTA_ENCAP for LWTUNNEL_ENCAP_ILA.
	ILAAttrs = family.Set{Space: "ILA_ATTR", Attrs: iLAAttrsTable[:]}
	// Seg6IPTunnelAttrs is the SEG6_IPTUNNEL_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_SEG6.
	Seg6IPTunnelAttrs = family.Set{Space: "SEG6_IPTUNNEL", Attrs: seg6IPTunnelAttrsTable[:]}
	// LWTBPFAttrs is the LWT_BPF_* space of RTA_ENCAP for LWTUNNEL_ENCAP_BPF.
	LWTBPFAttrs = family.Set{Space: "LWT_BPF", Attrs: lWTBPFAttrsTable[:]}
	// LWTBPFProgAttrs is the space inside LWT_BPF_IN, LWT_BPF_OUT and
	// LWT_BPF_XMIT.
	LWTBPFProgAttrs = family.Set{Space: "LWT_BPF_PROG", Attrs: lWTBPFProgAttrsTable[:]}
	// Seg6LocalAttrs is the SEG6_LOCAL_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_SEG6_LOCAL.
	Seg6LocalAttrs = family.Set{Space: "SEG6_LOCAL", Attrs: seg6LocalAttrsTable[:]}
	// Seg6LocalBPFAttrs is the space inside SEG6_LOCAL_BPF.
	Seg6LocalBPFAttrs = family.Set{Space: "SEG6_LOCAL_BPF_PROG", Attrs: seg6LocalBPFAttrsTable[:]}
	// Seg6LocalCountersAttrs is the space inside SEG6_LOCAL_COUNTERS.
	Seg6LocalCountersAttrs = family.Set{Space: "SEG6_LOCAL_CNT", Attrs: seg6LocalCountersAttrsTable[:]}
	// Seg6LocalFlavorsAttrs is the space inside SEG6_LOCAL_FLAVORS.
	Seg6LocalFlavorsAttrs = family.Set{Space: "SEG6_LOCAL_FLV", Attrs: seg6LocalFlavorsAttrsTable[:]}
	// RPLIPTunnelAttrs is the RPL_IPTUNNEL_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_RPL.
	RPLIPTunnelAttrs = family.Set{Space: "RPL_IPTUNNEL", Attrs: rPLIPTunnelAttrsTable[:]}
	// IOAM6IPTunnelAttrs is the IOAM6_IPTUNNEL_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_IOAM6.
	IOAM6IPTunnelAttrs = family.Set{Space: "IOAM6_IPTUNNEL", Attrs: iOAM6IPTunnelAttrsTable[:]}
	// LWTXfrmAttrs is the LWT_XFRM_* space of RTA_ENCAP for
	// LWTUNNEL_ENCAP_XFRM.
	LWTXfrmAttrs = family.Set{Space: "LWT_XFRM", Attrs: lWTXfrmAttrsTable[:]}
)
