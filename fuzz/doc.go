// Package fuzz generates netlink attributes from policies, for fuzzing
// and differential tests of code that parses or validates them.
//
// Given a validate.Policy (hand-written, or rebuilt from the kernel's
// CTRL_CMD_GETPOLICY dump), Cases lists a deterministic, systematic set of
// attribute runs: valid payloads, boundary and out-of-range values, wrong
// lengths, unknown types, misused NLA_F_NESTED and NLA_F_NET_BYTEORDER
// flags, malformed nests and streams. Random draws random runs of several
// attributes, valid or spoiled, from a *rand.Rand, and Attrs wraps the
// same drawing as a pgregory.net/rapid generator that can shrink.
//
// nlsock's differential test sends these runs to the running kernel and
// checks that package validate reaches the kernel's verdict.
package fuzz
