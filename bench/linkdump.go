//go:build linux

package bench

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	mdl "github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// errNeedsRoot is returned by newLinkNS when not run as root.
var errNeedsRoot = errors.New("the socket benchmark needs root")

// The namespace of newLinkNS holds linkNSPairs veth pairs, both ends of
// each, and lo.
const (
	linkNSPairs = 32
	linkNSLinks = 2*linkNSPairs + 1
)

// newLinkNS creates a network namespace with linkNSPairs veth pairs
// (linkNSLinks links with lo) and returns its path and a function
// deleting it. It needs root and the ip command.
func newLinkNS() (path string, del func(), err error) {
	if os.Geteuid() != 0 {
		return "", nil, errNeedsRoot
	}
	ip, err := exec.LookPath("ip")
	if err != nil {
		return "", nil, err
	}
	name := "nlwbench-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("ip netns add: %v: %s", err, out)
	}
	del = func() { exec.Command(ip, "netns", "del", name).Run() }
	var batch strings.Builder
	for i := range linkNSPairs {
		batch.WriteString("link add b" + strconv.Itoa(i) + " type veth peer name p" + strconv.Itoa(i) + "\n")
	}
	cmd := exec.Command(ip, "-n", name, "-batch", "-")
	cmd.Stdin = strings.NewReader(batch.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		del()
		return "", nil, fmt.Errorf("ip -batch: %v: %s", err, out)
	}
	return "/run/netns/" + name, del, nil
}

// linkDumpers dial the namespace at path and return a function dumping
// its links once, reading every top-level attribute of every link and
// returning the number of links: nlsock's Execute and mdlayher/netlink's
// Conn.Execute. close releases the sockets.
func linkDumpers(path string) (nlw, md, hand func() (int, error), close func(), err error) {
	c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: path})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	raw, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: path})
	if err != nil {
		c.Close()
		return nil, nil, nil, nil, err
	}
	bl := wire.NewBuilder(nil)
	m := bl.Start(wire.Header{Type: unix.RTM_GETLINK, Flags: wire.Request | wire.Dump})
	bl.FamilyHeader(ifinfomsgLen) // a zero struct ifinfomsg: every family
	bl.End(m)
	req, _ := bl.Finish()
	msgs := 0
	fn := func(msg wire.Message) error {
		d := msg.Attrs(ifinfomsgLen)
		for d.Next() {
		}
		msgs++
		return d.Err()
	}
	nlw = func() (int, error) {
		msgs = 0
		err := c.Execute(req, fn)
		return msgs, err
	}

	// The floor: the same request and datagrams through the socket's
	// bare Send and Receive, split and walked by hand, no checks beyond
	// the lengths.
	rbuf := make([]byte, 32768)
	hand = func() (int, error) {
		if err := raw.Send(req); err != nil {
			return 0, err
		}
		n := 0
		for {
			k, err := raw.Receive(rbuf)
			if err != nil {
				return n, err
			}
			b := rbuf[:k]
			for len(b) >= 16 {
				ml := int(binary.NativeEndian.Uint32(b))
				if ml < 16 || ml > len(b) {
					return n, errLen
				}
				switch binary.NativeEndian.Uint16(b[4:]) {
				case unix.NLMSG_DONE:
					return n, nil
				case unix.NLMSG_ERROR:
					return n, errors.New("dump failed")
				}
				a := b[16+ifinfomsgLen : ml]
				for {
					var ok bool
					if _, _, a, ok = walk(a); !ok {
						break
					}
				}
				n++
				b = b[min((ml+3)&^3, len(b)):]
			}
		}
	}

	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		c.Close()
		raw.Close()
		return nil, nil, nil, nil, err
	}
	mc, err := mdl.Dial(unix.NETLINK_ROUTE, &mdl.Config{NetNS: fd})
	if err != nil {
		c.Close()
		raw.Close()
		unix.Close(fd)
		return nil, nil, nil, nil, err
	}
	mreq := mdl.Message{Header: mdl.Header{Type: unix.RTM_GETLINK, Flags: mdl.Request | mdl.Dump}, Data: make([]byte, ifinfomsgLen)}
	md = func() (int, error) {
		replies, err := mc.Execute(mreq)
		if err != nil {
			return 0, err
		}
		n := 0
		for _, m := range replies {
			ad, err := mdl.NewAttributeDecoder(m.Data[ifinfomsgLen:])
			if err != nil {
				return n, err
			}
			for ad.Next() {
			}
			if err := ad.Err(); err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}
	close = func() { c.Close(); raw.Close(); mc.Close(); unix.Close(fd) }
	return nlw, md, hand, close, nil
}

func linkDumpWorkload() (Workload, error) {
	path, del, err := newLinkNS()
	if err != nil {
		return Workload{}, err
	}
	nlw, md, hand, closeSocks, err := linkDumpers(path)
	if err != nil {
		del()
		return Workload{}, err
	}
	loop := func(dump func() (int, error)) func(n int) error {
		return func(n int) error {
			for range n {
				if k, err := dump(); err != nil || k < linkNSLinks {
					return fmt.Errorf("dumped %d links: %v", k, err)
				}
			}
			return nil
		}
	}
	return Workload{
		Name:   "LinkDump",
		What:   fmt.Sprintf("RTM_GETLINK dump of a namespace of %d links through a real socket, every top-level attribute read", linkNSLinks),
		Impls:  []Impl{{"nlwire", loop(nlw)}, {"mdlayher", loop(md)}, {"handwritten", loop(hand)}},
		Ratios: []Ratio{{"mdlayher", "nlwire", ""}, {"nlwire", "handwritten", ""}, {"mdlayher", "handwritten", ""}},
		Check: func() error {
			a, err := nlw()
			if err != nil {
				return err
			}
			b, err := md()
			if err != nil {
				return err
			}
			h, err := hand()
			if err != nil {
				return err
			}
			if a != b || a != h || a < linkNSLinks {
				return fmt.Errorf("nlwire dumped %d links, mdlayher %d, by hand %d", a, b, h)
			}
			return nil
		},
		Close: func() { closeSocks(); del() },
	}, nil
}
