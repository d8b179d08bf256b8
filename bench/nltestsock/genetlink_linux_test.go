package nltestsock_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mdlayher/genetlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/genl"
)

// genetlink's own GetFamily and ListFamilies (Linux-only code in
// genetlink v1.4.0) resolve the registered family and nlctrl against
// the fake; an unknown name is ENOENT, as from the kernel.
func TestGenetlinkGetFamily(t *testing.T) {
	k, id := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()

	want := genetlink.Family{ID: id, Version: testVersion, Name: testName}
	for _, g := range testGroups {
		want.Groups = append(want.Groups, genetlink.MulticastGroup{ID: g.ID, Name: g.Name})
	}
	got, err := c.GetFamily(testName)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GetFamily (-registered +resolved):\n%s", diff)
	}

	ctrl := genetlink.Family{ID: genl.GENL_ID_CTRL, Version: 2, Name: "nlctrl",
		Groups: []genetlink.MulticastGroup{{ID: genl.GENL_ID_CTRL, Name: "notify"}}}
	all, err := c.ListFamilies()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]genetlink.Family{ctrl, want}, all); diff != "" {
		t.Errorf("ListFamilies (-want +got):\n%s", diff)
	}

	_, err = c.GetFamily("no-such-family")
	checkErrno(t, err, nlwire.ENOENT)
}
