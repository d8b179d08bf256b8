//go:build linux

package xfrm_test

import (
	"strconv"
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/testenv"
)

// TestCStructs: the struct of every attribute that has one has the C
// struct's size, and each member its offset and size, as gcc lays them
// out (but the members that name what follows a struct: a security
// context's text, an xfrm_address_t's own bytes, which start at its
// size or at 0).
func TestCStructs(t *testing.T) {
	type cstruct struct {
		ctype string
		st    *family.Struct
	}
	var all []cstruct
	seen := map[*family.Struct]bool{}
	for _, set := range []*family.Set{&xfrm.Attrs, &xfrm.SADAttrs, &xfrm.SPDAttrs} {
		for _, a := range set.Attrs {
			if a.Struct == nil || seen[a.Struct] {
				continue
			}
			seen[a.Struct] = true
			ctype := "struct " + a.Struct.Name
			if a.Struct.Name == "xfrm_address_t" {
				ctype = a.Struct.Name
			}
			all = append(all, cstruct{ctype, a.Struct})
		}
	}
	if len(all) < 20 {
		t.Fatalf("only %d structs", len(all))
	}
	notInC := map[string]bool{"xfrm_user_sec_ctx.ctx": true, "xfrm_address_t.addr": true}
	src := testenv.CPrelude + cIncludes + "int main(void) {\n"
	for _, c := range all {
		src += `printf("` + c.st.Name + ` %zu\n", sizeof(` + c.ctype + "));\n"
		for _, m := range c.st.Members {
			key := c.st.Name + "." + m.Name
			if notInC[key] {
				continue
			}
			src += `printf("` + key + ` %zu\n", offsetof(` + c.ctype + ", " + m.Name + "));\n"
			if m.Kind != family.MemberBytes || m.Len != 0 {
				src += `printf("` + key + `.size %zu\n", sizeof(((` + c.ctype + " *)0)->" + m.Name + "));\n"
			}
		}
	}
	got := testenv.RunC(t, testenv.UAPIDir(t, "xfrm.h"), src+"return 0;\n}\n")
	for _, c := range all {
		if want := got[c.st.Name]; strconv.Itoa(c.st.Size) != want {
			t.Errorf("%s: Size %d, sizeof %s", c.st.Name, c.st.Size, want)
		}
		for _, m := range c.st.Members {
			key := c.st.Name + "." + m.Name
			switch {
			case notInC[key]:
				if m.Offset != 0 && m.Offset != c.st.Size {
					t.Errorf("%s at %d: neither at the start nor past the struct", key, m.Offset)
				}
			case strconv.Itoa(m.Offset) != got[key]:
				t.Errorf("%s at %d, offsetof %s", key, m.Offset, got[key])
			case (m.Kind != family.MemberBytes || m.Len != 0) && strconv.Itoa(m.Size()) != got[key+".size"]:
				t.Errorf("%s of %d bytes, sizeof %s", key, m.Size(), got[key+".size"])
			}
		}
	}
}
