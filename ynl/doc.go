// Package ynl loads the kernel's YAML netlink specs ("YNL",
// Documentation/netlink/specs/*.yaml in the Linux sources) into a
// resolved model of a netlink family: its definitions (constants, enums,
// flags, structs), attribute sets, sub-messages, operations and
// multicast groups.
//
// Parse and ParseFile accept the four schema levels (genetlink,
// genetlink-c, genetlink-legacy, netlink-raw) and make explicit what a
// spec leaves implicit, following the kernel's Python library
// (tools/net/ynl/lib/nlspec.py) and C generator (ynl-gen-c.py):
//
//   - attribute values count from 1, an explicit value restarting the
//     count; enum values count from value-start (default 0); flags'
//     entries are bit numbers and their masks are computed;
//   - subsets (subset-of) take the superset's attributes by name, with
//     their values and types, and the keys the subset overrides;
//   - operations are numbered by their enum model: unified (one count
//     from 1) or directional (requests and replies counted apart, as
//     rtnetlink and nftables number their messages);
//   - references (nested-attributes, struct, enum, sub-message,
//     fixed-header, attribute-set, notify, mcgrp, lengths and limits
//     named by constants) must resolve, and are resolved to pointers;
//   - C names are made as the kernel's uAPI headers have them
//     (NETDEV_A_DEV_IFINDEX, NETDEV_CMD_DEV_GET, ...), so a generator can
//     emit constants without guessing.
//
// Documentation prose is not kept. Keys the package does not know are
// ignored, since the schemas grow; an unknown attribute type, byte order,
// definition type, protocol or enum model is an error, since it would
// change what the wire means.
//
// # Untrusted input
//
// Specs may come from anywhere. Parse reads at most MaxSize bytes,
// refuses inputs of more than MaxTokens tokens before the YAML parser
// sees them, and walks YAML aliases within a budget proportional to the
// input, so "billion laughs" documents fail with ErrLimit instead of
// exploding. Errors are *Error values with the line and column of the
// problem and one of the sentinels ErrLimit, ErrSyntax, ErrInvalid and
// ErrUndefined.
//
// This is the only package of the module that imports a YAML library;
// the codec packages never need it.
package ynl
