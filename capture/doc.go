// Package capture reads and writes pcap and pcapng files of netlink
// traffic: link type 253 (LINKTYPE_NETLINK), as an nlmon interface
// captures it.
//
// Each record is one netlink datagram behind a 16-byte pseudo-header
// (the Linux cooked header, big-endian): sll_pkttype (nlmon marks every
// packet PACKET_OUTGOING, 4), sll_hatype ARPHRD_NETLINK (824), an address
// length and 8 address bytes (zero), and sll_protocol: the netlink family
// (NETLINK_ROUTE 0, NETLINK_GENERIC 16, ...).
//
// Files are written by hand, byte for byte as
// github.com/gopacket/gopacket/pcapgo writes them (TestWriterMatchesPcapgo
// compares the two), with the pseudo-header, the family and the
// direction, records cut to SnapLen; a program that writes captures then
// links neither that module nor the network stack it imports. Files are
// read by hand too (pcap.go, pcapng.go), because a
// capture of untrusted origin needs a reader that reports a malformed
// record and goes on wherever the framing allows, and says where each
// error is. pcapgo ends the reading at the first record it dislikes (a
// caplen above the original length or the snap length, a pcapng packet
// of an interface of another link type, unless told to skip those
// silently), does not compare a pcapng block's two lengths, and names
// neither the record nor its place in the file in its errors.
// TestAgainstPcapgo checks that both read the same records from sound
// files.
//
// A capture does not record the byte order of the netlink messages in
// it: that is the order of the kernel that produced them. [Reader.Order]
// guesses it from each datagram, as Wireshark does.
package capture
