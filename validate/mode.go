package validate

// Mode is a set of strictness flags: the kernel's enum
// netlink_validation (include/net/netlink.h), with the same bits.
type Mode uint8

// Strictness flags.
const (
	// ModeLiberal is old-style validation: trailing bytes, over-long
	// integers and unknown attribute types pass (NL_VALIDATE_LIBERAL).
	ModeLiberal Mode = 0
	// ModeTrailing rejects bytes left over after the last attribute
	// (NL_VALIDATE_TRAILING).
	ModeTrailing Mode = 1 << 0
	// ModeMaxType rejects type 0 and types above the policy's maximum
	// (NL_VALIDATE_MAXTYPE).
	ModeMaxType Mode = 1 << 1
	// ModeUnspec rejects attributes whose rule is NLA_UNSPEC
	// (NL_VALIDATE_UNSPEC).
	ModeUnspec Mode = 1 << 2
	// ModeStrictAttrs requires integers of exactly their size and
	// ExactLenWarn payloads of exactly their length
	// (NL_VALIDATE_STRICT_ATTRS).
	ModeStrictAttrs Mode = 1 << 3
	// ModeNested requires NLA_F_NESTED on Nested and NestedArray
	// attributes and forbids it on the others, Unspec excepted
	// (NL_VALIDATE_NESTED).
	ModeNested Mode = 1 << 4

	// ModeStrict is every check (NL_VALIDATE_STRICT): what nla_parse,
	// nlmsg_parse and generic netlink families use by default.
	ModeStrict = ModeTrailing | ModeMaxType | ModeUnspec | ModeStrictAttrs | ModeNested
	// ModeDeprecatedStrict is ModeTrailing|ModeMaxType
	// (NL_VALIDATE_DEPRECATED_STRICT, the old nla_parse_strict).
	ModeDeprecatedStrict = ModeTrailing | ModeMaxType
)

var modeNames = [...]string{"TRAILING", "MAXTYPE", "UNSPEC", "STRICT_ATTRS", "NESTED"}

// String returns the flags as the kernel names them, joined by '|'
// ("TRAILING|MAXTYPE"), "STRICT" for ModeStrict and "LIBERAL" for 0.
func (m Mode) String() string {
	switch m {
	case ModeLiberal:
		return "LIBERAL"
	case ModeStrict:
		return "STRICT"
	}
	s := ""
	for i, n := range modeNames {
		if m&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += n
		}
	}
	if m&^ModeStrict != 0 {
		if s != "" {
			s += "|"
		}
		s += "?"
	}
	return s
}
