package testenv

import (
	"errors"
	"testing"

	"github.com/nlwire/nlwire/internal/linuxsrc"
)

// LinuxSrc returns the root of the Linux 6.12 sources holding every one
// of paths (linuxsrc.Root), or skips the test if there are none (fails
// it under NLWIRE_NO_SKIP=1), or fails it on another error.
func LinuxSrc(tb testing.TB, paths ...string) string {
	tb.Helper()
	root, err := linuxsrc.Root(paths...)
	if errors.Is(err, linuxsrc.ErrNoSources) {
		Skip(tb, err.Error())
	}
	if err != nil {
		tb.Fatal(err)
	}
	return root
}
