package emit_test

import (
	"errors"
	"go/parser"
	"go/token"
	"testing"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/emit"
	"github.com/graphgen/graphgen/generator/model"
)

// TestPageTextIsSafeInGoSource puts text Go source cannot hold as it is
// into every string of a model that comes from a page, one at a time, and
// wants either a package whose every file parses, or findings with
// positions: never an internal error, as an @odata.type holding \u0000 or
// \ufeff once gave when it reached a doc comment and a raw string.
func TestPageTextIsSafeInGoSource(t *testing.T) {
	slots := []struct {
		name string
		set  func(p *model.Package, s string)
	}{
		{"struct wire name", func(p *model.Package, s string) { p.Structs[0].WireName = "microsoft.graph.pa" + s + "int" }},
		{"struct doc", func(p *model.Package, s string) { p.Structs[0].Doc = "The " + s + " paint." }},
		{"field doc", func(p *model.Package, s string) { p.Structs[0].Fields[0].Doc = s }},
		{"JSON name", func(p *model.Package, s string) { p.Structs[0].Fields[0].JSONName = "co" + s + "lor" }},
		{"enum wire name", func(p *model.Package, s string) { p.Enums[0].WireName = "col" + s + "or" }},
		{"enum doc", func(p *model.Package, s string) { p.Enums[0].Doc = s }},
		{"member value", func(p *model.Package, s string) { p.Enums[0].Members[0].Value = "r" + s + "ed" }},
		{"member doc", func(p *model.Package, s string) { p.Enums[0].Members[0].Doc = s + " red." }},
	}
	texts := map[string]string{
		"NUL": "\x00", "BOM": "\ufeff", "CR": "\r", "line break": "\n// go:generate x\n", "backquote": "`",
		"comment end": "*/", "quote": `"`, "backslash": `\`, "invalid UTF-8": "\xff", "line separator": "\u2028",
		"DEL": "\x7f", "zero width space": "\u200b",
	}
	for _, slot := range slots {
		for name, text := range texts {
			t.Run(slot.name+"/"+name, func(t *testing.T) {
				p := strictPackage()
				p.Structs[0].HasODataType = true
				slot.set(p, text)
				files, err := emit.Package(p)
				if err != nil {
					var l diag.List
					if !errors.As(err, &l) {
						t.Fatalf("Package: an error that is not a list of findings: %.300v", err)
					}
					for _, d := range l {
						if d.Pos.File == "" {
							t.Errorf("finding without a position: %v", d)
						}
					}
					return
				}
				for file, src := range files {
					if _, err := parser.ParseFile(token.NewFileSet(), file, src, parser.AllErrors); err != nil {
						t.Errorf("%s does not parse: %v", file, err)
					}
				}
			})
		}
	}
}
