package nltestsock_test

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
)

// nla returns an attribute of type typ with payload p, in the host's
// byte order, padded to 4 bytes.
func nla(typ uint16, p ...byte) []byte {
	b := binary.NativeEndian.AppendUint16(nil, uint16(4+len(p)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, p...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// ctrlCase is a request to nlctrl and what Linux answers it with, as
// this machine's kernel (6.18) answered it through mdlayher/genetlink
// (TestLiveCtrl checks it again).
type ctrlCase struct {
	name  string
	cmd   uint8
	flags netlink.HeaderFlags
	data  []byte
	// The answer: errno 0 means success.
	errno  nlwire.Errno
	msg    string
	offset int
}

// ctrlCases are requests to nlctrl, most of which fail. Offsets count
// from the request's nlmsghdr; 20 is the first attribute.
func ctrlCases() []ctrlCase {
	name := func(s string) []byte { return nla(genl.CTRL_ATTR_FAMILY_NAME, append([]byte(s), 0)...) }
	do, dump := netlink.Request, netlink.Request|netlink.Dump
	return []ctrlCase{
		{name: "getfamily nlctrl", cmd: genl.CTRL_CMD_GETFAMILY, flags: do, data: name("nlctrl")},
		{name: "getfamily unknown type (liberal do)", cmd: genl.CTRL_CMD_GETFAMILY, flags: do,
			data: append(name("nlctrl"), nla(50, 1, 2, 3, 4)...)},
		{name: "getfamily id of 1 byte (liberal do)", cmd: genl.CTRL_CMD_GETFAMILY, flags: do,
			data: nla(genl.CTRL_ATTR_FAMILY_ID, 1), errno: nlwire.ERANGE, msg: "Attribute failed policy validation", offset: 20},
		{name: "getfamily unknown family", cmd: genl.CTRL_CMD_GETFAMILY, flags: do,
			data: name("no-such-family"), errno: nlwire.ENOENT},
		{name: "getfamily name without NUL in 16 bytes", cmd: genl.CTRL_CMD_GETFAMILY, flags: do,
			data: name("a-name-of-twenty-chars"), errno: nlwire.EINVAL, msg: "Attribute failed policy validation", offset: 20},
		{name: "getfamily id of 1 byte (strict dump)", cmd: genl.CTRL_CMD_GETFAMILY, flags: dump,
			data: nla(genl.CTRL_ATTR_FAMILY_ID, 1), errno: nlwire.EINVAL, msg: "invalid attribute length", offset: 20},
		{name: "getfamily unknown type (strict dump)", cmd: genl.CTRL_CMD_GETFAMILY, flags: dump,
			data: nla(50, 1, 2, 3, 4), errno: nlwire.EINVAL, msg: "Unknown attribute type", offset: 20},
		{name: "getpolicy without a family", cmd: genl.CTRL_CMD_GETPOLICY, flags: dump, errno: nlwire.EINVAL},
		{name: "getpolicy unknown family", cmd: genl.CTRL_CMD_GETPOLICY, flags: dump,
			data: name("no-such-family"), errno: nlwire.ENOENT},
		{name: "unknown command", cmd: 99, flags: do, errno: nlwire.EOPNOTSUPP},
	}
}

// ctrlAnswer is what genetlink returns for a ctrlCase.
type ctrlAnswer struct {
	Replies int
	Failed  bool
	Msg     string
	Offset  int
}

// askCtrl sends cs's request to nlctrl through c.
func askCtrl(c *genetlink.Conn, cs ctrlCase) (ctrlAnswer, error) {
	msgs, err := c.Execute(genetlink.Message{
		Header: genetlink.Header{Command: cs.cmd, Version: 1},
		Data:   cs.data,
	}, genl.GENL_ID_CTRL, cs.flags)
	var oe *netlink.OpError
	if errors.As(err, &oe) {
		return ctrlAnswer{Failed: true, Msg: oe.Message, Offset: oe.Offset}, err
	}
	return ctrlAnswer{Replies: len(msgs)}, err
}

// The fake's nlctrl answers each ctrlCase through genetlink as Linux
// does: the errno, extended ACK message and offset.
func TestCtrlAnswers(t *testing.T) {
	c := genetlink.NewConn(nltestsock.Dial(nltest.NewKernel(), nil))
	defer c.Close()
	for _, cs := range ctrlCases() {
		t.Run(strings.ReplaceAll(cs.name, " ", "_"), func(t *testing.T) {
			got, err := askCtrl(c, cs)
			if cs.errno == 0 {
				if err != nil || got.Replies == 0 {
					t.Fatalf("got %+v, %v; want success with replies", got, err)
				}
				return
			}
			want := ctrlAnswer{Failed: true, Msg: cs.msg, Offset: cs.offset}
			if got != want {
				t.Errorf("got %+v (%v), want %+v", got, err, want)
			}
			checkErrno(t, err, cs.errno)
		})
	}
}
