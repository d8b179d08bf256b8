// Package linuxsrc finds the Linux 6.12 sources that ynlgen and the tests
// read: the tree NLWIRE_LINUX_SRC names, an extracted
// /usr/src/linux-source-6.12*, or the Debian package linux-source-6.12's
// tarball /usr/src/linux-source-6.12.tar.xz, of which only the paths
// asked for are extracted, once, into the user's cache directory.
//
// It imports only the standard library; only tests and commands use it.
package linuxsrc

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// EnvVar names the environment variable that may name an extracted tree.
const EnvVar = "NLWIRE_LINUX_SRC"

// TarballGlob matches the Debian package's tarball.
const TarballGlob = "/usr/src/linux-source-6.12*.tar.xz"

// ErrNoSources reports that no kernel sources were found (or that tar,
// needed to extract them, is missing); tests skip on it.
var ErrNoSources = errors.New("kernel sources not found: no " + TarballGlob +
	" (apt-get install linux-source-6.12), no /usr/src/linux-source-6.12*, and " + EnvVar + " not set")

// Root returns the root of a Linux 6.12 source tree holding every one of
// paths (relative to the root, files or directories, extracted with what
// is under them): $NLWIRE_LINUX_SRC or an extracted
// /usr/src/linux-source-6.12* if it holds them all, or else a directory
// of the user's cache directory into which they were extracted from the
// tarball, keyed by the tarball's name, size and modification time and
// by paths (hashed if that is too long for a file name). It returns an
// error wrapping ErrNoSources if there are no sources or no tar.
func Root(paths ...string) (string, error) {
	if len(paths) == 0 {
		return "", errors.New("linuxsrc: no paths")
	}
	var roots []string
	if dir := os.Getenv(EnvVar); dir != "" {
		roots = append(roots, dir)
	}
	dirs, _ := filepath.Glob("/usr/src/linux-source-6.12*")
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			roots = append(roots, d)
		}
	}
	for _, r := range roots {
		if holds(r, paths) {
			return r, nil
		}
	}
	tarballs, _ := filepath.Glob(TarballGlob)
	if len(tarballs) == 0 {
		return "", ErrNoSources
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
	key := base + "-" + strconv.FormatInt(fi.Size(), 10) + "-" + strconv.FormatInt(fi.ModTime().Unix(), 10) + "-" + strings.Join(paths, ",")
	name := strings.ReplaceAll(key, "/", "_")
	if len(name) > 200 { // too long for a file name: its hash
		name = fmt.Sprintf("%x", sha256.Sum256([]byte(key)))
	}
	dir := filepath.Join(cache, "nlwire-linuxsrc", name)
	root := filepath.Join(dir, base)
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return root, nil
	}
	tar, err := exec.LookPath("tar")
	if err != nil {
		return "", fmt.Errorf("%w: tar not found: %v", ErrNoSources, err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "extract-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	args := []string{"-xJf", tarball, "-C", tmp}
	for _, p := range paths {
		args = append(args, base+"/"+strings.Trim(filepath.ToSlash(p), "/"))
	}
	if out, err := exec.Command(tar, args...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("tar %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	if !holds(filepath.Join(tmp, base), paths) {
		return "", fmt.Errorf("%s does not hold every one of %s", tarball, strings.Join(paths, ", "))
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), nil, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, err2 := os.Stat(filepath.Join(dir, "complete")); err2 != nil {
			return "", err
		} // else another process extracted it first
	}
	return root, nil
}

// holds reports whether every one of paths exists under root.
func holds(root string, paths []string) bool {
	for _, p := range paths {
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			return false
		}
	}
	return true
}

// YNLPaths returns the paths the readers of the kernel's YNL specs ask
// for (its specs, under Documentation/netlink, and its Python library
// and C generator, under tools/net/ynl), so that they share one
// extracted copy.
func YNLPaths() []string {
	return []string{"Documentation/netlink", "tools/net/ynl"}
}
