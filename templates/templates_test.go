package templates_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/templates"
)

// TestTemplatesRenderGo renders every template with small data and checks
// that the result parses as Go and starts with the generated-code header,
// which is what tools look for to recognise generated files.
func TestTemplatesRenderGo(t *testing.T) {
	tmpl, err := templates.Parse()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, template string
		data           any
	}{
		{"enum table", templates.EnumTable, templates.SupportData{Package: "p"}},
		{"enum table with enums", templates.EnumTable, templates.SupportData{Package: "p", Enums: []templates.SupportEnum{
			{Name: `"E"`, Members: []string{`"a"`, `"b"`}}, {Name: `"Empty"`},
		}}},
		{"helpers", templates.Helpers, templates.HelpersData{Package: "p"}},
		{"file test", templates.FileTest, templates.FileTestData{
			Package: "p",
			RoundTrips: []templates.RoundTrip{{Type: "A", Cases: []templates.Case{
				{Name: `"example"`, Input: "`{}`"},
			}}},
			Enums: []templates.EnumTest{{
				Type: "E", Strict: true, Unknown: `"x"`, DecodeError: `"e"`,
				Holder: &templates.Holder{Struct: "A", Field: "F", Value: `Some(E("x"))`, Path: `"f"`, Error: `"f: e"`},
			}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tmpl.ExecuteTemplate(&buf, tt.template, tt.data); err != nil {
				t.Fatal(err)
			}
			header := templates.Header + "\n\npackage p\n"
			if !strings.HasPrefix(buf.String(), header) {
				t.Errorf("output does not start with %q:\n%s", header, buf.String())
			}
			if _, err := parser.ParseFile(token.NewFileSet(), tt.template, buf.Bytes(), parser.ParseComments); err != nil {
				t.Errorf("output is not Go: %v\n%s", err, buf.String())
			}
		})
	}
}
