package resolve

import (
	"fmt"
	"runtime"
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
