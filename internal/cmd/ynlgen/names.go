package main

import (
	"go/token"
	"strings"
	"unicode"
)

// Naming rules (one place, mechanical, no initialism list):
//
//   - a package is named after the spec: its name lower-cased with '-'
//     and '_' dropped ("rt-link" -> rtlink, "mptcp_pm" -> mptcppm), and
//     lives in family/<that name>;
//   - a Go identifier CamelCases the spec's words, split at '-', '_'
//     and '.', each word's first letter upper-cased and the rest kept
//     ("tp-mdix-ctrl" -> TpMdixCtrl, "ipv4-addr" -> Ipv4Addr);
//   - an attribute set's table is the set's name, without a trailing
//     "-attrs" word, CamelCased, with "Attrs" appended ("dev" ->
//     DevAttrs, "link-attrs" -> LinkAttrs); its policy has "Policy"
//     instead;
//   - an operation's policy is the operation's name CamelCased with
//     "Policy" ("dev-get" -> DevGetPolicy), "DoPolicy" and "DumpPolicy"
//     when its do and dump requests differ; a family-wide (global)
//     policy is "Policy";
//   - an enum or flags definition is its name CamelCased with "Enum"
//     ("xdp-act" -> XdpActEnum);
//   - constants keep the kernel's C names, as the ynl package makes
//     them (NETDEV_A_DEV_IFINDEX).
//
// Two things with one name stop the generator.

// pkgName returns the Go package name of a spec, or "" if the spec's
// name does not make one.
func pkgName(spec string) string {
	var b strings.Builder
	for _, r := range spec {
		switch {
		case r == '-' || r == '_':
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		default:
			return ""
		}
	}
	n := b.String()
	if n == "" || !token.IsIdentifier(n) || token.IsKeyword(n) {
		return ""
	}
	switch n {
	case "route", "genl", "internal", "family":
		return "" // hand-written packages (or their parent) own these paths
	}
	return n
}

// camel CamelCases a spec name.
func camel(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		switch {
		case r == '-' || r == '_' || r == '.' || r == ' ':
			up = true
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s != "" && !unicode.IsLetter(rune(s[0])) {
		s = "X" + s
	}
	return s
}

// setBase is the stem of an attribute set's Go names.
func setBase(name string) string {
	for _, suf := range []string{"-attrs", "_attrs"} {
		if len(name) > len(suf) && strings.HasSuffix(name, suf) {
			name = name[:len(name)-len(suf)]
			break
		}
	}
	return camel(name)
}
