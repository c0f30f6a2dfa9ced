package generated

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator"
)

// TestGeneratedUpToDate regenerates every package named by the go:generate
// lines of generate.go, in memory, and fails on any difference from the
// committed files: the committed packages are goldens of the whole pipeline.
func TestGeneratedUpToDate(t *testing.T) {
	f, err := os.Open("generate.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runs := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "//go:generate go run ../cmd/graphgen generate ")
		if !ok {
			continue
		}
		runs++
		fs := flag.NewFlagSet("generate", flag.ContinueOnError)
		spec := fs.String("spec", "", "")
		out := fs.String("out", "", "")
		pkg := fs.String("pkg", "", "")
		strict := fs.Bool("strict-enums", false, "")
		fs.Bool("q", false, "")
		if err := fs.Parse(strings.Fields(line)); err != nil {
			t.Fatalf("generate.go: %q: %v", line, err)
		}
		t.Run(*out, func(t *testing.T) {
			res, err := generator.Generate(os.DirFS(*spec), *spec, generator.Options{Package: *pkg, StrictEnums: *strict})
			if err != nil {
				t.Fatal(err)
			}
			if res.Diags.HasErrors() {
				t.Fatalf("the pages in %s have errors:\n%v", *spec, res.Diags)
			}
			drift, err := generator.Check(*out, res.Files)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range drift {
				t.Errorf("%s is %s; run go generate ./... to update it:\n%s", d.File, d.Kind, d.Diff)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if runs == 0 {
		t.Fatal("generate.go has no go:generate line that runs graphgen generate")
	}
}
