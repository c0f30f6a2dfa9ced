package resolve

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
)

// resource writes a resource page declaring type name of namespace ns,
// inheriting from base when it is not "", with one String property for
// each of props.
func resource(ns, name, base string, props ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s resource type\n\nNamespace: %s\n\nThe %s.\n\n", name, ns, name)
	if base != "" {
		fmt.Fprintf(&b, "Inherits from [%s](%s.md).\n\n", base, strings.ToLower(base))
	}
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
	for _, p := range props {
		fmt.Fprintf(&b, "| %s | String | The %s. |\n", p, p)
	}
	return b.String()
}

// enumPage writes the page of enum name of namespace microsoft.graph.
func enumPage(name string, members ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n| Member | Value | Description |\n|:---|:---|:---|\n", name)
	for i, m := range members {
		fmt.Fprintf(&b, "| %s | %d | The %s. |\n", m, i, m)
	}
	return b.String()
}

// resolveFiles reads the pages, file name to content, in path order as
// Resolve wants them, and resolves them.
func resolveFiles(t *testing.T, files map[string]string) (*model.Package, diag.List) {
	t.Helper()
	var pages []*reader.Page
	for _, name := range slices.Sorted(maps.Keys(files)) {
		pages = append(pages, readPage(t, name, files[name]))
	}
	return Resolve(pages, Options{Package: "gen"})
}

// goNames lists every name resolution decided, keyed by what it names:
// "type microsoft.graph.user", "field microsoft.graph.user/id", "enum
// microsoft.graph.color", "member microsoft.graph.color/red".
func goNames(pkg *model.Package) map[string]string {
	m := map[string]string{}
	for _, s := range pkg.Structs {
		m["type "+s.WireName] = s.Name
		for _, f := range s.Fields {
			m["field "+s.WireName+"/"+f.JSONName] = f.Name
		}
	}
	for _, e := range pkg.Enums {
		m["enum "+e.WireName] = e.Name
		for _, mb := range e.Members {
			m["member "+e.WireName+"/"+mb.Value] = mb.Name
		}
	}
	return m
}

// findStruct returns the struct of OData name wire, failing the test when
// there is none.
func findStruct(t *testing.T, pkg *model.Package, wire string) *model.Struct {
	t.Helper()
	for _, s := range pkg.Structs {
		if s.WireName == wire {
			return s
		}
	}
	t.Fatalf("no type %s among %d", wire, len(pkg.Structs))
	return nil
}

// jsonNames returns the JSON names of fields.
func jsonNames(fields []*model.Field) []string {
	var out []string
	for _, f := range fields {
		out = append(out, f.JSONName)
	}
	return out
}

// withCode returns the diagnostics of l with code, as strings.
func withCode(l diag.List, code diag.Code) []string {
	var out []string
	for _, d := range l {
		if d.Code == code {
			out = append(out, d.String())
		}
	}
	return out
}
