// Package capture reads and writes pcap and pcapng files of netlink
// traffic: link type 253 (LINKTYPE_NETLINK), as an nlmon interface
// captures it.
//
// Each record is one netlink datagram behind a 16-byte pseudo-header
// (the Linux cooked header, big-endian): sll_pkttype (nlmon marks every
// packet PACKET_OUTGOING, 4), sll_hatype ARPHRD_NETLINK (824), an address
// length and 8 address bytes (zero), and sll_protocol: the netlink family
// (NETLINK_ROUTE 0, NETLINK_GENERIC 16, ...). The file formats themselves
// are read and written by github.com/gopacket/gopacket/pcapgo; this
// package adds the pseudo-header, the family, the direction and the
// datagram's byte order.
//
// A capture does not record the byte order of the netlink messages in
// it: that is the order of the kernel that produced them. [Reader.Order]
// guesses it from each datagram, as Wireshark does.
package capture
