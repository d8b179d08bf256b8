package main

import "strconv"

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
