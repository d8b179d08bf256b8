package route_test

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/testenv"
)

func dumpAttrs(b []byte) attr.Decoder { return attr.NewDecoder(b).WithOrder(nlwire.LittleEndian) }

func loadHex(path string) ([][]byte, error) { return testenv.ReadHex(path) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
