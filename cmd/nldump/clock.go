package main

import "time"

// clock formats a record's time as JSON output prints it (RFC 3339 with
// nanoseconds, in UTC), remembering the date and time of day of the last
// second it formatted: a capture's records come many a second, and
// time.AppendFormat costs more than the rest of a short message.
type clock struct {
	sec int64    // the last second formatted (Unix time), if set
	day [19]byte // its date and time of day: "2006-01-02T15:04:05"
	set bool
}

// appendTime appends t as t.UTC().AppendFormat(b, time.RFC3339Nano)
// does, for a year from 0 to 9999.
func (c *clock) appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	if sec := t.Unix(); !c.set || sec != c.sec {
		n := len(b)
		b = t.AppendFormat(b, time.RFC3339Nano)
		if len(b)-n < len(c.day) {
			c.set = false
			return b
		}
		copy(c.day[:], b[n:])
		c.sec, c.set = sec, true
		return b
	}
	b = append(b, c.day[:]...)
	if ns := t.Nanosecond(); ns != 0 {
		// Nine digits, without the trailing zeros.
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i > 0; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		end := len(frac)
		for frac[end-1] == '0' {
			end--
		}
		b = append(b, frac[:end]...)
	}
	return append(b, 'Z')
}
