package linuxsrc

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootEnv(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "include/uapi/linux"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "include/uapi/linux/x.h"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvVar, dir)
	got, err := Root("include/uapi/linux/x.h", "include/uapi")
	if err != nil || got != dir {
		t.Fatalf("Root = %q, %v; want %q", got, err, dir)
	}
	if _, err := Root(); err == nil {
		t.Fatal("Root() did not fail")
	}
}
