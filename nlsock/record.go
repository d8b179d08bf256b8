package nlsock

// Recorder sees every datagram a Conn sends (out true) and every datagram
// it receives from the kernel and returns (out false). data is only valid
// during the call: copy what must be kept. Datagrams dropped as coming
// from another sender are not recorded.
//
// capture.NewRecorder returns one that writes a pcap or pcapng capture;
// this package does not import package capture, so that its users link
// only what they use.
type Recorder interface {
	Record(out bool, data []byte)
}
