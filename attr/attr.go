package attr

// Sizes and flags of struct nlattr (include/uapi/linux/netlink.h).
const (
	// HeaderLen is the size of struct nlattr (NLA_HDRLEN).
	HeaderLen = 4
	// FlagNested marks an attribute whose payload is attributes (NLA_F_NESTED).
	FlagNested = 0x8000
	// FlagNetByteOrder marks a payload in network byte order (NLA_F_NET_BYTEORDER).
	FlagNetByteOrder = 0x4000
	// TypeMask extracts the type from nla_type (NLA_TYPE_MASK).
	TypeMask = 0x3fff
	// MaxLen is the largest nla_len, header included: nla_len is a u16.
	MaxLen = 65535
)

// Align rounds n up to a multiple of 4, the attribute alignment:
//
//	#define NLA_ALIGNTO		4
//	#define NLA_ALIGN(len)		(((len) + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1))
func Align(n int) int {
	return (n + 3) &^ 3
}
