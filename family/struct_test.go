package family_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/family"
)

// TestNewStruct: a struct alone names its members by their names, an
// array names those of each of its first MaxStructElems elements by
// index; Member.Size is the C member's size, 0 for bytes to the end.
func TestNewStruct(t *testing.T) {
	members := []family.Member{{Name: "a", Kind: family.MemberU16}, {Name: "b", Kind: family.MemberAddr, Offset: 4},
		{Name: "k", Kind: family.MemberBytes, Offset: 20}}
	one := family.NewStruct("s", 20, false, members...)
	if diff := cmp.Diff([][]string{{"a", "b", "k"}}, one.Names); diff != "" {
		t.Errorf("struct (-want +got):\n%s", diff)
	}
	arr := family.NewStruct("s", 20, true, members...)
	if len(arr.Names) != family.MaxStructElems {
		t.Fatalf("%d element names", len(arr.Names))
	}
	if diff := cmp.Diff([]string{"[5].a", "[5].b", "[5].k"}, arr.Names[5]); diff != "" {
		t.Errorf("element 5 (-want +got):\n%s", diff)
	}
	var sizes []int
	for _, k := range []family.MemberKind{family.MemberU8, family.MemberS16, family.MemberBE32, family.MemberU64, family.MemberAddr, family.MemberIPv4, family.MemberIPv6} {
		m := family.Member{Kind: k}
		sizes = append(sizes, m.Size())
	}
	str := family.Member{Kind: family.MemberString, Len: 64}
	sizes = append(sizes, str.Size(), members[2].Size())
	if diff := cmp.Diff([]int{1, 2, 4, 8, 16, 4, 16, 64, 0}, sizes); diff != "" {
		t.Errorf("sizes (-want +got):\n%s", diff)
	}
}
