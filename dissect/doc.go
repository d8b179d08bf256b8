// Package dissect walks a netlink message by its family's tables and
// reports what it finds, field by field, to a Writer: the nlmsghdr, the
// family's fixed header, every attribute with its name and decoded value,
// nests, indexed arrays and RTA_MULTIPATH next hops, the extended ACK of
// an NLMSG_ERROR with the request it echoes, and whatever is malformed,
// with its byte offset.
//
// NETLINK_NETFILTER (ProtoNetfilter) messages are named by their
// subsystem (nlmsg_type's high byte) and message (its low byte), with
// their struct nfgenmsg; nftables' and ctnetlink's attributes come from
// the nftables and conntrack specs' sets, an nft expression's data from
// the set its NFTA_EXPR_NAME selects; the other subsystems' attributes
// are given by number.
//
// rtnetlink (ProtoRoute) messages are read by family/route's
// hand-written tables; where those leave a nest as bytes or of unknown
// contents and the tables generated from the kernel's rtnetlink specs
// (family/rtlink, tc, ...) describe it, the walk reads it by the
// generated set: a qdisc's, class's or filter's TCA_OPTIONS and
// TCA_XSTATS by its TCA_KIND, an action's options by TCA_ACT_KIND, the
// IFLA_INFO_DATA of the link kinds only the spec knows, the VF and
// statistics nests. A kind's fixed header, a struct, is given as the
// nest's header; a kind no table describes is given as bytes, or as
// attributes by number if it holds attributes.
//
// The name says what it does to a message, as a packet dissector does to
// a frame: a Dissector takes a message apart by the tables of package
// family (family/route, family/genl and the generated family/<name>
// packages, found through family/registry) without knowing how the parts
// are shown. Showing them is a Writer's job: cmd/nldump's text and JSON
// output are two Writers, and a program that wants a family decoded
// generically, as the kernel's Python YNL library does, writes a third
// (see the example), without walking attributes itself.
//
//	d := dissect.New()
//	err := d.Datagram(myWriter, dissect.ProtoRoute, order, datagram)
//
// or, message by message (r a wire.Reader):
//
//	var k dissect.Kind
//	d.Classify(&k, dissect.ProtoRoute, order, r.Header(), r.Payload())
//	d.Message(myWriter, r.Message(), &k)
//
// A Dissector reuses its own storage from message to message: with a
// Writer that allocates nothing, a walk allocates nothing, and neither
// does classifying an rtnetlink message. (A Verdict on a request that
// package validate rejects costs the allocation of its error.) The events'
// pointers are valid only during the call that passes them. The walk
// looks at each byte of the message a bounded number of times, whatever
// the tables or the input, and never panics on malformed input: what it
// cannot read is reported as a Problem, and the walk goes on with what
// follows where it can.
package dissect
