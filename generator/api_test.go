package generator_test

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/reader"
)

// TestLintAPI reads a method folder as lint -api does: every *.md page is
// checked against the model, a page over the size limit is refused with
// the method pages' code, and what is not a page is not read.
func TestLintAPI(t *testing.T) {
	spec := fstest.MapFS{"widget.md": {Data: []byte("# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n")}}
	m, err := generator.Model(spec, "spec", generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	api := fstest.MapFS{
		"widget-get.md": {Data: []byte("<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n```http\nHTTP/1.1 200 OK\n\n{\"Name\": \"w\"}\n```\n")},
		"huge.md":       {Data: bytes.Repeat([]byte("x"), reader.MaxSize+1)},
		"image.png":     {Data: []byte("\x89PNG")},
	}
	l, err := generator.LintAPI(api, "api", m.Model, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range l {
		got = append(got, fmt.Sprintf("%s %s %s", d.Pos, d.Severity, d.Code))
	}
	want := []string{"api/huge.md error too-large", "api/widget-get.md:5:2 warning api-member-case"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if _, err := generator.LintAPI(fstest.MapFS{"a.txt": {}}, "api", m.Model, generator.Options{}); err == nil {
		t.Errorf("a folder without pages: no error, want one")
	}
}
