package main

import (
	"path/filepath"
	"testing"
)

func TestSpecName(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	for _, tc := range []struct{ spec, want string }{
		{"../spec", "../spec"},
		{filepath.Join(filepath.Dir(wd), "spec"), filepath.Join("..", "spec")},
		{filepath.Join(wd, "docs", "v1.0"), filepath.Join("docs", "v1.0")},
		// Sharing only the root with the working directory: a path that
		// climbs to it is no steadier than the absolute one.
		{"/nowhere-else/spec", "/nowhere-else/spec"},
	} {
		if got := specName(tc.spec); got != tc.want {
			t.Errorf("specName(%q) in %s = %q, want %q", tc.spec, wd, got, tc.want)
		}
	}
}
