package generator_test

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/graphgen/graphgen/generator"
)

// corpus returns the resources folder of one version of the Microsoft Graph
// docs corpus, from $GRAPHGEN_CORPUS or ../shared/graph-docs beside the
// checkout, and skips the test, saying where it looked, when it is absent.
func corpus(tb testing.TB, version string) string {
	tb.Helper()
	root := os.Getenv("GRAPHGEN_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "graph-docs")
	}
	dir := filepath.Join(root, version, "resources")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus not found at %s (set GRAPHGEN_CORPUS to the graph-docs folder to run this): %v", dir, err)
	}
	return dir
}

// The floors the whole corpus must hold; a regression below them fails CI.
const (
	minTypeCoverage = 0.995 // typed pages that yield a Go type
	minEnumCoverage = 0.95  // properties with documented values typed as a named enum
)

// TestCorpusConformance runs the generator on both versions of the corpus
// and checks the figures graphgen report prints against the floors.
func TestCorpusConformance(t *testing.T) {
	for _, version := range []string{"beta", "v1.0"} {
		t.Run(version, func(t *testing.T) {
			dir := corpus(t, version)
			res, err := generator.Generate(os.DirFS(dir), dir, generator.Options{Package: "corpus"})
			if err != nil {
				t.Fatal(err)
			}
			r := generator.NewReport(&res.Modeled)
			t.Logf("%d typed pages, %d types (%.2f%%); %d enum properties, %d named (%.2f%%); %d enums; %d files",
				r.TypedPages, r.TypesGenerated, 100*r.Coverage(), r.EnumProperties, r.NamedEnumProperties, 100*r.EnumCoverage(), len(res.Model.Enums), len(res.Files))
			if r.Coverage() < minTypeCoverage {
				t.Errorf("type coverage %.2f%% is below the floor of %.2f%%; pages without a type: %v", 100*r.Coverage(), 100*minTypeCoverage, r.Untyped)
			}
			if r.EnumCoverage() < minEnumCoverage {
				t.Errorf("enum coverage %.2f%% is below the floor of %.2f%%", 100*r.EnumCoverage(), 100*minEnumCoverage)
			}
			for _, d := range res.Diags {
				if d.Severity.String() == "error" {
					t.Errorf("%v", d)
				}
			}
			for _, p := range r.Untyped {
				if !hasDiagFor(res, p) {
					t.Errorf("%s yields no type and no diagnostic says why", p)
				}
			}
		})
	}
}

func hasDiagFor(res *generator.Result, file string) bool {
	for _, d := range res.Diags {
		if d.Pos.File == file {
			return true
		}
	}
	return false
}

// BenchmarkCorpus compares the whole generation of the beta corpus, in
// memory, with its floor: reading the same pages and parsing them with
// goldmark and nothing else. Report the ratio of the two ns/op.
func BenchmarkCorpus(b *testing.B) {
	dir := corpus(b, "beta")
	fsys := os.DirFS(dir)
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		b.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	floor := func() {
		fanOut(names, func(n string) {
			src, err := fs.ReadFile(fsys, n)
			if err != nil {
				panic(err)
			}
			md.Parser().Parse(text.NewReader(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))))
		})
	}
	generate := func() {
		if _, err := generator.Generate(fsys, dir, generator.Options{Package: "corpus"}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("parse-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			floor()
		}
	})
	// The stages in between, to show where the time goes: reading the pages
	// (goldmark parse included), then resolving them into the model.
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := generator.Load(fsys, dir, generator.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read-resolve-check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := generator.Model(fsys, dir, generator.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			generate()
		}
	})
	// The ratio itself, with the floor and the generation taken in turns,
	// so that a machine whose speed drifts over seconds, as shared ones
	// do, slows both alike. Each starts from a collected heap, so that
	// neither pays for the other's garbage. Its ns/op is the two together,
	// collections included.
	b.Run("ratio", func(b *testing.B) {
		var f, g time.Duration
		for b.Loop() {
			runtime.GC()
			t0 := time.Now()
			floor()
			f += time.Since(t0)
			runtime.GC()
			t1 := time.Now()
			generate()
			g += time.Since(t1)
		}
		b.ReportMetric(float64(g)/float64(f), "x-floor")
	})
	// The share of gofmt in generate: go/format over the non-test files
	// generate wrote, which are the ones it formats.
	b.Run("gofmt-output", func(b *testing.B) {
		res, err := generator.Generate(fsys, dir, generator.Options{Package: "corpus"})
		if err != nil {
			b.Fatal(err)
		}
		var files []string
		for name := range res.Files {
			if !strings.HasSuffix(name, "_test.go") {
				files = append(files, name)
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			fanOut(files, func(name string) {
				if _, err := format.Source(res.Files[name]); err != nil {
					panic(err)
				}
			})
		}
	})
}

// fanOut calls f on every item from as many goroutines as there are cores,
// the same fan-out as the generator's, so that ratios compare work, not
// parallelism.
func fanOut(items []string, f func(string)) {
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for it := range work {
				f(it)
			}
		})
	}
	for _, it := range items {
		work <- it
	}
	close(work)
	wg.Wait()
}
