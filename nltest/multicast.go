package nltest

import (
	"slices"
	"sync"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// The netlink protocols (families) of a Kernel's sockets, as Multicast
// takes them.
const (
	NETLINK_ROUTE   = 0  // rtnetlink: DialRoute
	NETLINK_GENERIC = 16 // generic netlink: Dial
)

// UnknownGroupError reports a multicast group NotifyGenl or GenlGroup
// did not find: no registered family of that name, or none of its groups
// of that name.
type UnknownGroupError struct {
	Family, Group string
}

// Error returns "nltest: no multicast group G in family F".
func (e *UnknownGroupError) Error() string {
	return "nltest: no multicast group " + e.Group + " in family " + e.Family
}

// multicast is a Kernel's multicast state: the sockets that joined a
// group and the generic families' groups by name. Its lock is taken
// after the Kernel's and before a Conn's queue lock, so that handlers
// (which hold the Kernel's lock for reading) may multicast.
type multicast struct {
	mu      sync.Mutex
	members []*Conn // sockets with at least one group
	fams    []mcFamily
	// genlGroups is the number of generic netlink groups a socket may
	// join (netlink_sock.ngroups after netlink_change_ngroups): the
	// kernel's group bitmap's size in bits, which only grows.
	genlGroups uint32
	// sink collects the controller's notifications as a Reply builds
	// them; buf builds NotifyGenl's message.
	sink *Conn
	buf  []byte
}

// mcFamily is what NotifyGenl needs of a registered generic family.
type mcFamily struct {
	name    string
	id      uint16
	version uint8
	groups  []Group
}

// ngroups returns the number of groups a socket of the protocol may
// join: RTNLGRP_MAX for NETLINK_ROUTE, the generic bitmap's size else.
func (m *multicast) ngroups(isRoute bool) uint32 {
	if isRoute {
		return route.RTNLGRP_MAX
	}
	return m.genlGroups
}

// JoinGroup joins the multicast group g, as NETLINK_ADD_MEMBERSHIP does
// on a real socket (nlsock.Conn.JoinGroup): the socket then receives
// every notification sent to g. A group of 0, or above the protocol's
// number of groups (route.RTNLGRP_MAX for NETLINK_ROUTE; for
// NETLINK_GENERIC the size of the kernel's group bitmap, 64 until a
// family's group needs more), is nlwire.EINVAL. A generic group that no
// family has may be joined and receives nothing, as on Linux 6.18 (newer
// kernels refuse it with ENOENT in genl_bind). Permissions are not
// checked.
func (c *Conn) JoinGroup(g uint32) error {
	if c.closed {
		return ErrClosed
	}
	m := &c.k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	if g == 0 || g > m.ngroups(c.route) {
		return nlwire.EINVAL
	}
	i := (g - 1) / 64
	if int(i) >= len(c.groups) {
		c.groups = append(c.groups, make([]uint64, int(i)+1-len(c.groups))...)
	}
	c.groups[i] |= 1 << ((g - 1) % 64)
	if !slices.Contains(m.members, c) {
		m.members = append(m.members, c)
	}
	return nil
}

// LeaveGroup leaves the multicast group g (NETLINK_DROP_MEMBERSHIP): it
// succeeds for a group not joined, and fails with nlwire.EINVAL where
// JoinGroup would.
func (c *Conn) LeaveGroup(g uint32) error {
	if c.closed {
		return ErrClosed
	}
	m := &c.k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	if g == 0 || g > m.ngroups(c.route) {
		return nlwire.EINVAL
	}
	if i := (g - 1) / 64; int(i) < len(c.groups) {
		c.groups[i] &^= 1 << ((g - 1) % 64)
	}
	return nil
}

// inGroup reports whether c joined g. k.mc.mu is held.
func (c *Conn) inGroup(g uint32) bool {
	i := (g - 1) / 64
	return g != 0 && int(i) < len(c.groups) && c.groups[i]&(1<<((g-1)%64)) != 0
}

// leaveAll removes c from every group, as closing the socket does.
func (k *Kernel) leaveAll(c *Conn) {
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(c.groups)
	if i := slices.Index(m.members, c); i >= 0 {
		m.members = slices.Delete(m.members, i, i+1)
	}
}

// Multicast sends datagram to every socket of protocol (NETLINK_ROUTE
// or NETLINK_GENERIC; another reaches none) that joined group, as
// netlink_broadcast does, and returns how many got it. The bytes go as they are: build the messages
// as the kernel does for the notification modelled, commonly with
// nlmsg_pid and nlmsg_seq 0 (genlmsg_put(skb, 0, 0, ...)), but with the
// port ID and sequence number of the request that caused it where the
// kernel passes them on (rtnetlink's RTM_NEWADDR after an RTM_NEWADDR
// request, for one). Each receiver gets a copy; ReceiveFrom reports the
// group. It may be called from a handler, and does not allocate once the
// receivers' queues have grown.
func (k *Kernel) Multicast(protocol int, group uint32, datagram []byte) int {
	if protocol != NETLINK_ROUTE && protocol != NETLINK_GENERIC {
		return 0
	}
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.deliver(protocol == NETLINK_ROUTE, group, datagram, 0)
}

// deliver is Multicast with m.mu held, leaving out the socket whose port
// ID is exclude (0: none), as netlink_broadcast's portid does. A member
// whose receive queue has no room for it, or is congested, drops it and
// overruns (netlink_broadcast_deliver, netlink_overrun).
func (m *multicast) deliver(isRoute bool, group uint32, d []byte, exclude uint32) int {
	n := 0
	for _, c := range m.members {
		if c.route != isRoute || !c.inGroup(group) || exclude != 0 && c.port == exclude {
			continue
		}
		c.qmu.Lock()
		if c.pushLocked(append(c.getBufLocked(), d...), group) {
			n++
		}
		c.qmu.Unlock()
	}
	return n
}

// GenlGroup returns the ID of the multicast group named group of the
// registered generic family named family (as CTRL_ATTR_MCAST_GROUPS
// lists it), or an *UnknownGroupError.
func (k *Kernel) GenlGroup(family, group string) (uint32, error) {
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	_, g, err := m.group(family, group)
	return g, err
}

// group finds a family's group. m.mu is held.
func (m *multicast) group(family, group string) (*mcFamily, uint32, error) {
	for i := range m.fams {
		f := &m.fams[i]
		if f.name != family {
			continue
		}
		for _, g := range f.groups {
			if g.Name == group {
				return f, g.ID, nil
			}
		}
		break
	}
	return nil, 0, &UnknownGroupError{Family: family, Group: group}
}

// NotifyGenl sends a notification of the generic family named family to
// its multicast group named group, as a family's genlmsg_multicast does:
// one message of the family's type with nlmsg_flags, nlmsg_seq and
// nlmsg_pid 0 (genlmsg_put(skb, 0, 0, ...)), a genlmsghdr of command cmd
// and the family's version, then payload (the family's own header, if it
// has one, and the attributes) as it is. It returns how many sockets got
// it, or an *UnknownGroupError. It may be called from a handler, and does
// not allocate in steady state.
func (k *Kernel) NotifyGenl(family, group string, cmd uint8, payload []byte) (int, error) {
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	f, g, err := m.group(family, group)
	if err != nil {
		return 0, err
	}
	n := wire.HeaderLen + genl.HeaderLen + len(payload)
	b := wire.Header{Len: uint32(n), Type: f.id}.Append(m.buf[:0], nlwire.Native)
	b = append(b, cmd, f.version, 0, 0)
	b = append(b, payload...)
	m.buf = b
	return m.deliver(false, g, b, 0), nil
}

// registered records a family registered with the Kernel and sends the
// controller's notifications of it to nlctrl's group "notify", as
// genl_register_family does: CTRL_CMD_NEWFAMILY, then
// CTRL_CMD_NEWMCAST_GRP for each group. k.mu is held.
func (k *Kernel) registered(f *family) {
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fams = append(m.fams, mcFamily{name: f.Name, id: f.ID, version: uint8(f.Version), groups: f.Groups})
	for _, g := range f.Groups {
		// The kernel's bitmap grows by whole longs to hold bit g.
		m.genlGroups = max(m.genlGroups, (g.ID/64+1)*64)
	}
	if m.sink == nil {
		// nlctrl itself: the kernel sends no event while generic
		// netlink initialises.
		m.sink = &Conn{k: k}
		return
	}
	m.ctrlEvent(f, genl.CTRL_CMD_NEWFAMILY, nil)
	for i := range f.Groups {
		m.ctrlEvent(f, genl.CTRL_CMD_NEWMCAST_GRP, &f.Groups[i])
	}
}

// unregistered forgets a family unregistered from the Kernel, removes
// every socket from its groups and sends the controller's notifications,
// as genl_unregister_family does: CTRL_CMD_DELMCAST_GRP for each group,
// then CTRL_CMD_DELFAMILY. k.mu is held.
func (k *Kernel) unregistered(f *family) {
	m := &k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fams = slices.DeleteFunc(m.fams, func(g mcFamily) bool { return g.id == f.ID })
	for _, g := range f.Groups {
		for _, c := range m.members {
			if !c.route && c.inGroup(g.ID) {
				c.groups[(g.ID-1)/64] &^= 1 << ((g.ID - 1) % 64)
			}
		}
	}
	for i := range f.Groups {
		m.ctrlEvent(f, genl.CTRL_CMD_DELMCAST_GRP, &f.Groups[i])
	}
	m.ctrlEvent(f, genl.CTRL_CMD_DELFAMILY, nil)
}

// ctrlEvent is genl_ctrl_event: the controller's message of cmd about f
// (and its group g), port ID and sequence number 0, multicast to
// GENL_ID_CTRL's group. m.mu is held.
func (m *multicast) ctrlEvent(f *family, cmd uint8, g *Group) {
	rep := &Reply{c: m.sink, typ: genl.GENL_ID_CTRL, version: 2}
	if g == nil {
		fillInfo(rep, f, cmd)
	} else {
		// ctrl_fill_mcgrp_info
		e := rep.Start(cmd)
		e.String(genl.CTRL_ATTR_FAMILY_NAME, f.Name)
		e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
		grps := e.BeginNoFlag(genl.CTRL_ATTR_MCAST_GROUPS)
		n := e.BeginNoFlag(1)
		e.Uint32(genl.CTRL_ATTR_MCAST_GRP_ID, g.ID)
		e.String(genl.CTRL_ATTR_MCAST_GRP_NAME, g.Name)
		e.End(n)
		e.End(grps)
	}
	if !rep.End() {
		return
	}
	s := m.sink
	d := s.queue[len(s.queue)-1]
	s.queue = s.queue[:len(s.queue)-1]
	m.deliver(false, genl.GENL_ID_CTRL, d.b, 0)
	s.putBuf(d.b)
}
