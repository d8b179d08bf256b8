package rtlink_test

import (
	"fmt"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/typed"
	"github.com/nlwire/nlwire/wire"
)

// Build an RTM_NEWLINK that creates a VLAN on link 2 with the typed
// request, then read it back with the typed reply of the same set, in
// big-endian byte order (as on s390x) on any machine.
func Example() {
	var req rtlink.NewlinkRequest
	req.SetIfname("eth0.100")
	req.SetLink(2)
	req.SetMtu(1400)
	vlan := req.SetLinkinfo().SetData().SetVlan() // IFLA_INFO_KIND "vlan" is written too
	vlan.SetId(100)
	vlan.SetProtocol(rtlink.RT_LINK_VLAN_PROTOCOLS_8021AD)

	b := wire.NewBuilder(nil).WithOrder(nlwire.BigEndian)
	if err := req.Append(&b, wire.Header{Flags: wire.Ack | wire.Create | wire.Excl, Seq: 1}); err != nil {
		fmt.Println(err)
		return
	}
	msg, err := b.Finish()
	if err != nil {
		fmt.Println(err)
		return
	}

	m, err := wire.ParseMessage(msg, nlwire.BigEndian)
	if err != nil {
		fmt.Println(err)
		return
	}
	var o typed.Options
	var rep rtlink.GetlinkReply // the reply's set is the request's, link-attrs
	if err := rep.DecodeMessage(m, &o); err != nil {
		fmt.Println(err)
		return
	}
	name, _ := rep.Ifname()
	mtu, _ := rep.Mtu()
	link, _ := rep.Link()
	fmt.Printf("%s mtu %d on link %d\n", name, mtu, link)
	if info, ok := rep.Linkinfo(); ok {
		kind, _ := info.Kind()
		data, _ := info.Data()
		if v, ok := data.Vlan(); ok {
			id, _ := v.Id()
			proto, _ := v.Protocol()
			fmt.Printf("kind %s, vlan %d, protocol %v\n", kind, id, proto)
		}
	}
	_, ok := rep.Broadcast()
	fmt.Println("broadcast present:", ok)
	// Output:
	// eth0.100 mtu 1400 on link 2
	// kind vlan, vlan 100, protocol RT_LINK_VLAN_PROTOCOLS_8021AD
	// broadcast present: false
}
