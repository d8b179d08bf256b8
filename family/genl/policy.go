package genl

import "github.com/nlwire/nlwire/validate"

// FamilyPolicy is ctrl_policy_family (net/netlink/genetlink.c), the
// policy of CTRL_CMD_GETFAMILY, with its maximum type
// (ARRAY_SIZE - 1 = CTRL_ATTR_FAMILY_NAME). The do form is lenient
// (validate.ModeLiberal), the dump form strict (validate.ModeStrict).
var FamilyPolicy = validate.Policy{Rules: []validate.Rule{
	CTRL_ATTR_FAMILY_ID:   {Kind: validate.U16},
	CTRL_ATTR_FAMILY_NAME: {Kind: validate.NulString, Len: GENL_NAMSIZ - 1},
}}

// PolicyPolicy is ctrl_policy_policy (net/netlink/genetlink.c), the
// policy of CTRL_CMD_GETPOLICY (dump only, strict), with its maximum
// type CTRL_ATTR_OP.
var PolicyPolicy = validate.Policy{Rules: []validate.Rule{
	CTRL_ATTR_FAMILY_ID:   {Kind: validate.U16},
	CTRL_ATTR_FAMILY_NAME: {Kind: validate.NulString, Len: GENL_NAMSIZ - 1},
	CTRL_ATTR_OP:          {Kind: validate.U32},
}}
