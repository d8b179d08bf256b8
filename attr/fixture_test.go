package attr_test

import (
	"encoding/binary"

	"github.com/nlwire/nlwire/attr"
)

// rtnetlink constants (include/uapi/linux/if_link.h), kept here so the
// tests need no other module.
const (
	iflaAddress        = 1
	iflaBroadcast      = 2
	iflaIfname         = 3
	iflaMTU            = 4
	iflaQdisc          = 6
	iflaTxqlen         = 13
	iflaOperstate      = 16
	iflaLinkmode       = 17
	iflaLinkinfo       = 18
	iflaStats64        = 23
	iflaAFSpec         = 26
	iflaGroup          = 27
	iflaPromiscuity    = 30
	iflaNumTxQueues    = 31
	iflaNumRxQueues    = 32
	iflaCarrier        = 33
	iflaCarrierChanges = 35
	iflaMinMTU         = 50
	iflaMaxMTU         = 51

	iflaInfoKind = 1
	iflaInfoData = 2

	iflaVlanID       = 1
	iflaVlanFlags    = 2
	iflaVlanProtocol = 5

	afInet6 = 10

	iflaInet6Flags       = 1
	iflaInet6AddrGenMode = 8
)

// fixtureAttrs is the number of attributes in the fixture, containers
// included.
const fixtureAttrs = 26

// buildFixture appends a realistic RTM_NEWLINK attribute payload (a VLAN
// link: 416 bytes, 26 attributes, nests two levels deep) to e.
func buildFixture(e *attr.Encoder, stats []byte) {
	e.String(iflaIfname, "eth0.100")
	e.Uint32(iflaMTU, 1500)
	e.Uint32(iflaTxqlen, 1000)
	e.Uint8(iflaOperstate, 6)
	e.Put(iflaAddress, []byte{0x02, 0x42, 0xac, 0x11, 0x00, 0x02})
	e.Put(iflaBroadcast, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	e.Put(iflaStats64, stats)
	li := e.Begin(iflaLinkinfo)
	e.String(iflaInfoKind, "vlan")
	data := e.Begin(iflaInfoData)
	e.Uint16(iflaVlanID, 100)
	e.BE16(iflaVlanProtocol, 0x8100)
	e.Bitfield32(iflaVlanFlags, 1, 0xffffffff)
	e.End(data)
	e.End(li)
	af := e.Begin(iflaAFSpec)
	in6 := e.Begin(afInet6)
	e.Uint32(iflaInet6Flags, 0x80000000)
	e.Uint8(iflaInet6AddrGenMode, 0)
	e.End(in6)
	e.End(af)
	e.Uint32(iflaGroup, 0)
	e.Uint32(iflaPromiscuity, 0)
	e.Uint32(iflaNumTxQueues, 1)
	e.Uint32(iflaNumRxQueues, 1)
	e.Uint8(iflaCarrier, 1)
	e.String(iflaQdisc, "noqueue")
	e.Uint32(iflaCarrierChanges, 2)
	e.Uint32(iflaMinMTU, 0)
	e.Uint32(iflaMaxMTU, 65535)
}

func fixtureStats() []byte {
	s := make([]byte, 200)
	for i := range s {
		s[i] = byte(i)
	}
	return s
}

func fixture() []byte {
	e := attr.NewEncoder(nil)
	buildFixture(&e, fixtureStats())
	b, err := e.Finish()
	if err != nil {
		panic(err)
	}
	return b
}

// link is what decodeFixture extracts.
type link struct {
	name, kind, qdisc           []byte
	mtu, txqlen, group, promisc uint32
	txq, rxq, changes, minMTU   uint32
	maxMTU, in6flags            uint32
	oper, carrier, genMode      uint8
	addr, brd, stats            []byte
	vlanID, vlanProto           uint16
	vlanFlags, vlanMask         uint32
	attrs                       int
}

// decodeFixture walks the payload with typed reads, recursing into nests.
func decodeFixture(b []byte, l *link) error {
	d := attr.NewDecoder(b)
	for d.Next() {
		l.attrs++
		switch d.Type() {
		case iflaIfname:
			l.name = d.StringBytes()
		case iflaMTU:
			l.mtu = d.Uint32()
		case iflaTxqlen:
			l.txqlen = d.Uint32()
		case iflaOperstate:
			l.oper = d.Uint8()
		case iflaAddress:
			l.addr = d.Bytes()
		case iflaBroadcast:
			l.brd = d.Bytes()
		case iflaStats64:
			l.stats = d.Bytes()
		case iflaLinkinfo:
			li := d.Nested()
			for li.Next() {
				l.attrs++
				switch li.Type() {
				case iflaInfoKind:
					l.kind = li.StringBytes()
				case iflaInfoData:
					vd := li.Nested()
					for vd.Next() {
						l.attrs++
						switch vd.Type() {
						case iflaVlanID:
							l.vlanID = vd.Uint16()
						case iflaVlanProtocol:
							l.vlanProto = vd.BE16()
						case iflaVlanFlags:
							l.vlanFlags, l.vlanMask = vd.Bitfield32()
						}
					}
					if err := vd.Err(); err != nil {
						return err
					}
				}
			}
			if err := li.Err(); err != nil {
				return err
			}
		case iflaAFSpec:
			af := d.Nested()
			for af.Next() {
				l.attrs++
				if af.Type() != afInet6 {
					continue
				}
				in6 := af.Nested()
				for in6.Next() {
					l.attrs++
					switch in6.Type() {
					case iflaInet6Flags:
						l.in6flags = in6.Uint32()
					case iflaInet6AddrGenMode:
						l.genMode = in6.Uint8()
					}
				}
				if err := in6.Err(); err != nil {
					return err
				}
			}
			if err := af.Err(); err != nil {
				return err
			}
		case iflaGroup:
			l.group = d.Uint32()
		case iflaPromiscuity:
			l.promisc = d.Uint32()
		case iflaNumTxQueues:
			l.txq = d.Uint32()
		case iflaNumRxQueues:
			l.rxq = d.Uint32()
		case iflaCarrier:
			l.carrier = d.Uint8()
		case iflaQdisc:
			l.qdisc = d.StringBytes()
		case iflaCarrierChanges:
			l.changes = d.Uint32()
		case iflaMinMTU:
			l.minMTU = d.Uint32()
		case iflaMaxMTU:
			l.maxMTU = d.Uint32()
		}
	}
	return d.Err()
}

func cstr(p []byte) []byte {
	for i, c := range p {
		if c == 0 {
			return p[:i]
		}
	}
	return p
}

// handwalk is the same walk written directly against the bytes, with
// binary.NativeEndian and slicing and the same length checks as the typed
// reads: the practical speed limit.
func handwalk(b []byte, l *link) bool {
	ne := binary.NativeEndian
	for len(b) >= 4 {
		n := int(ne.Uint16(b))
		if n < 4 || n > len(b) {
			return false
		}
		typ, p := ne.Uint16(b[2:])&attr.TypeMask, b[4:n]
		b = b[min((n+3)&^3, len(b)):]
		l.attrs++
		switch typ {
		case iflaIfname:
			l.name = cstr(p)
		case iflaMTU:
			if len(p) != 4 {
				return false
			}
			l.mtu = ne.Uint32(p)
		case iflaTxqlen:
			if len(p) != 4 {
				return false
			}
			l.txqlen = ne.Uint32(p)
		case iflaOperstate:
			if len(p) != 1 {
				return false
			}
			l.oper = p[0]
		case iflaAddress:
			l.addr = p
		case iflaBroadcast:
			l.brd = p
		case iflaStats64:
			l.stats = p
		case iflaLinkinfo:
			for len(p) >= 4 {
				n := int(ne.Uint16(p))
				if n < 4 || n > len(p) {
					return false
				}
				typ, q := ne.Uint16(p[2:])&attr.TypeMask, p[4:n]
				p = p[min((n+3)&^3, len(p)):]
				l.attrs++
				switch typ {
				case iflaInfoKind:
					l.kind = cstr(q)
				case iflaInfoData:
					for len(q) >= 4 {
						n := int(ne.Uint16(q))
						if n < 4 || n > len(q) {
							return false
						}
						typ, v := ne.Uint16(q[2:])&attr.TypeMask, q[4:n]
						q = q[min((n+3)&^3, len(q)):]
						l.attrs++
						switch typ {
						case iflaVlanID:
							if len(v) != 2 {
								return false
							}
							l.vlanID = ne.Uint16(v)
						case iflaVlanProtocol:
							if len(v) != 2 {
								return false
							}
							l.vlanProto = binary.BigEndian.Uint16(v)
						case iflaVlanFlags:
							if len(v) != 8 {
								return false
							}
							l.vlanFlags, l.vlanMask = ne.Uint32(v), ne.Uint32(v[4:])
						}
					}
					if len(q) != 0 {
						return false
					}
				}
			}
			if len(p) != 0 {
				return false
			}
		case iflaAFSpec:
			for len(p) >= 4 {
				n := int(ne.Uint16(p))
				if n < 4 || n > len(p) {
					return false
				}
				typ, q := ne.Uint16(p[2:])&attr.TypeMask, p[4:n]
				p = p[min((n+3)&^3, len(p)):]
				l.attrs++
				if typ != afInet6 {
					continue
				}
				for len(q) >= 4 {
					n := int(ne.Uint16(q))
					if n < 4 || n > len(q) {
						return false
					}
					typ, v := ne.Uint16(q[2:])&attr.TypeMask, q[4:n]
					q = q[min((n+3)&^3, len(q)):]
					l.attrs++
					switch typ {
					case iflaInet6Flags:
						if len(v) != 4 {
							return false
						}
						l.in6flags = ne.Uint32(v)
					case iflaInet6AddrGenMode:
						if len(v) != 1 {
							return false
						}
						l.genMode = v[0]
					}
				}
				if len(q) != 0 {
					return false
				}
			}
			if len(p) != 0 {
				return false
			}
		case iflaGroup, iflaPromiscuity, iflaNumTxQueues, iflaNumRxQueues,
			iflaCarrierChanges, iflaMinMTU, iflaMaxMTU:
			if len(p) != 4 {
				return false
			}
			v := ne.Uint32(p)
			switch typ {
			case iflaGroup:
				l.group = v
			case iflaPromiscuity:
				l.promisc = v
			case iflaNumTxQueues:
				l.txq = v
			case iflaNumRxQueues:
				l.rxq = v
			case iflaCarrierChanges:
				l.changes = v
			case iflaMinMTU:
				l.minMTU = v
			case iflaMaxMTU:
				l.maxMTU = v
			}
		case iflaCarrier:
			if len(p) != 1 {
				return false
			}
			l.carrier = p[0]
		case iflaQdisc:
			l.qdisc = cstr(p)
		}
	}
	return len(b) == 0
}
