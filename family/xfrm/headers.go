package xfrm

import (
	"encoding/binary"
	"net/netip"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
)

// Sizes of the NETLINK_XFRM structs (arch-independent: their u64 fields
// are 8-byte aligned on every architecture the kernel's XFRM_USER
// supports without its compat translator).
const (
	AddressLen           = 16  // sizeof(xfrm_address_t)
	SelectorLen          = 56  // sizeof(struct xfrm_selector)
	IDLen                = 24  // sizeof(struct xfrm_id)
	LifetimeCfgLen       = 64  // sizeof(struct xfrm_lifetime_cfg)
	LifetimeCurLen       = 32  // sizeof(struct xfrm_lifetime_cur)
	StatsLen             = 12  // sizeof(struct xfrm_stats)
	UsersaInfoLen        = 224 // sizeof(struct xfrm_usersa_info)
	UsersaIDLen          = 24  // sizeof(struct xfrm_usersa_id)
	AeventIDLen          = 48  // sizeof(struct xfrm_aevent_id)
	UserspiInfoLen       = 232 // sizeof(struct xfrm_userspi_info)
	UserpolicyInfoLen    = 168 // sizeof(struct xfrm_userpolicy_info)
	UserpolicyIDLen      = 64  // sizeof(struct xfrm_userpolicy_id)
	UserAcquireLen       = 280 // sizeof(struct xfrm_user_acquire)
	UserExpireLen        = 232 // sizeof(struct xfrm_user_expire)
	UserPolexpireLen     = 176 // sizeof(struct xfrm_user_polexpire)
	UsersaFlushLen       = 1   // sizeof(struct xfrm_usersa_flush)
	UserReportLen        = 60  // sizeof(struct xfrm_user_report)
	UserMappingLen       = 64  // sizeof(struct xfrm_user_mapping)
	UserpolicyDefaultLen = 3   // sizeof(struct xfrm_userpolicy_default)
	UserTmplLen          = 64  // sizeof(struct xfrm_user_tmpl)
	InfoFlagsLen         = 4   // the u32 of XFRM_MSG_GETSADINFO, NEWSADINFO, GETSPDINFO and NEWSPDINFO
)

func short(name string, have, want int) error {
	return &family.HeaderError{Struct: name, Len: have, Want: want}
}

// grow appends n zero bytes to b and returns the longer slice and its
// new tail.
func grow(b []byte, n int) ([]byte, []byte) {
	b = append(b, make([]byte, n)...)
	return b, b[len(b)-n:]
}

// Address is an xfrm_address_t: an IPv4 address in its first 4 bytes, or
// an IPv6 address, in network byte order whatever the message's.
type Address [AddressLen]byte

// Addr returns the address for address family af (AF_INET or AF_INET6),
// or the zero netip.Addr for another family.
func (a *Address) Addr(af uint16) netip.Addr {
	switch af {
	case AF_INET:
		return netip.AddrFrom4([4]byte(a[:4]))
	case AF_INET6:
		return netip.AddrFrom16(*a)
	}
	return netip.Addr{}
}

// AddressFrom returns the xfrm_address_t of ip (the zero Address for the
// zero netip.Addr).
func AddressFrom(ip netip.Addr) Address {
	var a Address
	if ip.Is4() {
		v := ip.As4()
		copy(a[:], v[:])
	} else if ip.IsValid() {
		a = ip.As16()
	}
	return a
}

// Selector is the traffic an SA or policy applies to (struct
// xfrm_selector). Ports and their masks are big-endian on the wire;
// Family, Ifindex and User are in the message's order.
type Selector struct {
	Daddr      Address // daddr
	Saddr      Address // saddr
	Dport      uint16  // dport
	DportMask  uint16  // dport_mask
	Sport      uint16  // sport
	SportMask  uint16  // sport_mask
	Family     uint16  // family: AF_INET, AF_INET6
	PrefixlenD uint8   // prefixlen_d
	PrefixlenS uint8   // prefixlen_s
	Proto      uint8   // proto: an IPPROTO_*, 0 for any
	Ifindex    int32   // ifindex
	User       uint32  // user
}

func parseSelector(b []byte, s bool) Selector {
	b = b[:SelectorLen]
	return Selector{
		Daddr:      Address(b[0:16]),
		Saddr:      Address(b[16:32]),
		Dport:      binary.BigEndian.Uint16(b[32:34]),
		DportMask:  binary.BigEndian.Uint16(b[34:36]),
		Sport:      binary.BigEndian.Uint16(b[36:38]),
		SportMask:  binary.BigEndian.Uint16(b[38:40]),
		Family:     endian.Uint16(b[40:42], s),
		PrefixlenD: b[42], PrefixlenS: b[43], Proto: b[44],
		Ifindex: int32(endian.Uint32(b[48:52], s)),
		User:    endian.Uint32(b[52:56], s),
	}
}

func (m *Selector) put(b []byte, s bool) {
	b = b[:SelectorLen]
	copy(b[0:16], m.Daddr[:])
	copy(b[16:32], m.Saddr[:])
	binary.BigEndian.PutUint16(b[32:34], m.Dport)
	binary.BigEndian.PutUint16(b[34:36], m.DportMask)
	binary.BigEndian.PutUint16(b[36:38], m.Sport)
	binary.BigEndian.PutUint16(b[38:40], m.SportMask)
	endian.PutUint16(b[40:42], m.Family, s)
	b[42], b[43], b[44] = m.PrefixlenD, m.PrefixlenS, m.Proto
	endian.PutUint32(b[48:52], uint32(m.Ifindex), s)
	endian.PutUint32(b[52:56], m.User, s)
}

// ID names an SA (struct xfrm_id): its destination, SPI and protocol.
// SPI is big-endian on the wire; it holds the number.
type ID struct {
	Daddr Address // daddr
	SPI   uint32  // spi
	Proto uint8   // proto: IPPROTO_ESP, IPPROTO_AH, IPPROTO_COMP
}

func parseID(b []byte) ID {
	b = b[:IDLen]
	return ID{Daddr: Address(b[0:16]), SPI: binary.BigEndian.Uint32(b[16:20]), Proto: b[20]}
}

func (m *ID) put(b []byte) {
	b = b[:IDLen]
	copy(b[0:16], m.Daddr[:])
	binary.BigEndian.PutUint32(b[16:20], m.SPI)
	b[20] = m.Proto
}

// LifetimeCfg is an SA's or policy's limits (struct xfrm_lifetime_cfg);
// XFRM_INF is none.
type LifetimeCfg struct {
	SoftByteLimit, HardByteLimit                 uint64
	SoftPacketLimit, HardPacketLimit             uint64
	SoftAddExpiresSeconds, HardAddExpiresSeconds uint64
	SoftUseExpiresSeconds, HardUseExpiresSeconds uint64
}

func parseLifetimeCfg(b []byte, s bool) LifetimeCfg {
	b = b[:LifetimeCfgLen]
	return LifetimeCfg{
		endian.Uint64(b[0:8], s), endian.Uint64(b[8:16], s),
		endian.Uint64(b[16:24], s), endian.Uint64(b[24:32], s),
		endian.Uint64(b[32:40], s), endian.Uint64(b[40:48], s),
		endian.Uint64(b[48:56], s), endian.Uint64(b[56:64], s),
	}
}

func (m *LifetimeCfg) put(b []byte, s bool) {
	b = b[:LifetimeCfgLen]
	for i, v := range [8]uint64{m.SoftByteLimit, m.HardByteLimit, m.SoftPacketLimit, m.HardPacketLimit,
		m.SoftAddExpiresSeconds, m.HardAddExpiresSeconds, m.SoftUseExpiresSeconds, m.HardUseExpiresSeconds} {
		endian.PutUint64(b[8*i:8*i+8], v, s)
	}
}

// LifetimeCur is an SA's or policy's use so far (struct
// xfrm_lifetime_cur).
type LifetimeCur struct {
	Bytes, Packets, AddTime, UseTime uint64
}

func parseLifetimeCur(b []byte, s bool) LifetimeCur {
	b = b[:LifetimeCurLen]
	return LifetimeCur{endian.Uint64(b[0:8], s), endian.Uint64(b[8:16], s), endian.Uint64(b[16:24], s), endian.Uint64(b[24:32], s)}
}

func (m *LifetimeCur) put(b []byte, s bool) {
	b = b[:LifetimeCurLen]
	endian.PutUint64(b[0:8], m.Bytes, s)
	endian.PutUint64(b[8:16], m.Packets, s)
	endian.PutUint64(b[16:24], m.AddTime, s)
	endian.PutUint64(b[24:32], m.UseTime, s)
}

// Stats are an SA's replay statistics (struct xfrm_stats).
type Stats struct {
	ReplayWindow, Replay, IntegrityFailed uint32
}

func parseStats(b []byte, s bool) Stats {
	b = b[:StatsLen]
	return Stats{endian.Uint32(b[0:4], s), endian.Uint32(b[4:8], s), endian.Uint32(b[8:12], s)}
}

func (m *Stats) put(b []byte, s bool) {
	b = b[:StatsLen]
	endian.PutUint32(b[0:4], m.ReplayWindow, s)
	endian.PutUint32(b[4:8], m.Replay, s)
	endian.PutUint32(b[8:12], m.IntegrityFailed, s)
}

// UsersaInfo is an SA (struct xfrm_usersa_info): the header of
// XFRM_MSG_NEWSA and XFRM_MSG_UPDSA, and the payload of XFRMA_SA. Its
// padding is written as zero.
type UsersaInfo struct {
	Sel          Selector    // sel
	ID           ID          // id
	Saddr        Address     // saddr
	Lft          LifetimeCfg // lft
	Curlft       LifetimeCur // curlft
	Stats        Stats       // stats
	Seq          uint32      // seq
	Reqid        uint32      // reqid
	Family       uint16      // family
	Mode         uint8       // mode: XFRM_MODE_*
	ReplayWindow uint8       // replay_window
	Flags        uint8       // flags: XFRM_STATE_*
}

// ParseUsersaInfo decodes the struct xfrm_usersa_info at the start of b,
// in byte order o. A b shorter than UsersaInfoLen yields a
// *family.HeaderError.
func ParseUsersaInfo(b []byte, o nlwire.Order) (UsersaInfo, error) {
	if len(b) < UsersaInfoLen {
		return UsersaInfo{}, short("xfrm_usersa_info", len(b), UsersaInfoLen)
	}
	return parseUsersaInfo(b, o.Swap()), nil
}

func parseUsersaInfo(b []byte, s bool) UsersaInfo {
	b = b[:UsersaInfoLen]
	return UsersaInfo{
		Sel:    parseSelector(b[0:56], s),
		ID:     parseID(b[56:80]),
		Saddr:  Address(b[80:96]),
		Lft:    parseLifetimeCfg(b[96:160], s),
		Curlft: parseLifetimeCur(b[160:192], s),
		Stats:  parseStats(b[192:204], s),
		Seq:    endian.Uint32(b[204:208], s),
		Reqid:  endian.Uint32(b[208:212], s),
		Family: endian.Uint16(b[212:214], s),
		Mode:   b[214], ReplayWindow: b[215], Flags: b[216],
	}
}

// Put writes m into b[:UsersaInfoLen] in byte order o and reports
// whether b was long enough (it writes nothing otherwise).
func (m UsersaInfo) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UsersaInfoLen {
		return false
	}
	m.put(b, o.Swap())
	return true
}

func (m *UsersaInfo) put(b []byte, s bool) {
	b = b[:UsersaInfoLen]
	clear(b)
	m.Sel.put(b[0:56], s)
	m.ID.put(b[56:80])
	copy(b[80:96], m.Saddr[:])
	m.Lft.put(b[96:160], s)
	m.Curlft.put(b[160:192], s)
	m.Stats.put(b[192:204], s)
	endian.PutUint32(b[204:208], m.Seq, s)
	endian.PutUint32(b[208:212], m.Reqid, s)
	endian.PutUint16(b[212:214], m.Family, s)
	b[214], b[215], b[216] = m.Mode, m.ReplayWindow, m.Flags
}

// Len returns UsersaInfoLen: with Put, it makes UsersaInfo a
// wire.FixedHeader.
func (m UsersaInfo) Len() int { return UsersaInfoLen }

// Append appends m to b in byte order o.
func (m UsersaInfo) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UsersaInfoLen)
	m.Put(t, o)
	return b
}

// UsersaID names an SA (struct xfrm_usersa_id): the header of
// XFRM_MSG_DELSA and XFRM_MSG_GETSA. SPI is big-endian on the wire.
type UsersaID struct {
	Daddr  Address // daddr
	SPI    uint32  // spi
	Family uint16  // family
	Proto  uint8   // proto
}

// ParseUsersaID decodes the struct xfrm_usersa_id at the start of b, in
// byte order o. A b shorter than UsersaIDLen yields a
// *family.HeaderError.
func ParseUsersaID(b []byte, o nlwire.Order) (UsersaID, error) {
	if len(b) < UsersaIDLen {
		return UsersaID{}, short("xfrm_usersa_id", len(b), UsersaIDLen)
	}
	return parseUsersaID(b, o.Swap()), nil
}

func parseUsersaID(b []byte, s bool) UsersaID {
	b = b[:UsersaIDLen]
	return UsersaID{
		Daddr:  Address(b[0:16]),
		SPI:    binary.BigEndian.Uint32(b[16:20]),
		Family: endian.Uint16(b[20:22], s),
		Proto:  b[22],
	}
}

func (m *UsersaID) put(b []byte, s bool) {
	b = b[:UsersaIDLen]
	clear(b)
	copy(b[0:16], m.Daddr[:])
	binary.BigEndian.PutUint32(b[16:20], m.SPI)
	endian.PutUint16(b[20:22], m.Family, s)
	b[22] = m.Proto
}

// Put writes m into b[:UsersaIDLen] in byte order o and reports whether
// b was long enough.
func (m UsersaID) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UsersaIDLen {
		return false
	}
	m.put(b, o.Swap())
	return true
}

// Len returns UsersaIDLen: with Put, it makes UsersaID a
// wire.FixedHeader.
func (m UsersaID) Len() int { return UsersaIDLen }

// Append appends m to b in byte order o.
func (m UsersaID) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UsersaIDLen)
	m.Put(t, o)
	return b
}

// AeventID is the header of XFRM_MSG_NEWAE and XFRM_MSG_GETAE (struct
// xfrm_aevent_id).
type AeventID struct {
	SaID  UsersaID // sa_id
	Saddr Address  // saddr
	Flags uint32   // flags: XFRM_AE_*
	Reqid uint32   // reqid
}

// ParseAeventID decodes the struct xfrm_aevent_id at the start of b, in
// byte order o. A b shorter than AeventIDLen yields a
// *family.HeaderError.
func ParseAeventID(b []byte, o nlwire.Order) (AeventID, error) {
	if len(b) < AeventIDLen {
		return AeventID{}, short("xfrm_aevent_id", len(b), AeventIDLen)
	}
	s := o.Swap()
	return AeventID{
		SaID:  parseUsersaID(b[0:24], s),
		Saddr: Address(b[24:40]),
		Flags: endian.Uint32(b[40:44], s),
		Reqid: endian.Uint32(b[44:48], s),
	}, nil
}

// Put writes m into b[:AeventIDLen] in byte order o and reports whether
// b was long enough.
func (m AeventID) Put(b []byte, o nlwire.Order) bool {
	if len(b) < AeventIDLen {
		return false
	}
	s := o.Swap()
	m.SaID.put(b[0:24], s)
	copy(b[24:40], m.Saddr[:])
	endian.PutUint32(b[40:44], m.Flags, s)
	endian.PutUint32(b[44:48], m.Reqid, s)
	return true
}

// Len returns AeventIDLen: with Put, it makes AeventID a
// wire.FixedHeader.
func (m AeventID) Len() int { return AeventIDLen }

// Append appends m to b in byte order o.
func (m AeventID) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, AeventIDLen)
	m.Put(t, o)
	return b
}

// UserspiInfo is the header of XFRM_MSG_ALLOCSPI (struct
// xfrm_userspi_info): the SA to make, and the range of SPIs to choose
// from.
type UserspiInfo struct {
	Info UsersaInfo // info
	Min  uint32     // min
	Max  uint32     // max
}

// ParseUserspiInfo decodes the struct xfrm_userspi_info at the start of
// b, in byte order o. A b shorter than UserspiInfoLen yields a
// *family.HeaderError.
func ParseUserspiInfo(b []byte, o nlwire.Order) (UserspiInfo, error) {
	if len(b) < UserspiInfoLen {
		return UserspiInfo{}, short("xfrm_userspi_info", len(b), UserspiInfoLen)
	}
	s := o.Swap()
	return UserspiInfo{
		Info: parseUsersaInfo(b[0:224], s),
		Min:  endian.Uint32(b[224:228], s),
		Max:  endian.Uint32(b[228:232], s),
	}, nil
}

// Put writes m into b[:UserspiInfoLen] in byte order o and reports
// whether b was long enough.
func (m UserspiInfo) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserspiInfoLen {
		return false
	}
	s := o.Swap()
	m.Info.put(b[0:224], s)
	endian.PutUint32(b[224:228], m.Min, s)
	endian.PutUint32(b[228:232], m.Max, s)
	return true
}

// Len returns UserspiInfoLen: with Put, it makes UserspiInfo a
// wire.FixedHeader.
func (m UserspiInfo) Len() int { return UserspiInfoLen }

// Append appends m to b in byte order o.
func (m UserspiInfo) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserspiInfoLen)
	m.Put(t, o)
	return b
}

// UserpolicyInfo is a policy (struct xfrm_userpolicy_info): the header
// of XFRM_MSG_NEWPOLICY and XFRM_MSG_UPDPOLICY, and the payload of
// XFRMA_POLICY.
type UserpolicyInfo struct {
	Sel      Selector    // sel
	Lft      LifetimeCfg // lft
	Curlft   LifetimeCur // curlft
	Priority uint32      // priority
	Index    uint32      // index
	Dir      uint8       // dir: XFRM_POLICY_IN, OUT, FWD
	Action   uint8       // action: XFRM_POLICY_ALLOW, BLOCK
	Flags    uint8       // flags: XFRM_POLICY_LOCALOK, ...
	Share    uint8       // share: XFRM_SHARE_*
}

// ParseUserpolicyInfo decodes the struct xfrm_userpolicy_info at the
// start of b, in byte order o. A b shorter than UserpolicyInfoLen yields
// a *family.HeaderError.
func ParseUserpolicyInfo(b []byte, o nlwire.Order) (UserpolicyInfo, error) {
	if len(b) < UserpolicyInfoLen {
		return UserpolicyInfo{}, short("xfrm_userpolicy_info", len(b), UserpolicyInfoLen)
	}
	return parseUserpolicyInfo(b, o.Swap()), nil
}

func parseUserpolicyInfo(b []byte, s bool) UserpolicyInfo {
	b = b[:UserpolicyInfoLen]
	return UserpolicyInfo{
		Sel:      parseSelector(b[0:56], s),
		Lft:      parseLifetimeCfg(b[56:120], s),
		Curlft:   parseLifetimeCur(b[120:152], s),
		Priority: endian.Uint32(b[152:156], s),
		Index:    endian.Uint32(b[156:160], s),
		Dir:      b[160], Action: b[161], Flags: b[162], Share: b[163],
	}
}

func (m *UserpolicyInfo) put(b []byte, s bool) {
	b = b[:UserpolicyInfoLen]
	clear(b)
	m.Sel.put(b[0:56], s)
	m.Lft.put(b[56:120], s)
	m.Curlft.put(b[120:152], s)
	endian.PutUint32(b[152:156], m.Priority, s)
	endian.PutUint32(b[156:160], m.Index, s)
	b[160], b[161], b[162], b[163] = m.Dir, m.Action, m.Flags, m.Share
}

// Put writes m into b[:UserpolicyInfoLen] in byte order o and reports
// whether b was long enough.
func (m UserpolicyInfo) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserpolicyInfoLen {
		return false
	}
	m.put(b, o.Swap())
	return true
}

// Len returns UserpolicyInfoLen: with Put, it makes UserpolicyInfo a
// wire.FixedHeader.
func (m UserpolicyInfo) Len() int { return UserpolicyInfoLen }

// Append appends m to b in byte order o.
func (m UserpolicyInfo) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserpolicyInfoLen)
	m.Put(t, o)
	return b
}

// UserpolicyID names a policy (struct xfrm_userpolicy_id): the header of
// XFRM_MSG_DELPOLICY, XFRM_MSG_GETPOLICY and XFRM_MSG_MIGRATE, by its
// index or, if that is 0, by selector and direction.
type UserpolicyID struct {
	Sel   Selector // sel
	Index uint32   // index
	Dir   uint8    // dir
}

// ParseUserpolicyID decodes the struct xfrm_userpolicy_id at the start
// of b, in byte order o. A b shorter than UserpolicyIDLen yields a
// *family.HeaderError.
func ParseUserpolicyID(b []byte, o nlwire.Order) (UserpolicyID, error) {
	if len(b) < UserpolicyIDLen {
		return UserpolicyID{}, short("xfrm_userpolicy_id", len(b), UserpolicyIDLen)
	}
	s := o.Swap()
	return UserpolicyID{Sel: parseSelector(b[0:56], s), Index: endian.Uint32(b[56:60], s), Dir: b[60]}, nil
}

// Put writes m into b[:UserpolicyIDLen] in byte order o and reports
// whether b was long enough.
func (m UserpolicyID) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserpolicyIDLen {
		return false
	}
	s := o.Swap()
	clear(b[:UserpolicyIDLen])
	m.Sel.put(b[0:56], s)
	endian.PutUint32(b[56:60], m.Index, s)
	b[60] = m.Dir
	return true
}

// Len returns UserpolicyIDLen: with Put, it makes UserpolicyID a
// wire.FixedHeader.
func (m UserpolicyID) Len() int { return UserpolicyIDLen }

// Append appends m to b in byte order o.
func (m UserpolicyID) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserpolicyIDLen)
	m.Put(t, o)
	return b
}

// UserAcquire is the header of XFRM_MSG_ACQUIRE (struct
// xfrm_user_acquire): the kernel asks a key manager for an SA.
type UserAcquire struct {
	ID     ID             // id
	Saddr  Address        // saddr
	Sel    Selector       // sel
	Policy UserpolicyInfo // policy
	Aalgos uint32         // aalgos
	Ealgos uint32         // ealgos
	Calgos uint32         // calgos
	Seq    uint32         // seq
}

// ParseUserAcquire decodes the struct xfrm_user_acquire at the start of
// b, in byte order o. A b shorter than UserAcquireLen yields a
// *family.HeaderError.
func ParseUserAcquire(b []byte, o nlwire.Order) (UserAcquire, error) {
	if len(b) < UserAcquireLen {
		return UserAcquire{}, short("xfrm_user_acquire", len(b), UserAcquireLen)
	}
	s := o.Swap()
	return UserAcquire{
		ID:     parseID(b[0:24]),
		Saddr:  Address(b[24:40]),
		Sel:    parseSelector(b[40:96], s),
		Policy: parseUserpolicyInfo(b[96:264], s),
		Aalgos: endian.Uint32(b[264:268], s),
		Ealgos: endian.Uint32(b[268:272], s),
		Calgos: endian.Uint32(b[272:276], s),
		Seq:    endian.Uint32(b[276:280], s),
	}, nil
}

// Put writes m into b[:UserAcquireLen] in byte order o and reports
// whether b was long enough.
func (m UserAcquire) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserAcquireLen {
		return false
	}
	s := o.Swap()
	clear(b[:UserAcquireLen])
	m.ID.put(b[0:24])
	copy(b[24:40], m.Saddr[:])
	m.Sel.put(b[40:96], s)
	m.Policy.put(b[96:264], s)
	endian.PutUint32(b[264:268], m.Aalgos, s)
	endian.PutUint32(b[268:272], m.Ealgos, s)
	endian.PutUint32(b[272:276], m.Calgos, s)
	endian.PutUint32(b[276:280], m.Seq, s)
	return true
}

// Len returns UserAcquireLen: with Put, it makes UserAcquire a
// wire.FixedHeader.
func (m UserAcquire) Len() int { return UserAcquireLen }

// Append appends m to b in byte order o.
func (m UserAcquire) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserAcquireLen)
	m.Put(t, o)
	return b
}

// UserExpire is the header of XFRM_MSG_EXPIRE (struct xfrm_user_expire):
// an SA reached a soft or (Hard != 0) hard limit.
type UserExpire struct {
	State UsersaInfo // state
	Hard  uint8      // hard
}

// ParseUserExpire decodes the struct xfrm_user_expire at the start of b,
// in byte order o. A b shorter than UserExpireLen yields a
// *family.HeaderError.
func ParseUserExpire(b []byte, o nlwire.Order) (UserExpire, error) {
	if len(b) < UserExpireLen {
		return UserExpire{}, short("xfrm_user_expire", len(b), UserExpireLen)
	}
	return UserExpire{State: parseUsersaInfo(b[0:224], o.Swap()), Hard: b[224]}, nil
}

// Put writes m into b[:UserExpireLen] in byte order o and reports
// whether b was long enough.
func (m UserExpire) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserExpireLen {
		return false
	}
	clear(b[224:UserExpireLen])
	m.State.put(b[0:224], o.Swap())
	b[224] = m.Hard
	return true
}

// Len returns UserExpireLen: with Put, it makes UserExpire a
// wire.FixedHeader.
func (m UserExpire) Len() int { return UserExpireLen }

// Append appends m to b in byte order o.
func (m UserExpire) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserExpireLen)
	m.Put(t, o)
	return b
}

// UserPolexpire is the header of XFRM_MSG_POLEXPIRE (struct
// xfrm_user_polexpire).
type UserPolexpire struct {
	Pol  UserpolicyInfo // pol
	Hard uint8          // hard
}

// ParseUserPolexpire decodes the struct xfrm_user_polexpire at the start
// of b, in byte order o. A b shorter than UserPolexpireLen yields a
// *family.HeaderError.
func ParseUserPolexpire(b []byte, o nlwire.Order) (UserPolexpire, error) {
	if len(b) < UserPolexpireLen {
		return UserPolexpire{}, short("xfrm_user_polexpire", len(b), UserPolexpireLen)
	}
	return UserPolexpire{Pol: parseUserpolicyInfo(b[0:168], o.Swap()), Hard: b[168]}, nil
}

// Put writes m into b[:UserPolexpireLen] in byte order o and reports
// whether b was long enough.
func (m UserPolexpire) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserPolexpireLen {
		return false
	}
	clear(b[168:UserPolexpireLen])
	m.Pol.put(b[0:168], o.Swap())
	b[168] = m.Hard
	return true
}

// Len returns UserPolexpireLen: with Put, it makes UserPolexpire a
// wire.FixedHeader.
func (m UserPolexpire) Len() int { return UserPolexpireLen }

// Append appends m to b in byte order o.
func (m UserPolexpire) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserPolexpireLen)
	m.Put(t, o)
	return b
}

// UsersaFlush is the header of XFRM_MSG_FLUSHSA (struct
// xfrm_usersa_flush): the protocol whose SAs go, or 0 (IPSEC_PROTO_ANY
// is 255) for all.
type UsersaFlush struct {
	Proto uint8 // proto
}

// ParseUsersaFlush decodes the struct xfrm_usersa_flush at the start of
// b. A b shorter than UsersaFlushLen yields a *family.HeaderError.
func ParseUsersaFlush(b []byte, _ nlwire.Order) (UsersaFlush, error) {
	if len(b) < UsersaFlushLen {
		return UsersaFlush{}, short("xfrm_usersa_flush", len(b), UsersaFlushLen)
	}
	return UsersaFlush{Proto: b[0]}, nil
}

// Put writes m into b[:UsersaFlushLen] and reports whether b was long
// enough.
func (m UsersaFlush) Put(b []byte, _ nlwire.Order) bool {
	if len(b) < UsersaFlushLen {
		return false
	}
	b[0] = m.Proto
	return true
}

// Len returns UsersaFlushLen: with Put, it makes UsersaFlush a
// wire.FixedHeader.
func (m UsersaFlush) Len() int { return UsersaFlushLen }

// Append appends m to b.
func (m UsersaFlush) Append(b []byte, o nlwire.Order) []byte { return append(b, m.Proto) }

// UserReport is the header of XFRM_MSG_REPORT (struct xfrm_user_report).
type UserReport struct {
	Proto uint8    // proto
	Sel   Selector // sel
}

// ParseUserReport decodes the struct xfrm_user_report at the start of b,
// in byte order o. A b shorter than UserReportLen yields a
// *family.HeaderError.
func ParseUserReport(b []byte, o nlwire.Order) (UserReport, error) {
	if len(b) < UserReportLen {
		return UserReport{}, short("xfrm_user_report", len(b), UserReportLen)
	}
	return UserReport{Proto: b[0], Sel: parseSelector(b[4:60], o.Swap())}, nil
}

// Put writes m into b[:UserReportLen] in byte order o and reports
// whether b was long enough.
func (m UserReport) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserReportLen {
		return false
	}
	clear(b[:UserReportLen])
	b[0] = m.Proto
	m.Sel.put(b[4:60], o.Swap())
	return true
}

// Len returns UserReportLen: with Put, it makes UserReport a
// wire.FixedHeader.
func (m UserReport) Len() int { return UserReportLen }

// Append appends m to b in byte order o.
func (m UserReport) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserReportLen)
	m.Put(t, o)
	return b
}

// UserMapping is the header of XFRM_MSG_MAPPING (struct
// xfrm_user_mapping): a NAT-traversal SA's peer moved. The ports are
// big-endian on the wire.
type UserMapping struct {
	ID       UsersaID // id
	Reqid    uint32   // reqid
	OldSaddr Address  // old_saddr
	NewSaddr Address  // new_saddr
	OldSport uint16   // old_sport
	NewSport uint16   // new_sport
}

// ParseUserMapping decodes the struct xfrm_user_mapping at the start of
// b, in byte order o. A b shorter than UserMappingLen yields a
// *family.HeaderError.
func ParseUserMapping(b []byte, o nlwire.Order) (UserMapping, error) {
	if len(b) < UserMappingLen {
		return UserMapping{}, short("xfrm_user_mapping", len(b), UserMappingLen)
	}
	s := o.Swap()
	return UserMapping{
		ID:       parseUsersaID(b[0:24], s),
		Reqid:    endian.Uint32(b[24:28], s),
		OldSaddr: Address(b[28:44]),
		NewSaddr: Address(b[44:60]),
		OldSport: binary.BigEndian.Uint16(b[60:62]),
		NewSport: binary.BigEndian.Uint16(b[62:64]),
	}, nil
}

// Put writes m into b[:UserMappingLen] in byte order o and reports
// whether b was long enough.
func (m UserMapping) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserMappingLen {
		return false
	}
	s := o.Swap()
	m.ID.put(b[0:24], s)
	endian.PutUint32(b[24:28], m.Reqid, s)
	copy(b[28:44], m.OldSaddr[:])
	copy(b[44:60], m.NewSaddr[:])
	binary.BigEndian.PutUint16(b[60:62], m.OldSport)
	binary.BigEndian.PutUint16(b[62:64], m.NewSport)
	return true
}

// Len returns UserMappingLen: with Put, it makes UserMapping a
// wire.FixedHeader.
func (m UserMapping) Len() int { return UserMappingLen }

// Append appends m to b in byte order o.
func (m UserMapping) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserMappingLen)
	m.Put(t, o)
	return b
}

// UserpolicyDefault is the header of XFRM_MSG_SETDEFAULT and
// XFRM_MSG_GETDEFAULT (struct xfrm_userpolicy_default): the action for
// traffic no policy matches, per direction.
type UserpolicyDefault struct {
	In, Fwd, Out uint8 // XFRM_USERPOLICY_*
}

// ParseUserpolicyDefault decodes the struct xfrm_userpolicy_default at
// the start of b. A b shorter than UserpolicyDefaultLen yields a
// *family.HeaderError.
func ParseUserpolicyDefault(b []byte, _ nlwire.Order) (UserpolicyDefault, error) {
	if len(b) < UserpolicyDefaultLen {
		return UserpolicyDefault{}, short("xfrm_userpolicy_default", len(b), UserpolicyDefaultLen)
	}
	return UserpolicyDefault{In: b[0], Fwd: b[1], Out: b[2]}, nil
}

// Put writes m into b[:UserpolicyDefaultLen] and reports whether b was
// long enough.
func (m UserpolicyDefault) Put(b []byte, _ nlwire.Order) bool {
	if len(b) < UserpolicyDefaultLen {
		return false
	}
	b[0], b[1], b[2] = m.In, m.Fwd, m.Out
	return true
}

// Len returns UserpolicyDefaultLen: with Put, it makes UserpolicyDefault
// a wire.FixedHeader.
func (m UserpolicyDefault) Len() int { return UserpolicyDefaultLen }

// Append appends m to b.
func (m UserpolicyDefault) Append(b []byte, _ nlwire.Order) []byte {
	return append(b, m.In, m.Fwd, m.Out)
}

// UserTmpl is one template of a policy's XFRMA_TMPL (struct
// xfrm_user_tmpl): the SA the policy's traffic needs.
type UserTmpl struct {
	ID       ID      // id
	Family   uint16  // family
	Saddr    Address // saddr
	Reqid    uint32  // reqid
	Mode     uint8   // mode
	Share    uint8   // share
	Optional uint8   // optional
	Aalgos   uint32  // aalgos
	Ealgos   uint32  // ealgos
	Calgos   uint32  // calgos
}

// ParseUserTmpl decodes the struct xfrm_user_tmpl at the start of b, in
// byte order o (XFRMA_TMPL holds one or more). A b shorter than
// UserTmplLen yields a *family.HeaderError.
func ParseUserTmpl(b []byte, o nlwire.Order) (UserTmpl, error) {
	if len(b) < UserTmplLen {
		return UserTmpl{}, short("xfrm_user_tmpl", len(b), UserTmplLen)
	}
	s := o.Swap()
	return UserTmpl{
		ID:     parseID(b[0:24]),
		Family: endian.Uint16(b[24:26], s),
		Saddr:  Address(b[28:44]),
		Reqid:  endian.Uint32(b[44:48], s),
		Mode:   b[48], Share: b[49], Optional: b[50],
		Aalgos: endian.Uint32(b[52:56], s),
		Ealgos: endian.Uint32(b[56:60], s),
		Calgos: endian.Uint32(b[60:64], s),
	}, nil
}

// Put writes m into b[:UserTmplLen] in byte order o and reports whether
// b was long enough.
func (m UserTmpl) Put(b []byte, o nlwire.Order) bool {
	if len(b) < UserTmplLen {
		return false
	}
	s := o.Swap()
	clear(b[:UserTmplLen])
	m.ID.put(b[0:24])
	endian.PutUint16(b[24:26], m.Family, s)
	copy(b[28:44], m.Saddr[:])
	endian.PutUint32(b[44:48], m.Reqid, s)
	b[48], b[49], b[50] = m.Mode, m.Share, m.Optional
	endian.PutUint32(b[52:56], m.Aalgos, s)
	endian.PutUint32(b[56:60], m.Ealgos, s)
	endian.PutUint32(b[60:64], m.Calgos, s)
	return true
}

// Len returns UserTmplLen.
func (m UserTmpl) Len() int { return UserTmplLen }

// Append appends m to b in byte order o.
func (m UserTmpl) Append(b []byte, o nlwire.Order) []byte {
	b, t := grow(b, UserTmplLen)
	m.Put(t, o)
	return b
}
