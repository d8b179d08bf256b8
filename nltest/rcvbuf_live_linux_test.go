//go:build linux

package nltest_test

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// procNetlink returns the Rmem and Drops columns of the NETLINK_GENERIC
// socket of the port ID in /proc/net/netlink.
func procNetlink(t *testing.T, port uint32) (rmem, drops int) {
	t.Helper()
	f, err := os.Open("/proc/net/netlink")
	if err != nil {
		testenv.Skip(t, "no /proc/net/netlink: "+err.Error())
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		fs := strings.Fields(s.Text())
		if len(fs) > 8 && fs[1] == "16" && fs[2] == strconv.FormatUint(uint64(port), 10) {
			rmem, _ = strconv.Atoi(fs[4])
			drops, _ = strconv.Atoi(fs[8])
			return rmem, drops
		}
	}
	t.Fatalf("port %d not in /proc/net/netlink", port)
	return 0, 0
}

// step is what one operation on a socket left: the bytes charged to its
// receive queue, its drops, and for a receive the length or error.
type step struct {
	Op          string
	Rmem, Drops int
	N           int
	Err         string
}

// TestLiveReceiveBuffer holds the fake's receive buffer against the
// kernel's: sockets with SO_RCVBUF 4096 (sk_rcvbuf 8192) are sent twelve
// requests of an unknown family, each answered by a 40-byte
// NLMSG_ERROR charged 832 bytes, until the queue is full and the
// errors are dropped; then a dump of nlctrl's families, whose start finds no room and
// whose ENOBUFS answer is dropped too. Receiving with 64 KiB buffers
// (through nlsock's peek and read) returns ENOBUFS before the queued
// errors, then the errors, until the dump, which wants a datagram of
// MaxDumpSize, again finds no room, and every receive fails with ENOBUFS
// while the error stays queued. After every operation, the fake's
// Queued and Dropped must equal /proc/net/netlink's Rmem and Drops.
func TestLiveReceiveBuffer(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Skip(t, "SO_RCVBUFFORCE needs root")
	}
	real, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{ReadBuffer: 4096})
	if err != nil {
		testenv.Skip(t, "dial NETLINK_GENERIC: "+err.Error())
	}
	defer real.Close()
	fake := nltest.NewKernel().Dial(&nltest.Config{ReadBuffer: 4096})

	unknown := msg(wire.Header{Type: 0x3ff, Flags: wire.Request, Seq: 9}, []byte{1, 0, 0, 0}, nil)
	dump := ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Dump, 10, nil)
	var reals, fakes []step
	record := func(op string, n int, rerr, ferr error, fn int) {
		r, d := procNetlink(t, real.PortID())
		reals = append(reals, step{op, r, d, n, errName(rerr)})
		fr, _ := fake.Queued()
		fakes = append(fakes, step{op, fr, int(fake.Dropped()), fn, errName(ferr)})
	}
	for i := range 12 {
		rerr, ferr := real.Send(unknown), fake.Send(unknown)
		record("send "+strconv.Itoa(i), 0, rerr, ferr, 0)
	}
	rerr, ferr := real.Send(dump), fake.Send(dump)
	record("send dump", 0, rerr, ferr, 0)
	rbuf, fbuf := make([]byte, 1<<16), make([]byte, 1<<16)
	for i := range 10 {
		real.SetReadDeadline(time.Now().Add(time.Second))
		n, rerr := real.Receive(rbuf)
		fn, ferr := fake.Receive(fbuf)
		record("receive "+strconv.Itoa(i), n, rerr, ferr, fn)
	}
	if diff := cmp.Diff(reals, fakes); diff != "" {
		t.Errorf("kernel (-) and fake (+) differ:\n%s", diff)
	}
	if last := reals[len(reals)-1]; last.Err != "ENOBUFS" || last.Rmem != 4*832 {
		t.Errorf("the kernel's last receive: %+v, want ENOBUFS with 4 errors queued", last)
	}
}

// errName names an error by the errno it matches, or "".
func errName(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOBUFS):
		return "ENOBUFS"
	}
	return err.Error()
}

// TestLiveDumpFlow holds the fake's dump pacing against the kernel's:
// nlctrl's dump of ethtool's policies, received through nlsock with buffers of
// GoodSize and the default receive buffer, leaves /proc/net/netlink's
// Rmem growing by a datagram (4352 bytes) per Receive, as the peek and
// the read each let netlink_dump go on; a fake dump of as many
// datagrams must leave the same Rmem after the Send and each Receive.
func TestLiveDumpFlow(t *testing.T) {
	real, err := nlsock.Dial(nlsock.Generic, nil)
	if err != nil {
		testenv.Skip(t, "dial NETLINK_GENERIC: "+err.Error())
	}
	defer real.Close()
	dump := ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, 3, enc(func(e *attr.Encoder) {
		e.String(genl.CTRL_ATTR_FAMILY_NAME, "ethtool")
	}))
	if err := real.Send(dump); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, nltest.GoodSize)
	var reals []int
	for n := 0; ; n++ {
		r, _ := procNetlink(t, real.PortID())
		reals = append(reals, r)
		if r == 0 || n > 100 {
			break
		}
		real.SetReadDeadline(time.Now().Add(time.Second))
		if _, err := real.Receive(buf); err != nil {
			t.Fatalf("receive %d: %v", n, err)
		}
	}
	datagrams := len(reals) - 1
	if datagrams < 3 {
		testenv.Skip(t, "ethtool's policy dump takes "+strconv.Itoa(datagrams)+" datagrams here; the test needs 3")
	}

	k := nltest.NewKernel()
	id, err := k.Register(&nltest.Family{Name: "paced", Ops: []nltest.Op{{Cmd: 1, Dump: func(req *nltest.Request, rep *nltest.Reply) error {
		rep.Start(1)
		rep.End()
		if req.Args[0]++; req.Args[0] < int64(datagrams) {
			return nltest.ErrMore
		}
		return nil
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	c := k.Dial(nil)
	if err := c.Send(msg(wire.Header{Type: id, Flags: wire.Request | wire.Dump}, []byte{1, 0, 0, 0}, nil)); err != nil {
		t.Fatal(err)
	}
	var fakes []int
	for {
		r, _ := c.Queued()
		fakes = append(fakes, r)
		if r == 0 {
			break
		}
		if _, err := c.Receive(buf); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(reals, fakes); diff != "" {
		t.Errorf("Rmem after the Send and each Receive of %d datagrams: kernel (-) and fake (+) differ:\n%s", datagrams, diff)
	}
}
