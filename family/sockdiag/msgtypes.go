package sockdiag

import "github.com/nlwire/nlwire/family"

// Messages names the message types of NETLINK_SOCK_DIAG. Their fixed
// header and attributes depend on the direction and the address family
// (a request's SOCK_DIAG_BY_FAMILY is a struct inet_diag_req_v2 for
// AF_INET, its reply a struct inet_diag_msg): Messages gives neither,
// Lookup does.
var Messages = family.Msgs{Family: "NETLINK_SOCK_DIAG", Types: messages[:]}

var messages = [...]family.Msg{
	TCPDIAG_GETSOCK:     {Name: "TCPDIAG_GETSOCK"},
	DCCPDIAG_GETSOCK:    {Name: "DCCPDIAG_GETSOCK"},
	SOCK_DIAG_BY_FAMILY: {Name: "SOCK_DIAG_BY_FAMILY"},
	SOCK_DESTROY:        {Name: "SOCK_DESTROY"},
}

// Msg describes one form of a message type: its name, fixed header
// (HeaderLen bytes of the C struct Struct) and attribute space.
type Msg struct {
	family.Msg
	Struct string // the fixed header's C struct ("inet_diag_req_v2")
}

// The forms of the message types, by direction and address family.
var (
	inetReqV2 = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: InetDiagReqV2Len, Attrs: &InetReqAttrs}, "inet_diag_req_v2"}
	inetMsg   = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: InetDiagMsgLen, Attrs: &InetAttrs}, "inet_diag_msg"}
	destroy   = Msg{family.Msg{Name: "SOCK_DESTROY", HeaderLen: InetDiagReqV2Len, Attrs: &InetReqAttrs}, "inet_diag_req_v2"}
	unixReq   = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: UnixDiagReqLen}, "unix_diag_req"}
	unixMsg   = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: UnixDiagMsgLen, Attrs: &UnixAttrs}, "unix_diag_msg"}
	nlReq     = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: NetlinkDiagReqLen}, "netlink_diag_req"}
	nlMsg     = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: NetlinkDiagMsgLen, Attrs: &NetlinkAttrs}, "netlink_diag_msg"}
	packetReq = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: PacketDiagReqLen}, "packet_diag_req"}
	packetMsg = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: PacketDiagMsgLen, Attrs: &PacketAttrs}, "packet_diag_msg"}
	vsockReq  = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: VsockDiagReqLen}, "vsock_diag_req"}
	vsockMsg  = Msg{family.Msg{Name: "SOCK_DIAG_BY_FAMILY", HeaderLen: VsockDiagMsgLen}, "vsock_diag_msg"}
	tcpReq    = Msg{family.Msg{Name: "TCPDIAG_GETSOCK", HeaderLen: InetDiagReqLen, Attrs: &InetReqAttrs}, "inet_diag_req"}
	tcpMsg    = Msg{family.Msg{Name: "TCPDIAG_GETSOCK", HeaderLen: InetDiagMsgLen, Attrs: &InetAttrs}, "inet_diag_msg"}
	dccpReq   = Msg{family.Msg{Name: "DCCPDIAG_GETSOCK", HeaderLen: InetDiagReqLen, Attrs: &InetReqAttrs}, "inet_diag_req"}
	dccpMsg   = Msg{family.Msg{Name: "DCCPDIAG_GETSOCK", HeaderLen: InetDiagMsgLen, Attrs: &InetAttrs}, "inet_diag_msg"}
)

// Lookup returns the form of message type t sent as a request (with
// NLM_F_REQUEST) or not, whose payload starts with the address family
// af (the first byte of every header of SOCK_DIAG_BY_FAMILY and
// SOCK_DESTROY, of both directions), or nil if the tables do not know
// it: another type, or an address family without tables here (AF_SMC,
// AF_TIPC, AF_XDP, ...). The legacy TCPDIAG_GETSOCK and
// DCCPDIAG_GETSOCK are inet messages whatever af is.
func Lookup(t uint16, request bool, af uint8) *Msg {
	switch t {
	case TCPDIAG_GETSOCK:
		return pick(request, &tcpReq, &tcpMsg)
	case DCCPDIAG_GETSOCK:
		return pick(request, &dccpReq, &dccpMsg)
	case SOCK_DESTROY:
		if request && (af == AF_INET || af == AF_INET6) {
			return &destroy
		}
	case SOCK_DIAG_BY_FAMILY:
		switch af {
		case AF_INET, AF_INET6:
			return pick(request, &inetReqV2, &inetMsg)
		case AF_UNIX:
			return pick(request, &unixReq, &unixMsg)
		case AF_NETLINK:
			return pick(request, &nlReq, &nlMsg)
		case AF_PACKET:
			return pick(request, &packetReq, &packetMsg)
		case AF_VSOCK:
			return pick(request, &vsockReq, &vsockMsg) // no attributes either way
		}
	}
	return nil
}

func pick(request bool, req, reply *Msg) *Msg {
	if request {
		return req
	}
	return reply
}
