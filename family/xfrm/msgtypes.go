package xfrm

import "github.com/nlwire/nlwire/family"

// Messages describes the message types of NETLINK_XFRM: each one's
// fixed header (the sizes the kernel requires, xfrm_msg_min in
// net/xfrm/xfrm_user.c) and attribute space, which a request and the
// kernel's messages of the type share. The dump requests of
// XFRM_MSG_GETSA and XFRM_MSG_GETPOLICY have no header: see Lookup.
var Messages = family.Msgs{Family: "NETLINK_XFRM", Types: messages[:]}

var messages = [...]family.Msg{
	XFRM_MSG_NEWSA:       {Name: "XFRM_MSG_NEWSA", HeaderLen: UsersaInfoLen, Attrs: &Attrs},
	XFRM_MSG_DELSA:       {Name: "XFRM_MSG_DELSA", HeaderLen: UsersaIDLen, Attrs: &Attrs},
	XFRM_MSG_GETSA:       {Name: "XFRM_MSG_GETSA", HeaderLen: UsersaIDLen, Attrs: &Attrs},
	XFRM_MSG_NEWPOLICY:   {Name: "XFRM_MSG_NEWPOLICY", HeaderLen: UserpolicyInfoLen, Attrs: &Attrs},
	XFRM_MSG_DELPOLICY:   {Name: "XFRM_MSG_DELPOLICY", HeaderLen: UserpolicyIDLen, Attrs: &Attrs},
	XFRM_MSG_GETPOLICY:   {Name: "XFRM_MSG_GETPOLICY", HeaderLen: UserpolicyIDLen, Attrs: &Attrs},
	XFRM_MSG_ALLOCSPI:    {Name: "XFRM_MSG_ALLOCSPI", HeaderLen: UserspiInfoLen, Attrs: &Attrs},
	XFRM_MSG_ACQUIRE:     {Name: "XFRM_MSG_ACQUIRE", HeaderLen: UserAcquireLen, Attrs: &Attrs},
	XFRM_MSG_EXPIRE:      {Name: "XFRM_MSG_EXPIRE", HeaderLen: UserExpireLen, Attrs: &Attrs},
	XFRM_MSG_UPDPOLICY:   {Name: "XFRM_MSG_UPDPOLICY", HeaderLen: UserpolicyInfoLen, Attrs: &Attrs},
	XFRM_MSG_UPDSA:       {Name: "XFRM_MSG_UPDSA", HeaderLen: UsersaInfoLen, Attrs: &Attrs},
	XFRM_MSG_POLEXPIRE:   {Name: "XFRM_MSG_POLEXPIRE", HeaderLen: UserPolexpireLen, Attrs: &Attrs},
	XFRM_MSG_FLUSHSA:     {Name: "XFRM_MSG_FLUSHSA", HeaderLen: UsersaFlushLen, Attrs: &Attrs},
	XFRM_MSG_FLUSHPOLICY: {Name: "XFRM_MSG_FLUSHPOLICY", Attrs: &Attrs},
	XFRM_MSG_NEWAE:       {Name: "XFRM_MSG_NEWAE", HeaderLen: AeventIDLen, Attrs: &Attrs},
	XFRM_MSG_GETAE:       {Name: "XFRM_MSG_GETAE", HeaderLen: AeventIDLen, Attrs: &Attrs},
	XFRM_MSG_REPORT:      {Name: "XFRM_MSG_REPORT", HeaderLen: UserReportLen, Attrs: &Attrs},
	XFRM_MSG_MIGRATE:     {Name: "XFRM_MSG_MIGRATE", HeaderLen: UserpolicyIDLen, Attrs: &Attrs},
	XFRM_MSG_NEWSADINFO:  {Name: "XFRM_MSG_NEWSADINFO", HeaderLen: InfoFlagsLen, Attrs: &SADAttrs},
	XFRM_MSG_GETSADINFO:  {Name: "XFRM_MSG_GETSADINFO", HeaderLen: InfoFlagsLen, Attrs: &Attrs},
	XFRM_MSG_NEWSPDINFO:  {Name: "XFRM_MSG_NEWSPDINFO", HeaderLen: InfoFlagsLen, Attrs: &SPDAttrs},
	XFRM_MSG_GETSPDINFO:  {Name: "XFRM_MSG_GETSPDINFO", HeaderLen: InfoFlagsLen, Attrs: &Attrs},
	XFRM_MSG_MAPPING:     {Name: "XFRM_MSG_MAPPING", HeaderLen: UserMappingLen, Attrs: &Attrs},
	XFRM_MSG_SETDEFAULT:  {Name: "XFRM_MSG_SETDEFAULT", HeaderLen: UserpolicyDefaultLen, Attrs: &Attrs},
	XFRM_MSG_GETDEFAULT:  {Name: "XFRM_MSG_GETDEFAULT", HeaderLen: UserpolicyDefaultLen, Attrs: &Attrs},
}

// structs holds the C struct of each message type's fixed header.
var structs = [...]string{
	XFRM_MSG_NEWSA:      "xfrm_usersa_info",
	XFRM_MSG_DELSA:      "xfrm_usersa_id",
	XFRM_MSG_GETSA:      "xfrm_usersa_id",
	XFRM_MSG_NEWPOLICY:  "xfrm_userpolicy_info",
	XFRM_MSG_DELPOLICY:  "xfrm_userpolicy_id",
	XFRM_MSG_GETPOLICY:  "xfrm_userpolicy_id",
	XFRM_MSG_ALLOCSPI:   "xfrm_userspi_info",
	XFRM_MSG_ACQUIRE:    "xfrm_user_acquire",
	XFRM_MSG_EXPIRE:     "xfrm_user_expire",
	XFRM_MSG_UPDPOLICY:  "xfrm_userpolicy_info",
	XFRM_MSG_UPDSA:      "xfrm_usersa_info",
	XFRM_MSG_POLEXPIRE:  "xfrm_user_polexpire",
	XFRM_MSG_FLUSHSA:    "xfrm_usersa_flush",
	XFRM_MSG_NEWAE:      "xfrm_aevent_id",
	XFRM_MSG_GETAE:      "xfrm_aevent_id",
	XFRM_MSG_REPORT:     "xfrm_user_report",
	XFRM_MSG_MIGRATE:    "xfrm_userpolicy_id",
	XFRM_MSG_NEWSADINFO: "u32",
	XFRM_MSG_GETSADINFO: "u32",
	XFRM_MSG_NEWSPDINFO: "u32",
	XFRM_MSG_GETSPDINFO: "u32",
	XFRM_MSG_MAPPING:    "xfrm_user_mapping",
	XFRM_MSG_SETDEFAULT: "xfrm_userpolicy_default",
	XFRM_MSG_GETDEFAULT: "xfrm_userpolicy_default",
}

// Struct returns the C struct of message type t's fixed header
// ("xfrm_usersa_info"; "u32" for the flags of the SAD and SPD
// information messages), or "" if it has none or the type is unknown.
func Struct(t uint16) string {
	if int(t) < len(structs) {
		return structs[t]
	}
	return ""
}

// dumpGetSA is the dump request of XFRM_MSG_GETSA: no fixed header (the
// kernel reads its attributes, XFRMA_ADDRESS_FILTER and XFRMA_PROTO,
// from the payload's start), as is XFRM_MSG_GETPOLICY's, whose payload
// the kernel ignores.
var (
	dumpGetSA     = family.Msg{Name: "XFRM_MSG_GETSA", Attrs: &Attrs}
	dumpGetPolicy = family.Msg{Name: "XFRM_MSG_GETPOLICY", Attrs: &Attrs}
)

// Lookup returns the description of a message of type t, a dump request
// (NLM_F_REQUEST with NLM_F_DUMP) or not, or nil if the type is unknown.
func Lookup(t uint16, dumpRequest bool) *family.Msg {
	if dumpRequest {
		switch t {
		case XFRM_MSG_GETSA:
			return &dumpGetSA
		case XFRM_MSG_GETPOLICY:
			return &dumpGetPolicy
		}
	}
	return Messages.Msg(t)
}
