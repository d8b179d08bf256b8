//go:build linux

package testenv

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// UAPIDir returns a directory whose linux/ holds the named headers of
// the 6.12 kernel's include/uapi/linux (from NLWIRE_LINUX_SRC, an
// unpacked /usr/src/linux-source-6.12, or Debian's tarball, extracted
// once into the user's cache directory), for gcc's -I ahead of the
// system's older headers; or skips the test.
func UAPIDir(t testing.TB, headers ...string) string {
	t.Helper()
	roots := []string{os.Getenv("NLWIRE_LINUX_SRC")}
	dirs, _ := filepath.Glob("/usr/src/linux-source-6.12*")
	roots = append(roots, dirs...)
	for _, r := range roots {
		if r == "" {
			continue
		}
		if fi, err := os.Stat(filepath.Join(r, "include/uapi/linux", headers[0])); err == nil && !fi.IsDir() {
			return filepath.Join(r, "include/uapi")
		}
	}
	tarballs, _ := filepath.Glob("/usr/src/linux-source-6.12*.tar.xz")
	if len(tarballs) == 0 {
		Skip(t, "kernel headers not found: no /usr/src/linux-source-6.12*.tar.xz (apt-get install linux-source-6.12) and NLWIRE_LINUX_SRC not set")
	}
	tarball := tarballs[len(tarballs)-1]
	fi, err := os.Stat(tarball)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	base := strings.TrimSuffix(filepath.Base(tarball), ".tar.xz")
	key := base + "-" + strconv.FormatInt(fi.Size(), 10) + "-" + strconv.FormatInt(fi.ModTime().Unix(), 10) + "-" + strings.Join(headers, ",")
	name := strings.ReplaceAll(key, "/", "_")
	if len(name) > 200 { // too long for a file name: its hash
		name = fmt.Sprintf("%x", sha256.Sum256([]byte(key)))
	}
	dir := filepath.Join(cache, "nlwire-uapi", name)
	inc := filepath.Join(dir, base, "include/uapi")
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return inc
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-xJf", tarball, "-C", dir}
	for _, h := range headers {
		args = append(args, base+"/include/uapi/linux/"+h)
	}
	if out, err := exec.Command(LookPath(t, "tar"), args...).CombinedOutput(); err != nil {
		t.Fatalf("tar %s: %v: %s", strings.Join(args, " "), err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return inc
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
