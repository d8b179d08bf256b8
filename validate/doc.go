// Package validate checks netlink attributes against policies exactly as
// the Linux kernel does (lib/nlattr.c, v6.12 and later): the same
// decision, the same errno (EINVAL or ERANGE), the same extended ACK
// message, the same offending attribute offset, for every policy type,
// validation type and strictness mode.
//
// A Policy is the kernel's struct nla_policy table: Rules indexed by
// attribute type, a MaxType and an optional StrictStartType. Rules are
// plain values, declared as composite literals or with constructors named
// after the kernel's NLA_POLICY_* macros:
//
//	var vlanPolicy = validate.Policy{Rules: []validate.Rule{
//		IFLA_VLAN_ID:       validate.Range(validate.U16, 0, 4094),
//		IFLA_VLAN_FLAGS:    validate.ExactLen(8),
//		IFLA_VLAN_PROTOCOL: {Kind: validate.BE16},
//	}}
//	var infoPolicy = validate.Policy{Rules: []validate.Rule{
//		IFLA_INFO_KIND: {Kind: validate.String},
//		IFLA_INFO_DATA: validate.NestedPolicy(&vlanPolicy),
//	}}
//
// Validate and Parse walk the attributes as nla_for_each_attr does and
// check each against its rule in a Mode, the kernel's NL_VALIDATE_* flags:
// ModeStrict for nla_parse and generic netlink, ModeLiberal for the
// *_deprecated parsers most of rtnetlink still uses. They return nil or an
// *Error with the errno, the message the kernel puts in
// NLMSGERR_ATTR_MSG, the offset it puts in NLMSGERR_ATTR_OFFS (counted
// from the nlmsghdr when Options.Base says where the attributes start, as
// ValidateMessage does), the path of attribute types down to the culprit
// and the Rule it reports in NLMSGERR_ATTR_POLICY. Neither allocates
// unless validation fails. Options.ParseInto and ParseMessageInto report
// a failure into an Error the caller keeps, and so allocate nothing even
// then, for a fake kernel answering rejections in a loop.
//
// What the kernel only logs (an over-long integer in liberal mode, an
// over-long ExactLenWarn payload, bytes left over after the last
// attribute) goes to Options.Warn, if set. Leftover bytes also leave the
// extended ACK message "bytes leftover after parsing attributes" in an
// otherwise successful ACK; Warning.ExtAckMsg says so.
//
// Compile returns a copy of a policy, and of the policies it nests, that
// decides the same way faster: the common rules are answered from a table
// of accepted lengths built once. Compile the policies a program checks
// many messages against.
//
// ParsePolicyDump rebuilds the policies a generic netlink family exports
// through CTRL_CMD_GETPOLICY, for each operation's do and dump handlers.
// A dump does not carry everything a policy holds; PolicyDump's
// documentation lists what is lost.
//
// The rules, as lib/nlattr.c applies them (validate_nla,
// __nla_validate_parse):
//
//   - Type 0 and types above the maximum are skipped; under ModeMaxType
//     they fail with EINVAL "Unknown attribute type".
//   - From StrictStartType on, an attribute and everything nested in it
//     is validated with ModeStrict. (Types above the maximum and bytes
//     left over are still judged in the caller's mode.)
//   - Integers (U8...S64, BE16, BE32) of the wrong size are warned about,
//     or fail with EINVAL "invalid attribute length" under
//     ModeStrictAttrs; shorter than their size they fail with ERANGE
//     "Attribute failed policy validation" anyway. UInt and SInt must be
//     4 or 8 bytes (EINVAL "invalid attribute length"); Msecs at least 8.
//   - Under ModeNested, Nested and NestedArray need NLA_F_NESTED ("NLA_F_NESTED
//     is missing") and the other kinds but Unspec must not have it
//     ("NLA_F_NESTED not expected").
//   - Ranges fail with ERANGE "integer out of range" (for Binary lengths
//     "binary attribute size out of range"), masks with EINVAL "reserved
//     bit set". NulString without a NUL in its first Len+1 bytes and
//     invalid Bitfield32 bits fail with EINVAL "Attribute failed policy
//     validation"; other length failures with ERANGE and the same message.
//   - Nests are followed through nested policies down to MaxDepth levels
//     (EINVAL "allowed policy recursion depth exceeded"); empty nests
//     pass; NestedArray elements shorter than a header fail with ERANGE
//     "Array element too short".
//   - Reject fails with EINVAL and its Msg; Unspec fails with EINVAL
//     "Unsupported attribute" under ModeUnspec.
//   - Bytes left over fail with EINVAL "bytes leftover after parsing
//     attributes" (no offset) only under ModeTrailing.
//
// Integers are read in Options.Order (host order by default), so messages
// of another architecture can be checked on any machine.
package validate
