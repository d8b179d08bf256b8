// Package fuzz generates netlink attributes from policies, for fuzzing
// and differential tests of code that parses or validates them.
//
// Given a validate.Policy (hand-written, from package family, or rebuilt
// from the kernel's CTRL_CMD_GETPOLICY dump), a Generator draws random
// attribute runs that the policy accepts in every mode, or that it
// accepts but for one violation of a kind asked for (Length, Range, Type,
// Flag, Nesting), placed at a random attribute at any depth. Each Run
// says where its violation is: the offset and the path of attribute
// types that validate.Validate and the kernel's extended ACK report. The
// same drawing comes three ways: from a *rand.Rand (Generator.Random), as
// a pgregory.net/rapid generator that can shrink (Generator.Rapid), and
// from the bytes of a native Go fuzz target's input (Generator.FromBytes),
// so that the coverage-guided engine steers it.
//
//	g := fuzz.Generator{Policy: &route.LinkPolicy, Violation: fuzz.Range}
//	run := g.Random(rng) // rejected by the kernel with ERANGE at run.Offset
//
// Generator.Mutate is the mutator for fuzz targets seeded with real
// messages: it breaks a given run of attributes in one place, at any
// depth, keeping the rest of its bytes. Runs are in the host's byte order
// unless Generator.Order names another.
//
// Cases lists a deterministic, systematic set of attribute runs instead:
// valid payloads, boundary and out-of-range values, wrong lengths,
// unknown types, misused NLA_F_NESTED and NLA_F_NET_BYTEORDER flags,
// malformed nests and streams. Random, Attrs and FromBytes draw mixed
// runs in which each attribute may be spoiled in its own way.
//
// nlsock's differential test sends these runs to the running kernel and
// checks that package validate reaches the kernel's verdict, and that the
// kernel confirms each Generator and Mutate run's claim; this package's
// tests check those runs against package validate, for the route and
// generic netlink policies and 60 policies dumped from the kernel.
package fuzz
