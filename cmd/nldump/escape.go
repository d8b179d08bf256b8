package main

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// safeName reports whether s can be printed bare in text output: it is
// not empty and made only of letters, digits and "_-.:/+,=@", so it can
// neither move the terminal nor pass for another field or line.
func safeName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_', c == '-', c == '.', c == ':', c == '/', c == '+', c == ',', c == '=', c == '@':
		default:
			return false
		}
	}
	return true
}

// quote returns s as text output prints a name that came from the input
// or the command line (a file name): bare if safeName, else Go-quoted
// with every control character and invalid byte escaped.
func quote(s string) string {
	if safeName(s) {
		return s
	}
	return strconv.QuoteToASCII(s)
}

// appendJSONString appends s as a JSON string. Besides what JSON requires,
// it escapes DEL, every character strconv.IsPrint refuses (C1 controls,
// bidirectional overrides, line separators) and invalid UTF-8 (as
// U+FFFD), so that no string from the input can move a terminal the
// output is shown on or reorder what it shows.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	n := jsonPlainLen(s)
	b = append(b, s[:n]...)
	if n < len(s) {
		b = appendJSONEscaped(b, s[n:])
	}
	return append(b, '"')
}

// jsonPlainLen returns the length of the longest prefix of s that
// appendJSONString copies as it is (printable ASCII but '"' and '\\'),
// looking at eight bytes at a time: the names and values of a dump are
// all plain.
func jsonPlainLen(s string) int {
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		if !plainWord(load64(s[i : i+8])) {
			return i + jsonPlainBytes(s[i:i+8])
		}
	}
	switch rest := s[i:]; {
	case len(rest) == 0:
		return len(s)
	case len(s) >= 8: // the last eight bytes, some of them seen already
		if plainWord(load64(s[len(s)-8:])) {
			return len(s)
		}
	case len(rest) >= 4: // the first and last four
		if plainWord(uint64(load32(rest[:4])) | uint64(load32(rest[len(rest)-4:]))<<32) {
			return len(s)
		}
	}
	return i + jsonPlainBytes(s[i:])
}

// jsonPlainBytes is jsonPlainLen a byte at a time.
func jsonPlainBytes(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return i
		}
	}
	return len(s)
}

// plainWord reports whether the eight bytes of x are all plain, as
// jsonPlainLen means.
func plainWord(x uint64) bool {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	// A byte's high bit is set in any of these where the byte is under
	// 0x20, 0x7f or over, '"' or '\\' (and perhaps in bytes after such a
	// byte, which does not matter: the word is not plain).
	ctl := (x - 0x20*ones) &^ x
	del := x + ones | x
	quote := x ^ '"'*ones
	quote = (quote - ones) &^ quote
	bslash := x ^ '\\'*ones
	bslash = (bslash - ones) &^ bslash
	return (ctl|del|quote|bslash)&highs == 0
}

// load64 returns the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 returns the first four bytes of s as a little-endian word.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendJSONEscaped appends s, whose first byte is not plain, as
// appendJSONString does between the quotes.
func appendJSONEscaped(b []byte, s string) []byte {
	const hexdigits = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			b = append(b, c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexdigits[c>>4], hexdigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case !strconv.IsPrint(r):
			// C1 controls, bidirectional overrides, line separators and
			// other format characters: escaped, as UTF-16 code units.
			if r >= 0x10000 {
				r1, r2 := utf16.EncodeRune(r)
				b = appendU(b, r1)
				r = r2
			}
			b = appendU(b, r)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// appendU appends the JSON escape \uXXXX of the UTF-16 code unit r.
func appendU(b []byte, r rune) []byte {
	const hexdigits = "0123456789abcdef"
	return append(b, '\\', 'u', hexdigits[r>>12&0xf], hexdigits[r>>8&0xf], hexdigits[r>>4&0xf], hexdigits[r&0xf])
}
