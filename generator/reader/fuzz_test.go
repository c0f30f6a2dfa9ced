package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are snippets of real pages, each carrying one of the shapes the
// reader handles, for the fuzzer to start from.
var fuzzSeeds = []string{
	page("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| status | String | Possible values are: `a`, `b`. |\n| p | [x](x.md) collection | P. |\n"),
	page("## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|**Onboarding**|\n|x|Int64|Valid values 0 to 4294967295\nmore text|\n"),
	page("## Properties\n\n| Property name | Type | Description\n|:--|:--|:--\n| **a** | [identitySet][] | A.\n\n[identitySet]: identityset.md\n"),
	page("|id|String| Unique. [!INCLUDE [outlook-beta-id](../../includes/outlook-beta-id.md)] Read-only. |\n"),
	page("<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"#microsoft.graph.x\",\n  \"baseType\": null,\n  \"abstract\": \"true\",\n}-->\n```json\n{\n  \"a\": \"String\", /* c */\n}\n```\n"),
	"---\ndoc_type: enumPageType\n---\n# e enum type\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|a|0|A.|\n",
	"# Enums\n\n### callType values\n\n| Member\n|:-----\n| unknown\n",
	"# t\n\nInherits from the [userAgent](callrecords-useragent.md) type.\n\n## Properties\n<!--\n| Property | Type |\n|--|--|\n| x | y |\n",
	"# t\n\nSupported values are: <li>None</li><li>NotifySender -- Inform</li>\n",
	"\ufeff---\r\ntitle: t\r\n---\r\n# t\r\n",
	"> - [a](",
	// Shapes the guard refuses when they fill a page.
	"# t\n\n*a **b *a **b *a_ *a_ a_ b_c\n",
	"# t\n\na `\na ``\na ```\na ````\na\n",
}

func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	// A few small real pages, when the corpus is here.
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "graph-docs")
	}
	for _, name := range []string{"beta/resources/resultinfo.md", "beta/resources/agreementfile.md", "beta/resources/enums-callrecords.md", "v1.0/resources/invitation.md"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) < 8<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		p, l := Read("fuzz.md", src)
		if !bytes.Equal(src, orig) {
			t.Fatal("Read changed its input")
		}
		if p == nil || p.Path != "fuzz.md" {
			t.Fatalf("Read returned page %+v", p)
		}
		checkPage(t, p, l, src)
		p2, l2 := Read("fuzz.md", src)
		if !reflect.DeepEqual(p, p2) || !reflect.DeepEqual(l, l2) {
			t.Fatal("Read is not deterministic")
		}
	})
}

func FuzzParseType(f *testing.F) {
	for _, s := range []string{
		"String", "Edm.dateTimeOffset", "[x](x.md) collection", "Collection(microsoft.graph.x)", "collection of String",
		"string (url)", "a or b", "routingPolicy collection collection", "JSON object", "`**Int32**`", "x enum", "#microsoft.graph.x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// Give the cell a link named by its first word, as a page would.
		var links []Link
		if w := strings.Fields(text); len(w) > 0 {
			links = []Link{{Text: w[0], Dest: w[0] + ".md"}}
		}
		e, err := ParseType(TypeCell{Text: text, Links: links})
		if err != nil {
			if msg := err.Error(); msg == "" || msg[0] < 'a' || msg[0] > 'z' {
				t.Fatalf("error %q: want a message in lower case", msg)
			}
			return
		}
		switch {
		case e.Primitive != "" && (e.Name != "" || e.Namespace != "" || e.Link != nil):
			t.Fatalf("ParseType(%q) = %+v: a primitive with a name", text, e)
		case e.Primitive == "" && !isIdentifier(e.Name):
			t.Fatalf("ParseType(%q) = %+v: name is not an identifier", text, e)
		case strings.Contains(e.Name, "."):
			t.Fatalf("ParseType(%q) = %+v: name keeps its namespace", text, e)
		case e.Namespace != "" && !isIdentifier(e.Namespace):
			t.Fatalf("ParseType(%q) = %+v: namespace is not an identifier", text, e)
		}
		// The canonical spelling of the result parses to the same result.
		canon := string(e.Primitive)
		if canon == "" {
			canon = e.Name
			if e.Namespace != "" {
				canon = e.Namespace + "." + e.Name
			}
		}
		if e.Collection {
			canon = "Collection(" + canon + ")"
		}
		again, err := ParseType(TypeCell{Text: canon})
		e.Link = nil
		if err != nil || again != e {
			t.Fatalf("ParseType(%q) = %+v, but its canonical form %q parses to %+v, %v", text, e, canon, again, err)
		}
	})
}

func FuzzParseValues(f *testing.F) {
	for _, s := range []string{
		"Possible values are: `a`, `b`, or `c`.",
		"one of the following string values: `None`, `SecurityGroup` (for groups), `Unified`.",
		"Supported values are: <li>None</li><li>NotifySender -- Inform</li>",
		"Possible values are:</br>`submitted` — Submitted.</br>`published` — Published.",
		"Possible values are: 0 - `Not Ready`, 1 - `Ready`.",
		"**Possible values are:** `on` and `off`",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, desc string) {
		vals := ParseValues([]byte(desc))
		if vals != nil && len(vals) == 0 {
			t.Fatal("ParseValues returned an empty, non-nil list")
		}
		for _, v := range vals {
			if v == "" || v != strings.TrimSpace(v) || !utf8.ValidString(v) {
				t.Fatalf("ParseValues(%q) = %q: value %q is empty, padded or not UTF-8", desc, vals, v)
			}
		}
		// Values come from code spans or HTML list items only.
		if vals != nil && !strings.ContainsAny(desc, "`<") {
			t.Fatalf("ParseValues(%q) = %q without code spans or tags", desc, vals)
		}
		if again := ParseValues([]byte(desc)); !reflect.DeepEqual(vals, again) {
			t.Fatal("ParseValues is not deterministic")
		}
	})
}
