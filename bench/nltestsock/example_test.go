package nltestsock_test

import (
	"errors"
	"fmt"

	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
)

// mdlayher/genetlink, unchanged, against a fake kernel: a request the
// family's policy refuses fails with the kernel's extended ACK.
func Example() {
	k := nltest.NewKernel()
	id, err := k.Register(&nltest.Family{Name: "demo", Version: 1, Ops: []nltest.Op{{
		Cmd:    1,
		Policy: &validate.Policy{Rules: []validate.Rule{1: validate.Range(validate.U16, 0, 100)}},
		Do:     func(*nltest.Request, *nltest.Reply) error { return nil },
	}}})
	if err != nil {
		panic(err)
	}
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()

	ae := netlink.NewAttributeEncoder()
	ae.Uint16(1, 200)
	b, _ := ae.Encode()
	_, err = c.Execute(genetlink.Message{Header: genetlink.Header{Command: 1, Version: 1}, Data: b}, id, netlink.Request)
	var oe *netlink.OpError
	if errors.As(err, &oe) {
		fmt.Printf("%s at offset %d\n", oe.Message, oe.Offset)
	}
	// Output: integer out of range at offset 20
}
