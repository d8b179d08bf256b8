package ynl_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/nlwire/nlwire/ynl"
)

// A small generic netlink family: implicit values, a flags definition,
// a nest and an operation.
const exampleSpec = `
name: demo
definitions:
  - name: caps
    type: flags
    entries: [ rx, tx, zerocopy ]
attribute-sets:
  - name: dev
    attributes:
      - name: ifindex
        type: u32
        checks:
          min: 1
      - name: caps
        type: u64
        enum: caps
      - name: queue
        type: nest
        nested-attributes: queue
        multi-attr: true
  - name: queue
    attributes:
      - name: id
        type: u32
operations:
  list:
    - name: dev-get
      attribute-set: dev
      do:
        request:
          attributes: [ ifindex ]
        reply:
          attributes: [ ifindex, caps, queue ]
`

func Example() {
	spec, err := ynl.Parse(strings.NewReader(exampleSpec))
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range spec.AttrSet("dev").Attributes {
		fmt.Println(a.CName, a.Value, a.Type)
	}
	for _, e := range spec.Definition("caps").Entries {
		fmt.Printf("%s = %#x\n", e.CName, e.Mask)
	}
	op := spec.Operation("dev-get")
	fmt.Println(op.CName, op.Value, len(op.Do.Reply.Attrs))
	fmt.Println(spec.AttrSet("dev").Attr("queue").Nested.Attr("id").CName)

	_, err = ynl.Parse(strings.NewReader("name: demo\nattribute-sets:\n  - name: s\n    attributes:\n      - {name: a, type: u24}\n"))
	fmt.Println(err)
	// Output:
	// DEMO_A_DEV_IFINDEX 1 u32
	// DEMO_A_DEV_CAPS 2 u64
	// DEMO_A_DEV_QUEUE 3 nest
	// DEMO_CAPS_RX = 0x1
	// DEMO_CAPS_TX = 0x2
	// DEMO_CAPS_ZEROCOPY = 0x4
	// DEMO_CMD_DEV_GET 1 3
	// DEMO_A_QUEUE_ID
	// ynl:5:25: unknown attribute type "u24"
}
