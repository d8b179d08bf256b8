package tables

import (
	"fmt"
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/ynl"
)

// StructError reports a struct definition whose layout cannot be given
// by members.
type StructError struct {
	Struct string // the definition's spec name
	Member string // the member's spec name, "" for the struct itself
	Reason string
}

// Error returns "struct S: member M: reason".
func (e *StructError) Error() string {
	s := "struct " + e.Struct
	if e.Member != "" {
		s += ": member " + e.Member
	}
	return s + ": " + e.Reason
}

// flexArrays are the struct members the UAPI headers declare as
// flexible arrays (struct tc_u32_sel's and struct tc_pedit_sel's keys[],
// struct tc_u32_pcnt's kcnts[]), which the specs write as one element
// (a binary member with a struct, a u64). They are not part of the
// struct's size, and are given as the rest of the payload, in bytes.
var flexArrays = map[string]bool{
	"tc-u32-sel.keys":   true,
	"tc-pedit-sel.keys": true,
	"tc-u32-pcnt.kcnts": true,
}

// uapiTypes are the members whose type the specs give otherwise than
// the UAPI headers declare (linux/pkt_sched.h's struct tc_ratespec,
// linux/if_link.h's struct ifla_vf_vlan_info, linux/openvswitch.h's
// MPLS actions): the headers' type is what the kernel reads, and
// TestCStructs (internal/cmd/ynlgen) holds every layout to gcc's.
var uapiTypes = map[string]ynl.Type{
	"tc-ratespec.overhead":                ynl.TypeU16,
	"tc-ratespec.cell-align":              ynl.TypeS16,
	"tc-ratespec.mpu":                     ynl.TypeU16,
	"ifla-vf-vlan-info.vlan-proto":        ynl.TypeU16,
	"ovs-action-add-mpls.mpls-ethertype":  ynl.TypeU16,
	"ovs-action-push-mpls.mpls-ethertype": ynl.TypeU16,
}

// maxStructDepth bounds the nesting of structs in structs (the specs
// nest one level).
const maxStructDepth = 4

// MaxStructMembers is the most members a struct is given by (after
// its structs' members are counted in): more than a dumper shows (the
// specs' largest has 25), and a bound on a hostile spec's tables.
const MaxStructMembers = 64

// Struct returns the C layout of struct definition d as an attribute's
// payload: its members by kind and offset, with the padding a C
// compiler puts before a member to align it to its size (and after the
// last, to the struct's alignment), which the specs do not always list.
// A u32 of display hint ipv4 is a MemberIPv4, 16 bytes of display hint
// ipv6 a MemberIPv6; other display hints (mac, hex) leave the member's
// kind by its type.
// A member that is a struct is given by its members, named
// "member.inner"; a flexible array or a binary member without a length
// at the end is the rest of the payload, as bytes. Its cost is linear in
// the definitions' members.
func Struct(d *ynl.Definition) (*family.Struct, error) {
	l, err := (&layouts{done: map[*ynl.Definition]*layout{}}).of(d, 0)
	if err != nil {
		return nil, err
	}
	return family.NewStruct(CStructName(d), l.size, false, l.members...), nil
}

// CStructName returns the C name of a struct definition ("tc_ratespec").
func CStructName(d *ynl.Definition) string {
	return strings.ReplaceAll(d.Name, "-", "_")
}

type layout struct {
	members     []family.Member
	size, align int
}

// layouts computes each definition's layout once.
type layouts struct {
	done map[*ynl.Definition]*layout
}

func alignUp(n, a int) int { return (n + a - 1) / a * a }

func (ls *layouts) of(d *ynl.Definition, depth int) (*layout, error) {
	if l, ok := ls.done[d]; ok {
		return l, nil
	}
	if depth >= maxStructDepth {
		return nil, &StructError{Struct: d.Name, Reason: "structs nested too deep"}
	}
	l := &layout{align: 1}
	add := func(m family.Member) error {
		if len(l.members) == MaxStructMembers {
			return &StructError{Struct: d.Name, Reason: fmt.Sprintf("more than %d members", MaxStructMembers)}
		}
		l.members = append(l.members, m)
		return nil
	}
	off := 0
	for i, m := range d.Members {
		last := i == len(d.Members)-1
		if t, ok := uapiTypes[d.Name+"."+m.Name]; ok && m.Type.Size() > 0 {
			fixed := *m
			fixed.Type = t
			m = &fixed
		}
		var err error
		switch {
		case flexArrays[d.Name+"."+m.Name]:
			if !last {
				return nil, &StructError{Struct: d.Name, Member: m.Name, Reason: "flexible array before the last member"}
			}
			a := m.Type.Size()
			if m.StructDef != nil {
				in, e := ls.of(m.StructDef, depth+1)
				if e != nil {
					return nil, e
				}
				a = in.align
			}
			off = alignUp(off, max(a, 1))
			l.align = max(l.align, a)
			err = add(family.Member{Name: m.Name, Kind: family.MemberBytes, Offset: off})
		case m.Type == ynl.TypePad:
			off += int(m.Len.Value)
		case m.Type.Size() > 0:
			sz := m.Type.Size()
			off = alignUp(off, sz)
			l.align = max(l.align, sz)
			k := memberKind(m.Type, m.ByteOrder)
			if sz == 4 && m.DisplayHint == ynl.HintIPv4 {
				k = family.MemberIPv4
			}
			err = add(family.Member{Name: m.Name, Kind: k, Offset: off})
			off += sz
		case m.Type == ynl.TypeBinary && m.Len.Value == 16 && m.DisplayHint == ynl.HintIPv6:
			err = add(family.Member{Name: m.Name, Kind: family.MemberIPv6, Offset: off})
			off += 16
		case m.Type == ynl.TypeString && m.Len.Set && m.Len.Value > 0:
			err = add(family.Member{Name: m.Name, Kind: family.MemberString, Offset: off, Len: int(m.Len.Value)})
			off += int(m.Len.Value)
		case m.Type == ynl.TypeBinary && m.StructDef != nil:
			if m.StructDef.Kind != ynl.DefStruct {
				return nil, &StructError{Struct: d.Name, Member: m.Name, Reason: m.Struct + " is not a struct"}
			}
			in, e := ls.of(m.StructDef, depth+1)
			if e != nil {
				return nil, e
			}
			off = alignUp(off, in.align)
			l.align = max(l.align, in.align)
			for _, im := range in.members {
				im.Name = m.Name + "." + im.Name
				im.Offset += off
				if err = add(im); err != nil {
					break
				}
			}
			off += in.size
		case m.Type == ynl.TypeBinary && m.Len.Set && m.Len.Value > 0:
			err = add(family.Member{Name: m.Name, Kind: family.MemberBytes, Offset: off, Len: int(m.Len.Value)})
			off += int(m.Len.Value)
		case m.Type == ynl.TypeBinary && last:
			err = add(family.Member{Name: m.Name, Kind: family.MemberBytes, Offset: off})
		default:
			return nil, &StructError{Struct: d.Name, Member: m.Name, Reason: fmt.Sprintf("%s member without a length", m.Type)}
		}
		if err != nil {
			return nil, err
		}
	}
	l.size = alignUp(off, l.align)
	ls.done[d] = l
	return l, nil
}

// memberKind is the kind of a scalar member of type t in byte order
// order. A signed big-endian member has no kind of its own: it is read
// as the unsigned one (no spec has one).
func memberKind(t ynl.Type, order ynl.ByteOrder) family.MemberKind {
	if order == ynl.BigEndian {
		switch t.Size() {
		case 2:
			return family.MemberBE16
		case 4:
			return family.MemberBE32
		case 8:
			return family.MemberBE64
		}
	}
	switch t {
	case ynl.TypeU16:
		return family.MemberU16
	case ynl.TypeU32:
		return family.MemberU32
	case ynl.TypeU64:
		return family.MemberU64
	case ynl.TypeS8:
		return family.MemberS8
	case ynl.TypeS16:
		return family.MemberS16
	case ynl.TypeS32:
		return family.MemberS32
	case ynl.TypeS64:
		return family.MemberS64
	}
	return family.MemberU8
}
