package emit

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/graphgen/graphgen/generator/model"
)

// TestCheckIsLinearInTheChain checks the types of a chain of n types, each
// declaring one field: the checks walk the inheritance forest once, so
// doubling the chain about doubles their cost, where a walk up the chain
// from each type made it four times (lint of 2,000 levels took 2 s).
func TestCheckIsLinearInTheChain(t *testing.T) {
	chain := func(n int) *model.Package {
		pkg := &model.Package{Name: "p"}
		var base *model.Struct
		for i := range n {
			s := &model.Struct{Name: "T" + strconv.Itoa(i), WireName: "t" + strconv.Itoa(i), File: "t" + strconv.Itoa(i) + ".go", Base: base, HasODataType: i == 0}
			s.Fields = []*model.Field{{Name: "P" + strconv.Itoa(i), JSONName: "p" + strconv.Itoa(i), Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String}}}
			pkg.Structs = append(pkg.Structs, s)
			base = s
		}
		return pkg
	}
	allocated := func(n int) uint64 {
		pkg := chain(n)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if l := Check(pkg); l.HasErrors() {
			t.Fatalf("chain of %d: %v", n, l)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(1000), allocated(2000)
	if r := float64(large) / float64(small); r > 3 {
		t.Errorf("Check of a chain of 2,000 allocates %.1fx what one of 1,000 does (%d and %d bytes), want about 2x", r, large, small)
	}
}
