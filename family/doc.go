// Package family describes the attribute spaces of netlink families as
// data: which name each attribute type has, how its payload should be
// shown, and which attribute space a nested attribute's payload belongs
// to. The tables themselves live in the family packages (family/route
// for NETLINK_ROUTE, family/genl for the generic netlink controller);
// this package holds the types they share.
//
// A Set is one attribute space, such as the IFLA_* attributes of a link
// message or the IFLA_INFO_* attributes inside IFLA_LINKINFO. It maps
// types to names and back without allocating (every name is a constant
// string in the table), and Attr.ChildSet finds the space of a nested
// attribute's payload, so that a generic pretty-printer can walk a tree
// of attributes by name:
//
//	route.LinkAttrs -> IFLA_LINKINFO -> route.LinkInfoAttrs
//	    -> IFLA_INFO_DATA (by IFLA_INFO_KIND: "veth" -> route.VethAttrs, "vlan" -> ...)
//
// A Format says how to print a payload (u32, string, IP address, nested,
// ...): it is a hint for display, not a validation policy. The kernel's
// policies are validate.Policy values in the family packages.
//
// The packages generated from the kernel's YNL specs (family/rtlink,
// family/ethtool, ... see family/registry) also hold typed Go for their
// family: a value type per attribute set with getters, setters, Decode
// and Encode, and request and reply types per operation (package
// family/typed has what they share).
//
// The package imports only the standard library and builds on every
// GOOS: the numbers are Linux's wherever the program runs.
package family
