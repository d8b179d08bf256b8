//go:build linux

package nlsock_test

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
)

// needRoot skips the test (fails it under NLWIRE_NO_SKIP=1) unless it
// runs as root, which network namespaces and link changes need.
func needRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
}

var nsCount atomic.Int32

// testNS is a network namespace made for one test and deleted after it.
type testNS struct {
	Name, Path string
	ip         string
}

// newNS creates a network namespace nlwtest-<pid>-<n> with lo up and
// deletes it when the test ends. Every request that changes something is
// sent only into such a namespace.
func newNS(t testing.TB) *testNS {
	t.Helper()
	needRoot(t)
	ip := testenv.LookPath(t, "ip")
	staleOnce.Do(func() { removeStaleNS(ip) })
	name := "nlwtest-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(int(nsCount.Add(1)))
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		testenv.Skip(t, "ip netns add: "+err.Error()+": "+string(out))
	}
	ns := &testNS{Name: name, Path: "/run/netns/" + name, ip: ip}
	t.Cleanup(func() {
		if out, err := exec.Command(ip, "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, out)
		}
	})
	ns.IP(t, "link", "set", "lo", "up")
	return ns
}

// IP runs ip -n NS args... and returns its output.
func (ns *testNS) IP(t testing.TB, args ...string) string {
	t.Helper()
	out, err := exec.Command(ns.ip, append([]string{"-n", ns.Name}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ip -n %s %s: %v: %s", ns.Name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Dial opens a socket of the family inside the namespace and checks that
// it really is there, not in the host's namespace.
func (ns *testNS) Dial(t testing.TB, family int, cfg *nlsock.Config) *nlsock.Conn {
	t.Helper()
	if cfg == nil {
		cfg = &nlsock.Config{}
	}
	cfg.NetNS = ns.Path
	c, err := nlsock.Dial(family, cfg)
	if err != nil {
		t.Fatalf("Dial in %s: %v", ns.Name, err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	var host, want syscall.Stat_t
	if err := syscall.Stat("/proc/self/ns/net", &host); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Stat(ns.Path, &want); err != nil {
		t.Fatal(err)
	}
	if host.Ino == want.Ino {
		t.Fatalf("namespace %s is the host's", ns.Path)
	}
	return c
}

// dialHost opens a socket in the test's own namespace, for read-only use.
func dialHost(t testing.TB, family int, cfg *nlsock.Config) *nlsock.Conn {
	t.Helper()
	c, err := nlsock.Dial(family, cfg)
	if err != nil {
		testenv.Skip(t, "netlink socket: "+err.Error())
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c
}

var staleOnce sync.Once

// removeStaleNS deletes the namespaces an earlier, killed test run left
// behind: nlwtest-<pid>-<n> whose process is gone.
func removeStaleNS(ip string) {
	out, err := exec.Command(ip, "netns", "list").Output()
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		rest, ok := strings.CutPrefix(name, "nlwtest-")
		if !ok {
			continue
		}
		pid, _, _ := strings.Cut(rest, "-")
		if _, err := os.Stat("/proc/" + pid); err == nil {
			continue // still running
		}
		exec.Command(ip, "netns", "del", name).Run()
	}
}
