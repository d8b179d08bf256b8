package attr_test

import (
	"fmt"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// Decode the attributes of an RTM_NEWLINK message: a VLAN link.
func ExampleDecoder() {
	payload := fixture() // the attributes after nlmsghdr and ifinfomsg

	// Offsets count from the start of the nlmsghdr: 16 + 16 bytes.
	d := attr.NewDecoder(payload).WithBase(32)
	for d.Next() {
		switch d.Type() {
		case iflaIfname:
			fmt.Println("name", d.String())
		case iflaMTU:
			fmt.Println("mtu", d.Uint32())
		case iflaLinkinfo:
			li := d.Nested()
			for li.Next() {
				switch li.Type() {
				case iflaInfoKind:
					fmt.Println("kind", li.String())
				case iflaInfoData:
					vlan := li.Nested()
					if id, ok := vlan.Find(iflaVlanID); ok {
						fmt.Println("vlan id", id.Uint16(), "at offset", id.Offset())
					}
				}
			}
		}
	}
	if err := d.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// name eth0.100
	// mtu 1500
	// kind vlan
	// vlan id 100 at offset 320
}

// Build a nested request: IFLA_LINKINFO{IFLA_INFO_KIND "vlan",
// IFLA_INFO_DATA{IFLA_VLAN_ID 100, IFLA_VLAN_PROTOCOL 802.1Q}}.
func ExampleEncoder() {
	buf := make([]byte, 0, 128)
	e := attr.NewEncoder(buf).WithOrder(nlwire.LittleEndian)
	ifi := e.Header(16) // struct ifinfomsg
	ifi[0] = 0          // ifi_family AF_UNSPEC
	e.String(iflaIfname, "eth0.100")
	li := e.Begin(iflaLinkinfo)
	e.String(iflaInfoKind, "vlan")
	data := e.Begin(iflaInfoData)
	e.Uint16(iflaVlanID, 100)
	e.BE16(iflaVlanProtocol, 0x8100)
	e.End(data)
	e.End(li)
	b, err := e.Finish()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d bytes\n% x\n", len(b), b[16:])

	// Ending the wrong nest is caught.
	e.Reset()
	outer := e.Begin(iflaLinkinfo)
	e.Begin(iflaInfoData)
	e.End(outer)
	_, err = e.Finish()
	fmt.Println(err)
	// Output:
	// 68 bytes
	// 0d 00 03 00 65 74 68 30 2e 31 30 30 00 00 00 00 24 00 12 80 09 00 01 00 76 6c 61 6e 00 00 00 00 14 00 02 80 06 00 01 00 64 00 00 00 06 00 05 00 81 00 00 00
	// attr: nest ended out of order at offset 0, type 18
}
