package model

import (
	"runtime"
	"slices"
	"strconv"
	"testing"
)

// chain returns the last of n structs, each the base of the next, each
// with one field per name of fields.
func chain(n int, fields ...string) *Struct {
	var s *Struct
	for i := range n {
		t := &Struct{Name: "T" + strconv.Itoa(i), Base: s}
		for _, f := range fields {
			t.Fields = append(t.Fields, &Field{Name: f + strconv.Itoa(i), JSONName: f + strconv.Itoa(i)})
		}
		s = t
	}
	return s
}

func TestAllFieldsPutsBasesFirst(t *testing.T) {
	tests := []struct {
		name string
		s    *Struct
		want []string
	}{
		{"root type: its own fields", chain(1, "a", "b"), []string{"a0", "b0"}},
		{"three levels: the root's first, then each derived type's", chain(3, "a"), []string{"a0", "a1", "a2"}},
		{"levels without fields add nothing", &Struct{Base: &Struct{Base: chain(2, "a")}}, []string{"a0", "a1"}},
		{"no field at all", chain(4), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range tt.s.AllFields() {
				got = append(got, f.JSONName)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("AllFields = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAllFieldsIsLinearInTheChain checks, by the bytes allocated, that
// AllFields of the last type of a chain twice as long costs about twice as
// much, not four times: building the list a level at a time copied the
// inherited fields at each level, so a 2,000-level chain took 39 s to
// generate.
func TestAllFieldsIsLinearInTheChain(t *testing.T) {
	small, large := chain(1000, "p"), chain(2000, "p")
	allocated := func(s *Struct) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if got := len(s.AllFields()); got == 0 {
			t.Fatal("AllFields returned no field")
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	a, b := allocated(small), allocated(large)
	if ratio := float64(b) / float64(a); ratio > 3 {
		t.Errorf("AllFields of a 2,000-level chain allocates %.1fx what 1,000 levels do (%d and %d bytes), want about 2x", ratio, b, a)
	}
}

func TestWalkInheritanceVisitsBasesFirst(t *testing.T) {
	entity := &Struct{Name: "Entity"}
	user := &Struct{Name: "User", Base: entity}
	group := &Struct{Name: "Group", Base: entity}
	admin := &Struct{Name: "Admin", Base: user}
	outside := &Struct{Name: "Outside"}
	guest := &Struct{Name: "Guest", Base: outside}
	tests := []struct {
		name    string
		structs []*Struct
		want    []string
	}{
		{"each type between entering and leaving its base", []*Struct{admin, entity, group, user},
			[]string{"+Entity", "+Group", "-Group", "+User", "+Admin", "-Admin", "-User", "-Entity"}},
		{"a type whose base is not in the package is a root", []*Struct{guest, user},
			[]string{"+Guest", "-Guest", "+User", "-User"}},
		{"roots in the order given", []*Struct{group, outside, entity},
			[]string{"+Outside", "-Outside", "+Entity", "+Group", "-Group", "-Entity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			WalkInheritance(tt.structs,
				func(s *Struct) { got = append(got, "+"+s.Name) },
				func(s *Struct) { got = append(got, "-"+s.Name) })
			if !slices.Equal(got, tt.want) {
				t.Errorf("walk = %q, want %q", got, tt.want)
			}
		})
	}
}
