package diff_test

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/graphgen/graphgen/generator/diff"
	"github.com/graphgen/graphgen/generator/model"
)

// chainPackage returns a package of n types, each the base of the next,
// each with one property of its own; renamed changes the Go name of the
// property of the last type, so that a comparison has a change to find.
func chainPackage(n int, renamed bool) *model.Package {
	pkg := &model.Package{Name: "gen"}
	var base *model.Struct
	for i := range n {
		s := &model.Struct{Name: "T" + strconv.Itoa(i), WireName: "microsoft.graph.t" + strconv.Itoa(i), Base: base,
			Fields: []*model.Field{{Name: "P" + strconv.Itoa(i), JSONName: "p" + strconv.Itoa(i), Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String}}}}
		if renamed && i == n-1 {
			s.Fields[0].Name += "Renamed"
		}
		pkg.Structs = append(pkg.Structs, s)
		base = s
	}
	return pkg
}

// TestCompareIsLinearInTheChain checks, by the bytes allocated, that
// comparing two chains of types twice as long costs about twice as much:
// a map of every type's fields, inherited ones included, made a chain of
// 2,000 types cost 62 s.
func TestCompareIsLinearInTheChain(t *testing.T) {
	allocated := func(n int) uint64 {
		old, new := chainPackage(n, false), chainPackage(n, true)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		changes := diff.Compare(old, new)
		runtime.ReadMemStats(&after)
		if len(changes) != 1 || changes[0].Kind != diff.PropertyRenamed {
			t.Fatalf("comparing chains of %d types: %v, want the one rename", n, changes)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(1000), allocated(2000)
	if ratio := float64(large) / float64(small); ratio > 3 {
		t.Errorf("comparing chains of 2,000 types allocates %.1fx what 1,000 do (%d and %d bytes), want about 2x", ratio, large, small)
	}
}
