package main

import (
	"bytes"
	"os"
	"testing"
)

// TestUpToDate: the committed zshapes.go is what shapegen makes of the
// committed decode.go (regenerate with go generate ./... in bench).
func TestUpToDate(t *testing.T) {
	src, err := os.ReadFile("../../decode.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../zshapes.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("zshapes.go is stale: run go generate ./... in bench")
	}
}

// TestGenerateRefuses: a decode.go without decodeNlwire is an error.
func TestGenerateRefuses(t *testing.T) {
	if _, err := generate([]byte("package bench\n")); err == nil {
		t.Error("no error for a file without decodeNlwire")
	}
}
