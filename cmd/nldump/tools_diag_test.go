package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/wire"
)

// toolsDiagCapture is what ss and ip xfrm exchanged with the kernel,
// recorded by TestRecordDiagToolTraffic.
const toolsDiagCapture = "testdata/tools-diag.pcap"

// The netlink protocols of toolsDiagCapture's records besides
// NETLINK_ROUTE.
const (
	protoSockDiag = 4 // NETLINK_SOCK_DIAG
	protoXFRM     = 6 // NETLINK_XFRM
)

// TestToolsDiagCapture: what ss (NETLINK_SOCK_DIAG) and ip xfrm
// (NETLINK_XFRM) exchanged with Linux 6.18 (toolsDiagCapture) reads
// without a problem, as text and as JSON: every message of every record
// appears, named, with its fixed header decoded (ss's request for
// AF_VSOCK sockets too: a vsock_diag_req) and every attribute named. The values are the recording's: the TCP listener on
// 127.0.0.1:8080 and its connection, the unix socket pair bound to
// "\0nlwire-diag", the packet socket bound to EtherType 0x88b5; the SA of
// SPI 0x2000 from 10.0.0.1 to 10.0.0.3 that ip xfrm state allocspi made
// (this kernel has no ESP, so the SA of SPI 0x1000 it was asked to add
// with keys is refused, EPROTONOSUPPORT, and echoed), and the policy
// from 10.0.1.0/24 to 10.0.2.0/24.
func TestToolsDiagCapture(t *testing.T) {
	var want []nfMessage
	for i, dg := range capturetest.Datagrams(t, toolsDiagCapture) {
		if dg.Protocol != protoSockDiag && dg.Protocol != protoXFRM {
			t.Fatalf("record %d: protocol %d", i, dg.Protocol)
		}
		r := wire.NewReader(dg.Data).WithOrder(capture.GuessOrder(dg.Data, nlwire.Host()))
		for r.Next() {
			h := r.Header()
			want = append(want, nfMessage{Record: i, Offset: r.Offset(), Len: int(h.Len), TypeNum: int(h.Type), Seq: h.Seq})
		}
		if err := r.Err(); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if len(want) < 90 {
		t.Fatalf("only %d messages in %s", len(want), toolsDiagCapture)
	}

	out, errs, status := runNldump(t, toolsDiagCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	for _, want := range []string{
		"sock_diag SOCK_DIAG_BY_FAMILY len=72 flags=NLM_F_REQUEST|NLM_F_DUMP",
		"inet_diag_req_v2 family=2 protocol=6 ext=14 pad=0 states=4095",
		"inet_diag_msg family=2 state=10 timer=0 retrans=0 id.sport=8080 id.dport=0",
		"id.src=127.0.0.1 id.dst=0.0.0.0",
		"id.dport=8080", "INET_DIAG_CONG \"bbr\"", "INET_DIAG_REQ_BYTECODE", "INET_DIAG_REQ_PROTOCOL 262",
		"unix_diag_req family=1", "UNIX_DIAG_NAME 006e6c776972652d64696167", "UNIX_DIAG_PEER",
		"netlink_diag_msg family=16 type=3 protocol=4", "NETLINK_DIAG_MEMINFO",
		"packet_diag_msg family=17 type=3 num=34997", "PACKET_DIAG_INFO", "PACKET_DIAG_UID",
		"sock_diag SOCK_DESTROY", "sock_diag DCCPDIAG_GETSOCK", "inet_diag_req family=2",
		"xfrm XFRM_MSG_NEWSA len=436 flags=NLM_F_REQUEST|NLM_F_ACK",
		"error EPROTONOSUPPORT (93)", `msg "Requested type not found"`, "request XFRM_MSG_NEWSA",
		`XFRMA_ALG_CRYPT xfrm_algo alg_name="cbc(aes)" alg_key_len=128 alg_key=00112233445566778899aabbccddeeff`,
		`XFRMA_ALG_AUTH_TRUNC xfrm_algo_auth alg_name="hmac(sha256)" alg_key_len=256 alg_trunc_len=128`,
		"xfrm XFRM_MSG_ALLOCSPI", "min=8192 max=8192",
		"id.spi=8192 id.proto=50", "id.daddr=10.0.0.3 saddr=10.0.0.1",
		"xfrm_usersa_id spi=8192 family=2 proto=50 daddr=10.0.0.3", "XFRMA_SRCADDR xfrm_address_t addr=10.0.0.1",
		"XFRM_MSG_GETSA len=56 flags=NLM_F_REQUEST|NLM_F_DUMP", "XFRMA_ADDRESS_FILTER",
		"u32 flags=4294967295", "XFRMA_SAD_CNT 1", "XFRMA_SPD_HINFO", "XFRMA_SPD_IPV4_HTHRESH xfrmu_spdhthresh lbits=32 rbits=32",
		"xfrm_userpolicy_info", "dir=1 action=0", "sel.daddr=10.0.2.0 sel.saddr=10.0.1.0", "XFRMA_TMPL xfrm_user_tmpl [0].id.spi=0 [0].id.proto=50 [0].family=2 [0].reqid=7 [0].mode=1",
		"[0].ealgos=4294967295 [0].calgos=4294967295 [0].id.daddr=10.0.0.2 [0].saddr=10.0.0.1", "XFRMA_POLICY_TYPE xfrm_userpolicy_type type=0",
		"xfrm_userpolicy_id", "error ENOENT (2)", "xfrm_usersa_flush proto=0", "xfrm XFRM_MSG_FLUSHPOLICY",
		"xfrm XFRM_MSG_DELSA len=284 flags=0", "XFRMA_SA xfrm_usersa_info sel.dport=0", "XFRMA_REPLAY_VAL xfrm_replay_state oseq=0 seq=0 bitmap=0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	heads := 0
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, toolsDiagCapture+" #") {
			heads++
			if strings.Contains(line, " type ") {
				t.Errorf("line %d: message type not named: %s", i+1, line)
			}
		}
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "#") {
			t.Errorf("line %d: attribute by number: %s", i+1, line)
		}
	}
	if heads != len(want) {
		t.Errorf("text shows %d messages, the capture holds %d", heads, len(want))
	}

	js, errs, status := runNldump(t, "-json", toolsDiagCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-json: status %d, stderr:\n%s", status, errs)
	}
	var got []nfMessage
	attrs, payloads := 0, 0
	var sa, listener, vsock map[string]any
	for i, line := range strings.Split(strings.TrimSpace(js), "\n") {
		var m nfMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		got = append(got, m)
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		where := fmt.Sprintf("line %d (%v %v)", i+1, v["family"], v["type"])
		if fam := v["family"]; fam != "sock_diag" && fam != "xfrm" {
			t.Errorf("%s: family %v", where, fam)
		}
		attrs += namedAttrs(t, where, v)
		if _, ok := v["payload"]; ok {
			payloads++ // none: every header is decoded
		}
		hdr, _ := v["header"].(map[string]any)
		switch {
		case hdr == nil:
		case hdr["struct"] == "xfrm_usersa_info" && hdr["id.spi"] == 8192.0 && sa == nil:
			sa = hdr
		case hdr["struct"] == "inet_diag_msg" && hdr["state"] == 10.0 && listener == nil:
			listener = hdr
		case hdr["struct"] == "vsock_diag_req":
			vsock = hdr
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-capture +nldump):\n%s", diff)
	}
	if attrs < 90 || payloads != 0 { // 98 attributes
		t.Errorf("%d attributes decoded, %d payloads as bytes", attrs, payloads)
	}
	pick := func(m map[string]any, keys ...string) map[string]any {
		out := map[string]any{}
		for _, k := range keys {
			out[k] = m[k]
		}
		return out
	}
	if diff := cmp.Diff(map[string]any{"id.spi": 8192.0, "id.proto": 50.0, "id.daddr": "10.0.0.3", "saddr": "10.0.0.1",
		"sel.daddr": "10.0.0.3", "sel.saddr": "10.0.0.1", "family": 2.0},
		pick(sa, "id.spi", "id.proto", "id.daddr", "saddr", "sel.daddr", "sel.saddr", "family")); diff != "" {
		t.Errorf("the SA (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"family": 2.0, "id.sport": 8080.0, "id.src": "127.0.0.1", "id.dst": "0.0.0.0"},
		pick(listener, "family", "id.sport", "id.src", "id.dst")); diff != "" {
		t.Errorf("the listener (-want +got):\n%s", diff)
	}
	// ss asks for AF_VSOCK sockets in its default states (0xb37).
	if diff := cmp.Diff(map[string]any{"family": 40.0, "protocol": 0.0, "states": 2871.0, "ino": 0.0, "show": 0.0},
		pick(vsock, "family", "protocol", "states", "ino", "show")); diff != "" {
		t.Errorf("the AF_VSOCK request (-want +got):\n%s", diff)
	}

	// Every xfrm request ip sent is one xfrma_policy accepts (the SA
	// with keys was refused by its handler, not the policy), but the dump
	// of XFRM_MSG_GETPOLICY, whose attributes the kernel does not read.
	out, errs, status = runNldump(t, "-validate", toolsDiagCapture)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("-validate: status %d, stderr:\n%s", status, errs)
	}
	if n, m := strings.Count(out, "(LIBERAL) accepted"), strings.Count(out, "would be rejected"); n != 13 || m != 0 {
		t.Errorf("-validate: %d requests accepted, %d rejected; want 13 and 0", n, m)
	}
}
