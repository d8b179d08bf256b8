package route

import "github.com/nlwire/nlwire/family"

// Message types of NETLINK_ROUTE (include/uapi/linux/rtnetlink.h). Each
// NEW/DEL/GET(/SET) group shares one family header and attribute space:
// see Messages.
const (
	RTM_NEWLINK          = 16  // RTM_NEWLINK
	RTM_DELLINK          = 17  // RTM_DELLINK
	RTM_GETLINK          = 18  // RTM_GETLINK
	RTM_SETLINK          = 19  // RTM_SETLINK
	RTM_NEWADDR          = 20  // RTM_NEWADDR
	RTM_DELADDR          = 21  // RTM_DELADDR
	RTM_GETADDR          = 22  // RTM_GETADDR
	RTM_NEWROUTE         = 24  // RTM_NEWROUTE
	RTM_DELROUTE         = 25  // RTM_DELROUTE
	RTM_GETROUTE         = 26  // RTM_GETROUTE
	RTM_NEWNEIGH         = 28  // RTM_NEWNEIGH
	RTM_DELNEIGH         = 29  // RTM_DELNEIGH
	RTM_GETNEIGH         = 30  // RTM_GETNEIGH
	RTM_NEWRULE          = 32  // RTM_NEWRULE
	RTM_DELRULE          = 33  // RTM_DELRULE
	RTM_GETRULE          = 34  // RTM_GETRULE
	RTM_NEWQDISC         = 36  // RTM_NEWQDISC
	RTM_DELQDISC         = 37  // RTM_DELQDISC
	RTM_GETQDISC         = 38  // RTM_GETQDISC
	RTM_NEWTCLASS        = 40  // RTM_NEWTCLASS
	RTM_DELTCLASS        = 41  // RTM_DELTCLASS
	RTM_GETTCLASS        = 42  // RTM_GETTCLASS
	RTM_NEWTFILTER       = 44  // RTM_NEWTFILTER
	RTM_DELTFILTER       = 45  // RTM_DELTFILTER
	RTM_GETTFILTER       = 46  // RTM_GETTFILTER
	RTM_NEWACTION        = 48  // RTM_NEWACTION
	RTM_DELACTION        = 49  // RTM_DELACTION
	RTM_GETACTION        = 50  // RTM_GETACTION
	RTM_NEWPREFIX        = 52  // RTM_NEWPREFIX
	RTM_NEWMULTICAST     = 56  // RTM_NEWMULTICAST
	RTM_DELMULTICAST     = 57  // RTM_DELMULTICAST
	RTM_GETMULTICAST     = 58  // RTM_GETMULTICAST
	RTM_NEWANYCAST       = 60  // RTM_NEWANYCAST
	RTM_DELANYCAST       = 61  // RTM_DELANYCAST
	RTM_GETANYCAST       = 62  // RTM_GETANYCAST
	RTM_NEWNEIGHTBL      = 64  // RTM_NEWNEIGHTBL
	RTM_GETNEIGHTBL      = 66  // RTM_GETNEIGHTBL
	RTM_SETNEIGHTBL      = 67  // RTM_SETNEIGHTBL
	RTM_NEWNDUSEROPT     = 68  // RTM_NEWNDUSEROPT
	RTM_NEWADDRLABEL     = 72  // RTM_NEWADDRLABEL
	RTM_DELADDRLABEL     = 73  // RTM_DELADDRLABEL
	RTM_GETADDRLABEL     = 74  // RTM_GETADDRLABEL
	RTM_GETDCB           = 78  // RTM_GETDCB
	RTM_SETDCB           = 79  // RTM_SETDCB
	RTM_NEWNETCONF       = 80  // RTM_NEWNETCONF
	RTM_DELNETCONF       = 81  // RTM_DELNETCONF
	RTM_GETNETCONF       = 82  // RTM_GETNETCONF
	RTM_NEWMDB           = 84  // RTM_NEWMDB
	RTM_DELMDB           = 85  // RTM_DELMDB
	RTM_GETMDB           = 86  // RTM_GETMDB
	RTM_NEWNSID          = 88  // RTM_NEWNSID
	RTM_DELNSID          = 89  // RTM_DELNSID
	RTM_GETNSID          = 90  // RTM_GETNSID
	RTM_NEWSTATS         = 92  // RTM_NEWSTATS
	RTM_GETSTATS         = 94  // RTM_GETSTATS
	RTM_SETSTATS         = 95  // RTM_SETSTATS
	RTM_NEWCACHEREPORT   = 96  // RTM_NEWCACHEREPORT
	RTM_NEWCHAIN         = 100 // RTM_NEWCHAIN
	RTM_DELCHAIN         = 101 // RTM_DELCHAIN
	RTM_GETCHAIN         = 102 // RTM_GETCHAIN
	RTM_NEWNEXTHOP       = 104 // RTM_NEWNEXTHOP
	RTM_DELNEXTHOP       = 105 // RTM_DELNEXTHOP
	RTM_GETNEXTHOP       = 106 // RTM_GETNEXTHOP
	RTM_NEWLINKPROP      = 108 // RTM_NEWLINKPROP
	RTM_DELLINKPROP      = 109 // RTM_DELLINKPROP
	RTM_GETLINKPROP      = 110 // RTM_GETLINKPROP
	RTM_NEWVLAN          = 112 // RTM_NEWVLAN
	RTM_DELVLAN          = 113 // RTM_DELVLAN
	RTM_GETVLAN          = 114 // RTM_GETVLAN
	RTM_NEWNEXTHOPBUCKET = 116 // RTM_NEWNEXTHOPBUCKET
	RTM_DELNEXTHOPBUCKET = 117 // RTM_DELNEXTHOPBUCKET
	RTM_GETNEXTHOPBUCKET = 118 // RTM_GETNEXTHOPBUCKET
	RTM_NEWTUNNEL        = 120 // RTM_NEWTUNNEL
	RTM_DELTUNNEL        = 121 // RTM_DELTUNNEL
	RTM_GETTUNNEL        = 122 // RTM_GETTUNNEL
)

// Messages describes every RTM_* message type: its name and, for the
// link (link properties included), address (multicast and anycast
// memberships included), route, neighbour, traffic-control, rule, next
// hop (and bucket), namespace ID, netconf, statistics, neighbour table,
// bridge MDB, action, address label, data center bridging, bridge VLAN,
// VXLAN VNI filter, prefix and multicast cache report messages, the size
// of its family header and its attribute space.
//
// RTM_NEWNDUSEROPT has neither: its ND options, of the length its header
// (NdUserOptMsg) gives, come between the header and its attributes
// (NdUserOptAttrs). RTM_GETVLAN has the space of dump requests
// (BridgeVlanDumpAttrs): the kernel answers with RTM_NEWVLAN. RTM_SETDCB
// is described as a request; the kernel's replies hold u8 statuses
// (DcbSetReplyAttrs). RTM_GETSTATS and RTM_SETSTATS requests have their
// own space (StatsGetSetAttrs). The MDB types are described as the kernel
// sends them (MDBAttrs: a dump answers with RTM_GETMDB messages), not as
// requests to add, delete or get an entry (MDBSetAttrs, MDBGetAttrs).
var Messages = family.Msgs{Family: "NETLINK_ROUTE", Types: messages[:]}

var messages = [...]family.Msg{
	RTM_NEWLINK:          {Name: "RTM_NEWLINK", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_DELLINK:          {Name: "RTM_DELLINK", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_GETLINK:          {Name: "RTM_GETLINK", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_SETLINK:          {Name: "RTM_SETLINK", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_NEWADDR:          {Name: "RTM_NEWADDR", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_DELADDR:          {Name: "RTM_DELADDR", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_GETADDR:          {Name: "RTM_GETADDR", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_NEWROUTE:         {Name: "RTM_NEWROUTE", HeaderLen: RtMsgLen, Attrs: &RouteAttrs},
	RTM_DELROUTE:         {Name: "RTM_DELROUTE", HeaderLen: RtMsgLen, Attrs: &RouteAttrs},
	RTM_GETROUTE:         {Name: "RTM_GETROUTE", HeaderLen: RtMsgLen, Attrs: &RouteAttrs},
	RTM_NEWNEIGH:         {Name: "RTM_NEWNEIGH", HeaderLen: NdMsgLen, Attrs: &NeighAttrs},
	RTM_DELNEIGH:         {Name: "RTM_DELNEIGH", HeaderLen: NdMsgLen, Attrs: &NeighAttrs},
	RTM_GETNEIGH:         {Name: "RTM_GETNEIGH", HeaderLen: NdMsgLen, Attrs: &NeighAttrs},
	RTM_NEWRULE:          {Name: "RTM_NEWRULE", HeaderLen: FibRuleHdrLen, Attrs: &RuleAttrs},
	RTM_DELRULE:          {Name: "RTM_DELRULE", HeaderLen: FibRuleHdrLen, Attrs: &RuleAttrs},
	RTM_GETRULE:          {Name: "RTM_GETRULE", HeaderLen: FibRuleHdrLen, Attrs: &RuleAttrs},
	RTM_NEWQDISC:         {Name: "RTM_NEWQDISC", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_DELQDISC:         {Name: "RTM_DELQDISC", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_GETQDISC:         {Name: "RTM_GETQDISC", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_NEWTCLASS:        {Name: "RTM_NEWTCLASS", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_DELTCLASS:        {Name: "RTM_DELTCLASS", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_GETTCLASS:        {Name: "RTM_GETTCLASS", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_NEWTFILTER:       {Name: "RTM_NEWTFILTER", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_DELTFILTER:       {Name: "RTM_DELTFILTER", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_GETTFILTER:       {Name: "RTM_GETTFILTER", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_NEWACTION:        {Name: "RTM_NEWACTION", HeaderLen: TcaMsgLen, Attrs: &ActionRootAttrs},
	RTM_DELACTION:        {Name: "RTM_DELACTION", HeaderLen: TcaMsgLen, Attrs: &ActionRootAttrs},
	RTM_GETACTION:        {Name: "RTM_GETACTION", HeaderLen: TcaMsgLen, Attrs: &ActionRootAttrs},
	RTM_NEWPREFIX:        {Name: "RTM_NEWPREFIX", HeaderLen: PrefixMsgLen, Attrs: &PrefixAttrs},
	RTM_NEWMULTICAST:     {Name: "RTM_NEWMULTICAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_DELMULTICAST:     {Name: "RTM_DELMULTICAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_GETMULTICAST:     {Name: "RTM_GETMULTICAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_NEWANYCAST:       {Name: "RTM_NEWANYCAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_DELANYCAST:       {Name: "RTM_DELANYCAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_GETANYCAST:       {Name: "RTM_GETANYCAST", HeaderLen: IfAddrMsgLen, Attrs: &AddrAttrs},
	RTM_NEWNEIGHTBL:      {Name: "RTM_NEWNEIGHTBL", HeaderLen: NdtMsgLen, Attrs: &NeighTblAttrs},
	RTM_GETNEIGHTBL:      {Name: "RTM_GETNEIGHTBL", HeaderLen: NdtMsgLen, Attrs: &NeighTblAttrs},
	RTM_SETNEIGHTBL:      {Name: "RTM_SETNEIGHTBL", HeaderLen: NdtMsgLen, Attrs: &NeighTblAttrs},
	RTM_NEWNDUSEROPT:     {Name: "RTM_NEWNDUSEROPT"},
	RTM_NEWADDRLABEL:     {Name: "RTM_NEWADDRLABEL", HeaderLen: IfAddrLblMsgLen, Attrs: &AddrLabelAttrs},
	RTM_DELADDRLABEL:     {Name: "RTM_DELADDRLABEL", HeaderLen: IfAddrLblMsgLen, Attrs: &AddrLabelAttrs},
	RTM_GETADDRLABEL:     {Name: "RTM_GETADDRLABEL", HeaderLen: IfAddrLblMsgLen, Attrs: &AddrLabelAttrs},
	RTM_GETDCB:           {Name: "RTM_GETDCB", HeaderLen: DcbMsgLen, Attrs: &DcbAttrs},
	RTM_SETDCB:           {Name: "RTM_SETDCB", HeaderLen: DcbMsgLen, Attrs: &DcbAttrs},
	RTM_NEWNETCONF:       {Name: "RTM_NEWNETCONF", HeaderLen: NetconfMsgLen, Attrs: &NetconfAttrs},
	RTM_DELNETCONF:       {Name: "RTM_DELNETCONF", HeaderLen: NetconfMsgLen, Attrs: &NetconfAttrs},
	RTM_GETNETCONF:       {Name: "RTM_GETNETCONF", HeaderLen: NetconfMsgLen, Attrs: &NetconfAttrs},
	RTM_NEWMDB:           {Name: "RTM_NEWMDB", HeaderLen: BrPortMsgLen, Attrs: &MDBAttrs},
	RTM_DELMDB:           {Name: "RTM_DELMDB", HeaderLen: BrPortMsgLen, Attrs: &MDBAttrs},
	RTM_GETMDB:           {Name: "RTM_GETMDB", HeaderLen: BrPortMsgLen, Attrs: &MDBAttrs},
	RTM_NEWNSID:          {Name: "RTM_NEWNSID", HeaderLen: RtGenMsgLen, Attrs: &NSIDAttrs},
	RTM_DELNSID:          {Name: "RTM_DELNSID", HeaderLen: RtGenMsgLen, Attrs: &NSIDAttrs},
	RTM_GETNSID:          {Name: "RTM_GETNSID", HeaderLen: RtGenMsgLen, Attrs: &NSIDAttrs},
	RTM_NEWSTATS:         {Name: "RTM_NEWSTATS", HeaderLen: IfStatsMsgLen, Attrs: &StatsAttrs},
	RTM_GETSTATS:         {Name: "RTM_GETSTATS", HeaderLen: IfStatsMsgLen, Attrs: &StatsGetSetAttrs},
	RTM_SETSTATS:         {Name: "RTM_SETSTATS", HeaderLen: IfStatsMsgLen, Attrs: &StatsGetSetAttrs},
	RTM_NEWCACHEREPORT:   {Name: "RTM_NEWCACHEREPORT", HeaderLen: RtGenMsgLen, Attrs: &CacheReportAttrs},
	RTM_NEWCHAIN:         {Name: "RTM_NEWCHAIN", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_DELCHAIN:         {Name: "RTM_DELCHAIN", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_GETCHAIN:         {Name: "RTM_GETCHAIN", HeaderLen: TcMsgLen, Attrs: &TCAttrs},
	RTM_NEWNEXTHOP:       {Name: "RTM_NEWNEXTHOP", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_DELNEXTHOP:       {Name: "RTM_DELNEXTHOP", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_GETNEXTHOP:       {Name: "RTM_GETNEXTHOP", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_NEWLINKPROP:      {Name: "RTM_NEWLINKPROP", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_DELLINKPROP:      {Name: "RTM_DELLINKPROP", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_GETLINKPROP:      {Name: "RTM_GETLINKPROP", HeaderLen: IfInfoMsgLen, Attrs: &LinkAttrs},
	RTM_NEWVLAN:          {Name: "RTM_NEWVLAN", HeaderLen: BrVlanMsgLen, Attrs: &BridgeVlanAttrs},
	RTM_DELVLAN:          {Name: "RTM_DELVLAN", HeaderLen: BrVlanMsgLen, Attrs: &BridgeVlanAttrs},
	RTM_GETVLAN:          {Name: "RTM_GETVLAN", HeaderLen: BrVlanMsgLen, Attrs: &BridgeVlanDumpAttrs},
	RTM_NEWNEXTHOPBUCKET: {Name: "RTM_NEWNEXTHOPBUCKET", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_DELNEXTHOPBUCKET: {Name: "RTM_DELNEXTHOPBUCKET", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_GETNEXTHOPBUCKET: {Name: "RTM_GETNEXTHOPBUCKET", HeaderLen: NhMsgLen, Attrs: &NexthopAttrs},
	RTM_NEWTUNNEL:        {Name: "RTM_NEWTUNNEL", HeaderLen: TunnelMsgLen, Attrs: &VNIFilterAttrs},
	RTM_DELTUNNEL:        {Name: "RTM_DELTUNNEL", HeaderLen: TunnelMsgLen, Attrs: &VNIFilterAttrs},
	RTM_GETTUNNEL:        {Name: "RTM_GETTUNNEL", HeaderLen: TunnelMsgLen, Attrs: &VNIFilterAttrs},
}
