package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/templates"
)

// unknownValue is the enum value the generated tests use as not a member.
const unknownValue = "graphgenUnknownValue"

// quote returns s as a Go string literal, a raw one when s holds double
// quotes, since messages full of quoted values read better without escapes.
func quote(s string) string {
	if strings.Contains(s, `"`) && strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// fileTest returns the data of the test file that goes with a file holding
// decls: a round-trip test per struct and a test per enum.
func (g *generator) fileTest(decls []decl, cache sampleCache) templates.FileTestData {
	data := templates.FileTestData{Package: g.pkg.Name}
	for _, d := range decls {
		if d.strct != nil {
			data.RoundTrips = append(data.RoundTrips, templates.RoundTrip{Type: d.name, Cases: g.roundTripCases(cache, d.strct)})
		} else {
			data.Enums = append(data.Enums, g.enumTest(d.enum))
		}
	}
	return data
}

// roundTripCases returns the inputs of the round-trip test of s: a full
// sample, from the page's example when it has one; cases that set the enum
// fields to members; every member null; and no member at all. Cases that
// come out the same are dropped.
//
// Every member of an enum is decoded once, in the test of the enum's
// holder, the first struct with a field of it, whose n fields of that enum
// share the members out: case c sets the j-th of them to member c*n+j. A
// struct with thousands of fields of a large enum, or thousands of structs
// with a field of it, would otherwise get a case per member, each with every
// field: a test file growing with fields times members. This way the largest
// enum bounds the number of cases, the fields of s the size of a case, and
// the members the size of all cases together. The first case sets every
// enum field of s, holder or not.
func (g *generator) roundTripCases(cache sampleCache, s *model.Struct) []templates.Case {
	var cases []templates.Case
	seen := map[string]bool{}
	add := func(name, input string) {
		if !seen[input] {
			seen[input] = true
			cases = append(cases, templates.Case{Name: quote(name), Input: goLiteral(input)})
		}
	}
	name := "fields"
	if hasExample(s) {
		name = "example"
	}
	add(name, fullSample(cache, s))
	in := cache.info(s)
	n := min(len(in.enums), 1)
	for _, sl := range in.enums {
		if g.holders[sl.field.Type.Enum].strct == s {
			members := len(sl.field.Type.Enum.Members)
			n = max(n, (members+sl.n-1)/sl.n)
		}
	}
	for c := range n {
		add(fmt.Sprintf("members %d", c+1), membersSample(cache, s, func(sl enumSlot) int {
			e := sl.field.Type.Enum
			k := c*sl.n + sl.j
			switch {
			case c == 0:
				return k % len(e.Members)
			case k < len(e.Members) && g.holders[e].strct == s:
				return k
			}
			return -1
		}))
	}
	add("nulls", nullsSample(cache, s))
	add("empty", "{}")
	return cases
}

// enumTest returns the data of the test of e.
func (g *generator) enumTest(e *model.Enum) templates.EnumTest {
	unknown := unknownValue
	for isMember(e, unknown) {
		unknown += "X"
	}
	var want []string
	for _, m := range e.Members {
		want = append(want, strconv.Quote(m.Value))
	}
	// The message is written out here, independently of EnumError.Error,
	// so that the generated test pins the text down rather than repeating
	// the code under test.
	msg := fmt.Sprintf("%q is not a valid %s (want one of %s)", unknown, e.Name, strings.Join(want, ", "))
	if len(want) == 0 {
		msg = fmt.Sprintf("%q is not a valid %s (it declares no members)", unknown, e.Name)
	}
	t := templates.EnumTest{
		Type:        e.Name,
		Strict:      g.pkg.StrictEnums,
		Unknown:     quote(unknown),
		DecodeError: quote(msg),
	}
	if s, f := g.holder(e); f != nil {
		h := &templates.Holder{Struct: s.Name, Field: f.Name}
		if f.Type.Collection {
			h.Value = fmt.Sprintf("Some([]%s{%s})", e.Name, quote(unknown))
			h.Path = f.JSONName + "[0]"
		} else {
			h.Value = fmt.Sprintf("Some(%s(%s))", e.Name, quote(unknown))
			h.Path = f.JSONName
		}
		h.Error = quote(h.Path + ": " + msg)
		h.Path = quote(h.Path)
		t.Holder = h
	}
	return t
}

// isMember reports whether v is the value of a member of e.
func isMember(e *model.Enum, v string) bool {
	for _, m := range e.Members {
		if m.Value == v {
			return true
		}
	}
	return false
}

// holder returns the first struct, by name, that declares a field of type e,
// and that field.
func (g *generator) holder(e *model.Enum) (*model.Struct, *model.Field) {
	h := g.holders[e]
	return h.strct, h.field
}

// holderRef is a struct field that holds an enum.
type holderRef struct {
	strct *model.Struct
	field *model.Field
}

// enumHolders returns, for each enum a field of structs holds, the first
// such field of the first such struct, in the order of structs. It is
// worked out once, rather than by a search of every struct per enum.
func enumHolders(structs []*model.Struct) map[*model.Enum]holderRef {
	holders := map[*model.Enum]holderRef{}
	for _, s := range structs {
		for _, f := range s.Fields {
			if f.Type.Kind != model.KindEnum {
				continue
			}
			if _, ok := holders[f.Type.Enum]; !ok {
				holders[f.Type.Enum] = holderRef{s, f}
			}
		}
	}
	return holders
}
