//go:build linux

package route_test

import (
	"testing"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/family/route"
)

// TestLastUnixConstants proves the address label, prefix and
// lightweight tunnel constants that golang.org/x/sys/unix also defines
// equal to it.
func TestLastUnixConstants(t *testing.T) {
	pairs := []struct {
		name      string
		got, want int64
	}{
		{"IFAL_ADDRESS", route.IFAL_ADDRESS, unix.IFAL_ADDRESS},
		{"IFAL_LABEL", route.IFAL_LABEL, unix.IFAL_LABEL},
		{"PREFIX_UNSPEC", route.PREFIX_UNSPEC, unix.PREFIX_UNSPEC},
		{"PREFIX_ADDRESS", route.PREFIX_ADDRESS, unix.PREFIX_ADDRESS},
		{"PREFIX_CACHEINFO", route.PREFIX_CACHEINFO, unix.PREFIX_CACHEINFO},
		{"SizeofPrefixmsg", route.PrefixMsgLen, unix.SizeofPrefixmsg},
		{"LWTUNNEL_ENCAP_NONE", route.LWTUNNEL_ENCAP_NONE, unix.LWTUNNEL_ENCAP_NONE},
		{"LWTUNNEL_ENCAP_MPLS", route.LWTUNNEL_ENCAP_MPLS, unix.LWTUNNEL_ENCAP_MPLS},
		{"LWTUNNEL_ENCAP_IP", route.LWTUNNEL_ENCAP_IP, unix.LWTUNNEL_ENCAP_IP},
		{"LWTUNNEL_ENCAP_ILA", route.LWTUNNEL_ENCAP_ILA, unix.LWTUNNEL_ENCAP_ILA},
		{"LWTUNNEL_ENCAP_IP6", route.LWTUNNEL_ENCAP_IP6, unix.LWTUNNEL_ENCAP_IP6},
		{"LWTUNNEL_ENCAP_SEG6", route.LWTUNNEL_ENCAP_SEG6, unix.LWTUNNEL_ENCAP_SEG6},
		{"LWTUNNEL_ENCAP_BPF", route.LWTUNNEL_ENCAP_BPF, unix.LWTUNNEL_ENCAP_BPF},
		{"LWTUNNEL_ENCAP_SEG6_LOCAL", route.LWTUNNEL_ENCAP_SEG6_LOCAL, unix.LWTUNNEL_ENCAP_SEG6_LOCAL},
		{"LWTUNNEL_ENCAP_RPL", route.LWTUNNEL_ENCAP_RPL, unix.LWTUNNEL_ENCAP_RPL},
		{"LWTUNNEL_ENCAP_IOAM6", route.LWTUNNEL_ENCAP_IOAM6, unix.LWTUNNEL_ENCAP_IOAM6},
		{"LWTUNNEL_ENCAP_XFRM", route.LWTUNNEL_ENCAP_XFRM, unix.LWTUNNEL_ENCAP_XFRM},
		{"MPLS_IPTUNNEL_DST", route.MPLS_IPTUNNEL_DST, unix.MPLS_IPTUNNEL_DST},
		{"MPLS_IPTUNNEL_TTL", route.MPLS_IPTUNNEL_TTL, unix.MPLS_IPTUNNEL_TTL},
	}
	for _, p := range pairs {
		if p.got != p.want {
			t.Errorf("%s = %d, unix says %d", p.name, p.got, p.want)
		}
	}
}
