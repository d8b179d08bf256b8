package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// The manifest (specs.txt beside this file) records, for every
// generated package, the spec file it was generated from, the SHA-256
// of that file's bytes and the kernel tree the file was read from: one
// line "package file sha256 source...", '#' starting a comment. It holds
// facts about the specs, none of their text, and is written by hand when
// a spec is added or replaced: ynlgen regenerates a package only from
// the very bytes the manifest names, and keeps the committed package
// (saying so) when the spec directory holds another version of its
// spec. So the 6.12 specs CI has regenerate the packages committed from
// them and leave alone those committed from newer ones.

// manifestName is the manifest's path under the module's root.
const manifestName = "internal/cmd/ynlgen/specs.txt"

// entry is one line of the manifest.
type entry struct {
	Pkg    string // the generated package ("rtlink")
	File   string // the spec's file name ("rt-link.yaml")
	SHA256 string // the SHA-256 of the spec file, in hex
	Source string // the tree the spec was read from ("Linux 6.12", "torvalds/linux commit 0123...")
}

func (e entry) String() string {
	return e.Pkg + " " + e.File + " " + e.SHA256 + " " + e.Source
}

// manifest maps package names to their entries.
type manifest map[string]entry

// readManifest reads the manifest at path.
func readManifest(path string) (manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseManifest(f, path)
}

// parseManifest reads a manifest; name is used in errors.
func parseManifest(r io.Reader, name string) (manifest, error) {
	m := manifest{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want \"package file sha256 source\", have %q", name, line, text)
		}
		e := entry{Pkg: f[0], File: f[1], SHA256: f[2], Source: strings.Join(f[3:], " ")}
		if b, err := hex.DecodeString(e.SHA256); err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("%s:%d: %q is not a SHA-256 in hex", name, line, e.SHA256)
		}
		if pkgName(strings.TrimSuffix(e.File, ".yaml")) == "" || !strings.HasSuffix(e.File, ".yaml") {
			return nil, fmt.Errorf("%s:%d: %q is not a spec file name", name, line, e.File)
		}
		if _, dup := m[e.Pkg]; dup {
			return nil, fmt.Errorf("%s:%d: package %s listed twice", name, line, e.Pkg)
		}
		m[e.Pkg] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// pkgs returns the manifest's packages, sorted.
func (m manifest) pkgs() []string {
	var p []string
	for k := range m {
		p = append(p, k)
	}
	sort.Strings(p)
	return p
}

// specSum is the hex SHA-256 of a spec file's bytes.
func specSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
