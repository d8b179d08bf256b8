// Attribute tables written from the kernel's UAPI headers
// (include/uapi/linux/*.h), by hand where newer kernels added members.
// Keep them in step with golang.org/x/sys/unix: consts_linux_test.go
// compares every value both define.

package genl

import "github.com/nlwire/nlwire/family"

// Controller attributes (CTRL_ATTR_*, include/uapi/linux/genetlink.h): the attributes of nlctrl messages after the genlmsghdr.
const (
	CTRL_ATTR_UNSPEC       = 0  // unused
	CTRL_ATTR_FAMILY_ID    = 1  // u16
	CTRL_ATTR_FAMILY_NAME  = 2  // string
	CTRL_ATTR_VERSION      = 3  // u32
	CTRL_ATTR_HDRSIZE      = 4  // u32
	CTRL_ATTR_MAXATTR      = 5  // u32
	CTRL_ATTR_OPS          = 6  // nested array
	CTRL_ATTR_MCAST_GROUPS = 7  // nested array
	CTRL_ATTR_POLICY       = 8  // nested array
	CTRL_ATTR_OP_POLICY    = 9  // nested array
	CTRL_ATTR_OP           = 10 // u32
)

var ctrlAttrs = [...]family.Attr{
	CTRL_ATTR_UNSPEC:       {Name: "CTRL_ATTR_UNSPEC", Format: family.Binary},
	CTRL_ATTR_FAMILY_ID:    {Name: "CTRL_ATTR_FAMILY_ID", Format: family.U16},
	CTRL_ATTR_FAMILY_NAME:  {Name: "CTRL_ATTR_FAMILY_NAME", Format: family.String},
	CTRL_ATTR_VERSION:      {Name: "CTRL_ATTR_VERSION", Format: family.U32},
	CTRL_ATTR_HDRSIZE:      {Name: "CTRL_ATTR_HDRSIZE", Format: family.U32},
	CTRL_ATTR_MAXATTR:      {Name: "CTRL_ATTR_MAXATTR", Format: family.U32},
	CTRL_ATTR_OPS:          {Name: "CTRL_ATTR_OPS", Format: family.NestedArray, Child: &CtrlOpAttrs},
	CTRL_ATTR_MCAST_GROUPS: {Name: "CTRL_ATTR_MCAST_GROUPS", Format: family.NestedArray, Child: &CtrlMcastGrpAttrs},
	CTRL_ATTR_POLICY:       {Name: "CTRL_ATTR_POLICY", Format: family.NestedArray, Child: &PolicyAttrTypes},
	CTRL_ATTR_OP_POLICY:    {Name: "CTRL_ATTR_OP_POLICY", Format: family.NestedArray, Child: &CtrlOpPolicyAttrs},
	CTRL_ATTR_OP:           {Name: "CTRL_ATTR_OP", Format: family.U32},
}

// Attributes of one operation inside CTRL_ATTR_OPS (CTRL_ATTR_OP_*, include/uapi/linux/genetlink.h).
const (
	CTRL_ATTR_OP_UNSPEC = 0 // unused
	CTRL_ATTR_OP_ID     = 1 // u32
	CTRL_ATTR_OP_FLAGS  = 2 // u32
)

var ctrlOpAttrs = [...]family.Attr{
	CTRL_ATTR_OP_UNSPEC: {Name: "CTRL_ATTR_OP_UNSPEC", Format: family.Binary},
	CTRL_ATTR_OP_ID:     {Name: "CTRL_ATTR_OP_ID", Format: family.U32},
	CTRL_ATTR_OP_FLAGS:  {Name: "CTRL_ATTR_OP_FLAGS", Format: family.U32},
}

// Attributes of one multicast group inside CTRL_ATTR_MCAST_GROUPS (CTRL_ATTR_MCAST_GRP_*, include/uapi/linux/genetlink.h).
const (
	CTRL_ATTR_MCAST_GRP_UNSPEC = 0 // unused
	CTRL_ATTR_MCAST_GRP_NAME   = 1 // string
	CTRL_ATTR_MCAST_GRP_ID     = 2 // u32
)

var ctrlMcastGrpAttrs = [...]family.Attr{
	CTRL_ATTR_MCAST_GRP_UNSPEC: {Name: "CTRL_ATTR_MCAST_GRP_UNSPEC", Format: family.Binary},
	CTRL_ATTR_MCAST_GRP_NAME:   {Name: "CTRL_ATTR_MCAST_GRP_NAME", Format: family.String},
	CTRL_ATTR_MCAST_GRP_ID:     {Name: "CTRL_ATTR_MCAST_GRP_ID", Format: family.U32},
}

// Attributes of one command inside CTRL_ATTR_OP_POLICY (CTRL_ATTR_POLICY_*, include/uapi/linux/genetlink.h): the policy indexes of its do and dump handlers.
const (
	CTRL_ATTR_POLICY_UNSPEC = 0 // unused
	CTRL_ATTR_POLICY_DO     = 1 // u32
	CTRL_ATTR_POLICY_DUMP   = 2 // u32
)

var ctrlOpPolicyAttrs = [...]family.Attr{
	CTRL_ATTR_POLICY_UNSPEC: {Name: "CTRL_ATTR_POLICY_UNSPEC", Format: family.Binary},
	CTRL_ATTR_POLICY_DO:     {Name: "CTRL_ATTR_POLICY_DO", Format: family.U32},
	CTRL_ATTR_POLICY_DUMP:   {Name: "CTRL_ATTR_POLICY_DUMP", Format: family.U32},
}

// Attributes describing one attribute's policy (enum netlink_policy_type_attr, include/uapi/linux/netlink.h), inside CTRL_ATTR_POLICY and NLMSGERR_ATTR_POLICY.
const (
	NL_POLICY_TYPE_ATTR_UNSPEC          = 0  // unused
	NL_POLICY_TYPE_ATTR_TYPE            = 1  // u32
	NL_POLICY_TYPE_ATTR_MIN_VALUE_S     = 2  // s64
	NL_POLICY_TYPE_ATTR_MAX_VALUE_S     = 3  // s64
	NL_POLICY_TYPE_ATTR_MIN_VALUE_U     = 4  // u64
	NL_POLICY_TYPE_ATTR_MAX_VALUE_U     = 5  // u64
	NL_POLICY_TYPE_ATTR_MIN_LENGTH      = 6  // u32
	NL_POLICY_TYPE_ATTR_MAX_LENGTH      = 7  // u32
	NL_POLICY_TYPE_ATTR_POLICY_IDX      = 8  // u32
	NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE  = 9  // u32
	NL_POLICY_TYPE_ATTR_BITFIELD32_MASK = 10 // u32
	NL_POLICY_TYPE_ATTR_PAD             = 11 // padding for 64-bit alignment
	NL_POLICY_TYPE_ATTR_MASK            = 12 // u64
)

var policyTypeAttrs = [...]family.Attr{
	NL_POLICY_TYPE_ATTR_UNSPEC:          {Name: "NL_POLICY_TYPE_ATTR_UNSPEC", Format: family.Binary},
	NL_POLICY_TYPE_ATTR_TYPE:            {Name: "NL_POLICY_TYPE_ATTR_TYPE", Format: family.U32},
	NL_POLICY_TYPE_ATTR_MIN_VALUE_S:     {Name: "NL_POLICY_TYPE_ATTR_MIN_VALUE_S", Format: family.S64},
	NL_POLICY_TYPE_ATTR_MAX_VALUE_S:     {Name: "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", Format: family.S64},
	NL_POLICY_TYPE_ATTR_MIN_VALUE_U:     {Name: "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", Format: family.U64},
	NL_POLICY_TYPE_ATTR_MAX_VALUE_U:     {Name: "NL_POLICY_TYPE_ATTR_MAX_VALUE_U", Format: family.U64},
	NL_POLICY_TYPE_ATTR_MIN_LENGTH:      {Name: "NL_POLICY_TYPE_ATTR_MIN_LENGTH", Format: family.U32},
	NL_POLICY_TYPE_ATTR_MAX_LENGTH:      {Name: "NL_POLICY_TYPE_ATTR_MAX_LENGTH", Format: family.U32},
	NL_POLICY_TYPE_ATTR_POLICY_IDX:      {Name: "NL_POLICY_TYPE_ATTR_POLICY_IDX", Format: family.U32},
	NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE:  {Name: "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE", Format: family.U32},
	NL_POLICY_TYPE_ATTR_BITFIELD32_MASK: {Name: "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", Format: family.U32},
	NL_POLICY_TYPE_ATTR_PAD:             {Name: "NL_POLICY_TYPE_ATTR_PAD", Format: family.Binary},
	NL_POLICY_TYPE_ATTR_MASK:            {Name: "NL_POLICY_TYPE_ATTR_MASK", Format: family.U64},
}
