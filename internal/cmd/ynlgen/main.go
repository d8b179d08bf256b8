// Command ynlgen generates the family packages (family/<name>) from the
// kernel's YAML netlink specs (Documentation/netlink/specs/*.yaml): one
// package per spec, with constants under the kernel's C names, attribute
// tables, enums, operations, multicast groups, for generic netlink
// families the input policies the kernel's ynl-gen-c makes of the spec,
// and typed Go (ztyped.go, see typed.go): value types per attribute set
// and request and reply types per operation. Facts the kernel
// contradicts are corrected first (ynl/tables.Corrections).
//
// Usage, from the module's root:
//
//	go run ./internal/cmd/ynlgen [-specs DIR] [-linux VERSION] [-commit SHA] [-check]
//
// or go generate ./family (family/generate.go). Without -specs it reads
// the specs of the kernel sources the tests use: $NLWIRE_LINUX_SRC, an
// extracted /usr/src/linux-source-6.12*, or the Debian package's tarball
// /usr/src/linux-source-6.12.tar.xz, extracted once into the user's
// cache directory (as the ynl package's tests do).
//
// The manifest internal/cmd/ynlgen/specs.txt names, for every package,
// the spec file it is generated from, the SHA-256 of its bytes and the
// kernel tree it was read from (see manifest.go); the generated headers
// repeat the tree. A package is regenerated only from those bytes: a
// spec directory holding another version of a spec (the 6.12 specs,
// for packages generated from newer ones) leaves its package as
// committed, and ynlgen lists it as kept. A spec the manifest does not
// list stops ynlgen, which prints the line to add; -linux and -commit
// name the tree in that line (the version defaults to the one in the
// directory's name, linux-source-6.12). To move a package to a newer
// spec, put that spec's line in the manifest and run ynlgen on a
// directory holding it.
//
// Files are rewritten only when they change. With -check nothing is
// written: ynlgen lists the files that differ and exits with status 1.
//
// The rules that turn a spec into tables (display formats, policy
// rules, which policies there are, which references close a cycle) are
// package ynl/tables', whose Build makes the same tables as values at
// run time (nldump -spec); ynlgen writes their results as Go literals.
// TestRunTimeTables requires the two to agree on every spec.
//
// See names.go for how Go names are made.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/nlwire/nlwire/ynl"
)

func main() {
	specs := flag.String("specs", "", "the directory of the YNL specs (default: the kernel sources' Documentation/netlink/specs)")
	root := flag.String("root", ".", "the module's root directory")
	linux := flag.String("linux", "", "the kernel version of specs the manifest does not list (default: from the directory's name)")
	commit := flag.String("commit", "", "the kernel commit of specs the manifest does not list, when newer than a release")
	check := flag.Bool("check", false, "write nothing; list the files that would change and exit 1 if any")
	flag.Parse()
	if err := run(*specs, *root, *linux, *commit, *check); err != nil {
		fmt.Fprintln(os.Stderr, "ynlgen:", err)
		os.Exit(1)
	}
}

// errManifest reports specs the manifest does not list.
var errManifest = errors.New("the manifest " + manifestName + " does not list every spec")

func run(specs, root, linux, commit string, check bool) error {
	if specs == "" {
		var err error
		if specs, err = kernelSpecs(); err != nil {
			return err
		}
	}
	if linux == "" {
		linux = linuxVersion(specs)
	}
	tree := ""
	switch {
	case commit != "" && linux != "":
		tree = "Linux " + linux + ", commit " + commit
	case commit != "":
		tree = "torvalds/linux commit " + commit
	case linux != "":
		tree = "Linux " + linux
	}
	man, err := readManifest(filepath.Join(root, filepath.FromSlash(manifestName)))
	if err != nil {
		return err
	}
	res, err := generate(specs, man, tree)
	if err != nil {
		return err
	}
	if len(res.missing) > 0 {
		for _, e := range res.missing {
			if e.Source == "" {
				e.Source = "(give -linux or -commit)"
			}
			fmt.Fprintf(os.Stderr, "not in the manifest; add to %s:\n\t%s\n", manifestName, e)
		}
		return errManifest
	}
	for _, k := range res.kept {
		fmt.Println("kept", k)
	}
	stale, err := write(root, res.files, check)
	if err != nil {
		return err
	}
	for _, f := range stale {
		if check {
			fmt.Println("stale:", f)
		} else {
			fmt.Println("wrote", f)
		}
	}
	if check && len(stale) > 0 {
		return errStale
	}
	return nil
}

var versionRE = regexp.MustCompile(`linux(?:-source)?-(\d+\.\d+(?:\.\d+)?)`)

// linuxVersion takes the kernel version from a path such as
// .../linux-source-6.12/Documentation/netlink/specs.
func linuxVersion(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	m := versionRE.FindAllStringSubmatch(abs, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1][1]
}

// result is what generate makes of a spec directory.
type result struct {
	files   map[string][]byte // generated files, by path relative to the module's root
	kept    []string          // packages left as committed, and why
	matched []string          // packages generated from the manifest's bytes, sorted
	missing []entry           // specs the manifest does not list, as the lines to add
}

// generate generates the packages of the specs in specDir that the
// manifest lists with their bytes; tree names the source of specs it
// does not list (for the lines to add). The registry of packages
// (zfamilies_test.go) is generated only when every package of the
// manifest is.
func generate(specDir string, man manifest, tree string) (*result, error) {
	paths, err := filepath.Glob(filepath.Join(specDir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no specs in %s", specDir)
	}
	sort.Strings(paths)
	res := &result{files: map[string][]byte{}}
	owner := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		spec, err := ynl.ParseFile(p)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(p)
		pkg := pkgName(spec.Name)
		if prev, ok := owner[pkg]; ok && pkg != "" {
			return nil, fmt.Errorf("%s and %s both make package %s", prev, base, pkg)
		}
		owner[pkg] = base
		sum := specSum(data)
		e, listed := man[pkg]
		switch {
		case !listed:
			res.missing = append(res.missing, entry{Pkg: pkg, File: base, SHA256: sum, Source: tree})
			continue
		case e.File != base || e.SHA256 != sum:
			res.kept = append(res.kept, fmt.Sprintf("family/%s: committed from %s (%s), not from this directory's %s", pkg, e.File, e.Source, base))
			continue
		}
		src := source{Path: "Documentation/netlink/specs/" + base, Tree: e.Source, SPDX: spdx(data)}
		g, err := newGen(spec, src)
		if err != nil {
			return nil, err
		}
		fs, err := g.files()
		if err != nil {
			return nil, err
		}
		for name, b := range fs {
			res.files["family/"+g.pkg+"/"+name] = b
		}
		res.matched = append(res.matched, pkg)
	}
	sort.Strings(res.matched)
	if len(res.kept) == 0 && len(res.missing) == 0 && len(res.matched) == len(man) {
		res.files["internal/cmd/ynlgen/zfamilies_test.go"] = registry(res.matched)
	}
	return res, nil
}

var spdxRE = regexp.MustCompile(`SPDX-License-Identifier:\s*(.+)`)

func spdx(data []byte) string {
	if m := spdxRE.FindSubmatch(data); m != nil {
		return strings.TrimSpace(string(m[1]))
	}
	return "(no SPDX line)"
}

// registry is the test file that imports every generated package.
func registry(pkgs []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by ynlgen from the specs %s lists. DO NOT EDIT.\n\npackage main\n\nimport (\n", manifestName)
	b.WriteString("\t\"github.com/nlwire/nlwire/family\"\n")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", "github.com/nlwire/nlwire/family/"+p)
	}
	b.WriteString(")\n\n// generated holds every generated family, by spec name.\nvar generated = map[string]*family.Family{\n")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%s.Family.Name: &%s.Family,\n", p, p)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		panic(err) // the text above is fixed
	}
	return src
}

// write writes the files that differ from what root holds and returns
// their paths; with check it writes nothing.
func write(root string, files map[string][]byte, check bool) ([]string, error) {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var stale []string
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		old, err := os.ReadFile(p)
		if err == nil && bytes.Equal(old, files[n]) {
			continue
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		stale = append(stale, n)
		if check {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return nil, err
		}
	}
	return stale, nil
}
