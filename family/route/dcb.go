// Attribute tables of the data center bridging messages (RTM_GETDCB,
// RTM_SETDCB), written by hand from include/uapi/linux/dcbnl.h and the
// policies and fill functions of net/dcb/dcbnl.c (Linux 6.12 sources).
// dcb app show's RTM_GETDCB request was checked against a 6.18 kernel.

package route

import "github.com/nlwire/nlwire/family"

// DCB commands (DCB_CMD_*, include/uapi/linux/dcbnl.h): the cmd of a
// DcbMsg.
const (
	DCB_CMD_UNDEFINED    = 0  // DCB_CMD_UNDEFINED
	DCB_CMD_GSTATE       = 1  // DCB_CMD_GSTATE
	DCB_CMD_SSTATE       = 2  // DCB_CMD_SSTATE
	DCB_CMD_PGTX_GCFG    = 3  // DCB_CMD_PGTX_GCFG
	DCB_CMD_PGTX_SCFG    = 4  // DCB_CMD_PGTX_SCFG
	DCB_CMD_PGRX_GCFG    = 5  // DCB_CMD_PGRX_GCFG
	DCB_CMD_PGRX_SCFG    = 6  // DCB_CMD_PGRX_SCFG
	DCB_CMD_PFC_GCFG     = 7  // DCB_CMD_PFC_GCFG
	DCB_CMD_PFC_SCFG     = 8  // DCB_CMD_PFC_SCFG
	DCB_CMD_SET_ALL      = 9  // DCB_CMD_SET_ALL
	DCB_CMD_GPERM_HWADDR = 10 // DCB_CMD_GPERM_HWADDR
	DCB_CMD_GCAP         = 11 // DCB_CMD_GCAP
	DCB_CMD_GNUMTCS      = 12 // DCB_CMD_GNUMTCS
	DCB_CMD_SNUMTCS      = 13 // DCB_CMD_SNUMTCS
	DCB_CMD_PFC_GSTATE   = 14 // DCB_CMD_PFC_GSTATE
	DCB_CMD_PFC_SSTATE   = 15 // DCB_CMD_PFC_SSTATE
	DCB_CMD_BCN_GCFG     = 16 // DCB_CMD_BCN_GCFG
	DCB_CMD_BCN_SCFG     = 17 // DCB_CMD_BCN_SCFG
	DCB_CMD_GAPP         = 18 // DCB_CMD_GAPP
	DCB_CMD_SAPP         = 19 // DCB_CMD_SAPP
	DCB_CMD_IEEE_SET     = 20 // DCB_CMD_IEEE_SET
	DCB_CMD_IEEE_GET     = 21 // DCB_CMD_IEEE_GET
	DCB_CMD_GDCBX        = 22 // DCB_CMD_GDCBX
	DCB_CMD_SDCBX        = 23 // DCB_CMD_SDCBX
	DCB_CMD_GFEATCFG     = 24 // DCB_CMD_GFEATCFG
	DCB_CMD_SFEATCFG     = 25 // DCB_CMD_SFEATCFG
	DCB_CMD_CEE_GET      = 26 // DCB_CMD_CEE_GET
	DCB_CMD_IEEE_DEL     = 27 // DCB_CMD_IEEE_DEL
)

// Data center bridging attributes (DCB_ATTR_*, include/uapi/linux/dcbnl.h):
// the attributes of RTM_GETDCB and RTM_SETDCB after a DcbMsg. Several are
// nests in requests and RTM_GETDCB replies but a u8 status in the kernel's
// RTM_SETDCB replies, which DcbSetReplyAttrs describes.
const (
	DCB_ATTR_UNDEFINED   = 0  // unused
	DCB_ATTR_IFNAME      = 1  // string: interface name
	DCB_ATTR_STATE       = 2  // u8
	DCB_ATTR_PFC_STATE   = 3  // u8
	DCB_ATTR_PFC_CFG     = 4  // nested: DCB_PFC_UP_ATTR_* (a u8 status in SET replies)
	DCB_ATTR_NUM_TC      = 5  // u8 (unused)
	DCB_ATTR_PG_CFG      = 6  // nested: DCB_PG_ATTR_* (a u8 status in SET replies)
	DCB_ATTR_SET_ALL     = 7  // u8
	DCB_ATTR_PERM_HWADDR = 8  // flag in requests, the permanent address (32 bytes) in replies
	DCB_ATTR_CAP         = 9  // nested: DCB_CAP_ATTR_*
	DCB_ATTR_NUMTCS      = 10 // nested: DCB_NUMTCS_ATTR_* (a u8 status in SET replies)
	DCB_ATTR_BCN         = 11 // nested: DCB_BCN_ATTR_* (a u8 status in SET replies)
	DCB_ATTR_APP         = 12 // nested: DCB_APP_ATTR_* (a u8 in GAPP and SAPP replies)
	DCB_ATTR_IEEE        = 13 // nested: DCB_ATTR_IEEE_* (a u8 status in SET and DEL replies)
	DCB_ATTR_DCBX        = 14 // u8
	DCB_ATTR_FEATCFG     = 15 // nested: DCB_FEATCFG_ATTR_* (a u8 status in SET replies)
	DCB_ATTR_CEE         = 16 // nested: DCB_ATTR_CEE_*
)

var dcbAttrsTable = [...]family.Attr{
	DCB_ATTR_UNDEFINED:   {Name: "DCB_ATTR_UNDEFINED", Format: family.Binary},
	DCB_ATTR_IFNAME:      {Name: "DCB_ATTR_IFNAME", Format: family.String},
	DCB_ATTR_STATE:       {Name: "DCB_ATTR_STATE", Format: family.U8},
	DCB_ATTR_PFC_STATE:   {Name: "DCB_ATTR_PFC_STATE", Format: family.U8},
	DCB_ATTR_PFC_CFG:     {Name: "DCB_ATTR_PFC_CFG", Format: family.Nested, Child: &DcbPfcUpAttrs},
	DCB_ATTR_NUM_TC:      {Name: "DCB_ATTR_NUM_TC", Format: family.U8},
	DCB_ATTR_PG_CFG:      {Name: "DCB_ATTR_PG_CFG", Format: family.Nested, Child: &DcbPGAttrs},
	DCB_ATTR_SET_ALL:     {Name: "DCB_ATTR_SET_ALL", Format: family.U8},
	DCB_ATTR_PERM_HWADDR: {Name: "DCB_ATTR_PERM_HWADDR", Format: family.Binary},
	DCB_ATTR_CAP:         {Name: "DCB_ATTR_CAP", Format: family.Nested, Child: &DcbCapAttrs},
	DCB_ATTR_NUMTCS:      {Name: "DCB_ATTR_NUMTCS", Format: family.Nested, Child: &DcbNumTCsAttrs},
	DCB_ATTR_BCN:         {Name: "DCB_ATTR_BCN", Format: family.Nested, Child: &DcbBCNAttrs},
	DCB_ATTR_APP:         {Name: "DCB_ATTR_APP", Format: family.Nested, Child: &DcbAppAttrs},
	DCB_ATTR_IEEE:        {Name: "DCB_ATTR_IEEE", Format: family.Nested, Child: &DcbIEEEAttrs},
	DCB_ATTR_DCBX:        {Name: "DCB_ATTR_DCBX", Format: family.U8},
	DCB_ATTR_FEATCFG:     {Name: "DCB_ATTR_FEATCFG", Format: family.Nested, Child: &DcbFeatCfgAttrs},
	DCB_ATTR_CEE:         {Name: "DCB_ATTR_CEE", Format: family.Nested, Child: &DcbCEEAttrs},
}

// Attributes inside DCB_ATTR_PFC_CFG and DCB_ATTR_CEE_PFC
// (include/uapi/linux/dcbnl.h).
const (
	DCB_PFC_UP_ATTR_UNDEFINED = 0 // unused
	DCB_PFC_UP_ATTR_0         = 1 // u8
	DCB_PFC_UP_ATTR_1         = 2 // u8
	DCB_PFC_UP_ATTR_2         = 3 // u8
	DCB_PFC_UP_ATTR_3         = 4 // u8
	DCB_PFC_UP_ATTR_4         = 5 // u8
	DCB_PFC_UP_ATTR_5         = 6 // u8
	DCB_PFC_UP_ATTR_6         = 7 // u8
	DCB_PFC_UP_ATTR_7         = 8 // u8
	DCB_PFC_UP_ATTR_ALL       = 9 // flag
)

var dcbPfcUpAttrsTable = [...]family.Attr{
	DCB_PFC_UP_ATTR_UNDEFINED: {Name: "DCB_PFC_UP_ATTR_UNDEFINED", Format: family.Binary},
	DCB_PFC_UP_ATTR_0:         {Name: "DCB_PFC_UP_ATTR_0", Format: family.U8},
	DCB_PFC_UP_ATTR_1:         {Name: "DCB_PFC_UP_ATTR_1", Format: family.U8},
	DCB_PFC_UP_ATTR_2:         {Name: "DCB_PFC_UP_ATTR_2", Format: family.U8},
	DCB_PFC_UP_ATTR_3:         {Name: "DCB_PFC_UP_ATTR_3", Format: family.U8},
	DCB_PFC_UP_ATTR_4:         {Name: "DCB_PFC_UP_ATTR_4", Format: family.U8},
	DCB_PFC_UP_ATTR_5:         {Name: "DCB_PFC_UP_ATTR_5", Format: family.U8},
	DCB_PFC_UP_ATTR_6:         {Name: "DCB_PFC_UP_ATTR_6", Format: family.U8},
	DCB_PFC_UP_ATTR_7:         {Name: "DCB_PFC_UP_ATTR_7", Format: family.U8},
	DCB_PFC_UP_ATTR_ALL:       {Name: "DCB_PFC_UP_ATTR_ALL", Format: family.Flag},
}

// Attributes inside DCB_ATTR_PG_CFG, DCB_ATTR_CEE_TX_PG and
// DCB_ATTR_CEE_RX_PG (include/uapi/linux/dcbnl.h).
const (
	DCB_PG_ATTR_UNDEFINED = 0  // unused
	DCB_PG_ATTR_TC_0      = 1  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_1      = 2  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_2      = 3  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_3      = 4  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_4      = 5  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_5      = 6  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_6      = 7  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_7      = 8  // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_TC_MAX    = 9  // unused
	DCB_PG_ATTR_TC_ALL    = 10 // nested: DCB_TC_ATTR_PARAM_*
	DCB_PG_ATTR_BW_ID_0   = 11 // u8
	DCB_PG_ATTR_BW_ID_1   = 12 // u8
	DCB_PG_ATTR_BW_ID_2   = 13 // u8
	DCB_PG_ATTR_BW_ID_3   = 14 // u8
	DCB_PG_ATTR_BW_ID_4   = 15 // u8
	DCB_PG_ATTR_BW_ID_5   = 16 // u8
	DCB_PG_ATTR_BW_ID_6   = 17 // u8
	DCB_PG_ATTR_BW_ID_7   = 18 // u8
	DCB_PG_ATTR_BW_ID_MAX = 19 // unused
	DCB_PG_ATTR_BW_ID_ALL = 20 // flag
)

var dcbPGAttrsTable = [...]family.Attr{
	DCB_PG_ATTR_UNDEFINED: {Name: "DCB_PG_ATTR_UNDEFINED", Format: family.Binary},
	DCB_PG_ATTR_TC_0:      {Name: "DCB_PG_ATTR_TC_0", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_1:      {Name: "DCB_PG_ATTR_TC_1", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_2:      {Name: "DCB_PG_ATTR_TC_2", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_3:      {Name: "DCB_PG_ATTR_TC_3", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_4:      {Name: "DCB_PG_ATTR_TC_4", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_5:      {Name: "DCB_PG_ATTR_TC_5", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_6:      {Name: "DCB_PG_ATTR_TC_6", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_7:      {Name: "DCB_PG_ATTR_TC_7", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_TC_MAX:    {Name: "DCB_PG_ATTR_TC_MAX", Format: family.Binary},
	DCB_PG_ATTR_TC_ALL:    {Name: "DCB_PG_ATTR_TC_ALL", Format: family.Nested, Child: &DcbTCParamAttrs},
	DCB_PG_ATTR_BW_ID_0:   {Name: "DCB_PG_ATTR_BW_ID_0", Format: family.U8},
	DCB_PG_ATTR_BW_ID_1:   {Name: "DCB_PG_ATTR_BW_ID_1", Format: family.U8},
	DCB_PG_ATTR_BW_ID_2:   {Name: "DCB_PG_ATTR_BW_ID_2", Format: family.U8},
	DCB_PG_ATTR_BW_ID_3:   {Name: "DCB_PG_ATTR_BW_ID_3", Format: family.U8},
	DCB_PG_ATTR_BW_ID_4:   {Name: "DCB_PG_ATTR_BW_ID_4", Format: family.U8},
	DCB_PG_ATTR_BW_ID_5:   {Name: "DCB_PG_ATTR_BW_ID_5", Format: family.U8},
	DCB_PG_ATTR_BW_ID_6:   {Name: "DCB_PG_ATTR_BW_ID_6", Format: family.U8},
	DCB_PG_ATTR_BW_ID_7:   {Name: "DCB_PG_ATTR_BW_ID_7", Format: family.U8},
	DCB_PG_ATTR_BW_ID_MAX: {Name: "DCB_PG_ATTR_BW_ID_MAX", Format: family.Binary},
	DCB_PG_ATTR_BW_ID_ALL: {Name: "DCB_PG_ATTR_BW_ID_ALL", Format: family.Flag},
}

// Attributes inside each DCB_PG_ATTR_TC_* (include/uapi/linux/dcbnl.h).
const (
	DCB_TC_ATTR_PARAM_UNDEFINED   = 0 // unused
	DCB_TC_ATTR_PARAM_PGID        = 1 // u8
	DCB_TC_ATTR_PARAM_UP_MAPPING  = 2 // u8
	DCB_TC_ATTR_PARAM_STRICT_PRIO = 3 // u8
	DCB_TC_ATTR_PARAM_BW_PCT      = 4 // u8
	DCB_TC_ATTR_PARAM_ALL         = 5 // flag
)

var dcbTCParamAttrsTable = [...]family.Attr{
	DCB_TC_ATTR_PARAM_UNDEFINED:   {Name: "DCB_TC_ATTR_PARAM_UNDEFINED", Format: family.Binary},
	DCB_TC_ATTR_PARAM_PGID:        {Name: "DCB_TC_ATTR_PARAM_PGID", Format: family.U8},
	DCB_TC_ATTR_PARAM_UP_MAPPING:  {Name: "DCB_TC_ATTR_PARAM_UP_MAPPING", Format: family.U8},
	DCB_TC_ATTR_PARAM_STRICT_PRIO: {Name: "DCB_TC_ATTR_PARAM_STRICT_PRIO", Format: family.U8},
	DCB_TC_ATTR_PARAM_BW_PCT:      {Name: "DCB_TC_ATTR_PARAM_BW_PCT", Format: family.U8},
	DCB_TC_ATTR_PARAM_ALL:         {Name: "DCB_TC_ATTR_PARAM_ALL", Format: family.Flag},
}

// Attributes inside DCB_ATTR_CAP (include/uapi/linux/dcbnl.h).
const (
	DCB_CAP_ATTR_UNDEFINED = 0 // unused
	DCB_CAP_ATTR_ALL       = 1 // flag
	DCB_CAP_ATTR_PG        = 2 // u8
	DCB_CAP_ATTR_PFC       = 3 // u8
	DCB_CAP_ATTR_UP2TC     = 4 // u8
	DCB_CAP_ATTR_PG_TCS    = 5 // u8
	DCB_CAP_ATTR_PFC_TCS   = 6 // u8
	DCB_CAP_ATTR_GSP       = 7 // u8
	DCB_CAP_ATTR_BCN       = 8 // u8
	DCB_CAP_ATTR_DCBX      = 9 // u8
)

var dcbCapAttrsTable = [...]family.Attr{
	DCB_CAP_ATTR_UNDEFINED: {Name: "DCB_CAP_ATTR_UNDEFINED", Format: family.Binary},
	DCB_CAP_ATTR_ALL:       {Name: "DCB_CAP_ATTR_ALL", Format: family.Flag},
	DCB_CAP_ATTR_PG:        {Name: "DCB_CAP_ATTR_PG", Format: family.U8},
	DCB_CAP_ATTR_PFC:       {Name: "DCB_CAP_ATTR_PFC", Format: family.U8},
	DCB_CAP_ATTR_UP2TC:     {Name: "DCB_CAP_ATTR_UP2TC", Format: family.U8},
	DCB_CAP_ATTR_PG_TCS:    {Name: "DCB_CAP_ATTR_PG_TCS", Format: family.U8},
	DCB_CAP_ATTR_PFC_TCS:   {Name: "DCB_CAP_ATTR_PFC_TCS", Format: family.U8},
	DCB_CAP_ATTR_GSP:       {Name: "DCB_CAP_ATTR_GSP", Format: family.U8},
	DCB_CAP_ATTR_BCN:       {Name: "DCB_CAP_ATTR_BCN", Format: family.U8},
	DCB_CAP_ATTR_DCBX:      {Name: "DCB_CAP_ATTR_DCBX", Format: family.U8},
}

// Attributes inside DCB_ATTR_NUMTCS (include/uapi/linux/dcbnl.h).
const (
	DCB_NUMTCS_ATTR_UNDEFINED = 0 // unused
	DCB_NUMTCS_ATTR_ALL       = 1 // flag
	DCB_NUMTCS_ATTR_PG        = 2 // u8
	DCB_NUMTCS_ATTR_PFC       = 3 // u8
)

var dcbNumTCsAttrsTable = [...]family.Attr{
	DCB_NUMTCS_ATTR_UNDEFINED: {Name: "DCB_NUMTCS_ATTR_UNDEFINED", Format: family.Binary},
	DCB_NUMTCS_ATTR_ALL:       {Name: "DCB_NUMTCS_ATTR_ALL", Format: family.Flag},
	DCB_NUMTCS_ATTR_PG:        {Name: "DCB_NUMTCS_ATTR_PG", Format: family.U8},
	DCB_NUMTCS_ATTR_PFC:       {Name: "DCB_NUMTCS_ATTR_PFC", Format: family.U8},
}

// Attributes inside DCB_ATTR_BCN (include/uapi/linux/dcbnl.h).
const (
	DCB_BCN_ATTR_UNDEFINED = 0  // unused
	DCB_BCN_ATTR_RP_0      = 1  // u8
	DCB_BCN_ATTR_RP_1      = 2  // u8
	DCB_BCN_ATTR_RP_2      = 3  // u8
	DCB_BCN_ATTR_RP_3      = 4  // u8
	DCB_BCN_ATTR_RP_4      = 5  // u8
	DCB_BCN_ATTR_RP_5      = 6  // u8
	DCB_BCN_ATTR_RP_6      = 7  // u8
	DCB_BCN_ATTR_RP_7      = 8  // u8
	DCB_BCN_ATTR_RP_ALL    = 9  // flag
	DCB_BCN_ATTR_BCNA_0    = 10 // u32
	DCB_BCN_ATTR_BCNA_1    = 11 // u32
	DCB_BCN_ATTR_ALPHA     = 12 // u32
	DCB_BCN_ATTR_BETA      = 13 // u32
	DCB_BCN_ATTR_GD        = 14 // u32
	DCB_BCN_ATTR_GI        = 15 // u32
	DCB_BCN_ATTR_TMAX      = 16 // u32
	DCB_BCN_ATTR_TD        = 17 // u32
	DCB_BCN_ATTR_RMIN      = 18 // u32
	DCB_BCN_ATTR_W         = 19 // u32
	DCB_BCN_ATTR_RD        = 20 // u32
	DCB_BCN_ATTR_RU        = 21 // u32
	DCB_BCN_ATTR_WRTT      = 22 // u32
	DCB_BCN_ATTR_RI        = 23 // u32
	DCB_BCN_ATTR_C         = 24 // u32
	DCB_BCN_ATTR_ALL       = 25 // flag
)

var dcbBCNAttrsTable = [...]family.Attr{
	DCB_BCN_ATTR_UNDEFINED: {Name: "DCB_BCN_ATTR_UNDEFINED", Format: family.Binary},
	DCB_BCN_ATTR_RP_0:      {Name: "DCB_BCN_ATTR_RP_0", Format: family.U8},
	DCB_BCN_ATTR_RP_1:      {Name: "DCB_BCN_ATTR_RP_1", Format: family.U8},
	DCB_BCN_ATTR_RP_2:      {Name: "DCB_BCN_ATTR_RP_2", Format: family.U8},
	DCB_BCN_ATTR_RP_3:      {Name: "DCB_BCN_ATTR_RP_3", Format: family.U8},
	DCB_BCN_ATTR_RP_4:      {Name: "DCB_BCN_ATTR_RP_4", Format: family.U8},
	DCB_BCN_ATTR_RP_5:      {Name: "DCB_BCN_ATTR_RP_5", Format: family.U8},
	DCB_BCN_ATTR_RP_6:      {Name: "DCB_BCN_ATTR_RP_6", Format: family.U8},
	DCB_BCN_ATTR_RP_7:      {Name: "DCB_BCN_ATTR_RP_7", Format: family.U8},
	DCB_BCN_ATTR_RP_ALL:    {Name: "DCB_BCN_ATTR_RP_ALL", Format: family.Flag},
	DCB_BCN_ATTR_BCNA_0:    {Name: "DCB_BCN_ATTR_BCNA_0", Format: family.U32},
	DCB_BCN_ATTR_BCNA_1:    {Name: "DCB_BCN_ATTR_BCNA_1", Format: family.U32},
	DCB_BCN_ATTR_ALPHA:     {Name: "DCB_BCN_ATTR_ALPHA", Format: family.U32},
	DCB_BCN_ATTR_BETA:      {Name: "DCB_BCN_ATTR_BETA", Format: family.U32},
	DCB_BCN_ATTR_GD:        {Name: "DCB_BCN_ATTR_GD", Format: family.U32},
	DCB_BCN_ATTR_GI:        {Name: "DCB_BCN_ATTR_GI", Format: family.U32},
	DCB_BCN_ATTR_TMAX:      {Name: "DCB_BCN_ATTR_TMAX", Format: family.U32},
	DCB_BCN_ATTR_TD:        {Name: "DCB_BCN_ATTR_TD", Format: family.U32},
	DCB_BCN_ATTR_RMIN:      {Name: "DCB_BCN_ATTR_RMIN", Format: family.U32},
	DCB_BCN_ATTR_W:         {Name: "DCB_BCN_ATTR_W", Format: family.U32},
	DCB_BCN_ATTR_RD:        {Name: "DCB_BCN_ATTR_RD", Format: family.U32},
	DCB_BCN_ATTR_RU:        {Name: "DCB_BCN_ATTR_RU", Format: family.U32},
	DCB_BCN_ATTR_WRTT:      {Name: "DCB_BCN_ATTR_WRTT", Format: family.U32},
	DCB_BCN_ATTR_RI:        {Name: "DCB_BCN_ATTR_RI", Format: family.U32},
	DCB_BCN_ATTR_C:         {Name: "DCB_BCN_ATTR_C", Format: family.U32},
	DCB_BCN_ATTR_ALL:       {Name: "DCB_BCN_ATTR_ALL", Format: family.Flag},
}

// Attributes inside DCB_ATTR_APP (include/uapi/linux/dcbnl.h).
const (
	DCB_APP_ATTR_UNDEFINED = 0 // unused
	DCB_APP_ATTR_IDTYPE    = 1 // u8: DCB_APP_IDTYPE_*
	DCB_APP_ATTR_ID        = 2 // u16
	DCB_APP_ATTR_PRIORITY  = 3 // u8
)

var dcbAppAttrsTable = [...]family.Attr{
	DCB_APP_ATTR_UNDEFINED: {Name: "DCB_APP_ATTR_UNDEFINED", Format: family.Binary},
	DCB_APP_ATTR_IDTYPE:    {Name: "DCB_APP_ATTR_IDTYPE", Format: family.U8},
	DCB_APP_ATTR_ID:        {Name: "DCB_APP_ATTR_ID", Format: family.U16},
	DCB_APP_ATTR_PRIORITY:  {Name: "DCB_APP_ATTR_PRIORITY", Format: family.U8},
}

// Attributes inside DCB_ATTR_IEEE (include/uapi/linux/dcbnl.h).
const (
	DCB_ATTR_IEEE_UNSPEC         = 0  // unused
	DCB_ATTR_IEEE_ETS            = 1  // struct ieee_ets
	DCB_ATTR_IEEE_PFC            = 2  // struct ieee_pfc
	DCB_ATTR_IEEE_APP_TABLE      = 3  // nested: DCB_ATTR_IEEE_APP, DCB_ATTR_DCB_APP
	DCB_ATTR_IEEE_PEER_ETS       = 4  // struct ieee_ets
	DCB_ATTR_IEEE_PEER_PFC       = 5  // struct ieee_pfc
	DCB_ATTR_IEEE_PEER_APP       = 6  // nested: DCB_ATTR_IEEE_APP
	DCB_ATTR_IEEE_MAXRATE        = 7  // struct ieee_maxrate
	DCB_ATTR_IEEE_QCN            = 8  // struct ieee_qcn
	DCB_ATTR_IEEE_QCN_STATS      = 9  // struct ieee_qcn_stats
	DCB_ATTR_DCB_BUFFER          = 10 // struct dcbnl_buffer
	DCB_ATTR_DCB_APP_TRUST_TABLE = 11 // nested: a u8 selector per DCB_ATTR_IEEE_APP or DCB_ATTR_DCB_APP
	DCB_ATTR_DCB_REWR_TABLE      = 12 // nested: DCB_ATTR_IEEE_APP, DCB_ATTR_DCB_APP
)

var dcbIEEEAttrsTable = [...]family.Attr{
	DCB_ATTR_IEEE_UNSPEC:         {Name: "DCB_ATTR_IEEE_UNSPEC", Format: family.Binary},
	DCB_ATTR_IEEE_ETS:            {Name: "DCB_ATTR_IEEE_ETS", Format: family.Binary},
	DCB_ATTR_IEEE_PFC:            {Name: "DCB_ATTR_IEEE_PFC", Format: family.Binary},
	DCB_ATTR_IEEE_APP_TABLE:      {Name: "DCB_ATTR_IEEE_APP_TABLE", Format: family.Nested, Child: &DcbIEEEAppAttrs},
	DCB_ATTR_IEEE_PEER_ETS:       {Name: "DCB_ATTR_IEEE_PEER_ETS", Format: family.Binary},
	DCB_ATTR_IEEE_PEER_PFC:       {Name: "DCB_ATTR_IEEE_PEER_PFC", Format: family.Binary},
	DCB_ATTR_IEEE_PEER_APP:       {Name: "DCB_ATTR_IEEE_PEER_APP", Format: family.Nested, Child: &DcbIEEEAppAttrs},
	DCB_ATTR_IEEE_MAXRATE:        {Name: "DCB_ATTR_IEEE_MAXRATE", Format: family.Binary},
	DCB_ATTR_IEEE_QCN:            {Name: "DCB_ATTR_IEEE_QCN", Format: family.Binary},
	DCB_ATTR_IEEE_QCN_STATS:      {Name: "DCB_ATTR_IEEE_QCN_STATS", Format: family.Binary},
	DCB_ATTR_DCB_BUFFER:          {Name: "DCB_ATTR_DCB_BUFFER", Format: family.Binary},
	DCB_ATTR_DCB_APP_TRUST_TABLE: {Name: "DCB_ATTR_DCB_APP_TRUST_TABLE", Format: family.Nested, Child: &DcbAppTrustAttrs},
	DCB_ATTR_DCB_REWR_TABLE:      {Name: "DCB_ATTR_DCB_REWR_TABLE", Format: family.Nested, Child: &DcbIEEEAppAttrs},
}

// Attributes inside DCB_ATTR_IEEE_APP_TABLE, DCB_ATTR_IEEE_PEER_APP and
// DCB_ATTR_DCB_REWR_TABLE (include/uapi/linux/dcbnl.h).
const (
	DCB_ATTR_IEEE_APP_UNSPEC = 0 // unused
	DCB_ATTR_IEEE_APP        = 1 // struct dcb_app: an IEEE selector
	DCB_ATTR_DCB_APP         = 2 // struct dcb_app: a DCB (non-IEEE) selector
)

var dcbIEEEAppAttrsTable = [...]family.Attr{
	DCB_ATTR_IEEE_APP_UNSPEC: {Name: "DCB_ATTR_IEEE_APP_UNSPEC", Format: family.Binary},
	DCB_ATTR_IEEE_APP:        {Name: "DCB_ATTR_IEEE_APP", Format: family.Binary},
	DCB_ATTR_DCB_APP:         {Name: "DCB_ATTR_DCB_APP", Format: family.Binary},
}

// Attributes inside DCB_ATTR_CEE (include/uapi/linux/dcbnl.h).
const (
	DCB_ATTR_CEE_UNSPEC         = 0 // unused
	DCB_ATTR_CEE_PEER_PG        = 1 // struct cee_pg
	DCB_ATTR_CEE_PEER_PFC       = 2 // struct cee_pfc
	DCB_ATTR_CEE_PEER_APP_TABLE = 3 // nested: DCB_ATTR_CEE_PEER_APP_*
	DCB_ATTR_CEE_TX_PG          = 4 // nested: DCB_PG_ATTR_*
	DCB_ATTR_CEE_RX_PG          = 5 // nested: DCB_PG_ATTR_*
	DCB_ATTR_CEE_PFC            = 6 // nested: DCB_PFC_UP_ATTR_*
	DCB_ATTR_CEE_APP_TABLE      = 7 // nested: DCB_ATTR_APP entries
	DCB_ATTR_CEE_FEAT           = 8 // nested: DCB_FEATCFG_ATTR_*
)

var dcbCEEAttrsTable = [...]family.Attr{
	DCB_ATTR_CEE_UNSPEC:         {Name: "DCB_ATTR_CEE_UNSPEC", Format: family.Binary},
	DCB_ATTR_CEE_PEER_PG:        {Name: "DCB_ATTR_CEE_PEER_PG", Format: family.Binary},
	DCB_ATTR_CEE_PEER_PFC:       {Name: "DCB_ATTR_CEE_PEER_PFC", Format: family.Binary},
	DCB_ATTR_CEE_PEER_APP_TABLE: {Name: "DCB_ATTR_CEE_PEER_APP_TABLE", Format: family.Nested, Child: &DcbCEEPeerAppAttrs},
	DCB_ATTR_CEE_TX_PG:          {Name: "DCB_ATTR_CEE_TX_PG", Format: family.Nested, Child: &DcbPGAttrs},
	DCB_ATTR_CEE_RX_PG:          {Name: "DCB_ATTR_CEE_RX_PG", Format: family.Nested, Child: &DcbPGAttrs},
	DCB_ATTR_CEE_PFC:            {Name: "DCB_ATTR_CEE_PFC", Format: family.Nested, Child: &DcbPfcUpAttrs},
	DCB_ATTR_CEE_APP_TABLE:      {Name: "DCB_ATTR_CEE_APP_TABLE", Format: family.Nested, Child: &DcbCEEAppAttrs},
	DCB_ATTR_CEE_FEAT:           {Name: "DCB_ATTR_CEE_FEAT", Format: family.Nested, Child: &DcbFeatCfgAttrs},
}

// Attributes inside DCB_ATTR_CEE_PEER_APP_TABLE (include/uapi/linux/dcbnl.h).
const (
	DCB_ATTR_CEE_PEER_APP_UNSPEC = 0 // unused
	DCB_ATTR_CEE_PEER_APP_INFO   = 1 // struct dcb_peer_app_info
	DCB_ATTR_CEE_PEER_APP        = 2 // struct dcb_app
)

var dcbCEEPeerAppAttrsTable = [...]family.Attr{
	DCB_ATTR_CEE_PEER_APP_UNSPEC: {Name: "DCB_ATTR_CEE_PEER_APP_UNSPEC", Format: family.Binary},
	DCB_ATTR_CEE_PEER_APP_INFO:   {Name: "DCB_ATTR_CEE_PEER_APP_INFO", Format: family.Binary},
	DCB_ATTR_CEE_PEER_APP:        {Name: "DCB_ATTR_CEE_PEER_APP", Format: family.Binary},
}

// Attributes inside DCB_ATTR_CEE_APP_TABLE (include/uapi/linux/dcbnl.h): the
// kernel fills it with DCB_ATTR_APP nests (type 12), not the
// DCB_ATTR_CEE_APP its enum names.
const (
	DCB_ATTR_CEE_APP_UNSPEC = 0 // unused
	DCB_ATTR_CEE_APP        = 1 // nested: DCB_APP_ATTR_*
)

var dcbCEEAppAttrsTable = [...]family.Attr{
	DCB_ATTR_CEE_APP_UNSPEC: {Name: "DCB_ATTR_CEE_APP_UNSPEC", Format: family.Binary},
	DCB_ATTR_CEE_APP:        {Name: "DCB_ATTR_CEE_APP", Format: family.Nested, Child: &DcbAppAttrs},
	DCB_ATTR_APP:            {Name: "DCB_ATTR_APP", Format: family.Nested, Child: &DcbAppAttrs},
}

// Attributes inside DCB_ATTR_DCB_APP_TRUST_TABLE: the selector trust
// order, one u8 selector each, typed by DCB_ATTR_IEEE_APP and
// DCB_ATTR_DCB_APP (include/uapi/linux/dcbnl.h).
var dcbAppTrustAttrsTable = [...]family.Attr{
	DCB_ATTR_IEEE_APP: {Name: "DCB_ATTR_IEEE_APP", Format: family.U8},
	DCB_ATTR_DCB_APP:  {Name: "DCB_ATTR_DCB_APP", Format: family.U8},
}

// Attributes inside DCB_ATTR_FEATCFG and DCB_ATTR_CEE_FEAT
// (include/uapi/linux/dcbnl.h).
const (
	DCB_FEATCFG_ATTR_UNDEFINED = 0 // unused
	DCB_FEATCFG_ATTR_ALL       = 1 // flag
	DCB_FEATCFG_ATTR_PG        = 2 // u8: DCB_FEATCFG_*
	DCB_FEATCFG_ATTR_PFC       = 3 // u8: DCB_FEATCFG_*
	DCB_FEATCFG_ATTR_APP       = 4 // u8: DCB_FEATCFG_*
)

var dcbFeatCfgAttrsTable = [...]family.Attr{
	DCB_FEATCFG_ATTR_UNDEFINED: {Name: "DCB_FEATCFG_ATTR_UNDEFINED", Format: family.Binary},
	DCB_FEATCFG_ATTR_ALL:       {Name: "DCB_FEATCFG_ATTR_ALL", Format: family.Flag},
	DCB_FEATCFG_ATTR_PG:        {Name: "DCB_FEATCFG_ATTR_PG", Format: family.U8},
	DCB_FEATCFG_ATTR_PFC:       {Name: "DCB_FEATCFG_ATTR_PFC", Format: family.U8},
	DCB_FEATCFG_ATTR_APP:       {Name: "DCB_FEATCFG_ATTR_APP", Format: family.U8},
}

// dcbSetReplyAttrsTable is the space of the kernel's RTM_SETDCB replies:
// each holds the u8 status of the command it answers.
var dcbSetReplyAttrsTable = [...]family.Attr{
	DCB_ATTR_UNDEFINED: {Name: "DCB_ATTR_UNDEFINED", Format: family.Binary},
	DCB_ATTR_STATE:     {Name: "DCB_ATTR_STATE", Format: family.U8},
	DCB_ATTR_PFC_STATE: {Name: "DCB_ATTR_PFC_STATE", Format: family.U8},
	DCB_ATTR_PFC_CFG:   {Name: "DCB_ATTR_PFC_CFG", Format: family.U8},
	DCB_ATTR_PG_CFG:    {Name: "DCB_ATTR_PG_CFG", Format: family.U8},
	DCB_ATTR_SET_ALL:   {Name: "DCB_ATTR_SET_ALL", Format: family.U8},
	DCB_ATTR_NUMTCS:    {Name: "DCB_ATTR_NUMTCS", Format: family.U8},
	DCB_ATTR_BCN:       {Name: "DCB_ATTR_BCN", Format: family.U8},
	DCB_ATTR_APP:       {Name: "DCB_ATTR_APP", Format: family.U8},
	DCB_ATTR_IEEE:      {Name: "DCB_ATTR_IEEE", Format: family.U8},
	DCB_ATTR_DCBX:      {Name: "DCB_ATTR_DCBX", Format: family.U8},
	DCB_ATTR_FEATCFG:   {Name: "DCB_ATTR_FEATCFG", Format: family.U8},
}

// Attribute spaces of the data center bridging messages.
var (
	// DcbSetReplyAttrs is the DCB_ATTR_* space of the kernel's RTM_SETDCB
	// replies (not requests), where each attribute is the u8 status of
	// the command answered (0 for success; DCB_ATTR_DCBX the new mode).
	DcbSetReplyAttrs = family.Set{Space: "DCB_ATTR", Attrs: dcbSetReplyAttrsTable[:]}
	// DcbAttrs is the DCB_ATTR_* space of RTM_GETDCB and RTM_SETDCB.
	DcbAttrs = family.Set{Space: "DCB_ATTR", Attrs: dcbAttrsTable[:]}
	// DcbPfcUpAttrs is the space inside DCB_ATTR_PFC_CFG and DCB_ATTR_CEE_PFC.
	DcbPfcUpAttrs = family.Set{Space: "DCB_PFC_UP_ATTR", Attrs: dcbPfcUpAttrsTable[:]}
	// DcbPGAttrs is the space inside DCB_ATTR_PG_CFG, DCB_ATTR_CEE_TX_PG and
	// DCB_ATTR_CEE_RX_PG.
	DcbPGAttrs = family.Set{Space: "DCB_PG_ATTR", Attrs: dcbPGAttrsTable[:]}
	// DcbTCParamAttrs is the space inside each DCB_PG_ATTR_TC_*.
	DcbTCParamAttrs = family.Set{Space: "DCB_TC_ATTR_PARAM", Attrs: dcbTCParamAttrsTable[:]}
	// DcbCapAttrs is the space inside DCB_ATTR_CAP.
	DcbCapAttrs = family.Set{Space: "DCB_CAP_ATTR", Attrs: dcbCapAttrsTable[:]}
	// DcbNumTCsAttrs is the space inside DCB_ATTR_NUMTCS.
	DcbNumTCsAttrs = family.Set{Space: "DCB_NUMTCS_ATTR", Attrs: dcbNumTCsAttrsTable[:]}
	// DcbBCNAttrs is the space inside DCB_ATTR_BCN.
	DcbBCNAttrs = family.Set{Space: "DCB_BCN_ATTR", Attrs: dcbBCNAttrsTable[:]}
	// DcbAppAttrs is the space inside DCB_ATTR_APP.
	DcbAppAttrs = family.Set{Space: "DCB_APP_ATTR", Attrs: dcbAppAttrsTable[:]}
	// DcbIEEEAttrs is the DCB_ATTR_IEEE_* space inside DCB_ATTR_IEEE.
	DcbIEEEAttrs = family.Set{Space: "DCB_ATTR_IEEE", Attrs: dcbIEEEAttrsTable[:]}
	// DcbIEEEAppAttrs is the space inside DCB_ATTR_IEEE_APP_TABLE,
	// DCB_ATTR_IEEE_PEER_APP and DCB_ATTR_DCB_REWR_TABLE.
	DcbIEEEAppAttrs = family.Set{Space: "DCB_ATTR_IEEE_APP", Attrs: dcbIEEEAppAttrsTable[:]}
	// DcbCEEAttrs is the DCB_ATTR_CEE_* space inside DCB_ATTR_CEE.
	DcbCEEAttrs = family.Set{Space: "DCB_ATTR_CEE", Attrs: dcbCEEAttrsTable[:]}
	// DcbCEEPeerAppAttrs is the space inside DCB_ATTR_CEE_PEER_APP_TABLE.
	DcbCEEPeerAppAttrs = family.Set{Space: "DCB_ATTR_CEE_PEER_APP", Attrs: dcbCEEPeerAppAttrsTable[:]}
	// DcbCEEAppAttrs is the space inside DCB_ATTR_CEE_APP_TABLE.
	DcbCEEAppAttrs = family.Set{Space: "DCB_ATTR_CEE_APP", Attrs: dcbCEEAppAttrsTable[:]}
	// DcbAppTrustAttrs is the space inside DCB_ATTR_DCB_APP_TRUST_TABLE.
	DcbAppTrustAttrs = family.Set{Space: "DCB_ATTR_DCB_APP_TRUST", Attrs: dcbAppTrustAttrsTable[:]}
	// DcbFeatCfgAttrs is the space inside DCB_ATTR_FEATCFG and DCB_ATTR_CEE_FEAT.
	DcbFeatCfgAttrs = family.Set{Space: "DCB_FEATCFG_ATTR", Attrs: dcbFeatCfgAttrsTable[:]}
)
