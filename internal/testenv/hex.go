package testenv

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// ReadHex reads a testdata file of datagrams in hex, one a line; blank
// lines and lines starting with '#' are skipped.
func ReadHex(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		b, err := hex.DecodeString(line)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, sc.Err()
}

// ReadPolicyDump reads a recorded CTRL_CMD_GETPOLICY dump (little-endian
// netlink messages in hex, one a line, as ReadHex reads them) and returns
// the attributes of each reply, after the nlmsghdr and the genlmsghdr:
// what validate.ParsePolicyDump takes. NLMSG_DONE is skipped; an error
// reply or a bad length fails the test.
func ReadPolicyDump(tb testing.TB, path string) [][]byte {
	tb.Helper()
	msgs, err := ReadHex(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, m := range msgs {
		if len(m) < 20 || int(binary.LittleEndian.Uint32(m)) != len(m) {
			tb.Fatalf("%s: bad message length", path)
		}
		switch binary.LittleEndian.Uint16(m[4:]) {
		case 2: // NLMSG_ERROR
			tb.Fatalf("%s: error reply", path)
		case 3: // NLMSG_DONE
			continue
		}
		out = append(out, m[20:])
	}
	return out
}
