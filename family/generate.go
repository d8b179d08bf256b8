package family

// The generated family packages (family/netdev, family/ethtool,
// family/rtlink, ... one per YNL spec of the kernel) are made by
// internal/cmd/ynlgen from the specs of the kernel sources; regenerate
// them with
//
//	go generate ./family
//
// (ynlgen's doc says where it finds the specs; -check reports stale
// files without writing). It regenerates a package only from the spec
// bytes internal/cmd/ynlgen/specs.txt names: the 6.12 sources it finds
// by default leave the packages taken from newer specs as committed;
// give -specs a directory of the newest specs to regenerate them all.

//go:generate go run ../internal/cmd/ynlgen -root ..
