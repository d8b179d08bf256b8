//go:build linux

package nlsock_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
	"golang.org/x/sys/unix"
)

// Dump the links of the current network namespace: build the request with
// wire.Builder, stream the replies, decode each with attr.
func Example() {
	c, err := nlsock.Dial(nlsock.Route, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: unix.RTM_GETLINK, Flags: wire.Request | wire.Dump})
	b.FamilyHeader(unix.SizeofIfInfomsg) // struct ifinfomsg, all zero: every link
	b.End(m)
	req, err := b.Finish()
	if err != nil {
		log.Fatal(err)
	}

	err = c.Execute(req, func(msg wire.Message) error {
		d := msg.Attrs(unix.SizeofIfInfomsg)
		for d.Next() {
			switch d.Type() {
			case unix.IFLA_IFNAME:
				fmt.Print(string(d.StringBytes()), " ")
			case unix.IFLA_MTU:
				fmt.Println("mtu", d.Uint32())
			}
		}
		return d.Err()
	})
	var kerr *wire.Error
	switch {
	case errors.As(err, &kerr):
		log.Fatalf("kernel: %v (message %q, offset %d)", kerr.Errno, kerr.Msg, kerr.Offset)
	case errors.Is(err, nlsock.ErrDumpInterrupted):
		// The links changed during the dump: dump again.
	case err != nil:
		log.Fatal(err)
	}
}

// Resolve a generic netlink family and fetch the policies it exports.
func ExampleConn_GenlPolicy() {
	c, err := nlsock.Dial(nlsock.Generic, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	f, err := c.GenlFamily("ethtool")
	if err != nil {
		log.Fatal(err)
	}
	pd, err := c.GenlPolicy(f.ID)
	if err != nil {
		log.Fatal(err)
	}
	do, _ := pd.Op(1) // ETHTOOL_MSG_STRSET_GET
	fmt.Println(f.ID, len(pd.Tables), do != nil)
}
