package dissect

import (
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/nftables"
)

// The nftables spec's sub-messages describe the data of 16 expressions
// (NFTA_EXPR_DATA by NFTA_EXPR_NAME) and of 2 object types
// (NFTA_OBJ_DATA by NFTA_OBJ_TYPE). The tables below describe the other
// expressions and objects of include/uapi/linux/netfilter/nf_tables.h
// (and nf_tables_compat.h for "match"), with the formats the kernel's
// policies and dump functions give them: most integers are big-endian
// (nla_put_be32, nla_get_be32), a few u8. They are used only where the
// spec has no format for the name, and are named by their UAPI names.
// Two of the spec's formats are amended instead (NftBitwiseAttrs,
// NftFibAttrs), where nf_tables.h has more than the spec or numbers a
// value differently.

// NftExprData is NFTA_EXPR_DATA with a variant for each expression the
// nftables spec's expression sub-message does not describe, selected by
// the sibling NFTA_EXPR_NAME.
var NftExprData = family.Attr{Name: "NFTA_EXPR_DATA", Format: family.Nested, Key: nftables.NFTABLES_A_EXPR_ATTRS_NAME, Variants: []family.Variant{
	{Value: "byteorder", Set: &nftByteorderAttrs},
	{Value: "connlimit", Set: &nftConnlimitAttrs},
	{Value: "dup", Set: &nftDupAttrs},
	{Value: "dynset", Set: &nftDynsetAttrs},
	{Value: "exthdr", Set: &nftExthdrAttrs},
	{Value: "fwd", Set: &nftFwdAttrs},
	{Value: "hash", Set: &nftHashAttrs},
	{Value: "inner", Set: &nftInnerAttrs},
	{Value: "last", Set: &nftLastAttrs},
	{Value: "limit", Set: &nftLimitAttrs},
	{Value: "log", Set: &nftLogAttrs},
	{Value: "masq", Set: &nftMasqAttrs},
	{Value: "match", Set: &nftMatchAttrs},
	{Value: "numgen", Set: &nftNgAttrs},
	{Value: "osf", Set: &nftOsfAttrs},
	{Value: "queue", Set: &nftQueueAttrs},
	{Value: "range", Set: &nftRangeAttrs},
	{Value: "redir", Set: &nftRedirAttrs},
	{Value: "rt", Set: &nftRtAttrs},
	{Value: "socket", Set: &nftSocketAttrs},
	{Value: "synproxy", Set: &nftSynproxyAttrs},
	{Value: "tunnel", Set: &nftTunnelAttrs},
	{Value: "xfrm", Set: &nftXfrmAttrs},
}}

// NftObjData is NFTA_OBJ_DATA with a variant for each object type the
// nftables spec's object sub-message does not describe, selected by the
// sibling NFTA_OBJ_TYPE (NFT_OBJECT_*), whose enum names the variant as
// the spec's sub-message formats do ("ct-helper" for NFT_OBJECT_CT_HELPER).
var NftObjData = family.Attr{Name: "NFTA_OBJ_DATA", Format: family.Nested, Key: nftables.NFTABLES_A_OBJ_ATTRS_TYPE, Variants: []family.Variant{
	{Value: "ct-helper", Set: &nftCtHelperAttrs},
	{Value: "limit", Set: &nftLimitAttrs},
	{Value: "connlimit", Set: &nftConnlimitAttrs},
	{Value: "tunnel", Set: &nftTunnelKeyAttrs},
	{Value: "ct-timeout", Set: &nftCtTimeoutAttrs},
	{Value: "secmark", Set: &nftSecmarkAttrs},
	{Value: "ct-expect", Set: &nftCtExpectAttrs},
	{Value: "synproxy", Set: &nftSynproxyAttrs},
}}

// nftSupplement returns the space of a's nest given spec, the one the
// spec's variants give it: NftBitwiseAttrs or NftFibAttrs for the
// spec's bitwise and fib spaces; spec if it is another; else, when a is
// the spec's NFTA_EXPR_DATA or NFTA_OBJ_DATA, the supplement's variant
// for key, the expression's name, or cname, the object type's C name
// ("CT_HELPER"); else nil.
func nftSupplement(a *family.Attr, key []byte, cname string, spec *family.Set) *family.Set {
	switch {
	case spec == &nftables.ExprBitwiseAttrs:
		return &NftBitwiseAttrs
	case spec == &nftables.ExprFibAttrs:
		return &NftFibAttrs
	case spec != nil:
		return spec
	}
	switch a {
	case &nftables.ExprAttrs.Attrs[nftables.NFTABLES_A_EXPR_ATTRS_DATA]:
		return childSet(&NftExprData, key, cname)
	case &nftables.ObjAttrs.Attrs[nftables.NFTABLES_A_OBJ_ATTRS_DATA]:
		return childSet(&NftObjData, key, cname)
	}
	return nil
}

// nestedExpr is an attribute holding one expression (NFTA_EXPR_*), as
// NFTA_DYNSET_EXPR and NFTA_INNER_EXPR do.
func nestedExpr(name string) family.Attr {
	return family.Attr{Name: name, Format: family.Nested, Child: &nftables.ExprAttrs}
}

// The expressions' spaces (enum nft_*_attributes).
var (
	nftByteorderAttrs = family.Set{Space: "NFTA_BYTEORDER", Attrs: []family.Attr{
		1: {Name: "NFTA_BYTEORDER_SREG", Format: family.BE32},
		2: {Name: "NFTA_BYTEORDER_DREG", Format: family.BE32},
		3: {Name: "NFTA_BYTEORDER_OP", Format: family.BE32, Enum: &nftByteorderOpsEnum},
		4: {Name: "NFTA_BYTEORDER_LEN", Format: family.BE32},
		5: {Name: "NFTA_BYTEORDER_SIZE", Format: family.BE32},
	}}
	nftConnlimitAttrs = family.Set{Space: "NFTA_CONNLIMIT", Attrs: []family.Attr{
		1: {Name: "NFTA_CONNLIMIT_COUNT", Format: family.BE32},
		2: {Name: "NFTA_CONNLIMIT_FLAGS", Format: family.BE32, Enum: &nftConnlimitFlags},
	}}
	nftDupAttrs = family.Set{Space: "NFTA_DUP", Attrs: []family.Attr{
		1: {Name: "NFTA_DUP_SREG_ADDR", Format: family.BE32},
		2: {Name: "NFTA_DUP_SREG_DEV", Format: family.BE32},
	}}
	nftDynsetAttrs = family.Set{Space: "NFTA_DYNSET", Attrs: []family.Attr{
		1:  {Name: "NFTA_DYNSET_SET_NAME", Format: family.String},
		2:  {Name: "NFTA_DYNSET_SET_ID", Format: family.BE32},
		3:  {Name: "NFTA_DYNSET_OP", Format: family.BE32, Enum: &nftDynsetOpsEnum},
		4:  {Name: "NFTA_DYNSET_SREG_KEY", Format: family.BE32},
		5:  {Name: "NFTA_DYNSET_SREG_DATA", Format: family.BE32},
		6:  {Name: "NFTA_DYNSET_TIMEOUT", Format: family.BE64},
		7:  nestedExpr("NFTA_DYNSET_EXPR"),
		8:  {Name: "NFTA_DYNSET_PAD", Format: family.Binary},
		9:  {Name: "NFTA_DYNSET_FLAGS", Format: family.BE32, Enum: &nftDynsetFlagsEnum},
		10: {Name: "NFTA_DYNSET_EXPRESSIONS", Format: family.Nested, Child: &nftables.ExprListAttrs},
	}}
	nftExthdrAttrs = family.Set{Space: "NFTA_EXTHDR", Attrs: []family.Attr{
		1: {Name: "NFTA_EXTHDR_DREG", Format: family.BE32},
		2: {Name: "NFTA_EXTHDR_TYPE", Format: family.U8},
		3: {Name: "NFTA_EXTHDR_OFFSET", Format: family.BE32},
		4: {Name: "NFTA_EXTHDR_LEN", Format: family.BE32},
		5: {Name: "NFTA_EXTHDR_FLAGS", Format: family.BE32, Enum: &nftExthdrFlagsEnum},
		6: {Name: "NFTA_EXTHDR_OP", Format: family.BE32, Enum: &nftExthdrOpEnum},
		7: {Name: "NFTA_EXTHDR_SREG", Format: family.BE32},
	}}
	nftFwdAttrs = family.Set{Space: "NFTA_FWD", Attrs: []family.Attr{
		1: {Name: "NFTA_FWD_SREG_DEV", Format: family.BE32},
		2: {Name: "NFTA_FWD_SREG_ADDR", Format: family.BE32},
		3: {Name: "NFTA_FWD_NFPROTO", Format: family.BE32},
	}}
	nftHashAttrs = family.Set{Space: "NFTA_HASH", Attrs: []family.Attr{
		1: {Name: "NFTA_HASH_SREG", Format: family.BE32},
		2: {Name: "NFTA_HASH_DREG", Format: family.BE32},
		3: {Name: "NFTA_HASH_LEN", Format: family.BE32},
		4: {Name: "NFTA_HASH_MODULUS", Format: family.BE32},
		5: {Name: "NFTA_HASH_SEED", Format: family.BE32},
		6: {Name: "NFTA_HASH_OFFSET", Format: family.BE32},
		7: {Name: "NFTA_HASH_TYPE", Format: family.BE32, Enum: &nftHashTypesEnum},
		8: {Name: "NFTA_HASH_SET_NAME", Format: family.String},
		9: {Name: "NFTA_HASH_SET_ID", Format: family.BE32},
	}}
	nftInnerAttrs = family.Set{Space: "NFTA_INNER", Attrs: []family.Attr{
		1: {Name: "NFTA_INNER_NUM", Format: family.BE32},
		2: {Name: "NFTA_INNER_TYPE", Format: family.BE32, Enum: &nftInnerTypeEnum},
		3: {Name: "NFTA_INNER_FLAGS", Format: family.BE32, Enum: &nftInnerFlagsEnum},
		4: {Name: "NFTA_INNER_HDRSIZE", Format: family.BE32},
		5: nestedExpr("NFTA_INNER_EXPR"),
	}}
	nftLastAttrs = family.Set{Space: "NFTA_LAST", Attrs: []family.Attr{
		1: {Name: "NFTA_LAST_SET", Format: family.BE32},
		2: {Name: "NFTA_LAST_MSECS", Format: family.BE64},
		3: {Name: "NFTA_LAST_PAD", Format: family.Binary},
	}}
	nftLimitAttrs = family.Set{Space: "NFTA_LIMIT", Attrs: []family.Attr{
		1: {Name: "NFTA_LIMIT_RATE", Format: family.BE64},
		2: {Name: "NFTA_LIMIT_UNIT", Format: family.BE64},
		3: {Name: "NFTA_LIMIT_BURST", Format: family.BE32},
		4: {Name: "NFTA_LIMIT_TYPE", Format: family.BE32, Enum: &nftLimitTypeEnum},
		5: {Name: "NFTA_LIMIT_FLAGS", Format: family.BE32, Enum: &nftLimitFlagsEnum},
		6: {Name: "NFTA_LIMIT_PAD", Format: family.Binary},
	}}
	nftLogAttrs = family.Set{Space: "NFTA_LOG", Attrs: []family.Attr{
		1: {Name: "NFTA_LOG_GROUP", Format: family.BE16},
		2: {Name: "NFTA_LOG_PREFIX", Format: family.String},
		3: {Name: "NFTA_LOG_SNAPLEN", Format: family.BE32},
		4: {Name: "NFTA_LOG_QTHRESHOLD", Format: family.BE16},
		5: {Name: "NFTA_LOG_LEVEL", Format: family.BE32, Enum: &nftLogLevelEnum},
		6: {Name: "NFTA_LOG_FLAGS", Format: family.BE32, Enum: &nftLogFlagsEnum},
	}}
	nftMasqAttrs = family.Set{Space: "NFTA_MASQ", Attrs: []family.Attr{
		1: {Name: "NFTA_MASQ_FLAGS", Format: family.BE32, Enum: &nftables.NatRangeFlagsEnum},
		2: {Name: "NFTA_MASQ_REG_PROTO_MIN", Format: family.BE32},
		3: {Name: "NFTA_MASQ_REG_PROTO_MAX", Format: family.BE32},
	}}
	nftMatchAttrs = family.Set{Space: "NFTA_MATCH", Attrs: []family.Attr{
		1: {Name: "NFTA_MATCH_NAME", Format: family.String},
		2: {Name: "NFTA_MATCH_REV", Format: family.BE32},
		3: {Name: "NFTA_MATCH_INFO", Format: family.Binary},
	}}
	nftNgAttrs = family.Set{Space: "NFTA_NG", Attrs: []family.Attr{
		1: {Name: "NFTA_NG_DREG", Format: family.BE32},
		2: {Name: "NFTA_NG_MODULUS", Format: family.BE32},
		3: {Name: "NFTA_NG_TYPE", Format: family.BE32, Enum: &nftNgTypesEnum},
		4: {Name: "NFTA_NG_OFFSET", Format: family.BE32},
		5: {Name: "NFTA_NG_SET_NAME", Format: family.String},
		6: {Name: "NFTA_NG_SET_ID", Format: family.BE32},
	}}
	nftOsfAttrs = family.Set{Space: "NFTA_OSF", Attrs: []family.Attr{
		1: {Name: "NFTA_OSF_DREG", Format: family.BE32},
		2: {Name: "NFTA_OSF_TTL", Format: family.U8},
		3: {Name: "NFTA_OSF_FLAGS", Format: family.BE32, Enum: &nftOsfFlagsEnum},
	}}
	nftQueueAttrs = family.Set{Space: "NFTA_QUEUE", Attrs: []family.Attr{
		1: {Name: "NFTA_QUEUE_NUM", Format: family.BE16},
		2: {Name: "NFTA_QUEUE_TOTAL", Format: family.BE16},
		3: {Name: "NFTA_QUEUE_FLAGS", Format: family.BE16, Enum: &nftQueueFlagsEnum},
		4: {Name: "NFTA_QUEUE_SREG_QNUM", Format: family.BE32},
	}}
	nftRangeAttrs = family.Set{Space: "NFTA_RANGE", Attrs: []family.Attr{
		1: {Name: "NFTA_RANGE_SREG", Format: family.BE32},
		2: {Name: "NFTA_RANGE_OP", Format: family.BE32, Enum: &nftRangeOpsEnum},
		3: {Name: "NFTA_RANGE_FROM_DATA", Format: family.Nested, Child: &nftables.DataAttrs},
		4: {Name: "NFTA_RANGE_TO_DATA", Format: family.Nested, Child: &nftables.DataAttrs},
	}}
	nftRedirAttrs = family.Set{Space: "NFTA_REDIR", Attrs: []family.Attr{
		1: {Name: "NFTA_REDIR_REG_PROTO_MIN", Format: family.BE32},
		2: {Name: "NFTA_REDIR_REG_PROTO_MAX", Format: family.BE32},
		3: {Name: "NFTA_REDIR_FLAGS", Format: family.BE32, Enum: &nftables.NatRangeFlagsEnum},
	}}
	nftRtAttrs = family.Set{Space: "NFTA_RT", Attrs: []family.Attr{
		1: {Name: "NFTA_RT_DREG", Format: family.BE32},
		2: {Name: "NFTA_RT_KEY", Format: family.BE32, Enum: &nftRtKeysEnum},
	}}
	nftSocketAttrs = family.Set{Space: "NFTA_SOCKET", Attrs: []family.Attr{
		1: {Name: "NFTA_SOCKET_KEY", Format: family.BE32, Enum: &nftSocketKeysEnum},
		2: {Name: "NFTA_SOCKET_DREG", Format: family.BE32},
		3: {Name: "NFTA_SOCKET_LEVEL", Format: family.BE32},
	}}
	nftSynproxyAttrs = family.Set{Space: "NFTA_SYNPROXY", Attrs: []family.Attr{
		1: {Name: "NFTA_SYNPROXY_MSS", Format: family.BE16},
		2: {Name: "NFTA_SYNPROXY_WSCALE", Format: family.U8},
		3: {Name: "NFTA_SYNPROXY_FLAGS", Format: family.BE32, Enum: &nftSynproxyFlags},
	}}
	nftTunnelAttrs = family.Set{Space: "NFTA_TUNNEL", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY", Format: family.BE32, Enum: &nftTunnelKeysEnum},
		2: {Name: "NFTA_TUNNEL_DREG", Format: family.BE32},
		3: {Name: "NFTA_TUNNEL_MODE", Format: family.BE32, Enum: &nftTunnelModeEnum},
	}}
	nftXfrmAttrs = family.Set{Space: "NFTA_XFRM", Attrs: []family.Attr{
		1: {Name: "NFTA_XFRM_DREG", Format: family.BE32},
		2: {Name: "NFTA_XFRM_KEY", Format: family.BE32, Enum: &nftXfrmKeysEnum},
		3: {Name: "NFTA_XFRM_DIR", Format: family.U8},
		4: {Name: "NFTA_XFRM_SPNUM", Format: family.BE32},
	}}
)

// The objects' spaces that no expression shares.
var (
	nftCtHelperAttrs = family.Set{Space: "NFTA_CT_HELPER", Attrs: []family.Attr{
		1: {Name: "NFTA_CT_HELPER_NAME", Format: family.String},
		2: {Name: "NFTA_CT_HELPER_L3PROTO", Format: family.BE16},
		3: {Name: "NFTA_CT_HELPER_L4PROTO", Format: family.U8},
	}}
	// NFTA_CT_TIMEOUT_DATA holds the CTA_TIMEOUT_* attributes of the
	// layer 4 protocol NFTA_CT_TIMEOUT_L4PROTO names; left undescribed.
	nftCtTimeoutAttrs = family.Set{Space: "NFTA_CT_TIMEOUT", Attrs: []family.Attr{
		1: {Name: "NFTA_CT_TIMEOUT_L3PROTO", Format: family.BE16},
		2: {Name: "NFTA_CT_TIMEOUT_L4PROTO", Format: family.U8},
		3: {Name: "NFTA_CT_TIMEOUT_DATA", Format: family.Nested},
	}}
	nftCtExpectAttrs = family.Set{Space: "NFTA_CT_EXPECT", Attrs: []family.Attr{
		1: {Name: "NFTA_CT_EXPECT_L3PROTO", Format: family.BE16},
		2: {Name: "NFTA_CT_EXPECT_L4PROTO", Format: family.U8},
		3: {Name: "NFTA_CT_EXPECT_DPORT", Format: family.BE16},
		4: {Name: "NFTA_CT_EXPECT_TIMEOUT", Format: family.BE32},
		5: {Name: "NFTA_CT_EXPECT_SIZE", Format: family.U8},
	}}
	nftSecmarkAttrs = family.Set{Space: "NFTA_SECMARK", Attrs: []family.Attr{
		1: {Name: "NFTA_SECMARK_CTX", Format: family.String},
	}}
	nftTunnelKeyAttrs = family.Set{Space: "NFTA_TUNNEL_KEY", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_ID", Format: family.BE32},
		2: {Name: "NFTA_TUNNEL_KEY_IP", Format: family.Nested, Child: &nftTunnelKeyIPAttrs},
		3: {Name: "NFTA_TUNNEL_KEY_IP6", Format: family.Nested, Child: &nftTunnelKeyIP6Attrs},
		4: {Name: "NFTA_TUNNEL_KEY_FLAGS", Format: family.BE32, Enum: &nftTunnelFlagsEnum},
		5: {Name: "NFTA_TUNNEL_KEY_TOS", Format: family.U8},
		6: {Name: "NFTA_TUNNEL_KEY_TTL", Format: family.U8},
		7: {Name: "NFTA_TUNNEL_KEY_SPORT", Format: family.BE16},
		8: {Name: "NFTA_TUNNEL_KEY_DPORT", Format: family.BE16},
		9: {Name: "NFTA_TUNNEL_KEY_OPTS", Format: family.Nested, Child: &nftTunnelKeyOptsAttrs},
	}}
	nftTunnelKeyIPAttrs = family.Set{Space: "NFTA_TUNNEL_KEY_IP", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_IP_SRC", Format: family.IPAddr},
		2: {Name: "NFTA_TUNNEL_KEY_IP_DST", Format: family.IPAddr},
	}}
	nftTunnelKeyIP6Attrs = family.Set{Space: "NFTA_TUNNEL_KEY_IP6", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_IP6_SRC", Format: family.IPAddr},
		2: {Name: "NFTA_TUNNEL_KEY_IP6_DST", Format: family.IPAddr},
		3: {Name: "NFTA_TUNNEL_KEY_IP6_FLOWLABEL", Format: family.BE32},
	}}
	nftTunnelKeyOptsAttrs = family.Set{Space: "NFTA_TUNNEL_KEY_OPTS", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_OPTS_VXLAN", Format: family.Nested, Child: &nftTunnelKeyVxlanAttrs},
		2: {Name: "NFTA_TUNNEL_KEY_OPTS_ERSPAN", Format: family.Nested, Child: &nftTunnelKeyErspanAttrs},
		3: {Name: "NFTA_TUNNEL_KEY_OPTS_GENEVE", Format: family.Nested, Child: &nftTunnelKeyGeneveAttrs},
	}}
	nftTunnelKeyVxlanAttrs = family.Set{Space: "NFTA_TUNNEL_KEY_VXLAN", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_VXLAN_GBP", Format: family.BE32},
	}}
	nftTunnelKeyErspanAttrs = family.Set{Space: "NFTA_TUNNEL_KEY_ERSPAN", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_ERSPAN_VERSION", Format: family.BE32},
		2: {Name: "NFTA_TUNNEL_KEY_ERSPAN_V1_INDEX", Format: family.BE32},
		3: {Name: "NFTA_TUNNEL_KEY_ERSPAN_V2_HWID", Format: family.U8},
		4: {Name: "NFTA_TUNNEL_KEY_ERSPAN_V2_DIR", Format: family.U8},
	}}
	nftTunnelKeyGeneveAttrs = family.Set{Space: "NFTA_TUNNEL_KEY_GENEVE", Attrs: []family.Attr{
		1: {Name: "NFTA_TUNNEL_KEY_GENEVE_CLASS", Format: family.BE16},
		2: {Name: "NFTA_TUNNEL_KEY_GENEVE_TYPE", Format: family.U8},
		3: {Name: "NFTA_TUNNEL_KEY_GENEVE_DATA", Format: family.Binary},
	}}
)

// NftBitwiseAttrs is the spec's bitwise expression space with what
// nf_tables.h adds since: NFTA_BITWISE_SREG2 (8, a register, big-endian
// u32) and the operations NFT_BITWISE_AND, _OR and _XOR (3, 4, 5) of
// NFTA_BITWISE_OP. They are named as the spec names its own.
var NftBitwiseAttrs = family.Set{Space: nftables.ExprBitwiseAttrs.Space, Attrs: withNftBitwise(nftables.ExprBitwiseAttrs.Attrs)}

// NftBitwiseOpsEnum names the values of NFTA_BITWISE_OP (enum
// nft_bitwise_ops): the spec's three and the three nf_tables.h adds.
var NftBitwiseOpsEnum = family.EnumDef{Space: nftables.BitwiseOpsEnum.Space, Entries: []family.EnumEntry{
	{Name: "NFTABLES_BITWISE_OPS_BOOL", Value: 0},
	{Name: "NFTABLES_BITWISE_OPS_LSHIFT", Value: 1},
	{Name: "NFTABLES_BITWISE_OPS_RSHIFT", Value: 2},
	{Name: "NFTABLES_BITWISE_OPS_AND", Value: 3},
	{Name: "NFTABLES_BITWISE_OPS_OR", Value: 4},
	{Name: "NFTABLES_BITWISE_OPS_XOR", Value: 5},
}}

// withNftBitwise returns a copy of the spec's bitwise space with
// NFTA_BITWISE_SREG2 and NftBitwiseOpsEnum.
func withNftBitwise(spec []family.Attr) []family.Attr {
	const nftaBitwiseOp, nftaBitwiseSreg2 = 6, 8
	a := make([]family.Attr, max(len(spec), nftaBitwiseSreg2+1))
	copy(a, spec)
	if a[nftaBitwiseOp].Name != "" {
		a[nftaBitwiseOp].Enum = &NftBitwiseOpsEnum
	}
	if a[nftaBitwiseSreg2].Name == "" {
		a[nftaBitwiseSreg2] = family.Attr{Name: "NFTABLES_A_EXPR_BITWISE_ATTRS_SREG2", Format: family.BE32}
	}
	return a
}

// NftFibAttrs is the spec's fib expression space with the values of
// NFTA_FIB_RESULT named as nf_tables.h numbers them (NftFibResultEnum):
// the spec's enum starts at 0, the kernel's at NFT_FIB_RESULT_UNSPEC, so
// the spec names every value one too low (Linux 6.18 answers "fib daddr
// type" with 3, NFT_FIB_RESULT_ADDRTYPE).
var NftFibAttrs = family.Set{Space: nftables.ExprFibAttrs.Space, Attrs: withNftFibResult(nftables.ExprFibAttrs.Attrs)}

// NftFibResultEnum names the values of NFTA_FIB_RESULT (enum
// nft_fib_result).
var NftFibResultEnum = family.EnumDef{Space: nftables.FibResultEnum.Space, Entries: []family.EnumEntry{
	{Name: "NFTABLES_FIB_RESULT_UNSPEC", Value: 0},
	{Name: "NFTABLES_FIB_RESULT_OIF", Value: 1},
	{Name: "NFTABLES_FIB_RESULT_OIFNAME", Value: 2},
	{Name: "NFTABLES_FIB_RESULT_ADDRTYPE", Value: 3},
}}

// withNftFibResult returns a copy of the spec's fib space whose
// NFTA_FIB_RESULT is named by NftFibResultEnum.
func withNftFibResult(spec []family.Attr) []family.Attr {
	const nftaFibResult = 2
	a := make([]family.Attr, max(len(spec), nftaFibResult+1))
	copy(a, spec)
	if a[nftaFibResult].Name != "" {
		a[nftaFibResult].Enum = &NftFibResultEnum
	}
	return a
}
