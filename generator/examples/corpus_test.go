package examples

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/diag"
)

// corpusRoot returns the graph-docs folder, from $GRAPHGEN_CORPUS or
// ../shared/graph-docs beside the checkout, and skips the test, saying where
// it looked, when it is absent.
func corpusRoot(tb testing.TB) string {
	tb.Helper()
	root := os.Getenv("GRAPHGEN_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "graph-docs")
	}
	if _, err := os.Stat(filepath.Join(root, "v1.0", "api")); err != nil {
		tb.Skipf("corpus not found at %s (set GRAPHGEN_CORPUS to the graph-docs folder to run this): %v", root, err)
	}
	return root
}

// annotationRE finds request and response annotations with a regular
// expression over the raw text: a count that does not depend on goldmark,
// to check the reader's against.
var annotationRE = regexp.MustCompile(`"blockType"\s*:\s*"(request|response)"`)

// TestCorpusExamples reads every v1.0 method page: nothing panics, every
// annotation the raw text holds is read as an example, every position is in
// its page, and the counts are logged.
func TestCorpusExamples(t *testing.T) {
	dir := filepath.Join(corpusRoot(t), "v1.0", "api")
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	codes := map[string]int{}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(name)
		exs, diags := Read(base, src)
		counts["pages"]++
		for _, d := range diags {
			codes[string(d.Code)]++
			checkPos(t, d.Pos, base, src)
		}
		want := map[string]int{}
		for _, m := range annotationRE.FindAllSubmatch(src, -1) {
			want[string(m[1])]++
		}
		got := map[string]int{}
		for _, e := range exs {
			k := e.Kind.String()
			got[k]++
			counts[k]++
			checkPos(t, e.Annotation.Pos, base, src)
			if e.Block == nil {
				continue
			}
			checkPos(t, e.Block.Pos, base, src)
			if b := e.Block.Body; b != nil {
				counts[k+"s with a body"]++
				checkPos(t, b.Pos, base, src)
				if b.JSON != nil {
					counts[k+"s with a JSON body"]++
					checkPos(t, b.PosOf(b.JSON.Offset), base, src)
				}
			}
			if e.Kind == Response && e.Annotation.ODataType != "" {
				counts["responses with an @odata.type"]++
				if _, err := e.Objects(); err == nil {
					counts["responses with an @odata.type and objects"]++
				}
			}
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: the text has annotations %v, the reader read %v", base, want, got)
		}
	}
	for _, k := range sortedKeys(counts) {
		t.Logf("%-45s %5d", k, counts[k])
	}
	for _, k := range sortedKeys(codes) {
		t.Logf("finding %-37s %5d", k, codes[k])
	}
	if counts["response"] == 0 || counts["request"] == 0 {
		t.Errorf("read %d requests and %d responses, want some of each", counts["request"], counts["response"])
	}
}

// checkPos fails when p is not a position in src, the page file.
func checkPos(t *testing.T, p diag.Pos, file string, src []byte) {
	t.Helper()
	lines := bytes.Count(src, []byte{'\n'}) + 1
	if p.File != file || p.Line < 1 || p.Line > lines || p.Col < 1 {
		t.Errorf("position %q is not in %s (%d lines)", p.String(), file, lines)
	}
}

// readCode reports whether Read documents code: its own example-* codes, or
// a limit of the page reader, which refuses a page before it is parsed.
func readCode(code diag.Code) bool {
	switch code {
	case diag.CodeTooLarge, diag.CodeTooDeep, diag.CodeTooComplex:
		return true
	}
	return strings.HasPrefix(string(code), "example-")
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FuzzReadExamples checks that Read never panics, leaves its input alone, is
// deterministic and gives positions inside the page, from real pages and the
// snippets of the unit tests.
func FuzzReadExamples(f *testing.F) {
	f.Add([]byte(namedLocationGet))
	f.Add([]byte("- x\n  <!-- { \"blockType\": \"response\" } -->\n  ```http\n  HTTP/1.1 200 OK\n\n  {\"a\": [1,]}\n  ```\n"))
	f.Add([]byte("<!-- { \"blockType\": \"request\" } -->\n```http\nGET https://x\n"))
	root := os.Getenv("GRAPHGEN_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "graph-docs")
	}
	for _, name := range []string{"namedlocation-get.md", "group-list.md", "user-getmailtips.md", "chat-delete-tabs.md", "opentypeextension-get.md", "event-delta.md"} {
		if b, err := os.ReadFile(filepath.Join(root, "v1.0", "api", name)); err == nil && len(b) < 32<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		exs, diags := Read("fuzz.md", src)
		if !bytes.Equal(src, orig) {
			t.Fatal("Read changed its input")
		}
		norm := normalize(src)
		for _, d := range diags {
			checkPos(t, d.Pos, "fuzz.md", norm)
			if d.Message == "" || !readCode(d.Code) {
				t.Errorf("finding without a message, or with a code Read does not document: %v", d)
			}
		}
		for _, e := range exs {
			if e.Annotation == nil {
				t.Fatal("example without an annotation")
			}
			if e.Block != nil && e.Block.Body != nil && e.Block.Body.JSON != nil {
				checkPos(t, e.Block.Body.PosOf(e.Block.Body.JSON.Offset), "fuzz.md", norm)
			}
			_, _ = e.Objects()
		}
		exs2, diags2 := Read("fuzz.md", src)
		if !reflect.DeepEqual(exs, exs2) || !reflect.DeepEqual(diags, diags2) {
			t.Fatal("Read is not deterministic")
		}
	})
}
