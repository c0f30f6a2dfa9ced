package resolve

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/graphgen/graphgen/generator/reader"
)

// chainPages returns n pages, t0 to t<n-1>, each type inheriting from the
// one before it; with property set, each declares one property of its own.
func chainPages(t *testing.T, n int, property bool) []*reader.Page {
	t.Helper()
	pages := make([]*reader.Page, n)
	for i := range n {
		src := fmt.Sprintf("# t%d resource type\n\nNamespace: microsoft.graph\n\n", i)
		if i > 0 {
			src += fmt.Sprintf("Inherits from [t%d](t%d.md).\n\n", i-1, i-1)
		}
		src += "## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n"
		if property {
			src += fmt.Sprintf("| p%d | String | The p. |\n", i)
		}
		pages[i] = readPage(t, fmt.Sprintf("t%d.md", i), src)
	}
	return pages
}

func readPage(t *testing.T, path, src string) *reader.Page {
	t.Helper()
	p, diags := reader.Read(path, []byte(src))
	if diags.HasErrors() {
		t.Fatalf("reading %s: %v", path, diags)
	}
	return p
}

// TestInheritanceChainIsLinear checks, by the bytes Resolve allocates, that
// a chain of types twice as long costs about twice as much to resolve. Each
// type copied the inherited names of its whole chain, which made 2,000
// levels take 39 s to generate; and a type without properties never counted
// as named, so its bases were named again on every call, which made 25
// empty levels take over 30 s.
func TestInheritanceChainIsLinear(t *testing.T) {
	for _, tt := range []struct {
		name     string
		property bool
	}{
		{"a property at each level", true},
		{"levels without properties", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The short chains come first, so that a cost exponential in
			// the length fails there rather than running for hours.
			for _, n := range []int{10, 1000} {
				small := resolveAllocs(t, chainPages(t, n, tt.property))
				large := resolveAllocs(t, chainPages(t, 2*n, tt.property))
				if ratio := float64(large) / float64(small); ratio > 3 {
					t.Fatalf("resolving a chain of %d levels allocates %.1fx what %d levels do (%d and %d bytes), want about 2x", 2*n, ratio, n, large, small)
				}
			}
		})
	}
}

// resolveAllocs resolves pages and returns the bytes that took, after
// checking that the last type inherits from all the others: a chain that
// was not linked would cost little for the wrong reason.
func resolveAllocs(t *testing.T, pages []*reader.Page) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pkg, _ := Resolve(pages, Options{Package: "gen"})
	runtime.ReadMemStats(&after)
	last := fmt.Sprintf("T%d", len(pages)-1)
	for _, s := range pkg.Structs {
		if s.Name != last {
			continue
		}
		depth := 0
		for b := s.Base; b != nil; b = b.Base {
			depth++
		}
		if depth != len(pages)-1 {
			t.Fatalf("%s has %d bases, want %d", last, depth, len(pages)-1)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	t.Fatalf("no type %s among the %d resolved", last, len(pkg.Structs))
	return 0
}

// TestCycleNaming pins the inheritance-cycle error: it names every type of
// the cycle and no other, is at the type whose base closes it, and drops
// that one base only.
func TestCycleNaming(t *testing.T) {
	const graph = "microsoft.graph"
	tests := []struct {
		name    string
		files   map[string]string
		want    []string          // the inheritance-cycle errors
		dropped []string          // the types whose bases are dropped
		kept    map[string]string // type → the base it keeps
	}{
		{
			name:    "a type that inherits from itself",
			files:   map[string]string{"alpha.md": resource(graph, "alpha", "alpha")},
			want:    []string{`alpha.md:7:15: error: type "microsoft.graph.alpha" inherits from itself; the base is dropped [inheritance-cycle]`},
			dropped: []string{"alpha"},
		},
		{
			name: "two types",
			files: map[string]string{
				"alpha.md": resource(graph, "alpha", "beta"),
				"beta.md":  resource(graph, "beta", "alpha"),
			},
			want:    []string{`beta.md:7:15: error: type "microsoft.graph.beta" inherits from itself through alpha → beta; the base is dropped [inheritance-cycle]`},
			dropped: []string{"beta"},
			kept:    map[string]string{"alpha": "beta"},
		},
		{
			name: "three types/testdata/catalogue/inheritance-cycle",
			files: map[string]string{
				"alpha.md": resource(graph, "alpha", "beta"),
				"beta.md":  resource(graph, "beta", "gamma"),
				"gamma.md": resource(graph, "gamma", "alpha"),
			},
			want:    []string{`gamma.md:7:15: error: type "microsoft.graph.gamma" inherits from itself through alpha → beta → gamma; the base is dropped [inheritance-cycle]`},
			dropped: []string{"gamma"},
			kept:    map[string]string{"alpha": "beta", "beta": "gamma"},
		},
		{
			name: "a type leading into a cycle is not part of it",
			files: map[string]string{
				"alpha.md": resource(graph, "alpha", "beta"),
				"beta.md":  resource(graph, "beta", "gamma"),
				"gamma.md": resource(graph, "gamma", "beta"),
			},
			want:    []string{`gamma.md:7:15: error: type "microsoft.graph.gamma" inherits from itself through beta → gamma; the base is dropped [inheritance-cycle]`},
			dropped: []string{"gamma"},
			kept:    map[string]string{"alpha": "beta", "beta": "gamma"},
		},
		{
			name: "two cycles, each reported",
			files: map[string]string{
				"alpha.md": resource(graph, "alpha", "beta"),
				"beta.md":  resource(graph, "beta", "alpha"),
				"gamma.md": resource(graph, "gamma", "delta"),
				"delta.md": resource(graph, "delta", "gamma"),
			},
			want: []string{
				`beta.md:7:15: error: type "microsoft.graph.beta" inherits from itself through alpha → beta; the base is dropped [inheritance-cycle]`,
				`gamma.md:7:15: error: type "microsoft.graph.gamma" inherits from itself through delta → gamma; the base is dropped [inheritance-cycle]`,
			},
			dropped: []string{"beta", "gamma"},
			kept:    map[string]string{"alpha": "beta", "delta": "gamma"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, diags := resolveFiles(t, tt.files)
			if got := withCode(diags, "inheritance-cycle"); !slices.Equal(got, tt.want) {
				t.Errorf("inheritance-cycle errors:\n%q\nwant:\n%q", got, tt.want)
			}
			for _, name := range tt.dropped {
				if s := findStruct(t, pkg, "microsoft.graph."+name); s.Base != nil {
					t.Errorf("%s keeps base %s, want it dropped", name, s.Base.WireName)
				}
			}
			for name, base := range tt.kept {
				s := findStruct(t, pkg, "microsoft.graph."+name)
				if s.Base == nil || s.Base.WireName != "microsoft.graph."+base {
					t.Errorf("%s lost its base %s", name, base)
				}
			}
		})
	}
}

// TestRowsKept pins which rows of a type become its fields.
func TestRowsKept(t *testing.T) {
	const graph = "microsoft.graph"
	tests := []struct {
		name   string
		files  map[string]string
		wire   string
		fields []string // JSON names, in order
		diags  []string // codes reported, in order
	}{
		{
			name: "rows copied from a base are left out whatever their case, a misspelt one with a warning/ediscovery-settings.md",
			files: map[string]string{
				"entity.md":   resource(graph, "entity", "", "id"),
				"settings.md": resource(graph, "settings", "entity", "Id", "ocrSettings"),
			},
			wire:   "microsoft.graph.settings",
			fields: []string{"ocrSettings"},
			diags:  []string{"name-case"},
		},
		{
			name: "rows copied from any base up the chain are left out",
			files: map[string]string{
				"entity.md":    resource(graph, "entity", "", "id"),
				"operation.md": resource(graph, "operation", "entity", "id", "status"),
				"play.md":      resource(graph, "play", "operation", "id", "status", "prompt"),
			},
			wire:   "microsoft.graph.play",
			fields: []string{"prompt"},
		},
		{
			name:   "a repeated row is left out, with a warning/accessreviewscheduledefinition.md",
			files:  map[string]string{"widget.md": resource(graph, "widget", "", "instances", "name", "instances")},
			wire:   "microsoft.graph.widget",
			fields: []string{"instances", "name"},
			diags:  []string{"duplicate-property"},
		},
		{
			name:   "names that differ only in case are both kept, with a warning",
			files:  map[string]string{"widget.md": resource(graph, "widget", "", "webURL", "webUrl", "ID", "id")},
			wire:   "microsoft.graph.widget",
			fields: []string{"webURL", "webUrl", "ID", "id"},
			diags:  []string{"name-case", "name-case"},
		},
		{
			name:   "an instance annotation is no property/channel.md",
			files:  map[string]string{"widget.md": resource(graph, "widget", "", "@microsoft.graph.temporaryId", "name")},
			wire:   "microsoft.graph.widget",
			fields: []string{"name"},
			diags:  []string{"instance-annotation"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, diags := resolveFiles(t, tt.files)
			if got := jsonNames(findStruct(t, pkg, tt.wire).Fields); !slices.Equal(got, tt.fields) {
				t.Errorf("fields %q, want %q", got, tt.fields)
			}
			var codes []string
			for _, d := range diags {
				codes = append(codes, string(d.Code))
			}
			if !slices.Equal(codes, tt.diags) {
				t.Errorf("reported %q, want %q:\n%v", codes, tt.diags, diags)
			}
		})
	}
}
