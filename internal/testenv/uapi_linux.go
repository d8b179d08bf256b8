//go:build linux

package testenv

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// UAPIDir returns a directory whose linux/ holds the named headers of
// the 6.12 kernel's include/uapi/linux (LinuxSrc: from NLWIRE_LINUX_SRC,
// an unpacked /usr/src/linux-source-6.12, or Debian's tarball, of which
// only those headers are extracted, once, into the user's cache
// directory), for gcc's -I ahead of the system's older headers; or
// skips the test.
func UAPIDir(t testing.TB, headers ...string) string {
	t.Helper()
	paths := make([]string, len(headers))
	for i, h := range headers {
		paths[i] = "include/uapi/linux/" + h
	}
	return filepath.Join(LinuxSrc(t, paths...), "include/uapi")
}

// RunC compiles the C program src with gcc, the directory inc ahead of
// the system's headers, runs it, and returns its output's lines of the
// form "NAME VALUE" as a map.
func RunC(t testing.TB, inc, src string) map[string]string {
	t.Helper()
	gcc := LookPath(t, "gcc")
	dir := t.TempDir()
	c, bin := filepath.Join(dir, "p.c"), filepath.Join(dir, "p")
	if err := os.WriteFile(c, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(gcc, "-Wall", "-Werror", "-I", inc, "-o", bin, c).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v:\n%s", err, out)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatalf("%s: %v", bin, err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), " "); ok {
			m[k] = v
		}
	}
	return m
}

// CPrelude is what every C program of the tests starts with: a dump of a
// struct's bytes in hex, and the printing of a constant.
const CPrelude = `#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
static void __attribute__((unused)) dump(const char *name, const void *p, size_t n) {
	printf("%s ", name);
	for (size_t i = 0; i < n; i++) printf("%02x", ((const unsigned char *)p)[i]);
	printf("\n");
}
#define C(x) printf("%s %llu\n", #x, (unsigned long long)(x));
`
