//go:build linux

package nlsock_test

import (
	"errors"
	"fmt"
	"log"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/family/nlctrl"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/typed"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// The examples below are compiled, not run (they change or read the
// machine's network configuration); typed_example_linux_test.go runs the
// same helpers inside a network namespace of its own.

// List the links with the generated rt-link types: a GetlinkDumpRequest
// out, a GetlinkReply decoded from every answer.
func Example_typedLinks() {
	c, err := nlsock.Dial(nlsock.Route, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	links, err := typedLinks(c)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.Index, l.Name, l.Kind, "mtu", l.MTU)
	}
}

// Create a veth pair (its peer named by the kernel) with a typed
// RTM_NEWLINK request.
func Example_typedNewLink() {
	c, err := nlsock.Dial(nlsock.Route, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	var req rtlink.NewlinkRequest
	req.SetIfname("veth-example")
	req.SetMtu(1400)
	req.SetLinkinfo().SetKind("veth")
	if err := typedNewLink(c, &req); err != nil {
		log.Fatal(err)
	}
}

// Read a link's ethtool link information with the generated ethtool
// types, the family's id resolved with the generated nlctrl types.
func Example_typedEthtool() {
	c, err := nlsock.Dial(nlsock.Generic, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	info, err := typedEthtoolLinkinfo(c, "veth-example")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("port %d phyaddr %d transceiver %d mdix %d/%d\n",
		info.Port, info.Phyaddr, info.Transceiver, info.TpMdix, info.TpMdixCtrl)
}

// Create a table, a base chain and a rule of several expressions in one
// nftables batch, then read the rule back.
func Example_typedNftables() {
	c, err := nlsock.Dial(unix.NETLINK_NETFILTER, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ip4 := nftables.Nfgenmsg{NfgenFamily: unix.NFPROTO_IPV4}

	table := nftables.NewtableRequest{Fixed: ip4}
	table.SetName("example")

	chain := nftables.NewchainRequest{Fixed: ip4}
	chain.SetTable("example")
	chain.SetName("input")
	chain.SetType("filter")
	hook := chain.SetHook()
	hook.SetNum(unix.NF_INET_LOCAL_IN)
	hook.SetPriority(0)

	// ip saddr 192.0.2.1 counter drop
	exprs := make([]nftables.Expr, 4)
	load := exprs[0].SetData().SetPayload()
	load.SetDreg(unix.NFT_REG_1)
	load.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
	load.SetOffset(12) // struct iphdr's saddr
	load.SetLen(4)
	cmp := exprs[1].SetData().SetCmp()
	cmp.SetSreg(unix.NFT_REG_1)
	cmp.SetOp(nftables.NFTABLES_CMP_OPS_EQ)
	cmp.SetData().SetValue([]byte{192, 0, 2, 1})
	exprs[2].SetData().SetCounter()
	verdict := exprs[3].SetData().SetImmediate()
	verdict.SetDreg(unix.NFT_REG_VERDICT)
	verdict.SetData().SetVerdict().SetCode(nftables.NFTABLES_VERDICT_CODE_DROP)

	rule := nftables.NewruleRequest{Fixed: ip4}
	rule.SetTable("example")
	rule.SetChain("input")
	rule.SetExpressions().SetElem(exprs)

	errs, err := nftBatch(c, &table, &chain, &rule)
	if err != nil {
		log.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			log.Fatalf("message %d: %v", i, err)
		}
	}
	err = nftRules(c, unix.NFPROTO_IPV4, "example", func(r *nftables.GetruleReply) error {
		list, _ := r.Expressions()
		var e nftables.Expr
		for it := list.Elem(); it.Next(&e); {
			name, _ := e.Name()
			fmt.Print(string(name), " ")
		}
		fmt.Println()
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
}

// typedLink is what typedLinks reports of one link.
type typedLink struct {
	Index int32
	Name  string
	Kind  string // IFLA_INFO_KIND, "" if none
	MTU   uint32
	Link  uint32 // IFLA_LINK: the lower device's index, 0 if none

	// IFLA_INFO_DATA of a vlan
	VlanID    uint16
	VlanProto rtlink.VlanProtocols
	// IFLA_INFO_DATA of a bridge
	ForwardDelay uint32
	Priority     uint16
	AgeingTime   uint32
}

// typedLinks dumps the links with rtlink.GetlinkDumpRequest and decodes
// every answer with rtlink.GetlinkReply.
func typedLinks(c *nlsock.Conn) ([]typedLink, error) {
	var req rtlink.GetlinkDumpRequest
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{}); err != nil {
		return nil, err
	}
	buf, err := b.Finish()
	if err != nil {
		return nil, err
	}
	var (
		links []typedLink
		o     typed.Options // reused: decoding does not allocate
		rep   rtlink.GetlinkReply
	)
	err = c.Execute(buf, func(m wire.Message) error {
		if err := rep.DecodeMessage(m, &o); err != nil {
			return err
		}
		// A reused reply keeps the values of attributes absent from this
		// message: take a value only where its presence bit says so.
		l := typedLink{Index: rep.Fixed.IfiIndex}
		if name, ok := rep.Ifname(); ok {
			l.Name = string(name)
		}
		if v, ok := rep.Mtu(); ok {
			l.MTU = v
		}
		if v, ok := rep.Link(); ok {
			l.Link = v
		}
		if li, ok := rep.Linkinfo(); ok {
			if kind, ok := li.Kind(); ok {
				l.Kind = string(kind)
			}
			if data, ok := li.Data(); ok {
				if v, ok := data.Vlan(); ok {
					if id, ok := v.Id(); ok {
						l.VlanID = id
					}
					if p, ok := v.Protocol(); ok {
						l.VlanProto = p
					}
				}
				if br, ok := data.Bridge(); ok {
					if v, ok := br.ForwardDelay(); ok {
						l.ForwardDelay = v
					}
					if v, ok := br.Priority(); ok {
						l.Priority = v
					}
					if v, ok := br.AgeingTime(); ok {
						l.AgeingTime = v
					}
				}
			}
		}
		links = append(links, l)
		return nil
	})
	return links, err
}

// typedNewLink sends the RTM_NEWLINK request req, which must create a
// new link (NLM_F_CREATE|NLM_F_EXCL).
func typedNewLink(c *nlsock.Conn, req *rtlink.NewlinkRequest) error {
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{Flags: wire.Create | wire.Excl}); err != nil {
		return err
	}
	buf, err := b.Finish()
	if err != nil {
		return err
	}
	return c.Execute(buf, nil)
}

// genlFamilyID resolves a generic netlink family's id with the generated
// nlctrl types (CTRL_CMD_GETFAMILY).
func genlFamilyID(c *nlsock.Conn, name string) (uint16, error) {
	var req nlctrl.GetfamilyRequest
	req.SetFamilyName(name)
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{Type: unix.GENL_ID_CTRL}); err != nil {
		return 0, err
	}
	buf, err := b.Finish()
	if err != nil {
		return 0, err
	}
	var (
		rep nlctrl.GetfamilyReply
		id  uint16
		ok  bool
	)
	err = c.Execute(buf, func(m wire.Message) error {
		if err := rep.DecodeMessage(m, nil); err != nil {
			return err
		}
		id, ok = rep.FamilyId()
		return nil
	})
	if err == nil && !ok {
		err = errors.New("nlctrl: no CTRL_ATTR_FAMILY_ID in the answer")
	}
	return id, err
}

// ethLinkinfo is ETHTOOL_MSG_LINKINFO_GET's answer.
type ethLinkinfo struct {
	Ifindex                                        uint32
	Port, Phyaddr, TpMdix, TpMdixCtrl, Transceiver uint8
	Present                                        [5]bool // Port .. Transceiver
}

// typedEthtoolLinkinfo resolves the "ethtool" family and sends
// ethtool.LinkinfoGetRequest for dev, decoding ethtool.LinkinfoGetReply.
func typedEthtoolLinkinfo(c *nlsock.Conn, dev string) (ethLinkinfo, error) {
	var info ethLinkinfo
	id, err := genlFamilyID(c, ethtool.Family.Name)
	if err != nil {
		return info, err
	}
	var req ethtool.LinkinfoGetRequest
	req.SetHeader().SetDevName(dev)
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{Type: id}); err != nil {
		return info, err
	}
	buf, err := b.Finish()
	if err != nil {
		return info, err
	}
	var rep ethtool.LinkinfoGetReply
	err = c.Execute(buf, func(m wire.Message) error {
		if err := rep.DecodeMessage(m, nil); err != nil {
			return err
		}
		if h, ok := rep.Header(); ok {
			info.Ifindex, _ = h.DevIndex()
		}
		info.Port, info.Present[0] = rep.Port()
		info.Phyaddr, info.Present[1] = rep.Phyaddr()
		info.TpMdix, info.Present[2] = rep.TpMdix()
		info.TpMdixCtrl, info.Present[3] = rep.TpMdixCtrl()
		info.Transceiver, info.Present[4] = rep.Transceiver()
		return nil
	})
	return info, err
}

// ethLinkmodes is part of ETHTOOL_MSG_LINKMODES_GET's answer.
type ethLinkmodes struct {
	Speed                           uint32
	Duplex, Autoneg                 uint8
	HasSpeed, HasDuplex, HasAutoneg bool
}

// typedEthtoolLinkmodes sends ethtool.LinkmodesGetRequest for dev.
func typedEthtoolLinkmodes(c *nlsock.Conn, dev string) (ethLinkmodes, error) {
	var lm ethLinkmodes
	id, err := genlFamilyID(c, ethtool.Family.Name)
	if err != nil {
		return lm, err
	}
	var req ethtool.LinkmodesGetRequest
	req.SetHeader().SetDevName(dev)
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{Type: id}); err != nil {
		return lm, err
	}
	buf, err := b.Finish()
	if err != nil {
		return lm, err
	}
	var rep ethtool.LinkmodesGetReply
	err = c.Execute(buf, func(m wire.Message) error {
		if err := rep.DecodeMessage(m, nil); err != nil {
			return err
		}
		lm.Speed, lm.HasSpeed = rep.Speed()
		lm.Duplex, lm.HasDuplex = rep.Duplex()
		lm.Autoneg, lm.HasAutoneg = rep.Autoneg()
		return nil
	})
	return lm, err
}

// request is what every generated request type is.
type request interface {
	Append(b *wire.Builder, h wire.Header) error
}

// nftBatch sends reqs as one nftables batch (NFNL_MSG_BATCH_BEGIN, reqs
// with NLM_F_CREATE|NLM_F_APPEND|NLM_F_ACK, NFNL_MSG_BATCH_END) and
// returns the kernel's answer to each request: nil or its *wire.Error. The
// kernel commits the batch only if all are nil.
func nftBatch(c *nlsock.Conn, reqs ...request) ([]error, error) {
	subsys := nftables.Nfgenmsg{ResId: unix.NFNL_SUBSYS_NFTABLES}
	const seq0 = 1 << 20 // sequence numbers of their own, beside Execute's
	b := wire.NewBuilder(nil)
	begin := nftables.BatchBeginRequest{Fixed: subsys}
	if err := begin.Append(&b, wire.Header{Seq: seq0}); err != nil {
		return nil, err
	}
	for i, r := range reqs {
		if err := r.Append(&b, wire.Header{Seq: seq0 + 1 + uint32(i), Flags: wire.Create | wire.Append | wire.Ack}); err != nil {
			return nil, err
		}
	}
	end := nftables.BatchEndRequest{Fixed: subsys}
	if err := end.Append(&b, wire.Header{Seq: seq0 + 1 + uint32(len(reqs))}); err != nil {
		return nil, err
	}
	buf, err := b.Finish()
	if err != nil {
		return nil, err
	}
	if err := c.Send(buf); err != nil {
		return nil, err
	}
	// A GETGEN after the batch, in a datagram of its own (the kernel
	// ignores what follows a batch's end in its datagram): its answer
	// follows every answer to the batch.
	last := seq0 + 2 + uint32(len(reqs))
	var gen nftables.GetgenRequest
	b = wire.NewBuilder(nil)
	if err := gen.Append(&b, wire.Header{Seq: last, Flags: wire.Ack}); err != nil {
		return nil, err
	}
	if buf, err = b.Finish(); err != nil {
		return nil, err
	}
	if err := c.Send(buf); err != nil {
		return nil, err
	}
	errs := make([]error, len(reqs))
	rbuf := make([]byte, 1<<16)
	for {
		n, err := c.Receive(rbuf)
		if err != nil {
			return errs, err
		}
		r := wire.NewReader(rbuf[:n])
		for r.Next() {
			h := r.Header()
			if h.PID != c.PortID() || h.Type != wire.TypeError {
				continue
			}
			e, err := wire.ParseError(r.Message(), nlwire.Native)
			if err != nil {
				return errs, err
			}
			if h.Seq == last {
				return errs, nil
			}
			if i := int(h.Seq) - seq0 - 1; i >= 0 && i < len(reqs) && e.Errno != 0 {
				e.Request = append([]byte(nil), e.Request...)
				e.Msg = append([]byte(nil), e.Msg...)
				errs[i] = &e
			}
		}
		if err := r.Err(); err != nil {
			return errs, err
		}
	}
}

// nftRules dumps the rules of the table (NFT_MSG_GETRULE with
// NLM_F_DUMP, filtered by table) and calls fn with each, decoded into a
// nftables.GetruleReply over a buffer of its own.
func nftRules(c *nlsock.Conn, family uint8, table string, fn func(*nftables.GetruleReply) error) error {
	req := nftables.GetruleRequest{Fixed: nftables.Nfgenmsg{NfgenFamily: family}}
	req.SetTable(table)
	b := wire.NewBuilder(nil)
	if err := req.Append(&b, wire.Header{Flags: wire.Dump}); err != nil {
		return err
	}
	buf, err := b.Finish()
	if err != nil {
		return err
	}
	return c.Execute(buf, func(m wire.Message) error {
		msg := wire.NewReader(append([]byte(nil), m.Bytes()...))
		if !msg.Next() {
			return msg.Err()
		}
		var rep nftables.GetruleReply
		if err := rep.DecodeMessage(msg.View(), nil); err != nil {
			return err
		}
		return fn(&rep)
	})
}
