package wire

import "strconv"

// Flags are the bits of a message header's nlmsg_flags (NLM_F_*).
//
// The bits from 0x100 up mean different things in different requests: the
// GET modifiers, the NEW modifiers, the DELETE modifiers and the ACK
// flags share them. [Flags.Append] takes an [Op] saying which reading
// applies.
type Flags uint16

// Flag bits common to all messages.
const (
	Request      Flags = 0x01 // NLM_F_REQUEST: a request
	Multi        Flags = 0x02 // NLM_F_MULTI: part of a multipart message ended by NLMSG_DONE
	Ack          Flags = 0x04 // NLM_F_ACK: reply with an acknowledgement on success
	Echo         Flags = 0x08 // NLM_F_ECHO: echo this request
	DumpIntr     Flags = 0x10 // NLM_F_DUMP_INTR: the dump was inconsistent because the data changed
	DumpFiltered Flags = 0x20 // NLM_F_DUMP_FILTERED: the dump was filtered as requested
)

// Modifiers of GET requests.
const (
	Root   Flags = 0x100        // NLM_F_ROOT: return the whole table, not one entry
	Match  Flags = 0x200        // NLM_F_MATCH: return all entries matching the criteria
	Atomic Flags = 0x400        // NLM_F_ATOMIC: return an atomic snapshot of the table
	Dump   Flags = Root | Match // NLM_F_DUMP
)

// Modifiers of NEW requests.
const (
	Replace Flags = 0x100 // NLM_F_REPLACE: replace an existing object
	Excl    Flags = 0x200 // NLM_F_EXCL: do not touch an existing object
	Create  Flags = 0x400 // NLM_F_CREATE: create the object if it does not exist
	Append  Flags = 0x800 // NLM_F_APPEND: add to the end of the object list
)

// Modifiers of DELETE requests.
const (
	NonRec Flags = 0x100 // NLM_F_NONREC: do not delete recursively
	Bulk   Flags = 0x200 // NLM_F_BULK: delete multiple objects
)

// Flags of acknowledgements (NLMSG_ERROR and NLMSG_DONE).
const (
	Capped  Flags = 0x100 // NLM_F_CAPPED: the echoed request was cut to its header
	AckTLVs Flags = 0x200 // NLM_F_ACK_TLVS: extended ACK attributes follow
)

// Op says which reading of the flag bits from 0x100 up applies: the kind
// of request, or an acknowledgement.
type Op uint8

// Readings of the modifier bits.
const (
	OpUnknown Op = iota // print the modifier bits as a hexadecimal number
	OpGet               // NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC (ROOT|MATCH printed as NLM_F_DUMP)
	OpNew               // NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE, NLM_F_APPEND
	OpDelete            // NLM_F_NONREC, NLM_F_BULK
	OpAck               // NLM_F_CAPPED, NLM_F_ACK_TLVS
)

// OpOf returns the reading of the modifier bits that a message of control
// type t implies: OpAck for NLMSG_ERROR and NLMSG_DONE, else OpUnknown.
// The family decides the others (rtnetlink's RTM_GET*, RTM_NEW*, ...).
func OpOf(t uint16) Op {
	if t == TypeError || t == TypeDone {
		return OpAck
	}
	return OpUnknown
}

type flagName struct {
	bit  Flags
	name string
}

var (
	commonFlags = [...]flagName{{Request, "NLM_F_REQUEST"}, {Multi, "NLM_F_MULTI"}, {Ack, "NLM_F_ACK"}, {Echo, "NLM_F_ECHO"}, {DumpIntr, "NLM_F_DUMP_INTR"}, {DumpFiltered, "NLM_F_DUMP_FILTERED"}}
	getFlags    = [...]flagName{{Dump, "NLM_F_DUMP"}, {Root, "NLM_F_ROOT"}, {Match, "NLM_F_MATCH"}, {Atomic, "NLM_F_ATOMIC"}}
	newFlags    = [...]flagName{{Replace, "NLM_F_REPLACE"}, {Excl, "NLM_F_EXCL"}, {Create, "NLM_F_CREATE"}, {Append, "NLM_F_APPEND"}}
	deleteFlags = [...]flagName{{NonRec, "NLM_F_NONREC"}, {Bulk, "NLM_F_BULK"}}
	ackFlags    = [...]flagName{{Capped, "NLM_F_CAPPED"}, {AckTLVs, "NLM_F_ACK_TLVS"}}
)

// String returns the flags' kernel names joined by "|"
// ("NLM_F_REQUEST|NLM_F_ACK"), the modifier bits as a number
// ("NLM_F_REQUEST|0x300"), and "0" for none. Use Append to name modifier
// bits.
func (f Flags) String() string {
	var buf [64]byte
	return string(f.Append(buf[:0], OpUnknown))
}

// Append appends the flags' names, as String does, to b, reading the
// modifier bits as op says ("NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE"
// for OpNew). Bits without a name are appended as one hexadecimal number.
func (f Flags) Append(b []byte, op Op) []byte {
	start := len(b)
	rest := f
	b, rest = appendNames(b, start, rest, commonFlags[:])
	switch op {
	case OpGet:
		b, rest = appendNames(b, start, rest, getFlags[:])
	case OpNew:
		b, rest = appendNames(b, start, rest, newFlags[:])
	case OpDelete:
		b, rest = appendNames(b, start, rest, deleteFlags[:])
	case OpAck:
		b, rest = appendNames(b, start, rest, ackFlags[:])
	}
	if rest != 0 {
		if len(b) > start {
			b = append(b, '|')
		}
		b = append(b, "0x"...)
		b = strconv.AppendUint(b, uint64(rest), 16)
	}
	if len(b) == start {
		b = append(b, '0')
	}
	return b
}

func appendNames(b []byte, start int, f Flags, names []flagName) ([]byte, Flags) {
	for _, n := range names {
		if f&n.bit == n.bit {
			if len(b) > start {
				b = append(b, '|')
			}
			b = append(b, n.name...)
			f &^= n.bit
		}
	}
	return b, f
}
