package genl_test

import (
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/internal/dumptest"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func header(_ uint16, b []byte) string {
	h, err := genl.ParseHeader(b, nlwire.LittleEndian)
	if err != nil {
		return err.Error()
	}
	return "genlmsghdr cmd=" + genl.Commands.Name(uint16(h.Cmd)) + " version=" + strconv.Itoa(int(h.Version))
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"getfamily", "getpolicy_nlctrl"} {
		t.Run(name, func(t *testing.T) {
			dgrams, err := testenv.ReadHex(filepath.Join("testdata", name+".hex"))
			if err != nil {
				t.Fatal(err)
			}
			d := dumptest.Dumper{Msgs: &genl.Messages, Order: nlwire.LittleEndian, Header: header}
			got := d.Dump(dgrams)
			for _, p := range d.Problems {
				t.Error(p)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestNlctrlFacts finds nlctrl with ID GENL_ID_CTRL in the family dump.
func TestNlctrlFacts(t *testing.T) {
	dgrams, err := testenv.ReadHex("testdata/getfamily.hex")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, dg := range dgrams {
		r := wire.NewReader(dg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			if r.Header().Type != genl.GENL_ID_CTRL {
				continue
			}
			d := r.Attrs(genl.HeaderLen)
			var name string
			var id uint16
			for d.Next() {
				switch d.Type() {
				case genl.CTRL_ATTR_FAMILY_NAME:
					name = d.String()
				case genl.CTRL_ATTR_FAMILY_ID:
					id = d.Uint16()
				}
			}
			if name == "nlctrl" {
				found = true
				if id != genl.GENL_ID_CTRL {
					t.Errorf("nlctrl has ID %#x", id)
				}
			}
		}
	}
	if !found {
		t.Error("nlctrl not in the dump")
	}
}

// TestPoliciesMatchKernel compares FamilyPolicy and PolicyPolicy with the
// policies this machine's kernel exported for nlctrl.
func TestPoliciesMatchKernel(t *testing.T) {
	dgrams, err := testenv.ReadHex("testdata/getpolicy_nlctrl.hex")
	if err != nil {
		t.Fatal(err)
	}
	var payloads [][]byte
	for _, dg := range dgrams {
		r := wire.NewReader(dg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			if r.Header().Type == genl.GENL_ID_CTRL {
				payloads = append(payloads, r.Payload()[genl.HeaderLen:])
			}
		}
	}
	dump, err := validate.ParsePolicyDump(payloads, nlwire.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	defer func() {
		if compared < 4 {
			t.Errorf("compared %d rules, want at least 4", compared)
		}
	}()
	for _, c := range []struct {
		cmd  uint8
		want *validate.Policy
	}{{genl.CTRL_CMD_GETFAMILY, &genl.FamilyPolicy}, {genl.CTRL_CMD_GETPOLICY, &genl.PolicyPolicy}} {
		do, dmp := dump.Op(c.cmd)
		for _, got := range []*validate.Policy{do, dmp} {
			if got == nil {
				continue
			}
			for typ := uint16(1); typ <= 10; typ++ {
				g, w := got.Rule(typ), c.want.Rule(typ)
				if (g == nil) != (w == nil) {
					t.Errorf("cmd %d type %d: kernel rule %v, ours %v", c.cmd, typ, g, w)
					continue
				}
				if g == nil {
					continue
				}
				compared++
				gd, _ := g.Describe()
				wd, _ := w.Describe()
				if diff := cmp.Diff(wd, gd); diff != "" {
					t.Errorf("cmd %d type %d (-ours +kernel):\n%s", c.cmd, typ, diff)
				}
			}
		}
	}
}

func TestHeader(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := genl.Header{Cmd: rapid.Uint8().Draw(t, "c"), Version: rapid.Uint8().Draw(t, "v"), Reserved: rapid.Uint16().Draw(t, "r")}
		for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
			b := h.Append(nil, o)
			got, err := genl.ParseHeader(b, o)
			if err != nil || got != h || len(b) != genl.HeaderLen {
				t.Fatalf("%v: %v -> % x -> %v, %v", o, h, b, got, err)
			}
		}
	})
	if _, err := genl.ParseHeader([]byte{1}, nlwire.Native); err == nil {
		t.Error("short header parsed")
	}
}

var _ wire.FixedHeader = genl.Header{}

// TestPutFixedHeader: a CTRL_CMD_GETFAMILY request built in either byte
// order has its genlmsghdr in the Builder's order (the reserved field
// shows it), laid out by hand here.
func TestPutFixedHeader(t *testing.T) {
	for _, tt := range []struct {
		o    nlwire.Order
		want string
	}{
		{nlwire.LittleEndian, "2000000010000100010000000000000003020100" + "0b0002006e6c6374726c0000"},
		{nlwire.BigEndian, "0000002000100001000000010000000003020001" + "000b00026e6c6374726c0000"},
	} {
		b := wire.NewBuilder(nil).WithOrder(tt.o)
		m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request, Seq: 1})
		wire.PutFixedHeader(&b, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 2, Reserved: 1})
		b.Attrs().String(genl.CTRL_ATTR_FAMILY_NAME, "nlctrl")
		b.End(m)
		out, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(out); got != tt.want {
			t.Errorf("%v:\n got %s\nwant %s", tt.o, got, tt.want)
		}
	}
}

func TestAllocs(t *testing.T) {
	b := make([]byte, 0, 8)
	var sink int
	n := testing.AllocsPerRun(100, func() {
		b = genl.Header{Cmd: 3, Version: 1}.Append(b[:0], nlwire.BigEndian)
		h, _ := genl.ParseHeader(b, nlwire.BigEndian)
		sink += int(h.Cmd) + len(genl.Commands.Name(genl.CTRL_CMD_GETPOLICY)) + len(genl.CtrlAttrs.Name(genl.CTRL_ATTR_OPS))
		v, _ := genl.PolicyTypeAttrs.Lookup("NL_POLICY_TYPE_ATTR_MASK")
		sink += int(v)
		bl := wire.NewBuilder(b[:0]).WithOrder(nlwire.BigEndian)
		m := bl.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request})
		wire.PutFixedHeader(&bl, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 2})
		bl.End(m)
		b, _ = bl.Finish()
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
	_ = sink
}

func TestNoFmt(t *testing.T) { testenv.CheckCodecImports(t) }
