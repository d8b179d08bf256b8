package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// The kernel sources the specs come from, found as the ynl package's
// tests find them: the Debian package linux-source-6.12 ships them as
// /usr/src/linux-source-6.12.tar.xz, whose Documentation/netlink is
// extracted once into the user's cache directory (the same directory
// the ynl tests use); NLWIRE_LINUX_SRC may name an extracted tree.
const kernelTarballGlob = "/usr/src/linux-source-6.12*.tar.xz"

// errNoSources reports that no kernel sources were found.
var errNoSources = errors.New("kernel sources not found: no " + kernelTarballGlob +
	" (apt-get install linux-source-6.12), no /usr/src/linux-source-6.12*, and NLWIRE_LINUX_SRC not set")

// kernelSpecs returns the directory of the kernel's YNL specs.
func kernelSpecs() (string, error) {
	var roots []string
	if dir := os.Getenv("NLWIRE_LINUX_SRC"); dir != "" {
		roots = append(roots, dir)
	}
	dirs, _ := filepath.Glob("/usr/src/linux-source-6.12*")
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			roots = append(roots, d)
		}
	}
	for _, r := range roots {
		d := filepath.Join(r, "Documentation/netlink/specs")
		if _, err := os.Stat(d); err == nil {
			return d, nil
		}
	}
	tarballs, _ := filepath.Glob(kernelTarballGlob)
	if len(tarballs) == 0 {
		return "", errNoSources
	}
	tarball := tarballs[len(tarballs)-1]
	fi, err := os.Stat(tarball)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	base := strings.TrimSuffix(filepath.Base(tarball), ".tar.xz")
	dir := filepath.Join(cache, "nlwire-ynl", base+"-"+strconv.FormatInt(fi.Size(), 10)+"-"+strconv.FormatInt(fi.ModTime().Unix(), 10))
	specs := filepath.Join(dir, base, "Documentation/netlink/specs")
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return specs, nil
	}
	tar, err := exec.LookPath("tar")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "extract-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(tar, "-xJf", tarball, "-C", tmp, "--wildcards",
		base+"/Documentation/netlink/*", base+"/tools/net/ynl/*")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("tar: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), nil, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, err2 := os.Stat(filepath.Join(dir, "complete")); err2 != nil {
			return "", err
		}
	}
	return specs, nil
}
