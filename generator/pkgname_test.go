package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/templates"
)

func TestHasPackageDoc(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"no folder", nil, false},
		{"hand-written doc.go", map[string]string{"doc.go": "// Package models is ours.\npackage models\n"}, true},
		{"a file without a package comment", map[string]string{"x.go": "package models\n\n// Not the package's.\nvar X int\n"}, false},
		{"graphgen's own", map[string]string{"graphgen_doc.go": templates.Header + "\n\n// Package models holds...\npackage models\n"}, false},
		{"a tool of another package", map[string]string{"gen.go": "//go:build ignore\n\n// Command gen makes things.\npackage main\n"}, false},
		{"a test file", map[string]string{"x_test.go": "// Package models is tested.\npackage models\n"}, false},
		{"a comment apart from the clause", map[string]string{"x.go": "// Copyright notice.\n\npackage models\n"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "models")
			if tc.files != nil {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for name, src := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := generator.HasPackageDoc(dir, "models")
			if err != nil || got != tc.want {
				t.Errorf("HasPackageDoc = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
