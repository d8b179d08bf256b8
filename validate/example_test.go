package validate_test

import (
	"encoding/binary"
	"fmt"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/validate"
)

// attr appends one little-endian netlink attribute to b.
func attr(b []byte, typ uint16, payload []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, uint16(4+len(payload)))
	b = binary.LittleEndian.AppendUint16(b, typ)
	b = append(b, payload...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// Validate an RTM_NEWLINK payload (16-byte ifinfomsg, then attributes)
// and print the error the kernel would send back.
func ExampleOptions_ValidateMessage() {
	const (
		IFLA_IFNAME = 3
		IFLA_MTU    = 4
	)
	policy := validate.Policy{Rules: []validate.Rule{
		IFLA_IFNAME: {Kind: validate.String, Len: 15}, // IFNAMSIZ-1
		IFLA_MTU:    {Kind: validate.U32},
	}}
	payload := make([]byte, 16) // struct ifinfomsg
	payload = attr(payload, IFLA_IFNAME, []byte("eth0\x00"))
	payload = attr(payload, IFLA_MTU, []byte{0xdc, 0x05}) // 2 bytes: too short

	o := validate.Options{Order: nlwire.LittleEndian}
	err := o.ValidateMessage(payload, 16, &policy, validate.ModeLiberal)
	fmt.Println(err)

	e := err.(*validate.Error)
	fmt.Println("errno:", -int(e.Errno))
	fmt.Println("NLMSGERR_ATTR_MSG:", e.Msg)
	fmt.Println("NLMSGERR_ATTR_OFFS:", e.Offset)
	if pol, ok := e.Policy(); ok {
		fmt.Println("NLMSGERR_ATTR_POLICY:", pol)
	}
	// Output:
	// validate: ERANGE: Attribute failed policy validation (attribute 4 at offset 44)
	// errno: -34
	// NLMSGERR_ATTR_MSG: Attribute failed policy validation
	// NLMSGERR_ATTR_OFFS: 44
	// NLMSGERR_ATTR_POLICY: NLA_U32 range [0, 4294967295]
}

// Warnings report what the kernel only logs, such as bytes left over in a
// liberal operation, which still sends "bytes leftover after parsing
// attributes" in its ACK.
func ExampleWarning() {
	policy := validate.Policy{Rules: []validate.Rule{1: {Kind: validate.U32}}}
	b := attr(nil, 1, []byte{1, 0, 0, 0, 0, 0, 0, 0}) // over-long u32
	b = append(b, 0, 0)                               // leftover
	o := validate.Options{
		Order: nlwire.LittleEndian,
		Warn:  func(w validate.Warning) { fmt.Printf("%v (ACK message %q)\n", w, w.ExtAckMsg()) },
	}
	fmt.Println(o.Validate(b, &policy, validate.ModeLiberal))
	fmt.Println(o.Validate(b, &policy, validate.ModeStrict))
	// Output:
	// validate: attribute type 1 has an invalid length (8 bytes at offset 0) (ACK message "")
	// validate: 2 bytes leftover after parsing attributes (at offset 12) (ACK message "bytes leftover after parsing attributes")
	// <nil>
	// validate: attribute type 1 has an invalid length (8 bytes at offset 0) (ACK message "")
	// validate: EINVAL: invalid attribute length (attribute 1 at offset 0)
}

// Rebuild a family's policies from its CTRL_CMD_GETPOLICY dump and
// validate a request against one operation's policy.
func ExampleParsePolicyDump() {
	le := binary.LittleEndian
	u32 := func(v uint32) []byte { return le.AppendUint32(nil, v) }
	nest := func(typ uint16, kids ...[]byte) []byte {
		var p []byte
		for _, k := range kids {
			p = append(p, k...)
		}
		return attr(nil, typ|0x8000, p)
	}
	// One reply per attribute, as the kernel sends them: policy 0 has
	// attribute 1 as NL_ATTR_TYPE_U16 (3) and attribute 2 as
	// NL_ATTR_TYPE_NUL_STRING (12) of at most 15 bytes; command 3 uses
	// policy 0 for do and dump.
	replies := [][]byte{
		nest(8, nest(0, nest(1, attr(nil, 1, u32(3)),
			attr(nil, 4, le.AppendUint64(nil, 0)), attr(nil, 5, le.AppendUint64(nil, 0xffff))))),
		nest(8, nest(0, nest(2, attr(nil, 1, u32(12)), attr(nil, 7, u32(15))))),
		nest(9, nest(3, attr(nil, 1, u32(0)), attr(nil, 2, u32(0)))),
	}
	dump, err := validate.ParsePolicyDump(replies, nlwire.LittleEndian)
	if err != nil {
		fmt.Println(err)
		return
	}
	do, _ := dump.Op(3)
	for typ := uint16(1); typ <= 2; typ++ {
		d, _ := do.Rule(typ).Describe()
		fmt.Println(typ, d)
	}
	req := attr(nil, 2, []byte("a name that is far too long\x00"))
	fmt.Println(validate.Options{Order: nlwire.LittleEndian}.Validate(req, do, validate.ModeStrict))
	// Output:
	// 1 NLA_U16 range [0, 65535]
	// 2 NLA_NUL_STRING max length 15
	// validate: EINVAL: Attribute failed policy validation (attribute 2 at offset 0)
}

// Compile a policy once and validate with the copy: the same verdicts,
// faster, without allocating.
func ExampleCompile() {
	const (
		IFLA_IFNAME = 3
		IFLA_MTU    = 4
	)
	policy := validate.Compile(&validate.Policy{Rules: []validate.Rule{
		IFLA_IFNAME: {Kind: validate.String, Len: 15},
		IFLA_MTU:    {Kind: validate.U32},
	}})
	attrs := attr(nil, IFLA_IFNAME, []byte("eth0\x00"))
	attrs = attr(attrs, IFLA_MTU, []byte{0xdc, 0x05, 0, 0})
	o := validate.Options{Order: nlwire.LittleEndian}
	fmt.Println(o.Validate(attrs, policy, validate.ModeStrict))

	attrs = attr(attrs, IFLA_IFNAME, []byte("a-name-far-too-long-for-a-link\x00"))
	fmt.Println(o.Validate(attrs, policy, validate.ModeStrict))
	// Output:
	// <nil>
	// validate: ERANGE: Attribute failed policy validation (attribute 3 at offset 20)
}
