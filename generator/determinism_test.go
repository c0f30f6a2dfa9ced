package generator_test

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator"
)

// TestOutputDoesNotDependOnScheduling generates spec/beta one page at a
// time, eight at a time, from a copy whose files were created in reverse
// order with decreasing modification times, from an in-memory folder, and
// from a folder that lists its files in a shuffled order, and wants the same
// bytes and the same diagnostics every time.
func TestOutputDoesNotDependOnScheduling(t *testing.T) {
	const src = "../spec/beta"
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	reversed := t.TempDir()
	mem := fstest.MapFS{}
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(reversed, e.Name())
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		stamp = stamp.Add(-time.Hour)
		if err := os.Chtimes(p, stamp, stamp); err != nil {
			t.Fatal(err)
		}
		mem[e.Name()] = &fstest.MapFile{Data: b, Mode: 0o644}
	}

	gen := func(t *testing.T, fsysName string, opts generator.Options) (map[string][]byte, []string) {
		t.Helper()
		var res *generator.Result
		var err error
		switch fsysName {
		case "disk":
			res, err = generator.Generate(os.DirFS(src), "spec/beta", opts)
		case "reversed":
			res, err = generator.Generate(os.DirFS(reversed), "spec/beta", opts)
		case "memory":
			res, err = generator.Generate(mem, "spec/beta", opts)
		case "shuffled":
			res, err = generator.Generate(shuffledFS{os.DirFS(src), rand.New(rand.NewPCG(uint64(opts.Jobs), 1))}, "spec/beta", opts)
		}
		if err != nil {
			t.Fatal(err)
		}
		var diags []string
		for _, d := range res.Diags {
			diags = append(diags, d.String())
		}
		return res.Files, diags
	}
	wantFiles, wantDiags := gen(t, "disk", generator.Options{Package: "beta", Jobs: 1})
	if len(wantFiles) == 0 {
		t.Fatal("spec/beta generated no files")
	}
	for _, c := range []struct {
		fsys string
		jobs int
	}{
		{"disk", 8},
		{"disk", 0},
		{"reversed", 1},
		{"reversed", 8},
		{"memory", 8},
		{"shuffled", 1},
		{"shuffled", 2},
		{"shuffled", 8},
	} {
		for round := 0; round < 3; round++ {
			files, diags := gen(t, c.fsys, generator.Options{Package: "beta", Jobs: c.jobs})
			if diff := cmp.Diff(names(wantFiles), names(files)); diff != "" {
				t.Fatalf("%s, %d jobs: file names differ from %d jobs on disk (-want +got):\n%s", c.fsys, c.jobs, 1, diff)
			}
			for name, want := range wantFiles {
				if diff := cmp.Diff(string(want), string(files[name])); diff != "" {
					t.Errorf("%s, %d jobs: %s differs (-want +got):\n%s", c.fsys, c.jobs, name, diff)
				}
			}
			if diff := cmp.Diff(wantDiags, diags); diff != "" {
				t.Errorf("%s, %d jobs: diagnostics differ (-want +got):\n%s", c.fsys, c.jobs, diff)
			}
		}
	}
}

// shuffledFS lists the entries of a folder in a random order, where an
// fs.FS promises them sorted, so that nothing can rely on that order.
type shuffledFS struct {
	fs.FS
	rnd *rand.Rand
}

func (f shuffledFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.FS, name)
	f.rnd.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	return entries, err
}

func names(m map[string][]byte) []string {
	var s []string
	for n := range m {
		s = append(s, n)
	}
	sort.Strings(s)
	return s
}
