package generator

import (
	"path"
	"sort"
	"strings"

	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
)

// Report is the conformance figures of one spec folder: how much of it the
// generator understood, and what it could not.
type Report struct {
	Pages map[string]int `json:"pages"` // by kind: resource, enum, overview
	// TypedPages counts pages that carry a resource annotation or a property
	// table; TypesGenerated how many of them yield a Go type.
	TypedPages     int            `json:"typedPages"`
	TypesGenerated int            `json:"typesGenerated"`
	Properties     map[string]int `json:"properties"` // by kind: primitive, enum, complex, fallback; and collection
	Enums          map[string]int `json:"enums"`      // by source
	// EnumProperties counts properties whose values are documented
	// anywhere; NamedEnumProperties those of them typed with a named enum.
	EnumProperties      int            `json:"enumProperties"`
	NamedEnumProperties int            `json:"namedEnumProperties"`
	Diagnostics         map[string]int `json:"diagnostics"` // by code
	// Untyped lists the typed pages that yield no Go type.
	Untyped []string `json:"untyped,omitempty"`
}

// Coverage is TypesGenerated as a share of TypedPages, from 0 to 1.
func (r *Report) Coverage() float64 {
	if r.TypedPages == 0 {
		return 1
	}
	return float64(r.TypesGenerated) / float64(r.TypedPages)
}

// EnumCoverage is NamedEnumProperties as a share of EnumProperties.
func (r *Report) EnumCoverage() float64 {
	if r.EnumProperties == 0 {
		return 1
	}
	return float64(r.NamedEnumProperties) / float64(r.EnumProperties)
}

// NewReport computes the figures of a run.
func NewReport(res *Modeled) *Report {
	r := &Report{
		Pages:       map[string]int{},
		Properties:  map[string]int{},
		Enums:       map[string]int{},
		Diagnostics: map[string]int{},
	}
	byPath := map[string]*reader.Page{}
	for _, p := range res.Pages {
		byPath[p.Path] = p
		r.Pages[p.Kind.String()]++
		if p.Kind == reader.Resource {
			r.TypedPages++
		}
	}
	generated := map[string]bool{}
	for _, s := range res.Model.Structs {
		generated[s.Source.File] = true
		for _, m := range s.MoreSources {
			generated[m.File] = true
		}
	}
	r.TypesGenerated = len(generated)
	for _, p := range res.Pages {
		if p.Kind == reader.Resource && !generated[p.Path] {
			r.Untyped = append(r.Untyped, p.Path)
		}
	}
	sort.Strings(r.Untyped)
	// Enum-typed properties whose members the pages document, by the
	// row the field came from.
	documented := map[string]bool{}
	for _, p := range res.Pages {
		for _, rows := range [][]reader.Row{p.Properties, p.Relationships} {
			for _, row := range rows {
				if len(row.Values) > 0 {
					documented[row.NamePos.String()] = true
				}
			}
		}
	}
	for _, s := range res.Model.Structs {
		for _, f := range s.Fields {
			r.Properties[f.Type.Kind.String()]++
			if f.Type.Collection {
				r.Properties["collection"]++
			}
			if f.Type.Kind == model.KindEnum {
				r.EnumProperties++
				r.NamedEnumProperties++
			} else if documented[f.Pos.String()] {
				r.EnumProperties++
			}
		}
	}
	for _, e := range res.Model.Enums {
		r.Enums[enumSource(e, byPath)]++
	}
	for _, d := range res.Diags {
		r.Diagnostics[string(d.Code)]++
	}
	return r
}

// enumSource says where an enum's members came from.
func enumSource(e *model.Enum, pages map[string]*reader.Page) string {
	p := pages[e.Source.File]
	switch {
	case p == nil:
		return "unknown"
	case strings.HasPrefix(strings.ToLower(path.Base(p.Path)), "enums"):
		return "enums.md"
	case p.Kind == reader.EnumPage:
		return "enum page"
	}
	for i := range p.Enums {
		if p.Enums[i].Pos == e.Source {
			return "inline table"
		}
	}
	return "possible values"
}
