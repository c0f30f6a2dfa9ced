package generator_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden from the generator's output")

// TestGolden runs the generator on each case in ../testdata/golden. A case
// is a folder with the pages in input/, optional generator flags in the
// file "flags" (-strict-enums), and the expected output in golden/: one
// <file>.golden per generated file plus diagnostics.golden. A missing golden
// fails; -update writes them, to be read before they are committed.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases in ../testdata/golden")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			opts := generator.Options{Package: "gen"}
			if b, err := os.ReadFile(filepath.Join(dir, "flags")); err == nil {
				for _, f := range strings.Fields(string(b)) {
					switch f {
					case "-strict-enums":
						opts.StrictEnums = true
					default:
						t.Fatalf("%s/flags: unknown flag %q", dir, f)
					}
				}
			}
			got := run(t, dir, opts)
			// A second run must give the same bytes, whatever the number
			// of workers.
			opts.Jobs = 1
			if again := run(t, dir, opts); !cmp.Equal(got, again) {
				t.Errorf("second run with one worker differs (-first +second):\n%s", cmp.Diff(got, again))
			}
			goldenDir := filepath.Join(dir, "golden")
			if *update {
				if err := os.RemoveAll(goldenDir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, content := range got {
					if err := os.WriteFile(filepath.Join(goldenDir, name+".golden"), []byte(content), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want := map[string]string{}
			entries, err := os.ReadDir(goldenDir)
			if err != nil {
				t.Fatalf("no goldens (run go test ./generator -update, then read them): %v", err)
			}
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(goldenDir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				want[strings.TrimSuffix(e.Name(), ".golden")] = string(b)
			}
			for _, name := range keys(want, got) {
				w, wok := want[name]
				g, gok := got[name]
				switch {
				case !wok:
					t.Errorf("%s: generated, but there is no golden %s.golden", name, name)
				case !gok:
					t.Errorf("%s: golden exists, but the file is no longer generated", name)
				case w != g:
					t.Errorf("%s differs from its golden (-want +got):\n%s", name, cmp.Diff(w, g))
				}
			}
		})
	}
}

// run generates a case and returns its files and its diagnostics, the
// latter under the name "diagnostics".
func run(t *testing.T, dir string, opts generator.Options) map[string]string {
	t.Helper()
	input := filepath.Join(dir, "input")
	res, err := generator.Generate(os.DirFS(input), "input", opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, b := range res.Files {
		out[name] = string(b)
	}
	var diags strings.Builder
	for _, d := range res.Diags {
		diags.WriteString(d.String())
		diags.WriteByte('\n')
	}
	out["diagnostics"] = diags.String()
	return out
}

func keys(ms ...map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestModelHasTheFindingsOfGenerate checks that the model step, which
// report, lint and diff run, gives the model and every finding of a whole
// run, and no files: what it leaves out is only the writing of code.
func TestModelHasTheFindingsOfGenerate(t *testing.T) {
	for _, c := range []string{"json-defects", "inheritance"} {
		t.Run(c, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "golden", c, "input")
			full, err := generator.Generate(os.DirFS(dir), dir, generator.Options{Package: "gen"})
			if err != nil {
				t.Fatal(err)
			}
			m, err := generator.Model(os.DirFS(dir), dir, generator.Options{Package: "gen"})
			if err != nil {
				t.Fatal(err)
			}
			if len(full.Model.Structs) == 0 || len(full.Files) == 0 {
				t.Fatal("the case yields no type: it tests nothing")
			}
			if diff := cmp.Diff(full.Model, m.Model); diff != "" {
				t.Errorf("model (-generate +model):\n%s", diff)
			}
			if diff := cmp.Diff(full.Diags.Error(), m.Diags.Error()); diff != "" {
				t.Errorf("findings (-generate +model):\n%s", diff)
			}
		})
	}
}

// TestUpdateCommandNamesEveryGoldenPackage keeps the README's command
// that rewrites golden files complete and runnable: it must name exactly
// the packages whose tests declare -update (a test binary given a flag it
// does not declare fails, so a package without golden files is left out).
func TestUpdateCommandNamesEveryGoldenPackage(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var cmd string
	for _, line := range strings.Split(string(readme), "\n") {
		// The list item of the Tests section, not the catalogue's own line.
		if i := strings.Index(line, "- `go test ./"); i == 0 && strings.Contains(line, " -update`") {
			i += len("- ")
			cmd = line[i+1 : strings.Index(line[i+1:], "`")+i+1]
			break
		}
	}
	if cmd == "" {
		t.Fatal("README.md shows no \"- `go test ... -update`\" item")
	}
	var named []string
	for _, f := range strings.Fields(cmd) {
		if strings.HasPrefix(f, "./") {
			named = append(named, strings.TrimPrefix(f, "./"))
		}
	}
	var declare []string
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(src, []byte(`flag.Bool("update"`)) {
			rel, _ := filepath.Rel("..", filepath.Dir(p))
			declare = append(declare, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(named)
	sort.Strings(declare)
	if diff := cmp.Diff(declare, named); diff != "" {
		t.Errorf("README's %q names other packages than those declaring -update (-declare +named):\n%s", cmd, diff)
	}
}
