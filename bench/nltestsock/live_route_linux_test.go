package nltestsock_test

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/internal/testenv"
)

// liveRoute dials rtnetlink, through jsimonetti/rtnetlink, in a network
// namespace it creates and deletes after the test; it skips the test
// without root or the ip command.
func liveRoute(t *testing.T) *rtnetlink.Conn {
	t.Helper()
	skipTranslated(t)
	if os.Geteuid() != 0 {
		testenv.Skip(t, "a network namespace needs root")
	}
	ip := testenv.LookPath(t, "ip")
	name := "nlwsock-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command(ip, "netns", "del", name).Run() })
	ns, err := os.Open("/run/netns/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Close() })
	c, err := rtnetlink.Dial(&netlink.Config{NetNS: int(ns.Fd()), Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// The running kernel answers newLinkCases, sent by rtnetlink's Link.New
// in a test namespace, as they record, which is what the fake answers
// (TestRtnetlinkExtendedAck).
func TestLiveRtnetlink(t *testing.T) {
	c := liveRoute(t)
	for _, lc := range newLinkCases {
		t.Run(strings.ReplaceAll(lc.name, " ", "_"), func(t *testing.T) {
			err := c.Link.New(&rtnetlink.LinkMessage{Attributes: &lc.attrs})
			oe := opError(t, err)
			var errno syscall.Errno
			errors.As(err, &errno)
			if errno != syscall.Errno(lc.errno) || oe.Message != lc.msg || oe.Offset != lc.offset {
				t.Errorf("kernel: %v; newLinkCases records errno %d, %q at %d", err, int(lc.errno), lc.msg, lc.offset)
			}
		})
	}
}
