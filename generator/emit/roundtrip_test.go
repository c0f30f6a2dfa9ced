package emit_test

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/model"
)

// sharedEnumPackage returns a package whose one enum, of members members,
// is held by fields fields of each of structs structs: the shape of a page
// with thousands of properties of one large enum type, or of thousands of
// pages with a property of it.
func sharedEnumPackage(structs, fields, members int) *model.Package {
	values := make([]string, members)
	for i := range values {
		values[i] = fmt.Sprintf("v%d", i)
	}
	e := enum("Big", "big", "big.go", values...)
	pkg := &model.Package{Name: "p", Enums: []*model.Enum{e}}
	for i := range structs {
		s := &model.Struct{Name: fmt.Sprintf("T%d", i), WireName: fmt.Sprintf("microsoft.graph.t%d", i), File: fmt.Sprintf("t%d.go", i), HasODataType: true}
		for j := range fields {
			s.Fields = append(s.Fields, field(fmt.Sprintf("F%d", j), fmt.Sprintf("f%d", j), enumRef(e), ""))
		}
		pkg.Structs = append(pkg.Structs, s)
	}
	return pkg
}

// TestTestEmissionIsLinear checks that the generated tests grow with the
// pages, not with the number of enum fields times the number of members:
// twice the fields and twice the members must about double the output and
// the memory spent, not quadruple them. A 261 KB page of 4,000 fields of
// one 4,000-member enum once gave a 327 MB test file.
func TestTestEmissionIsLinear(t *testing.T) {
	tests := []struct {
		name string
		pkg  func(n int) *model.Package
	}{
		{"one struct, n fields, n members", func(n int) *model.Package { return sharedEnumPackage(1, n, n) }},
		{"n structs of one field, n members", func(n int) *model.Package { return sharedEnumPackage(n, 1, n) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			measure := func(n int) (size int, alloc uint64) {
				pkg := tt.pkg(n)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				files := mustEmit(t, pkg)
				runtime.ReadMemStats(&after)
				for _, src := range files {
					size += len(src)
				}
				return size, after.TotalAlloc - before.TotalAlloc
			}
			smallSize, smallAlloc := measure(400)
			largeSize, largeAlloc := measure(800)
			if r := float64(largeSize) / float64(smallSize); r > 3 {
				t.Errorf("output: n=800 gives %.1fx the bytes of n=400 (%d and %d), want about 2x", r, largeSize, smallSize)
			}
			if r := float64(largeAlloc) / float64(smallAlloc); r > 3 {
				t.Errorf("allocation: n=800 allocates %.1fx what n=400 does (%d and %d bytes), want about 2x", r, largeAlloc, smallAlloc)
			}
		})
	}
}

// caseMember matches the enum members a round-trip case sets.
var caseMember = regexp.MustCompile(`"f\d+": "(v\d+)"`)

// TestEveryMemberIsDecodedOnce checks that the round-trip tests, together,
// decode every member of an enum, however the members and the fields that
// hold them compare in number, and that the largest enum bounds the number
// of cases of a test.
func TestEveryMemberIsDecodedOnce(t *testing.T) {
	for _, c := range []struct{ structs, fields, members int }{
		{1, 1, 5}, {1, 3, 10}, {1, 10, 3}, {1, 4, 4}, {3, 1, 7}, {2, 3, 20},
	} {
		t.Run(fmt.Sprintf("%d structs of %d fields, %d members", c.structs, c.fields, c.members), func(t *testing.T) {
			files := mustEmit(t, sharedEnumPackage(c.structs, c.fields, c.members))
			seen := map[string]bool{}
			for i := range c.structs {
				src := string(files[fmt.Sprintf("t%d_test.go", i)])
				for _, m := range caseMember.FindAllStringSubmatch(src, -1) {
					seen[m[1]] = true
				}
				if n := strings.Count(src, "{name: "); n > c.members+3 {
					t.Errorf("t%d_test.go has %d cases, want at most %d: the members, the example, nulls and empty", i, n, c.members+3)
				}
			}
			for i := range c.members {
				if !seen[fmt.Sprintf("v%d", i)] {
					t.Errorf("no round-trip case decodes member v%d", i)
				}
			}
		})
	}
}
