package dissect

import "github.com/nlwire/nlwire/family"

// The values of the supplemental nftables attributes (NftExprData,
// NftObjData), as include/uapi/linux/netfilter/nf_tables.h (and
// nf_log.h, nf_synproxy.h for the log and synproxy flags) name them.
var (
	nftLimitTypeEnum    = nftEnum("NFT_LIMIT", "NFT_LIMIT_PKTS", "NFT_LIMIT_PKT_BYTES")
	nftLimitFlagsEnum   = nftFlags("NFT_LIMIT_F", "NFT_LIMIT_F_INV")
	nftConnlimitFlags   = nftFlags("NFT_CONNLIMIT_F", "NFT_CONNLIMIT_F_INV")
	nftLogLevelEnum     = nftEnum("NFT_LOGLEVEL", "NFT_LOGLEVEL_EMERG", "NFT_LOGLEVEL_ALERT", "NFT_LOGLEVEL_CRIT", "NFT_LOGLEVEL_ERR", "NFT_LOGLEVEL_WARNING", "NFT_LOGLEVEL_NOTICE", "NFT_LOGLEVEL_INFO", "NFT_LOGLEVEL_DEBUG", "NFT_LOGLEVEL_AUDIT")
	nftLogFlagsEnum     = nftFlags("NF_LOG", "NF_LOG_TCPSEQ", "NF_LOG_TCPOPT", "NF_LOG_IPOPT", "NF_LOG_UID", "NF_LOG_NFLOG", "NF_LOG_MACDECODE")
	nftNgTypesEnum      = nftEnum("NFT_NG", "NFT_NG_INCREMENTAL", "NFT_NG_RANDOM")
	nftHashTypesEnum    = nftEnum("NFT_HASH", "NFT_HASH_JENKINS", "NFT_HASH_SYM")
	nftDynsetOpsEnum    = nftEnum("NFT_DYNSET_OP", "NFT_DYNSET_OP_ADD", "NFT_DYNSET_OP_UPDATE", "NFT_DYNSET_OP_DELETE")
	nftDynsetFlagsEnum  = nftFlags("NFT_DYNSET_F", "NFT_DYNSET_F_INV", "NFT_DYNSET_F_EXPR")
	nftExthdrOpEnum     = nftEnum("NFT_EXTHDR_OP", "NFT_EXTHDR_OP_IPV6", "NFT_EXTHDR_OP_TCPOPT", "NFT_EXTHDR_OP_IPV4", "NFT_EXTHDR_OP_SCTP", "NFT_EXTHDR_OP_DCCP")
	nftExthdrFlagsEnum  = nftFlags("NFT_EXTHDR_F", "NFT_EXTHDR_F_PRESENT")
	nftRtKeysEnum       = nftEnum("NFT_RT", "NFT_RT_CLASSID", "NFT_RT_NEXTHOP4", "NFT_RT_NEXTHOP6", "NFT_RT_TCPMSS", "NFT_RT_XFRM")
	nftSocketKeysEnum   = nftEnum("NFT_SOCKET", "NFT_SOCKET_TRANSPARENT", "NFT_SOCKET_MARK", "NFT_SOCKET_WILDCARD", "NFT_SOCKET_CGROUPV2")
	nftXfrmKeysEnum     = nftEnum("NFT_XFRM_KEY", "NFT_XFRM_KEY_UNSPEC", "NFT_XFRM_KEY_DADDR_IP4", "NFT_XFRM_KEY_DADDR_IP6", "NFT_XFRM_KEY_SADDR_IP4", "NFT_XFRM_KEY_SADDR_IP6", "NFT_XFRM_KEY_REQID", "NFT_XFRM_KEY_SPI")
	nftTunnelKeysEnum   = nftEnum("NFT_TUNNEL", "NFT_TUNNEL_PATH", "NFT_TUNNEL_ID")
	nftTunnelModeEnum   = nftEnum("NFT_TUNNEL_MODE", "NFT_TUNNEL_MODE_NONE", "NFT_TUNNEL_MODE_RX", "NFT_TUNNEL_MODE_TX")
	nftTunnelFlagsEnum  = nftFlags("NFT_TUNNEL_F", "NFT_TUNNEL_F_ZERO_CSUM_TX", "NFT_TUNNEL_F_DONT_FRAGMENT", "NFT_TUNNEL_F_SEQ_NUMBER")
	nftByteorderOpsEnum = nftEnum("NFT_BYTEORDER", "NFT_BYTEORDER_NTOH", "NFT_BYTEORDER_HTON")
	nftRangeOpsEnum     = nftEnum("NFT_RANGE", "NFT_RANGE_EQ", "NFT_RANGE_NEQ")
	nftInnerTypeEnum    = nftEnum("NFT_INNER", "NFT_INNER_UNSPEC", "NFT_INNER_VXLAN", "NFT_INNER_GENEVE")
	nftInnerFlagsEnum   = nftFlags("NFT_INNER", "NFT_INNER_HDRSIZE", "NFT_INNER_LL", "NFT_INNER_NH", "NFT_INNER_TH")
	nftOsfFlagsEnum     = nftFlags("NFT_OSF_F", "NFT_OSF_F_VERSION")
	nftQueueFlagsEnum   = nftFlags("NFT_QUEUE_FLAG", "NFT_QUEUE_FLAG_BYPASS", "NFT_QUEUE_FLAG_CPU_FANOUT")
	nftSynproxyFlags    = nftFlags("NF_SYNPROXY_OPT", "NF_SYNPROXY_OPT_MSS", "NF_SYNPROXY_OPT_WSCALE", "NF_SYNPROXY_OPT_SACK_PERM", "NF_SYNPROXY_OPT_TIMESTAMP", "NF_SYNPROXY_OPT_ECN")
)

// nftEnum returns an enum whose values count from 0 in the order of names.
func nftEnum(space string, names ...string) family.EnumDef {
	e := family.EnumDef{Space: space, Entries: make([]family.EnumEntry, len(names))}
	for i, n := range names {
		e.Entries[i] = family.EnumEntry{Name: n, Value: uint64(i)}
	}
	return e
}

// nftFlags returns flags whose masks are 1, 2, 4, ... in the order of
// names.
func nftFlags(space string, names ...string) family.EnumDef {
	e := family.EnumDef{Space: space, Flags: true, Entries: make([]family.EnumEntry, len(names))}
	for i, n := range names {
		e.Entries[i] = family.EnumEntry{Name: n, Value: 1 << i}
	}
	return e
}
