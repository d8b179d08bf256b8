//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/nlwire/nlwire/internal/testenv"
)

// diagSockets is the Python program TestRecordDiagToolTraffic runs in
// its namespace: a TCP listener on diagPort with one connection to it
// (both ends kept open), a unix stream listener with a connected pair,
// and a packet socket; it prints "ready" and waits to be killed.
const diagSockets = `import socket, time
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(('127.0.0.1', 8080)); l.listen()
c = socket.create_connection(('127.0.0.1', 8080)); a, _ = l.accept()
u = socket.socket(socket.AF_UNIX); u.bind('\0nlwire-diag'); u.listen()
uc = socket.socket(socket.AF_UNIX); uc.connect('\0nlwire-diag'); ua, _ = u.accept()
p = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88b5))
print('ready', flush=True)
time.sleep(60)
`

// TestRecordDiagToolTraffic records, with -record, what ss (over
// NETLINK_SOCK_DIAG) and ip xfrm (over NETLINK_XFRM) send and receive
// into toolsDiagCapture, in a namespace it creates and deletes, with a
// TCP listener and connection, unix sockets and a packet socket open.
// TestToolsDiagCapture checks the capture.
func TestRecordDiagToolTraffic(t *testing.T) {
	if !*recordTools {
		t.Skip("records only with -record")
	}
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	python := testenv.LookPath(t, "python3")
	testenv.LookPath(t, "ss")
	r := &socketRecorder{t: t, ip: ip, strace: testenv.LookPath(t, "strace"), dumps: map[uint32]bool{}}
	ns := "nldumpdiag-" + strconv.Itoa(os.Getpid())
	shell(t, ip, "netns", "add", ns)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", ns).Run() })
	in := func(args ...string) { shell(t, ip, append([]string{"-n", ns}, args...)...) }
	in("link", "set", "lo", "up")
	in("link", "add", "v0", "type", "veth", "peer", "name", "v1")
	in("addr", "add", "10.0.0.1/24", "dev", "v0")
	in("link", "set", "v0", "up")
	in("link", "set", "v1", "up")

	socks := exec.Command(ip, "netns", "exec", ns, python, "-c", diagSockets)
	var sout bytes.Buffer
	socks.Stdout, socks.Stderr = &sout, &sout
	if err := socks.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { socks.Process.Kill(); socks.Wait() }()
	for i := 0; !bytes.Contains(sout.Bytes(), []byte("ready")); i++ {
		if i == 50 {
			t.Fatalf("sockets not ready: %s", sout.Bytes())
		}
		time.Sleep(100 * time.Millisecond)
	}

	// ss: TCP with process, internal info and timers; unix; netlink;
	// packet; a summary; and a socket destroyed (SOCK_DESTROY).
	r.run(ns, false, "ss", "-tanpi")
	r.run(ns, false, "ss", "-tlnoe")
	r.run(ns, false, "ss", "-xa")
	r.run(ns, false, "ss", "-a", "-A", "netlink")
	r.run(ns, false, "ss", "-0a")
	r.run(ns, false, "ss", "-uam")
	r.run(ns, true, "ss", "-K", "dst", "127.0.0.1", "dport", "=", "8080")

	// xfrm: this kernel has no xfrm types (no ESP, AH or IPcomp), so an
	// SA added with keys is refused (ESRCH, echoed with its request),
	// and the SA listed, read, counted and deleted is the larval one an
	// SPI allocation makes (min = max: the SPI is 0x2000); a policy
	// added, listed, read, counted and deleted; flushes; and the events
	// ip xfrm monitor sees meanwhile.
	sa := []string{"src", "10.0.0.1", "dst", "10.0.0.3", "proto", "esp", "spi", "0x2000"}
	pol := []string{"src", "10.0.1.0/24", "dst", "10.0.2.0/24", "dir", "out"}
	dir := t.TempDir()
	mon := r.start(ns, dir, "timeout", "-s", "INT", "3", "ip", "xfrm", "monitor")
	time.Sleep(500 * time.Millisecond)
	r.run(ns, true, "ip", "xfrm", "state", "add", "src", "10.0.0.1", "dst", "10.0.0.2", "proto", "esp", "spi", "0x1000",
		"reqid", "7", "mode", "tunnel",
		"enc", "cbc(aes)", "0x00112233445566778899aabbccddeeff",
		"auth-trunc", "hmac(sha256)", "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "128",
		"sel", "src", "10.0.1.0/24", "dst", "10.0.2.0/24")
	r.run(ns, false, "ip", "xfrm", "state", "allocspi", "src", "10.0.0.1", "dst", "10.0.0.3", "proto", "esp", "min", "0x2000", "max", "0x2000")
	r.run(ns, false, "ip", "xfrm", "state", "list")
	r.run(ns, false, "ip", append([]string{"xfrm", "state", "get"}, sa...)...)
	r.run(ns, false, "ip", "xfrm", "state", "count")
	r.run(ns, false, "ip", append(append([]string{"xfrm", "policy", "add"}, pol...),
		"tmpl", "src", "10.0.0.1", "dst", "10.0.0.2", "proto", "esp", "reqid", "7", "mode", "tunnel")...)
	r.run(ns, false, "ip", "xfrm", "policy", "list")
	r.run(ns, false, "ip", append([]string{"xfrm", "policy", "get"}, pol...)...)
	r.run(ns, false, "ip", "xfrm", "policy", "count")
	r.run(ns, false, "ip", append([]string{"xfrm", "policy", "delete"}, pol...)...)
	r.run(ns, true, "ip", append([]string{"xfrm", "policy", "delete"}, pol...)...)
	r.run(ns, false, "ip", append([]string{"xfrm", "state", "delete"}, sa...)...)
	r.run(ns, false, "ip", "xfrm", "state", "flush")
	r.run(ns, false, "ip", "xfrm", "policy", "flush")
	r.collect(mon, dir, true)
	r.write(toolsDiagCapture, protoSockDiag, protoXFRM)
}
