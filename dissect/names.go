package dissect

import "strconv"

// nameCache holds the names built for numbers no table names ("type
// 42", "genl-0x1c", "msg 7"): one string per distinct prefix and number,
// so that a capture full of messages the tables do not know costs an
// allocation per distinct type, not one per message. Numbers are 16 bits
// and prefixes constants of this package, so it never holds more than
// 65536 names a prefix, whatever the input.
type nameCache struct {
	m map[nameKey]string
}

type nameKey struct {
	prefix string
	n      uint16
}

// name returns prefix followed by n in base 10 or 16.
func (c *nameCache) name(prefix string, n uint16, base int) string {
	k := nameKey{prefix, n}
	if s, ok := c.m[k]; ok {
		return s
	}
	if c.m == nil {
		c.m = make(map[nameKey]string)
	}
	s := prefix + strconv.FormatUint(uint64(n), base)
	c.m[k] = s
	return s
}
