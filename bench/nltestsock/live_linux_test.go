package nltestsock_test

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nltest"
)

// liveGenl dials the running kernel's generic netlink through
// mdlayher/genetlink, with extended ACKs and strict checking on, as
// nltest's default Config has them; it skips the test if that fails.
func liveGenl(t *testing.T) *genetlink.Conn {
	t.Helper()
	skipTranslated(t)
	c, err := genetlink.Dial(&netlink.Config{Strict: true})
	if err != nil {
		testenv.Skip(t, "no generic netlink socket: "+err.Error())
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// skipTranslated skips the test when this program's byte order is not
// the machine's, judged by the ELF header of its shell (/bin/sh): then
// an emulator such as qemu-user runs the test and translates netlink
// messages, and it leaves extended ACK attributes in the kernel's byte
// order, so mdlayher/netlink cannot read them. An unreadable shell is
// taken to be native.
func skipTranslated(t *testing.T) {
	t.Helper()
	f, err := os.Open("/bin/sh")
	if err != nil {
		return
	}
	defer f.Close()
	var ident [6]byte // e_ident up to EI_DATA
	if _, err := io.ReadFull(f, ident[:]); err != nil || string(ident[:4]) != "\x7fELF" {
		return
	}
	big := binary.NativeEndian.Uint16([]byte{0, 1}) == 1
	if ident[5] == 2 /* ELFDATA2MSB */ != big {
		testenv.Skip(t, "the machine's byte order is not this program's: netlink is translated by an emulator")
	}
}

// The same requests to nlctrl, through the same genetlink code, get the
// same answers from the running kernel and from the fake: success or
// the same errno, extended ACK message and offset, and each is the
// answer ctrlCases records.
func TestLiveCtrl(t *testing.T) {
	live := liveGenl(t)
	fake := genetlink.NewConn(nltestsock.Dial(nltest.NewKernel(), nil))
	defer fake.Close()
	for _, cs := range ctrlCases() {
		t.Run(strings.ReplaceAll(cs.name, " ", "_"), func(t *testing.T) {
			lg, lerr := askCtrl(live, cs)
			fg, ferr := askCtrl(fake, cs)
			var lno, fno syscall.Errno
			errors.As(lerr, &lno)
			errors.As(ferr, &fno)
			if lno != fno || (lerr == nil) != (ferr == nil) {
				t.Errorf("errors: kernel %v, fake %v", lerr, ferr)
			}
			if cs.errno == 0 {
				// Replies count the families a dump lists, which differ.
				lg.Replies, fg.Replies = min(lg.Replies, 1), min(fg.Replies, 1)
			}
			if diff := cmp.Diff(lg, fg); diff != "" {
				t.Errorf("answer (-kernel +fake):\n%s", diff)
			}
			if lno != syscall.Errno(cs.errno) || lg.Msg != cs.msg || lg.Offset != cs.offset {
				t.Errorf("kernel answered %v %+v; ctrlCases records errno %d, %q at %d", lerr, lg, int(cs.errno), cs.msg, cs.offset)
			}
		})
	}
}

// genetlink's GetFamily("nlctrl") finds the same family in the running
// kernel and in the fake, and nlctrl's own description (operations,
// header size, maximum attribute) is the same in both.
func TestLiveCtrlFamily(t *testing.T) {
	live := liveGenl(t)
	fake := genetlink.NewConn(nltestsock.Dial(nltest.NewKernel(), nil))
	defer fake.Close()
	lf, err := live.GetFamily("nlctrl")
	if err != nil {
		t.Fatal(err)
	}
	ff, err := fake.GetFamily("nlctrl")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(lf, ff); diff != "" {
		t.Errorf("GetFamily(nlctrl) (-kernel +fake):\n%s", diff)
	}
	if diff := cmp.Diff(getFamily(t, live, "nlctrl"), getFamily(t, fake, "nlctrl")); diff != "" {
		t.Errorf("nlctrl's CTRL_CMD_GETFAMILY reply (-kernel +fake):\n%s", diff)
	}
}
