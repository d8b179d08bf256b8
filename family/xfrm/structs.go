package xfrm

import "github.com/nlwire/nlwire/family"

func u8(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberU8, Offset: off}
}
func u16(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberU16, Offset: off}
}
func u32(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberU32, Offset: off}
}
func u64(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberU64, Offset: off}
}
func be16(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberBE16, Offset: off}
}
func be32(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberBE32, Offset: off}
}

// addr is an xfrm_address_t at off whose family is the u16 at fam (or
// family.FamilyOfMessage).
func addr(name string, off, fam int) family.Member {
	return family.Member{Name: name, Kind: family.MemberAddr, Offset: off, FamilyAt: fam}
}

// rest is the bytes from off to the payload's end (a flexible array).
func rest(name string, off int) family.Member {
	return family.Member{Name: name, Kind: family.MemberBytes, Offset: off}
}

func str(name string, off, n int) family.Member {
	return family.Member{Name: name, Kind: family.MemberString, Offset: off, Len: n}
}

// The C structs of the XFRMA_* payloads (include/uapi/linux/xfrm.h), by
// their members' names, kinds and offsets, as the attribute tables give
// them (family.Attr.Struct). XFRMA_SA's and XFRMA_POLICY's (the SA and
// policy headers) are described by size and name: ParseUsersaInfo and
// ParseUserpolicyInfo read them.
var (
	// AlgoStruct is struct xfrm_algo: XFRMA_ALG_AUTH, _CRYPT, _COMP.
	AlgoStruct = family.NewStruct("xfrm_algo", 68, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), rest("alg_key", 68))
	// AlgoAuthStruct is struct xfrm_algo_auth: XFRMA_ALG_AUTH_TRUNC.
	AlgoAuthStruct = family.NewStruct("xfrm_algo_auth", 72, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), u32("alg_trunc_len", 68), rest("alg_key", 72))
	// AlgoAEADStruct is struct xfrm_algo_aead: XFRMA_ALG_AEAD.
	AlgoAEADStruct = family.NewStruct("xfrm_algo_aead", 72, false,
		str("alg_name", 0, 64), u32("alg_key_len", 64), u32("alg_icv_len", 68), rest("alg_key", 72))
	// EncapTmplStruct is struct xfrm_encap_tmpl: XFRMA_ENCAP.
	EncapTmplStruct = family.NewStruct("xfrm_encap_tmpl", 24, false,
		u16("encap_type", 0), be16("encap_sport", 2), be16("encap_dport", 4), addr("encap_oa", 8, family.FamilyOfMessage))
	// UserTmplStruct is struct xfrm_user_tmpl, of which XFRMA_TMPL is an
	// array.
	UserTmplStruct = family.NewStruct("xfrm_user_tmpl", UserTmplLen, true,
		addr("id.daddr", 0, 24), be32("id.spi", 16), u8("id.proto", 20), u16("family", 24), addr("saddr", 28, 24),
		u32("reqid", 44), u8("mode", 48), u8("share", 49), u8("optional", 50),
		u32("aalgos", 52), u32("ealgos", 56), u32("calgos", 60))
	// UserSecCtxStruct is struct xfrm_user_sec_ctx and its context:
	// XFRMA_SEC_CTX.
	UserSecCtxStruct = family.NewStruct("xfrm_user_sec_ctx", 8, false,
		u16("len", 0), u16("exttype", 2), u8("ctx_alg", 4), u8("ctx_doi", 5), u16("ctx_len", 6), rest("ctx", 8))
	// LifetimeCurStruct is struct xfrm_lifetime_cur: XFRMA_LTIME_VAL.
	LifetimeCurStruct = family.NewStruct("xfrm_lifetime_cur", LifetimeCurLen, false,
		u64("bytes", 0), u64("packets", 8), u64("add_time", 16), u64("use_time", 24))
	// ReplayStateStruct is struct xfrm_replay_state: XFRMA_REPLAY_VAL.
	ReplayStateStruct = family.NewStruct("xfrm_replay_state", 12, false,
		u32("oseq", 0), u32("seq", 4), u32("bitmap", 8))
	// ReplayStateESNStruct is struct xfrm_replay_state_esn and its bitmap:
	// XFRMA_REPLAY_ESN_VAL.
	ReplayStateESNStruct = family.NewStruct("xfrm_replay_state_esn", 24, false,
		u32("bmp_len", 0), u32("oseq", 4), u32("seq", 8), u32("oseq_hi", 12), u32("seq_hi", 16),
		u32("replay_window", 20), rest("bmp", 24))
	// AddressStruct is xfrm_address_t: XFRMA_SRCADDR, XFRMA_COADDR.
	AddressStruct = family.NewStruct("xfrm_address_t", AddressLen, false, addr("addr", 0, family.FamilyOfMessage))
	// UserpolicyTypeStruct is struct xfrm_userpolicy_type:
	// XFRMA_POLICY_TYPE.
	UserpolicyTypeStruct = family.NewStruct("xfrm_userpolicy_type", 6, false,
		u8("type", 0), u16("reserved1", 2), u8("reserved2", 4))
	// UserMigrateStruct is struct xfrm_user_migrate, of which
	// XFRMA_MIGRATE is an array.
	UserMigrateStruct = family.NewStruct("xfrm_user_migrate", 76, true,
		addr("old_daddr", 0, 72), addr("old_saddr", 16, 72), addr("new_daddr", 32, 74), addr("new_saddr", 48, 74),
		u8("proto", 64), u8("mode", 65), u16("reserved", 66), u32("reqid", 68), u16("old_family", 72), u16("new_family", 74))
	// UserKmaddressStruct is struct xfrm_user_kmaddress: XFRMA_KMADDRESS.
	UserKmaddressStruct = family.NewStruct("xfrm_user_kmaddress", 40, false,
		addr("local", 0, 36), addr("remote", 16, 36), u32("reserved", 32), u16("family", 36))
	// MarkStruct is struct xfrm_mark: XFRMA_MARK.
	MarkStruct = family.NewStruct("xfrm_mark", 8, false, u32("v", 0), u32("m", 4))
	// AddressFilterStruct is struct xfrm_address_filter:
	// XFRMA_ADDRESS_FILTER.
	AddressFilterStruct = family.NewStruct("xfrm_address_filter", 36, false,
		addr("saddr", 0, 32), addr("daddr", 16, 32), u16("family", 32), u8("splen", 34), u8("dplen", 35))
	// UserOffloadStruct is struct xfrm_user_offload: XFRMA_OFFLOAD_DEV.
	UserOffloadStruct = family.NewStruct("xfrm_user_offload", 8, false,
		family.Member{Name: "ifindex", Kind: family.MemberS32}, u8("flags", 4))
	// UsersaInfoStruct is struct xfrm_usersa_info: XFRMA_SA.
	UsersaInfoStruct = family.NewStruct("xfrm_usersa_info", UsersaInfoLen, false)
	// UserpolicyInfoStruct is struct xfrm_userpolicy_info: XFRMA_POLICY.
	UserpolicyInfoStruct = family.NewStruct("xfrm_userpolicy_info", UserpolicyInfoLen, false)
	// SADHInfoStruct is struct xfrmu_sadhinfo: XFRMA_SAD_HINFO.
	SADHInfoStruct = family.NewStruct("xfrmu_sadhinfo", 8, false, u32("sadhcnt", 0), u32("sadhmcnt", 4))
	// SPDInfoStruct is struct xfrmu_spdinfo: XFRMA_SPD_INFO.
	SPDInfoStruct = family.NewStruct("xfrmu_spdinfo", 24, false,
		u32("incnt", 0), u32("outcnt", 4), u32("fwdcnt", 8), u32("inscnt", 12), u32("outscnt", 16), u32("fwdscnt", 20))
	// SPDHInfoStruct is struct xfrmu_spdhinfo: XFRMA_SPD_HINFO.
	SPDHInfoStruct = family.NewStruct("xfrmu_spdhinfo", 8, false, u32("spdhcnt", 0), u32("spdhmcnt", 4))
	// SPDHThreshStruct is struct xfrmu_spdhthresh: XFRMA_SPD_IPV4_HTHRESH
	// and XFRMA_SPD_IPV6_HTHRESH.
	SPDHThreshStruct = family.NewStruct("xfrmu_spdhthresh", 2, false, u8("lbits", 0), u8("rbits", 1))
)
