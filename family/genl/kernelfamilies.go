package genl

import (
	"errors"
	"strconv"

	"github.com/nlwire/nlwire/validate"
)

// KernelFamilies are the generic netlink families of Linux 6.18 that
// register operations or attributes, as their kernel sources register
// them: every family the 6.18 kernel these tables were made on lists in
// CTRL_CMD_GETFAMILY (families of modules it had not loaded are not
// listed). Each Source names the file; the facts were read from Linux
// 6.12's source and, for what 6.18 changed, from later trees:
//
//   - thermal's threshold commands (7-10) and its resv_start_op
//     (__THERMAL_GENL_CMD_MAX) came in 6.13;
//   - netdev's NETDEV_CMD_NAPI_SET (14, its policy up to
//     NETDEV_A_NAPI_THREADED) and NETDEV_CMD_BIND_TX (15) came after
//     6.12; in 6.18 BIND_RX keeps GENL_ADMIN_PERM and the maximum type
//     NETDEV_A_DMABUF_FD, and PAGE_POOL_GET's dump has no policy;
//   - ethtool's maxima are the sizes net/ethtool/netlink.h declares
//     for its ethnl_*_policy arrays (ARRAY_SIZE in netlink.c sees those
//     declarations, which may be larger than the definitions' last
//     entry): PAUSE_SET (ETHTOOL_A_PAUSE_STATS_SRC, 6, found by
//     nltest's TestLiveWriteOpsStrictness), RINGS_SET
//     (ETHTOOL_A_RINGS_HDS_THRESH_MAX, 18), TSINFO_GET
//     (ETHTOOL_A_TSINFO_MAX, 9) and PSE_SET (ETHTOOL_A_PSE_MAX, 16)
//     grew after 6.12, and TSCONFIG_GET, TSCONFIG_SET (46, 47), RSS_SET
//     (48, ETHTOOL_A_RSS_FLOW_HASH), RSS_CREATE_ACT (49,
//     ETHTOOL_A_RSS_INPUT_XFRM) and RSS_DELETE_ACT (50,
//     ETHTOOL_A_RSS_CONTEXT) are new.
//
// Each form's maximum type is what the kernel parses it with. nltest's
// TestLiveKernelOps holds the table against a running kernel: every
// family's version, header size, CTRL_ATTR_MAXATTR, operations and
// CTRL_ATTR_OP_FLAGS, and, for the read-only operations, each form's
// strictness and maximum type and the family's resv_start_op.
var KernelFamilies = []KernelFamily{
	{
		Name: "nlctrl", Version: 2, HdrSize: 0, MaxAttr: 0, ResvStartOp: CTRL_CMD_GETPOLICY + 1, Split: true,
		Source: "net/netlink/genetlink.c (genl_ctrl, genl_ctrl_ops)",
		Ops: []KernelOp{
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 2}, Dump: KernelForm{true, 2}}, // CTRL_CMD_GETFAMILY
			{Cmd: 10, Dump: KernelForm{true, 10}}, // CTRL_CMD_GETPOLICY
		},
	},
	{
		Name: "VFS_DQUOT", Version: 1, HdrSize: 0, MaxAttr: 7, ResvStartOp: 0, Split: false,
		Source: "fs/quota/netlink.c (quota_genl_family: notifications only, QUOTA_NL_A_MAX)",
	},
	{
		Name: "thermal", Version: 2, HdrSize: 0, MaxAttr: 27, ResvStartOp: 11, Split: false,
		Source: "drivers/thermal/thermal_netlink.c (thermal_genl_family, small ops; resv_start_op __THERMAL_GENL_CMD_MAX; THERMAL_GENL_ATTR_MAX)",
		Ops: []KernelOp{
			{Cmd: 1, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}}, // THERMAL_GENL_CMD_TZ_GET_ID
			{Cmd: 2, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_TZ_GET_TRIP
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_TZ_GET_TEMP
			{Cmd: 4, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_TZ_GET_GOV
			{Cmd: 6, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}}, // THERMAL_GENL_CMD_CDEV_GET
			{Cmd: 7, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_THRESHOLD_GET
			{Cmd: 8, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_THRESHOLD_ADD
			{Cmd: 9, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}},  // THERMAL_GENL_CMD_THRESHOLD_DELETE
			{Cmd: 10, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 27}}, // THERMAL_GENL_CMD_THRESHOLD_FLUSH
		},
	},
	{
		Name: "netdev", Version: 1, HdrSize: 0, MaxAttr: 0, ResvStartOp: 0, Split: true,
		Source: "net/core/netdev-genl-gen.c (netdev_nl_family, generated from Documentation/netlink/specs/netdev.yaml)",
		Ops: []KernelOp{
			{Cmd: 1, Do: KernelForm{true, 1}, Dump: KernelForm{true, 0}},  // NETDEV_CMD_DEV_GET
			{Cmd: 5, Do: KernelForm{true, 1}, Dump: KernelForm{true, 0}},  // NETDEV_CMD_PAGE_POOL_GET
			{Cmd: 10, Do: KernelForm{true, 3}, Dump: KernelForm{true, 2}}, // NETDEV_CMD_QUEUE_GET
			{Cmd: 11, Do: KernelForm{true, 2}, Dump: KernelForm{true, 1}}, // NETDEV_CMD_NAPI_GET
			{Cmd: 12, Dump: KernelForm{true, 4}},                          // NETDEV_CMD_QSTATS_GET
			{Cmd: 13, Flags: GENL_ADMIN_PERM, Do: KernelForm{true, 3}},    // NETDEV_CMD_BIND_RX
			{Cmd: 14, Flags: GENL_ADMIN_PERM, Do: KernelForm{true, 8}},    // NETDEV_CMD_NAPI_SET
			{Cmd: 15, Do: KernelForm{true, 3}},                            // NETDEV_CMD_BIND_TX
		},
	},
	{
		Name: "ethtool", Version: 1, HdrSize: 0, MaxAttr: 0, ResvStartOp: 35, Split: false,
		Source: "net/ethtool/netlink.c (ethtool_genl_family, ethtool_genl_ops; resv_start_op ETHTOOL_MSG_MODULE_GET + 1); maxima from the ethnl_*_policy arrays of net/ethtool/*.c",
		Ops: []KernelOp{
			{Cmd: 1, Do: KernelForm{true, 3}, Dump: KernelForm{true, 3}},                              // ETHTOOL_MSG_STRSET_GET
			{Cmd: 2, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                              // ETHTOOL_MSG_LINKINFO_GET
			{Cmd: 3, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 5}},                             // ETHTOOL_MSG_LINKINFO_SET
			{Cmd: 4, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                              // ETHTOOL_MSG_LINKMODES_GET
			{Cmd: 5, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 9}},                             // ETHTOOL_MSG_LINKMODES_SET
			{Cmd: 6, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                              // ETHTOOL_MSG_LINKSTATE_GET
			{Cmd: 7, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                              // ETHTOOL_MSG_DEBUG_GET
			{Cmd: 8, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 2}},                             // ETHTOOL_MSG_DEBUG_SET
			{Cmd: 9, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},  // ETHTOOL_MSG_WOL_GET
			{Cmd: 10, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 3}},                            // ETHTOOL_MSG_WOL_SET
			{Cmd: 11, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_FEATURES_GET
			{Cmd: 12, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 3}},                            // ETHTOOL_MSG_FEATURES_SET
			{Cmd: 13, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PRIVFLAGS_GET
			{Cmd: 14, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 2}},                            // ETHTOOL_MSG_PRIVFLAGS_SET
			{Cmd: 15, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_RINGS_GET
			{Cmd: 16, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 18}},                           // ETHTOOL_MSG_RINGS_SET
			{Cmd: 17, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_CHANNELS_GET
			{Cmd: 18, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 9}},                            // ETHTOOL_MSG_CHANNELS_SET
			{Cmd: 19, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_COALESCE_GET
			{Cmd: 20, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 30}},                           // ETHTOOL_MSG_COALESCE_SET
			{Cmd: 21, Do: KernelForm{true, 6}, Dump: KernelForm{true, 6}},                             // ETHTOOL_MSG_PAUSE_GET
			{Cmd: 22, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 6}},                            // ETHTOOL_MSG_PAUSE_SET
			{Cmd: 23, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_EEE_GET
			{Cmd: 24, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 7}},                            // ETHTOOL_MSG_EEE_SET
			{Cmd: 25, Do: KernelForm{true, 9}, Dump: KernelForm{true, 9}},                             // ETHTOOL_MSG_TSINFO_GET
			{Cmd: 26, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 1}},                            // ETHTOOL_MSG_CABLE_TEST_ACT
			{Cmd: 27, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 2}},                            // ETHTOOL_MSG_CABLE_TEST_TDR_ACT
			{Cmd: 28, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_TUNNEL_INFO_GET
			{Cmd: 29, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_FEC_GET
			{Cmd: 30, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 3}},                            // ETHTOOL_MSG_FEC_SET
			{Cmd: 31, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 6}, Dump: KernelForm{true, 6}}, // ETHTOOL_MSG_MODULE_EEPROM_GET
			{Cmd: 32, Do: KernelForm{true, 5}, Dump: KernelForm{true, 5}},                             // ETHTOOL_MSG_STATS_GET
			{Cmd: 33, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PHC_VCLOCKS_GET
			{Cmd: 34, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_MODULE_GET
			{Cmd: 35, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 2}},                            // ETHTOOL_MSG_MODULE_SET
			{Cmd: 36, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PSE_GET
			{Cmd: 37, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 16}},                           // ETHTOOL_MSG_PSE_SET
			{Cmd: 38, Do: KernelForm{true, 7}, Dump: KernelForm{true, 7}},                             // ETHTOOL_MSG_RSS_GET
			{Cmd: 39, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PLCA_GET_CFG
			{Cmd: 40, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 9}},                            // ETHTOOL_MSG_PLCA_SET_CFG
			{Cmd: 41, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PLCA_GET_STATUS
			{Cmd: 42, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_MM_GET
			{Cmd: 43, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 11}},                           // ETHTOOL_MSG_MM_SET
			{Cmd: 44, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 3}},                            // ETHTOOL_MSG_MODULE_FW_FLASH_ACT
			{Cmd: 45, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_PHY_GET
			{Cmd: 46, Do: KernelForm{true, 1}, Dump: KernelForm{true, 1}},                             // ETHTOOL_MSG_TSCONFIG_GET
			{Cmd: 47, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 5}},                            // ETHTOOL_MSG_TSCONFIG_SET
			{Cmd: 48, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 8}},                            // ETHTOOL_MSG_RSS_SET
			{Cmd: 49, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 6}},                            // ETHTOOL_MSG_RSS_CREATE_ACT
			{Cmd: 50, Flags: GENL_UNS_ADMIN_PERM, Do: KernelForm{true, 2}},                            // ETHTOOL_MSG_RSS_DELETE_ACT
		},
	},
	{
		Name: "NLBL_MGMT", Version: 3, HdrSize: 0, MaxAttr: 12, ResvStartOp: 9, Split: false,
		Source: "net/netlabel/netlabel_mgmt.c (netlbl_mgmt_gnl_family, small ops, family policy)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_MGMT_C_ADD
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_MGMT_C_REMOVE
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                        // NLBL_MGMT_C_LISTALL
			{Cmd: 4, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_MGMT_C_ADDDEF
			{Cmd: 5, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_MGMT_C_REMOVEDEF
			{Cmd: 6, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}},                         // NLBL_MGMT_C_LISTDEF
			{Cmd: 7, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                        // NLBL_MGMT_C_PROTOCOLS
			{Cmd: 8, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}},                         // NLBL_MGMT_C_VERSION
		},
	},
	{
		Name: "NLBL_CIPSOv4", Version: 3, HdrSize: 0, MaxAttr: 12, ResvStartOp: 5, Split: false,
		Source: "net/netlabel/netlabel_cipso_v4.c (netlbl_cipsov4_gnl_family, small ops, family policy)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_CIPSOV4_C_ADD
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}}, // NLBL_CIPSOV4_C_REMOVE
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 12}},                         // NLBL_CIPSOV4_C_LIST
			{Cmd: 4, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                        // NLBL_CIPSOV4_C_LISTALL
		},
	},
	{
		Name: "NLBL_CALIPSO", Version: 3, HdrSize: 0, MaxAttr: 2, ResvStartOp: 5, Split: false,
		Source: "net/netlabel/netlabel_calipso.c (netlbl_calipso_gnl_family, small ops, family policy)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 2}}, // NLBL_CALIPSO_C_ADD
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 2}}, // NLBL_CALIPSO_C_REMOVE
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 2}},                         // NLBL_CALIPSO_C_LIST
			{Cmd: 4, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                       // NLBL_CALIPSO_C_LISTALL
		},
	},
	{
		Name: "NLBL_UNLBL", Version: 3, HdrSize: 0, MaxAttr: 7, ResvStartOp: 9, Split: false,
		Source: "net/netlabel/netlabel_unlabeled.c (netlbl_unlabel_gnl_family, small ops, family policy)",
		Ops: []KernelOp{
			{Cmd: 3, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}}, // NLBL_UNLABEL_C_STATICADD
			{Cmd: 4, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}}, // NLBL_UNLABEL_C_STATICREMOVE
			{Cmd: 5, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                       // NLBL_UNLABEL_C_STATICLIST
			{Cmd: 6, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}}, // NLBL_UNLABEL_C_STATICADDDEF
			{Cmd: 7, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}}, // NLBL_UNLABEL_C_STATICREMOVEDEF
			{Cmd: 8, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}},                       // NLBL_UNLABEL_C_STATICLISTDEF
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}}, // NLBL_UNLABEL_C_ACCEPT
			{Cmd: 2, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}},                         // NLBL_UNLABEL_C_LIST
		},
	},
	{
		Name: "acpi_event", Version: 1, HdrSize: 0, MaxAttr: 1, ResvStartOp: 0, Split: false,
		Source: "drivers/acpi/event.c (acpi_event_genl_family: notifications only, ACPI_GENL_ATTR_MAX)",
	},
	{
		Name: "tcp_metrics", Version: 1, HdrSize: 0, MaxAttr: 13, ResvStartOp: 3, Split: false,
		Source: "net/ipv4/tcp_metrics.c (tcp_metrics_nl_family, small ops, family policy; TCP_METRICS_ATTR_MAX)",
		Ops: []KernelOp{
			{Cmd: 1, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 13}, Dump: KernelForm{true, 0}}, // TCP_METRICS_CMD_GET
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 13}},    // TCP_METRICS_CMD_DEL
		},
	},
	{
		Name: "mptcp_pm", Version: 1, HdrSize: 0, MaxAttr: 0, ResvStartOp: 12, Split: false,
		Source: "net/mptcp/mptcp_pm_gen.c (mptcp_pm_nl_ops, full operations generated from Documentation/netlink/specs/mptcp_pm.yaml) and net/mptcp (mptcp_genl_family)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 1}},  // MPTCP_PM_CMD_ADD_ADDR
			{Cmd: 2, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 1}},  // MPTCP_PM_CMD_DEL_ADDR
			{Cmd: 3, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 4}, Dump: KernelForm{true, 4}},   // MPTCP_PM_CMD_GET_ADDR
			{Cmd: 4, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 1}},  // MPTCP_PM_CMD_FLUSH_ADDRS
			{Cmd: 5, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 3}},  // MPTCP_PM_CMD_SET_LIMITS
			{Cmd: 6, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 3}},                              // MPTCP_PM_CMD_GET_LIMITS
			{Cmd: 7, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 6}},  // MPTCP_PM_CMD_SET_FLAGS
			{Cmd: 8, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 4}},  // MPTCP_PM_CMD_ANNOUNCE
			{Cmd: 9, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 5}},  // MPTCP_PM_CMD_REMOVE
			{Cmd: 10, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 6}}, // MPTCP_PM_CMD_SUBFLOW_CREATE
			{Cmd: 11, Flags: GENL_UNS_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT, Do: KernelForm{true, 6}}, // MPTCP_PM_CMD_SUBFLOW_DESTROY
		},
	},
	{
		Name: "SEG6", Version: 1, HdrSize: 0, MaxAttr: 7, ResvStartOp: 5, Split: false,
		Source: "net/ipv6/seg6.c (seg6_genl_family, family policy; SEG6_ATTR_MAX)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}},   // SEG6_CMD_SETHMAC
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}}, // SEG6_CMD_DUMPHMAC
			{Cmd: 3, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}},   // SEG6_CMD_SET_TUNSRC
			{Cmd: 4, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 7}},   // SEG6_CMD_GET_TUNSRC
		},
	},
	{
		Name: "IOAM6", Version: 1, HdrSize: 0, MaxAttr: 0, ResvStartOp: 8, Split: false,
		Source: "net/ipv6/ioam6.c (ioam6_genl_family, per-operation policies)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 3}},   // IOAM6_CMD_ADD_NAMESPACE
			{Cmd: 2, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 1}},   // IOAM6_CMD_DEL_NAMESPACE
			{Cmd: 3, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}}, // IOAM6_CMD_DUMP_NAMESPACES
			{Cmd: 4, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 5}},   // IOAM6_CMD_ADD_SCHEMA
			{Cmd: 5, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 4}},   // IOAM6_CMD_DEL_SCHEMA
			{Cmd: 6, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Dump: KernelForm{true, 0}}, // IOAM6_CMD_DUMP_SCHEMAS
			{Cmd: 7, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 6}},   // IOAM6_CMD_NS_SET_SCHEMA
		},
	},
	{
		Name: "TASKSTATS", Version: 1, HdrSize: 0, MaxAttr: 0, ResvStartOp: 5, Split: false,
		Source: "kernel/taskstats.c (family, taskstats_ops, per-operation policies)",
		Ops: []KernelOp{
			{Cmd: 1, Flags: GENL_ADMIN_PERM, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 4}}, // TASKSTATS_CMD_GET
			{Cmd: 4, Validate: GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP, Do: KernelForm{true, 1}},                         // CGROUPSTATS_CMD_GET
		},
	},
}

// DumpLoss is an entry of a kernel policy that CTRL_CMD_GETPOLICY does
// not dump (net/netlink/policy.c skips NLA_UNSPEC, NLA_REJECT, NLA_BE16
// and NLA_BE32 entries), so that a policy rebuilt from the dump
// (validate.ParsePolicyDump) has the zero rule there, or, if Partial,
// dumps without its check (policy.c writes lengths of NLA_BINARY and
// the strings only under NLA_VALIDATE_RANGE and
// NLA_VALIDATE_RANGE_WARN_TOO_LONG, and no validation function), so
// that the rebuilt policy has a weaker rule there: Restore puts it
// back.
type DumpLoss struct {
	// Family is the family's name.
	Family string
	// Cmd is an operation whose policy holds the entry, itself or in a
	// nest; Dump selects the operation's dump form, else its do form.
	Cmd  uint8
	Dump bool
	// Path are the attribute types of the nests that lead from that
	// form's policy to the entry's table; none for the form's policy
	// itself. Every policy that nests the same table shares the entry.
	Path []uint16
	// Type is the entry's attribute type.
	Type uint16
	// Rule is the kernel's rule for it.
	Rule validate.Rule
	// Partial reports that the dump describes the entry, as
	// Rule.Describe would, but without the check Rule holds: Restore
	// replaces the dumped rule (validate.PolicyDump.Replace) rather than
	// filling a hole.
	Partial bool
	// Policy names the kernel's policy array that holds the entry.
	Policy string
}

// KernelDumpLosses are the entries Linux 6.18's policy dumps omit or
// describe only in part, found by comparing the dumps of every family of
// KernelFamilies with the kernel's sources: each hole in a dumped table
// is either a type its source policy does not list (nothing lost) or
// one of these, and the partial ones are every NLA_POLICY_MIN or
// NLA_POLICY_MAX on NLA_BINARY or a string type, NLA_POLICY_VALIDATE_FN,
// NLA_POLICY_FULL_RANGE on NLA_BINARY and NLA_MSECS entry those
// families' policies hold (6.12's sources and, for what changed, the
// newest tree; 6.12 has none, tcp_metrics' NLA_MSECS entries are
// compiled out).
var KernelDumpLosses = []DumpLoss{
	// mptcp_pm_address_nl_policy: MPTCP_PM_ADDR_ATTR_ADDR4 is
	// { .type = NLA_BE32 } in 6.18 (6.12 had NLA_U32); every mptcp_pm
	// operation nests this table (MPTCP_PM_ATTR_ADDR 1,
	// MPTCP_PM_ENDPOINT_ADDR 1, MPTCP_PM_ATTR_ADDR_REMOTE 6).
	{Family: "mptcp_pm", Cmd: 3, Path: []uint16{1}, Type: 3, Rule: validate.Rule{Kind: validate.BE32}, Policy: "mptcp_pm_address_nl_policy"},
	// ethnl_pause_set_policy (net/ethtool/pause.c, PAUSE_SET, 22): in
	// 6.18 its size is ETHTOOL_A_PAUSE_STATS_SRC + 1, and
	// ETHTOOL_A_PAUSE_STATS_SRC (6) is { .type = NLA_REJECT } (the
	// kernel answers EINVAL "Attribute failed policy validation";
	// ETHTOOL_A_PAUSE_STATS, 5, is not listed: "Unsupported attribute").
	{Family: "ethtool", Cmd: 22, Type: 6, Rule: validate.Rule{Kind: validate.Reject}, Policy: "ethnl_pause_set_policy"},
	// ethnl_rss_set_policy (net/ethtool/rss.c, RSS_SET, 48):
	// ETHTOOL_A_RSS_HKEY is NLA_POLICY_MIN(NLA_BINARY, 1), dumped as a
	// bare "binary"; its ETHTOOL_A_RSS_INDIR is a plain NLA_BINARY.
	{Family: "ethtool", Cmd: 48, Type: 5, Rule: validate.Rule{Kind: validate.Binary, Check: validate.CheckMin, Min: 1}, Partial: true, Policy: "ethnl_rss_set_policy"},
	// ethnl_rss_create_policy (RSS_CREATE_ACT, 49): ETHTOOL_A_RSS_INDIR
	// and ETHTOOL_A_RSS_HKEY are both NLA_POLICY_MIN(NLA_BINARY, 1).
	{Family: "ethtool", Cmd: 49, Type: 4, Rule: validate.Rule{Kind: validate.Binary, Check: validate.CheckMin, Min: 1}, Partial: true, Policy: "ethnl_rss_create_policy"},
	{Family: "ethtool", Cmd: 49, Type: 5, Rule: validate.Rule{Kind: validate.Binary, Check: validate.CheckMin, Min: 1}, Partial: true, Policy: "ethnl_rss_create_policy"},
}

// ErrNoLossTable reports a DumpLoss whose table a policy dump does not
// have: the dump lacks the operation's form, or a nest on the Path.
var ErrNoLossTable = errors.New("genl: policy dump lacks the table of a known loss")

// LossError is the error of DumpLoss.Restore for a dump without the
// loss's table; it matches ErrNoLossTable.
type LossError struct {
	Loss *DumpLoss // the loss
}

// Error returns "genl: policy dump lacks the table of a known loss:
// mptcp_pm mptcp_pm_address_nl_policy type 3 (cmd 3 do)".
func (e *LossError) Error() string {
	form := " do)"
	if e.Loss.Dump {
		form = " dump)"
	}
	return ErrNoLossTable.Error() + ": " + e.Loss.Family + " " + e.Loss.Policy + " type " +
		strconv.Itoa(int(e.Loss.Type)) + " (cmd " + strconv.Itoa(int(e.Loss.Cmd)) + form
}

// Unwrap returns ErrNoLossTable.
func (e *LossError) Unwrap() error { return ErrNoLossTable }

// Restore puts l back into d, a policy dump of l's family: it finds the
// table through l.Cmd, l.Dump and l.Path (validate.PolicyDump.Op, then
// each Rule's Nested) and calls d.Restore. A dump of another family, or
// one without that table, fails with a *LossError (ErrNoLossTable). A
// loss that is not Partial goes through d.Restore, and fails with
// validate.ErrRestore on a dump that describes the entry; a Partial one
// through d.Replace, and fails with validate.ErrRestore on a dump that
// does not describe it, or describes it otherwise than l.Rule's
// description (a kernel that dumps the check is not overwritten).
func (l *DumpLoss) Restore(d *validate.PolicyDump) error {
	do, dump := d.Op(l.Cmd)
	p := do
	if l.Dump {
		p = dump
	}
	for _, t := range l.Path {
		if p == nil {
			break
		}
		r := p.Rule(t)
		if r == nil {
			p = nil
			break
		}
		p = r.Nested
	}
	if p == nil {
		return &LossError{Loss: l}
	}
	if l.Partial {
		return d.Replace(p, l.Type, l.Rule)
	}
	return d.Restore(p, l.Type, l.Rule)
}
