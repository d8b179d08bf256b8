package family

// Enum names the values of a small numbering: message types, generic
// netlink commands, route types. Its methods do not allocate.
type Enum struct {
	// Space is the prefix the names share ("RTM", "CTRL_CMD").
	Space string
	// Names holds the names by value; "" marks a value without a name.
	Names []string
}

// Name returns the name of v, or "" if it has none.
func (e *Enum) Name(v uint16) string {
	if e == nil || int(v) >= len(e.Names) {
		return ""
	}
	return e.Names[v]
}

// Lookup returns the value named name, and whether there is one.
func (e *Enum) Lookup(name string) (uint16, bool) {
	if e == nil || name == "" {
		return 0, false
	}
	for i, n := range e.Names {
		if n == name {
			return uint16(i), true
		}
	}
	return 0, false
}

// Msg describes a message type of a family: its name, the fixed header
// after the nlmsghdr and the attribute space that follows it.
type Msg struct {
	Name      string // the kernel's name ("RTM_NEWLINK")
	HeaderLen int    // the size of the family header (16 for struct ifinfomsg)
	Attrs     *Set   // the attributes after the header, or nil if none are described
}

// Msgs is a table of message types, indexed by nlmsg_type.
type Msgs struct {
	// Family is the netlink family's name ("NETLINK_ROUTE").
	Family string
	// Types holds the message types by number; an entry with an empty
	// Name is a type the table does not know.
	Types []Msg
}

// Msg returns the description of message type t, or nil.
func (m *Msgs) Msg(t uint16) *Msg {
	if m == nil || int(t) >= len(m.Types) || m.Types[t].Name == "" {
		return nil
	}
	return &m.Types[t]
}

// Name returns the name of message type t, or "" if the table does not
// name it. Control messages (NLMSG_*) are wire.TypeName's.
func (m *Msgs) Name(t uint16) string {
	if p := m.Msg(t); p != nil {
		return p.Name
	}
	return ""
}

// Lookup returns the message type named name, and whether there is one.
func (m *Msgs) Lookup(name string) (uint16, bool) {
	if m == nil || name == "" {
		return 0, false
	}
	for i := range m.Types {
		if m.Types[i].Name == name {
			return uint16(i), true
		}
	}
	return 0, false
}
