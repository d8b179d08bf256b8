package sockdiag

import "github.com/nlwire/nlwire/family"

// Attribute spaces of NETLINK_SOCK_DIAG, indexed by attribute type. The
// unix, netlink and packet spaces number from 0, as their headers do.
var (
	// InetReqAttrs is the INET_DIAG_REQ_* space of inet requests.
	InetReqAttrs = family.Set{Space: "INET_DIAG_REQ", Attrs: inetReqAttrs[:]}
	// BPFStorageReqAttrs is the space inside INET_DIAG_REQ_SK_BPF_STORAGES.
	BPFStorageReqAttrs = family.Set{Space: "SK_DIAG_BPF_STORAGE_REQ", Attrs: bpfStorageReqAttrs[:]}
	// InetAttrs is the INET_DIAG_* space of inet replies.
	InetAttrs = family.Set{Space: "INET_DIAG", Attrs: inetAttrs[:]}
	// ULPInfoAttrs is the INET_ULP_INFO_* space inside INET_DIAG_ULP_INFO.
	ULPInfoAttrs = family.Set{Space: "INET_ULP_INFO", Attrs: ulpInfoAttrs[:]}
	// TLSInfoAttrs is the TLS_INFO_* space inside INET_ULP_INFO_TLS.
	TLSInfoAttrs = family.Set{Space: "TLS_INFO", Attrs: tlsInfoAttrs[:]}
	// MPTCPSubflowAttrs is the MPTCP_SUBFLOW_ATTR_* space inside
	// INET_ULP_INFO_MPTCP.
	MPTCPSubflowAttrs = family.Set{Space: "MPTCP_SUBFLOW_ATTR", Attrs: mptcpSubflowAttrs[:]}
	// BPFStoragesAttrs is the space inside INET_DIAG_SK_BPF_STORAGES: one
	// SK_DIAG_BPF_STORAGE nest per map.
	BPFStoragesAttrs = family.Set{Space: "SK_DIAG_BPF_STORAGE", Attrs: bpfStoragesAttrs[:]}
	// BPFStorageAttrs is the SK_DIAG_BPF_STORAGE_* space of one map.
	BPFStorageAttrs = family.Set{Space: "SK_DIAG_BPF_STORAGE", Attrs: bpfStorageAttrs[:]}
	// UnixAttrs is the UNIX_DIAG_* space of unix replies.
	UnixAttrs = family.Set{Space: "UNIX_DIAG", Attrs: unixAttrs[:]}
	// NetlinkAttrs is the NETLINK_DIAG_* space of netlink replies.
	NetlinkAttrs = family.Set{Space: "NETLINK_DIAG", Attrs: netlinkAttrs[:]}
	// PacketAttrs is the PACKET_DIAG_* space of packet replies.
	PacketAttrs = family.Set{Space: "PACKET_DIAG", Attrs: packetAttrs[:]}
)

var inetReqAttrs = [...]family.Attr{
	INET_DIAG_REQ_BYTECODE:        {Name: "INET_DIAG_REQ_BYTECODE", Format: family.Binary},
	INET_DIAG_REQ_SK_BPF_STORAGES: {Name: "INET_DIAG_REQ_SK_BPF_STORAGES", Format: family.Nested, Child: &BPFStorageReqAttrs},
	INET_DIAG_REQ_PROTOCOL:        {Name: "INET_DIAG_REQ_PROTOCOL", Format: family.U32},
}

var bpfStorageReqAttrs = [...]family.Attr{
	SK_DIAG_BPF_STORAGE_REQ_MAP_FD: {Name: "SK_DIAG_BPF_STORAGE_REQ_MAP_FD", Format: family.U32, Multi: true},
}

var inetAttrs = [...]family.Attr{
	INET_DIAG_MEMINFO:         {Name: "INET_DIAG_MEMINFO", Format: family.Binary},
	INET_DIAG_INFO:            {Name: "INET_DIAG_INFO", Format: family.Binary},
	INET_DIAG_VEGASINFO:       {Name: "INET_DIAG_VEGASINFO", Format: family.Binary},
	INET_DIAG_CONG:            {Name: "INET_DIAG_CONG", Format: family.String},
	INET_DIAG_TOS:             {Name: "INET_DIAG_TOS", Format: family.U8},
	INET_DIAG_TCLASS:          {Name: "INET_DIAG_TCLASS", Format: family.U8},
	INET_DIAG_SKMEMINFO:       {Name: "INET_DIAG_SKMEMINFO", Format: family.Binary},
	INET_DIAG_SHUTDOWN:        {Name: "INET_DIAG_SHUTDOWN", Format: family.U8},
	INET_DIAG_DCTCPINFO:       {Name: "INET_DIAG_DCTCPINFO", Format: family.Binary},
	INET_DIAG_PROTOCOL:        {Name: "INET_DIAG_PROTOCOL", Format: family.U8},
	INET_DIAG_SKV6ONLY:        {Name: "INET_DIAG_SKV6ONLY", Format: family.U8},
	INET_DIAG_LOCALS:          {Name: "INET_DIAG_LOCALS", Format: family.Binary},
	INET_DIAG_PEERS:           {Name: "INET_DIAG_PEERS", Format: family.Binary},
	INET_DIAG_PAD:             {Name: "INET_DIAG_PAD", Format: family.Binary},
	INET_DIAG_MARK:            {Name: "INET_DIAG_MARK", Format: family.U32},
	INET_DIAG_BBRINFO:         {Name: "INET_DIAG_BBRINFO", Format: family.Binary},
	INET_DIAG_CLASS_ID:        {Name: "INET_DIAG_CLASS_ID", Format: family.U32},
	INET_DIAG_MD5SIG:          {Name: "INET_DIAG_MD5SIG", Format: family.Binary},
	INET_DIAG_ULP_INFO:        {Name: "INET_DIAG_ULP_INFO", Format: family.Nested, Child: &ULPInfoAttrs},
	INET_DIAG_SK_BPF_STORAGES: {Name: "INET_DIAG_SK_BPF_STORAGES", Format: family.Nested, Child: &BPFStoragesAttrs},
	INET_DIAG_CGROUP_ID:       {Name: "INET_DIAG_CGROUP_ID", Format: family.U64},
	INET_DIAG_SOCKOPT:         {Name: "INET_DIAG_SOCKOPT", Format: family.Binary},
}

var ulpInfoAttrs = [...]family.Attr{
	INET_ULP_INFO_NAME:  {Name: "INET_ULP_INFO_NAME", Format: family.String},
	INET_ULP_INFO_TLS:   {Name: "INET_ULP_INFO_TLS", Format: family.Nested, Child: &TLSInfoAttrs},
	INET_ULP_INFO_MPTCP: {Name: "INET_ULP_INFO_MPTCP", Format: family.Nested, Child: &MPTCPSubflowAttrs},
}

var tlsInfoAttrs = [...]family.Attr{
	TLS_INFO_VERSION:   {Name: "TLS_INFO_VERSION", Format: family.U16},
	TLS_INFO_CIPHER:    {Name: "TLS_INFO_CIPHER", Format: family.U16},
	TLS_INFO_TXCONF:    {Name: "TLS_INFO_TXCONF", Format: family.U16},
	TLS_INFO_RXCONF:    {Name: "TLS_INFO_RXCONF", Format: family.U16},
	TLS_INFO_ZC_RO_TX:  {Name: "TLS_INFO_ZC_RO_TX", Format: family.Flag},
	TLS_INFO_RX_NO_PAD: {Name: "TLS_INFO_RX_NO_PAD", Format: family.Flag},
}

var mptcpSubflowAttrs = [...]family.Attr{
	MPTCP_SUBFLOW_ATTR_TOKEN_REM:    {Name: "MPTCP_SUBFLOW_ATTR_TOKEN_REM", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_TOKEN_LOC:    {Name: "MPTCP_SUBFLOW_ATTR_TOKEN_LOC", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ: {Name: "MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_MAP_SEQ:      {Name: "MPTCP_SUBFLOW_ATTR_MAP_SEQ", Format: family.U64},
	MPTCP_SUBFLOW_ATTR_MAP_SFSEQ:    {Name: "MPTCP_SUBFLOW_ATTR_MAP_SFSEQ", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_SSN_OFFSET:   {Name: "MPTCP_SUBFLOW_ATTR_SSN_OFFSET", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_MAP_DATALEN:  {Name: "MPTCP_SUBFLOW_ATTR_MAP_DATALEN", Format: family.U16},
	MPTCP_SUBFLOW_ATTR_FLAGS:        {Name: "MPTCP_SUBFLOW_ATTR_FLAGS", Format: family.U32},
	MPTCP_SUBFLOW_ATTR_ID_REM:       {Name: "MPTCP_SUBFLOW_ATTR_ID_REM", Format: family.U8},
	MPTCP_SUBFLOW_ATTR_ID_LOC:       {Name: "MPTCP_SUBFLOW_ATTR_ID_LOC", Format: family.U8},
	MPTCP_SUBFLOW_ATTR_PAD:          {Name: "MPTCP_SUBFLOW_ATTR_PAD", Format: family.Binary},
}

var bpfStoragesAttrs = [...]family.Attr{
	SK_DIAG_BPF_STORAGE: {Name: "SK_DIAG_BPF_STORAGE", Format: family.Nested, Child: &BPFStorageAttrs, Multi: true},
}

var bpfStorageAttrs = [...]family.Attr{
	SK_DIAG_BPF_STORAGE_PAD:       {Name: "SK_DIAG_BPF_STORAGE_PAD", Format: family.Binary},
	SK_DIAG_BPF_STORAGE_MAP_ID:    {Name: "SK_DIAG_BPF_STORAGE_MAP_ID", Format: family.U32},
	SK_DIAG_BPF_STORAGE_MAP_VALUE: {Name: "SK_DIAG_BPF_STORAGE_MAP_VALUE", Format: family.Binary},
}

var unixAttrs = [...]family.Attr{
	UNIX_DIAG_NAME:     {Name: "UNIX_DIAG_NAME", Format: family.Binary},
	UNIX_DIAG_VFS:      {Name: "UNIX_DIAG_VFS", Format: family.Binary},
	UNIX_DIAG_PEER:     {Name: "UNIX_DIAG_PEER", Format: family.U32},
	UNIX_DIAG_ICONS:    {Name: "UNIX_DIAG_ICONS", Format: family.Binary},
	UNIX_DIAG_RQLEN:    {Name: "UNIX_DIAG_RQLEN", Format: family.Binary},
	UNIX_DIAG_MEMINFO:  {Name: "UNIX_DIAG_MEMINFO", Format: family.Binary},
	UNIX_DIAG_SHUTDOWN: {Name: "UNIX_DIAG_SHUTDOWN", Format: family.U8},
	UNIX_DIAG_UID:      {Name: "UNIX_DIAG_UID", Format: family.U32},
}

var netlinkAttrs = [...]family.Attr{
	NETLINK_DIAG_MEMINFO: {Name: "NETLINK_DIAG_MEMINFO", Format: family.Binary},
	NETLINK_DIAG_GROUPS:  {Name: "NETLINK_DIAG_GROUPS", Format: family.Binary},
	NETLINK_DIAG_RX_RING: {Name: "NETLINK_DIAG_RX_RING", Format: family.Binary},
	NETLINK_DIAG_TX_RING: {Name: "NETLINK_DIAG_TX_RING", Format: family.Binary},
	NETLINK_DIAG_FLAGS:   {Name: "NETLINK_DIAG_FLAGS", Format: family.U32},
}

var packetAttrs = [...]family.Attr{
	PACKET_DIAG_INFO:    {Name: "PACKET_DIAG_INFO", Format: family.Binary},
	PACKET_DIAG_MCLIST:  {Name: "PACKET_DIAG_MCLIST", Format: family.Binary},
	PACKET_DIAG_RX_RING: {Name: "PACKET_DIAG_RX_RING", Format: family.Binary},
	PACKET_DIAG_TX_RING: {Name: "PACKET_DIAG_TX_RING", Format: family.Binary},
	PACKET_DIAG_FANOUT:  {Name: "PACKET_DIAG_FANOUT", Format: family.U32},
	PACKET_DIAG_UID:     {Name: "PACKET_DIAG_UID", Format: family.U32},
	PACKET_DIAG_MEMINFO: {Name: "PACKET_DIAG_MEMINFO", Format: family.Binary},
	PACKET_DIAG_FILTER:  {Name: "PACKET_DIAG_FILTER", Format: family.Binary},
}
