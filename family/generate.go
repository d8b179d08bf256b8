package family

// The generated family packages (family/netdev, family/ethtool,
// family/rtlink, ... one per YNL spec of the kernel) are made by
// internal/cmd/ynlgen from the specs of the kernel sources; regenerate
// them with
//
//	go generate ./family
//
// (ynlgen's doc says where it finds the specs; -check reports stale
// files without writing).

//go:generate go run ../internal/cmd/ynlgen -root ..
