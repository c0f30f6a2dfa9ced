package reader

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphgen/graphgen/generator/diag"
)

// TestReadLimits checks that pathological pages are refused quickly instead
// of exhausting time or memory.
func TestReadLimits(t *testing.T) {
	indentedList := func(depth int) string {
		var b strings.Builder
		for i := 0; i < depth; i++ {
			b.WriteString(strings.Repeat(" ", 2*i))
			b.WriteString("- x\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		src   string
		diags []string
	}{
		{"larger than 8 MiB", strings.Repeat("a", MaxSize+1), []string{"error too-large 0"}},
		{"10,000-deep block quote", strings.Repeat(">", 10000) + " x\n", []string{"error too-deep 1"}},
		{"10,000-deep list on one line", strings.Repeat("- ", 10000) + "x\n", []string{"error too-deep 1"}},
		{"10,000-deep quoted list", strings.Repeat("> - ", 10000) + "x\n", []string{"error too-deep 1"}},
		{"2,000-deep indented list", indentedList(2000), []string{"error too-deep 129"}},
		{"unclosed link titles in one paragraph", "# t\n\n" + strings.Repeat("[a](b \"\n", 100000), []string{"error too-complex 3"}},
		{"unclosed links in one paragraph", "# t\n\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), []string{"error too-complex 3"}},
		// 680 MB of goldmark's memory before the guard knew the shape.
		{"5.6 MB of emphasis openers", emphasisOpeners(5_600_000), []string{"error too-complex 3"}},
		// Each '_' walks back over every '*': 16 s for 100 KB.
		{"emphasis that never closes", emphasisMixed(60_000), []string{"error too-complex 3"}},
		// Each run is followed to the end of the paragraph: 10 s and more.
		{"4 MB of growing backtick runs", growingBackticks(4_000_000, 0), []string{"error too-complex 3"}},
		// One search, but a node for each line: 3.5 s and 2.7 GB for 4
		// million lines.
		{"a backtick left open above a million lines", "# t\n\na `\n" + strings.Repeat("a\n", 1_000_000), []string{"error too-complex 3"}},
		// A method page's example: megabytes of JSON in a fence, which
		// goldmark parses for no inline markup.
		{"a fenced example of megabytes is code, not a paragraph", "# t\n\n```json\n" + strings.Repeat("  [\"a\", [\"b\"]],\n", 150_000) + "```\n", nil},
		{"a fence that is never closed runs to the end of the page", "# t\n\n~~~\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), nil},
		// What only looks like a fence fences nothing: the lines after it
		// are weighed as the paragraphs goldmark parses them as.
		{"a fence in an HTML comment fences nothing", "# t\n\n<!--\n\n```\n-->\n\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), []string{"error too-complex 8"}},
		{"a fence in front matter fences nothing", "---\n\n```\n---\n\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), []string{"error too-complex 6"}},
		{"a fence in a list item ends with the item", "- x\n\n  ```\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), []string{"error too-complex 4"}},
		{"a fence that follows a paragraph line is weighed", "# t\n\ntext\n```\n" + strings.Repeat(strings.Repeat("[a](", 20)+"\n", 20000), []string{"error too-complex 5"}},
		// Inputs within the limits that would take quadratic time if the
		// reader were careless.
		{"200,000 continuation lines", page("## Properties\n|Property|Type|Description|\n|--|--|--|\n|a|String|x|\n" + strings.Repeat("more\n", 200000)), nil},
		{"a cell full of markers", page("## Properties\n|Property|Type|Description|\n|--|--|--|\n|a|String|" + strings.Repeat("one of possible values ", 200000) + "|\n"), nil},
		{"a cell of a million text nodes", page("## Properties\n|Property|Type|Description|\n|--|--|--|\n|a|String|Possible values: " + strings.Repeat("a_", 1000000) + "|\n"), nil},
		{"a cell of chained value lines", page("## Properties\n|Property|Type|Description|\n|--|--|--|\n|a|String|" + strings.Repeat("possible values:<br>` ` ", 200000) + "|\n"), nil},
		{"an introduction of many links", "# t\n\n" + strings.Repeat("[a](b) ", 20000) + "\n", nil},
		{"deep nesting within the limit is read", "# t\n\n" + strings.Repeat(">", 100) + " x\n" + indentedList(100), nil},
		// Fenced lines are not parsed for code spans.
		{"a long code fence beside code spans", "# t\n\nSee `a` and ``b``.\n```json\n[\n" + strings.Repeat("  1,\n", 200000) + "  1\n]\n```\nAnd `c`.\n", nil},
		{"a paragraph of closed code spans", "# t\n\n" + strings.Repeat("`a` ``b`` ", 200000) + "\n", nil},
		{"a paragraph of closing underscores", "# t\n\n" + strings.Repeat("snake_ case ", 200000) + "\n", nil},
		{"a paragraph of emphasised words", "# t\n\n" + strings.Repeat("a *b* **c** _d_ ", 20) + "\n", nil},
		{"deep emphasis is read", "# t\n\n" + strings.Repeat("*", 200000) + "a" + strings.Repeat("*", 200000) + "\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, l := Read("x.md", []byte(tt.src))
			// Each input takes well under a second; the bound is loose so
			// that the race detector or a busy machine does not trip it,
			// while a quadratic algorithm would still take hours.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("Read took %v", d)
			}
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

// The shapes of Markdown that cost goldmark more than linear time or memory,
// each about n bytes long.

// emphasisOpeners is a paragraph of "*a **b ": runs of '*' that open and
// never close.
func emphasisOpeners(n int) string {
	return "# t\n\n" + strings.Repeat("*a **b ", n/7) + "\n"
}

// emphasisMixed is a paragraph of "*a_ ": each '_' can close, and walks back
// over every '*' to find none it matches.
func emphasisMixed(n int) string {
	return "# t\n\n" + strings.Repeat("*a_ ", n/4) + "\n"
}

// growingBackticks is a paragraph of backtick runs of lengths 1, 2, 3, ...,
// one a line, none closed, followed by short lines up to n bytes when fill
// is the share of n they take, so that each run's search for a closer
// passes over many lines.
func growingBackticks(n int, fill float64) string {
	var b strings.Builder
	b.WriteString("# t\n\n")
	runs := int(float64(n) * (1 - fill))
	for k := 1; b.Len() < runs; k++ {
		b.WriteString("a ")
		b.WriteString(strings.Repeat("`", k))
		b.WriteString("\n")
	}
	for b.Len() < n {
		b.WriteString("a\n")
	}
	return b.String()
}

// allocated returns the bytes Read allocates on src.
func allocated(src string) uint64 {
	b := []byte(src)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Read("x.md", b)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestReadCostIsLinear checks, by the bytes allocated, that reading a page
// costs about four times as much when the page is four times as long,
// whatever its shape, and not eight times, as the search for a code span's
// closer did when it passed over the lines after each backtick run.
func TestReadCostIsLinear(t *testing.T) {
	for _, tc := range []struct {
		name  string
		shape func(n int) string
	}{
		{"growing backtick runs", func(n int) string { return growingBackticks(n, 0.75) }},
		{"emphasis openers", emphasisOpeners},
		{"emphasis that never closes", emphasisMixed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const n = 16 << 10
			small, large := allocated(tc.shape(n)), allocated(tc.shape(4*n))
			if ratio := float64(large) / float64(small); ratio > 6 {
				t.Errorf("reading %d bytes allocates %.1fx what %d bytes do (%d and %d bytes), want about 4x", 4*n, ratio, n, large, small)
			}
		})
	}
}

// TestRefusedPagesCostTheirSize checks that a page the guard refuses costs
// about its own size, not what goldmark would have spent on it.
func TestRefusedPagesCostTheirSize(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
	}{
		{"5.6 MB of emphasis openers", emphasisOpeners(5_600_000)},
		{"100 KB of emphasis that never closes", emphasisMixed(100_000)},
		{"4 MB of growing backtick runs", growingBackticks(4_000_000, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, limit := allocated(tc.src), 4*uint64(len(tc.src)); got > limit {
				t.Errorf("reading %d bytes allocates %d bytes, want at most %d", len(tc.src), got, limit)
			}
		})
	}
}

// TestReadOddInput checks inputs that are not Markdown pages at all.
func TestReadOddInput(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		diags []string
	}{
		{"empty file", "", []string{"warning no-h1 0"}},
		{"only a BOM", "\ufeff", []string{"warning no-h1 0"}},
		{"only front matter", "---\ntitle: t\n---\n", []string{"warning no-h1 0"}},
		{"invalid UTF-8", "# t\xff\xfe\n\n| Property | Type |\n|--|--|\n| a\xc3 | String |\n", []string{"error invalid-utf8 1"}},
		{"NUL bytes", "# t\x00\n\n\x00| Property | Type |\n|--|--|\n| a | \x00 |\n", nil},
		{"lone carriage returns", "# t\r\rtext\r", nil},
		{"front matter that is not a mapping", "---\n- a\n- b\n---\n# t\n", nil},
		// Found by FuzzRead: the JSON error fell on a line the file does not
		// have.
		{"json fence with no content at the end of the file", "<!--{\"blockType\":\"resource\"}-->\n```json", []string{"warning no-h1 0", "warning json-block 2"}},
		{"json fence with no newline at the end of the file", "<!--{\"blockType\":\"resource\"}-->\n```json\n{", []string{"warning no-h1 0", "warning json-block 2"}},
		{"closed json fence with JSON cut short", "<!--{\"blockType\":\"resource\"}-->\n```json\n{\n```", []string{"warning no-h1 0", "warning json-block 4"}},
		{"annotation that is not an object", "# t\n<!-- [\"blockType\"] -->\n<!-- {\"blockType\": [1,2]} -->\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			orig := bytes.Clone(src)
			p, l := Read("x.md", src)
			if !bytes.Equal(src, orig) {
				t.Errorf("Read changed its input")
			}
			if p == nil {
				t.Fatal("Read returned a nil page")
			}
			checkPage(t, p, l, src)
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

// checkPage asserts the invariants every Read result keeps, whatever the
// input: every string is valid UTF-8, and every position names the file and
// lies within it.
func checkPage(t testing.TB, p *Page, l diag.List, src []byte) {
	t.Helper()
	maxLine := bytes.Count(src, []byte("\n")) + 1
	checkPos := func(what string, file string, line, col int) {
		t.Helper()
		if file != "" && file != p.Path {
			t.Errorf("%s: position in file %q, want %q", what, file, p.Path)
		}
		if line < 0 || line > maxLine || col < 0 {
			t.Errorf("%s: position %d:%d outside the file's %d lines", what, line, col, maxLine)
		}
	}
	checkStr := func(what, s string) {
		t.Helper()
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8 %q", what, s)
		}
	}
	checkStr("Title", p.Title)
	checkStr("Description", p.Description)
	checkStr("DocType", p.DocType)
	checkStr("H1", p.H1)
	checkStr("Namespace", p.Namespace)
	checkStr("Summary", p.Summary)
	checkPos("H1", p.H1Pos.File, p.H1Pos.Line, p.H1Pos.Col)
	if p.Inherits != nil {
		checkStr("Inherits", p.Inherits.Text+p.Inherits.Dest)
		checkPos("Inherits", p.Inherits.Pos.File, p.Inherits.Pos.Line, p.Inherits.Pos.Col)
	}
	for _, r := range append(append([]Row(nil), p.Properties...), p.Relationships...) {
		checkStr("Name", r.Name)
		checkStr("Type", r.Type.Text)
		checkStr("Description", r.Description)
		if r.Name == "" {
			t.Errorf("row with an empty name: %+v", r)
		}
		checkPos("NamePos", r.NamePos.File, r.NamePos.Line, r.NamePos.Col)
		checkPos("Type.Pos", r.Type.Pos.File, r.Type.Pos.Line, r.Type.Pos.Col)
		checkPos("ValuesPos", r.ValuesPos.File, r.ValuesPos.Line, r.ValuesPos.Col)
		for _, ln := range r.Type.Links {
			checkStr("Link", ln.Text+ln.Dest)
			checkPos("Link", ln.Pos.File, ln.Pos.Line, ln.Pos.Col)
		}
		for _, v := range r.Values {
			checkStr("Values", v)
			if v == "" {
				t.Errorf("empty value in %q", r.Values)
			}
		}
		if r.Values != nil && r.ValuesPos.Line == 0 {
			t.Errorf("values %q without a position", r.Values)
		}
	}
	for _, e := range p.Enums {
		checkStr("Enum", e.Name)
		checkPos("Enum", e.Pos.File, e.Pos.Line, e.Pos.Col)
		for _, m := range e.Members {
			checkStr("Member", m.Value+m.Description)
			checkPos("Member", m.Pos.File, m.Pos.Line, m.Pos.Col)
		}
	}
	if a := p.Annotation; a != nil {
		checkStr("Annotation", a.ODataType+a.BaseType+a.KeyProperty+strings.Join(a.OptionalProperties, ""))
		checkPos("Annotation", a.Pos.File, a.Pos.Line, a.Pos.Col)
	}
	if j := p.JSON; j != nil {
		checkPos("JSON", j.Pos.File, j.Pos.Line, j.Pos.Col)
		if j.Value != nil {
			e := j.PosOf(j.Value.Offset)
			checkPos("JSON value", e.File, e.Line, e.Col)
		}
	}
	for _, d := range l {
		checkPos("diagnostic "+string(d.Code), d.Pos.File, d.Pos.Line, d.Pos.Col)
		checkStr("diagnostic", d.Message)
		if d.Code == "" || d.Message == "" {
			t.Errorf("diagnostic without a code or message: %v", d)
		}
	}
}

// TestReadConcurrently reads pages from many goroutines at once, as a
// generator reading a folder in parallel would; run it with -race.
func TestReadConcurrently(t *testing.T) {
	want := make([]*Page, len(fuzzSeeds))
	for i, s := range fuzzSeeds {
		want[i], _ = Read("x.md", []byte(s))
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for i, s := range fuzzSeeds {
				if p, _ := Read("x.md", []byte(s)); !cmp.Equal(want[i], p, cmp.AllowUnexported(Page{}, JSONBlock{}), cmpopts.IgnoreUnexported(diag.Lines{})) {
					done <- fmt.Errorf("seed %d read differently", i)
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
