package wire_test

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// Build an RTM_NEWLINK request that sets lo's MTU and asks for an ACK.
// The byte order is given once, to the Builder: the nlmsghdr, the
// ifinfomsg and the attributes all follow it.
func ExampleBuilder() {
	b := wire.NewBuilder(make([]byte, 0, 64)).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request | wire.Ack, Seq: 1})
	wire.PutFixedHeader(&b, route.IfInfoMsg{Index: 1}) // lo
	b.Attrs().Uint32(route.IFLA_MTU, 65536)
	b.End(m)
	msg, err := b.Finish()
	if err != nil {
		panic(err)
	}
	fmt.Println(len(msg), hex.EncodeToString(msg[:32]))
	// Output: 40 2800000010000500010000000000000000000000010000000000000000000000
}

// Walk the messages of a received datagram and read the kernel's error.
func ExampleReader() {
	// The kernel's answer to an RTM_NEWLINK whose IFLA_MTU was 2 bytes long.
	datagram, _ := hex.DecodeString("900000000200000201000000a4100000deffffff" +
		"280000001000050001000000000000000000000001000000000000000000000006000400dc050000" +
		"27000100417474726962757465206661696c656420706f6c6963792076616c69646174696f6e0000" +
		"0800020020000000240004800c00040000000000000000000c000500ffffffff000000000800010004000000")
	r := wire.NewReader(datagram).WithOrder(nlwire.LittleEndian)
	for r.Next() {
		h := r.Header()
		fmt.Println(wire.TypeName(h.Type), string(h.Flags.Append(nil, wire.OpOf(h.Type))), h.Len)
		if h.Type == wire.TypeError {
			e, err := wire.ParseError(r.Message(), nlwire.LittleEndian)
			if err != nil {
				panic(err)
			}
			fmt.Println(e.Errno.Name(), string(e.Msg), "at offset", e.Offset)
			fmt.Println(errors.Is(&e, nlwire.ERANGE))
		}
	}
	if err := r.Err(); err != nil {
		panic(err)
	}
	// Output:
	// NLMSG_ERROR NLM_F_ACK_TLVS 144
	// ERANGE Attribute failed policy validation at offset 32
	// true
}

// Answer a request as the kernel would, for a fake kernel in tests.
func ExampleAppendError() {
	req, _ := hex.DecodeString("280000001000050001000000000000000000000001000000000000000000000006000400dc050000")
	e := wire.Error{Errno: nlwire.ERANGE, Msg: []byte("Attribute failed policy validation"), Offset: 32}
	reply, err := wire.AppendError(nil, req, &e, wire.AckOptions{Order: nlwire.LittleEndian, PortID: 4260})
	if err != nil {
		panic(err)
	}
	back, _ := wire.ParseError(reply, nlwire.LittleEndian)
	fmt.Println(len(reply), string(back.Flags.Append(nil, wire.OpAck)), back.Errno.Name(), back.Offset)
	// Output: 108 NLM_F_ACK_TLVS ERANGE 32
}
