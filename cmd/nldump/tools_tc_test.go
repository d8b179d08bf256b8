package main

// toolsTcCapture is the capture TestRecordTcTraffic writes: ip link add
// of many link kinds, ip -d link show, and tc's qdiscs, classes, filters
// and actions.
const toolsTcCapture = "testdata/tools-tc.pcap"
