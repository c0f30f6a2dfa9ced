package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// The shortcuts for plain text must give what the general code gives.

func FuzzCleanTextShortcut(f *testing.F) {
	for _, s := range []string{"", "a", "The id of the call.", " lead", "trail ", "two  spaces", "tab\there", "line\nbreak", "del\x7f", "caf\u00e9", "nbsp\u00a0x", "bom\ufeff", "zw\u200bsp", "\xff", "nul\x00", "*/ x", "a\rb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isClean(s) && tidy(s) != s {
			t.Errorf("isClean(%q) = true, but tidy gives %q", s, tidy(s))
		}
		checkComment(t, s)
	})
}

// checkComment checks that the doc comment made of text is a comment in Go
// source, whatever text holds, and nothing else.
func checkComment(t *testing.T, text string) {
	t.Helper()
	src := fmt.Sprintf("package p\n\n%#vvar x int\n", comment("X is", text))
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("comment of %q is not Go source: %v\n%s", text, err, src)
	}
	if len(f.Decls) != 1 || f.Decls[0].(*ast.GenDecl).Doc == nil {
		t.Errorf("comment of %q is not a doc comment alone:\n%s", text, src)
	}
}

func FuzzJSONStringShortcut(f *testing.F) {
	for _, s := range []string{"", "id", "@odata.type", `q"uote`, `back\slash`, "<b>", "a&b", "ctl\x01", "tab\t", "caf\u00e9", "\u2028", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonString(s); got != string(want) {
			t.Errorf("jsonString(%q) = %s, want %s as encoding/json writes it", s, got, want)
		}
	})
}

func FuzzPlainGoNameShortcut(f *testing.F) {
	for _, s := range []string{"user.go", "a.go", ".go", "_x.go", "x_linux.go", "x_test.go", "x.c", "go.go", "x.GO", "linux.go", "x.go.go", "é.go"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if strings.ContainsAny(name, "/\\") {
			return // a file name, not a path
		}
		if isPlainGoName(name) && !goBuildMatches(name) {
			t.Errorf("isPlainGoName(%q) = true, but go/build does not build it everywhere", name)
		}
	})
}

// FuzzIndentJSON holds indentJSON to json.Indent on compact JSON, which is
// what the samplers write.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":1}`, `{"a":{"b":[1,2,{}],"c":[]},"d":"x,y:{z}"}`, `{"e\"sc":"\\\"[","f":null}`, `"str"`, `12.5`, `[[[]]]`, `{"any":["json",1]}`, "{\"bom\":\"#a.\ufeffb\"}", "[\"back`quote\"]", `"\u0000"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(in)) != nil {
			return
		}
		js := compact.String()
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(js), "\t\t", "\t"); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		indentJSON(&got, js, "\t\t", "\t")
		if got.String() != want.String() {
			t.Errorf("indentJSON(%s) =\n%s\nwant, as json.Indent writes it:\n%s", js, got.String(), want.String())
		}
		checkGoLiteral(t, js, want.String())
	})
}

// checkGoLiteral checks that goLiteral(js) is one Go string literal,
// holding js or, for a raw string, indented, the JSON of js.
func checkGoLiteral(t *testing.T, js, indented string) {
	t.Helper()
	lit := goLiteral(js)
	var sc scanner.Scanner
	fset := token.NewFileSet()
	errs := 0
	sc.Init(fset.AddFile("", -1, len(lit)), []byte(lit), func(pos token.Position, msg string) {
		t.Errorf("goLiteral(%q): %s at %d", js, msg, pos.Offset)
		errs++
	}, 0)
	if _, tok, _ := sc.Scan(); tok != token.STRING {
		t.Fatalf("goLiteral(%q) = %s, not a string literal", js, lit)
	}
	if _, tok, _ := sc.Scan(); tok != token.SEMICOLON || errs > 0 {
		t.Fatalf("goLiteral(%q) = %s, not one string literal", js, lit)
	}
	got, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatalf("goLiteral(%q) = %s: %v", js, lit, err)
	}
	if got != js && got != indented {
		t.Errorf("goLiteral(%q) holds %q, want %q or %q", js, got, js, indented)
	}
}

// TestSamplesAreCompactJSON pins what goLiteral's indenter relies on: every
// sample the round-trip cases hold is valid, compact JSON, whatever the
// page's example keys and the enum values hold.
func TestSamplesAreCompactJSON(t *testing.T) {
	example, err := jsonx.Parse([]byte("{\n  \"odd key <&>\": \"x\",\n  \"caf\u00e9\": 1,\n  \"nested\" : { \"a\" : [ 1, 2 ] },\n  \"@odata.type\": \"#microsoft.graph.t\"\n}"))
	if err != nil {
		t.Fatal(err)
	}
	enum := &model.Enum{Name: "E", Members: []*model.Member{{Value: "a b"}, {Value: "q\"uote<>"}, {Value: "\u2028sep"}}}
	inner := &model.Struct{Name: "Inner", WireName: "microsoft.graph.inner", Open: true}
	inner.Fields = []*model.Field{{JSONName: "a", Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Int32, Collection: true}}}
	s := &model.Struct{Name: "T", WireName: "microsoft.graph.t", Open: true, HasODataType: true, Example: example}
	s.Fields = []*model.Field{
		{JSONName: "odd key <&>", Type: model.TypeRef{Kind: model.KindEnum, Enum: enum}},
		{JSONName: "café", Type: model.TypeRef{Kind: model.KindRaw}},
		{JSONName: "nested", Type: model.TypeRef{Kind: model.KindStruct, Struct: inner, Collection: true}},
		{JSONName: "self", Type: model.TypeRef{Kind: model.KindStruct, Struct: inner}},
	}
	for _, p := range []model.Primitive{model.String, model.Boolean, model.Byte, model.Int16, model.Int32, model.Int64, model.Single, model.Double, model.Decimal, model.Guid, model.DateTimeOffset, model.Date, model.TimeOfDay, model.Duration, model.Binary, model.Stream, model.JSON} {
		inner.Fields = append(inner.Fields, &model.Field{JSONName: "p" + string(p), Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: p}})
	}
	cache := sampleCache{}
	samples := []string{fullSample(cache, s), nullsSample(cache, s), fullSample(cache, inner)}
	for k := range len(enum.Members) {
		samples = append(samples, membersSample(cache, s, func(enumSlot) int { return k }))
	}
	samples = append(samples, membersSample(cache, s, func(enumSlot) int { return -1 }))
	for _, js := range samples {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(js)); err != nil {
			t.Errorf("sample %s is not valid JSON: %v", js, err)
		} else if compact.String() != js {
			t.Errorf("sample %s is not compact: want %s", js, compact.String())
		}
	}
}
