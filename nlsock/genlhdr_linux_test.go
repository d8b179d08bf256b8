package nlsock_test

import (
	"errors"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// TestGenlHeaderAgainstKernel sends the kernel a netdev request (a
// family whose resv_start_op is 0: every command is checked) with every
// nlmsg_flags value, and with a non-zero genlmsghdr.reserved, and holds
// validate.GenlHeader's verdict against the kernel's: the kernel
// answers one of the two header messages exactly when GenlHeader fails
// with it. (Execute adds NLM_F_REQUEST and NLM_F_ACK to every flags
// value, so 16384 distinct values reach the kernel.)
func TestGenlHeaderAgainstKernel(t *testing.T) {
	c := dialHost(t, nlsock.Generic, nil)
	f, err := c.GenlFamily("netdev")
	if errors.Is(err, nlwire.ENOENT) {
		testenv.Skip(t, "no netdev generic netlink family: kernel older than 6.5")
	}
	if err != nil {
		t.Fatalf("netdev family: %v", err)
	}
	const devGet = 1 // NETDEV_CMD_DEV_GET
	seen := map[string]int{}
	for _, reserved := range []uint16{0, 1, 0x100} {
		step := 1
		if reserved != 0 {
			step = 97 // a sample: the reserved check comes first
		}
		for flags := 0; flags < 1<<16; flags += step {
			fl := wire.Flags(flags) | wire.Request | wire.Ack
			if flags != int(fl) {
				continue // the same request as flags|REQUEST|ACK
			}
			b := wire.NewBuilder(nil)
			m := b.Start(wire.Header{Type: f.ID, Flags: fl})
			h := b.FamilyHeader(4)
			h[0], h[1], h[2], h[3] = devGet, 1, byte(reserved), byte(reserved>>8)
			b.End(m)
			req, _ := b.Finish()
			kerr, err := c.ExecuteAck(req, func(wire.Message) error { return nil })
			var we *wire.Error
			if err != nil && !errors.As(err, &we) {
				t.Fatalf("flags %#x: %v", flags, err)
			}
			kmsg := string(kerr.Msg)
			if kmsg != validate.MsgGenlReserved && kmsg != validate.MsgGenlFlags {
				kmsg = "" // answered past the header check
			}
			var want string
			if err := validate.GenlHeader(uint16(fl), h, 0); err != nil {
				want = err.(*validate.Error).Msg
			}
			if kmsg != want {
				t.Fatalf("flags %#x reserved %#x: kernel %q (errno %v), GenlHeader %q", uint16(fl), reserved, kerr.Msg, kerr.Errno, want)
			}
			seen[want]++
		}
	}
	if seen[""] == 0 || seen[validate.MsgGenlFlags] == 0 || seen[validate.MsgGenlReserved] == 0 {
		t.Errorf("verdicts seen: %v", seen)
	}
	t.Logf("verdicts: %v", seen)
}
