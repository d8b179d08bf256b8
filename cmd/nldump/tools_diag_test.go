package main

// toolsDiagCapture is what ss and ip xfrm exchanged with the kernel,
// recorded by TestRecordDiagToolTraffic.
const toolsDiagCapture = "testdata/tools-diag.pcap"

// The netlink protocols of toolsDiagCapture's records besides
// NETLINK_ROUTE.
const (
	protoSockDiag = 4 // NETLINK_SOCK_DIAG
	protoXFRM     = 6 // NETLINK_XFRM
)
