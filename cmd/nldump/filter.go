package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// filter keeps the messages that match every condition set.
type filter struct {
	family       int    // -1: any
	typeName     string // "": any
	typeNum      int    // -1: any
	seq          int64  // -1: any
	hasTypeOrNum bool
}

func parseFilter(s string) (filter, error) {
	f := filter{family: -1, typeNum: -1, seq: -1}
	if s == "" {
		return f, nil
	}
	seen := map[string]bool{}
	for _, cond := range strings.Split(s, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(cond), "=")
		if !ok || val == "" {
			return f, fmt.Errorf("filter %q: want key=value", cond)
		}
		if seen[key] {
			return f, fmt.Errorf("filter: %s given twice (conditions must all hold)", key)
		}
		seen[key] = true
		switch key {
		case "family":
			n, err := parseFamily(val)
			if err != nil {
				return f, err
			}
			f.family = int(n)
		case "type":
			if n, err := strconv.ParseUint(val, 0, 16); err == nil {
				f.typeNum = int(n)
			} else {
				f.typeName = val
			}
		case "seq":
			n, err := strconv.ParseUint(val, 0, 32)
			if err != nil {
				return f, fmt.Errorf("filter seq: %w", err)
			}
			f.seq = int64(n)
		default:
			return f, fmt.Errorf("filter: unknown key %q (want family, type or seq)", key)
		}
	}
	return f, nil
}

func (f filter) match(fam uint16, h wire.Header, k *dissect.Kind) bool {
	if f.family >= 0 && int(fam) != f.family {
		return false
	}
	if f.typeNum >= 0 && int(h.Type) != f.typeNum {
		return false
	}
	// A generic message's name is "FAMILY COMMAND": either part matches.
	if f.typeName != "" {
		if name := k.FullName(); name != f.typeName && !strings.HasSuffix(name, " "+f.typeName) && !strings.HasPrefix(name, f.typeName+" ") {
			return false
		}
	}
	if f.seq >= 0 && int64(h.Seq) != f.seq {
		return false
	}
	return true
}

func asValidate(err error, target **validate.Error) bool { return errors.As(err, target) }
