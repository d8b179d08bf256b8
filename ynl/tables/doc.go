// Package tables makes, at run time, the tables the generator
// (internal/cmd/ynlgen) writes into a family package from a YNL spec:
// the family.Family with its attribute sets, enums, operations and
// multicast groups, the family.Struct of every binary attribute with a
// struct (Struct: members at the offsets C gives them), and for a generic netlink family the input policies
// the kernel's ynl-gen-c makes of the spec (per nested set, per
// operation or global, with OpPolicy). The rules (Format, Rule, NewPlan,
// Cycles, ...) are the generator's own: it writes their results as Go
// literals, so a spec loaded at run time (nldump -spec) gets the tables
// a generated package would hold, which internal/cmd/ynlgen's
// TestRunTimeTables checks value for value on every kernel spec.
//
// Build's cost is linear in the spec's size: tables indexed by
// attribute type are refused (BudgetError) when a spec numbers its
// attributes so sparsely that they would not be.
//
// This package imports ynl, and with it YAML; the codec packages must
// not import it.
package tables
