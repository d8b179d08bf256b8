package main

import (
	"path/filepath"

	"github.com/nlwire/nlwire/internal/linuxsrc"
)

// errNoSources reports that no kernel sources were found.
var errNoSources = linuxsrc.ErrNoSources

// kernelSpecs returns the directory of the kernel's YNL specs, found as
// the ynl package's tests find them (linuxsrc.Root: NLWIRE_LINUX_SRC, an
// extracted /usr/src/linux-source-6.12*, or Debian's tarball, extracted
// once into the user's cache directory, the same copy the tests use).
func kernelSpecs() (string, error) {
	root, err := linuxsrc.Root(linuxsrc.YNLPaths()...)
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "Documentation/netlink/specs"), nil
}
