package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphgen/graphgen/generator/diag"
)

// corpusDir returns the root of the graph-docs checkout, from
// $GRAPHGEN_CORPUS or next to the module, skipping the test when it is absent.
func corpusDir(t testing.TB) string {
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "graph-docs")
	}
	if _, err := os.Stat(filepath.Join(dir, "beta", "resources")); err != nil {
		t.Skipf("corpus not found: looked for %s (set GRAPHGEN_CORPUS to a graph-docs checkout holding beta/resources and v1.0/resources)", filepath.Join(dir, "beta", "resources"))
	}
	return dir
}

// corpusPages returns the .md pages of one version, sorted.
func corpusPages(t testing.TB, dir, version string) []string {
	paths, err := filepath.Glob(filepath.Join(dir, version, "resources", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	return paths
}

// corpusStats are the aggregate figures a corpus run measures.
type corpusStats struct {
	pages                     int
	kinds                     map[Kind]int
	withAnnotation, withTable int // pages with a resource annotation; with a property table, maybe empty
	withJSON, jsonOK          int // pages with a JSON block; whose block parses
	annotatedJSONBad          int // pages whose JSON block after the annotation does not parse
	propRows, relRows         int
	enums, enumMembers        int
	valueLists                int
	inherits, namespaces      int
	typeErrors                int // rows whose Type cell ParseType rejects
	codes                     map[string]int
	elapsed                   time.Duration
}

// readCorpus reads every page of one version, timing the reads alone.
func readCorpus(t *testing.T, dir, version string) corpusStats {
	s := corpusStats{kinds: map[Kind]int{}, codes: map[string]int{}}
	paths := corpusPages(t, dir, version)
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[i] = b
	}
	pages := make([]*Page, len(paths))
	diags := make([]diag.List, len(paths))
	start := time.Now()
	for i, p := range paths {
		pages[i], diags[i] = Read(filepath.Base(p), srcs[i])
	}
	s.elapsed = time.Since(start)
	for i, p := range pages {
		checkPage(t, p, diags[i], srcs[i])
		s.pages++
		s.kinds[p.Kind]++
		for _, d := range diags[i] {
			s.codes[string(d.Code)]++
			if d.Severity == diag.Error {
				t.Errorf("%s/%v", version, d)
			}
		}
		if p.Annotation != nil {
			s.withAnnotation++
		}
		if p.propTables > 0 {
			s.withTable++
		}
		if p.JSON != nil {
			s.withJSON++
			if p.JSON.Value != nil {
				s.jsonOK++
			} else if p.Annotation != nil {
				s.annotatedJSONBad++
			}
		}
		if p.Inherits != nil {
			s.inherits++
		}
		if p.Namespace != "" {
			s.namespaces++
		}
		s.propRows += len(p.Properties)
		s.relRows += len(p.Relationships)
		for _, rows := range [][]Row{p.Properties, p.Relationships} {
			for _, r := range rows {
				if r.Values != nil {
					s.valueLists++
				}
				if _, err := ParseType(r.Type); err != nil {
					s.typeErrors++
				}
			}
		}
		s.enums += len(p.Enums)
		for _, e := range p.Enums {
			s.enumMembers += len(e.Members)
		}
	}
	return s
}

func (s corpusStats) log(t *testing.T, version string) {
	t.Logf("%s: %d pages read in %v: %d resource, %d enum, %d overview", version, s.pages, s.elapsed.Round(time.Millisecond), s.kinds[Resource], s.kinds[EnumPage], s.kinds[Overview])
	t.Logf("%s: %d annotations, %d pages with a property table, %d property rows, %d relationship rows, %d value lists, %d Type cells ParseType rejects",
		version, s.withAnnotation, s.withTable, s.propRows, s.relRows, s.valueLists, s.typeErrors)
	t.Logf("%s: %d JSON blocks (%d parse), %d enums (%d members), %d inherits sentences, %d Namespace lines",
		version, s.withJSON, s.jsonOK, s.enums, s.enumMembers, s.inherits, s.namespaces)
	var codes []string
	for c, n := range s.codes {
		codes = append(codes, c+"="+strconv.Itoa(n))
	}
	sort.Strings(codes)
	t.Logf("%s: diagnostics %s", version, strings.Join(codes, " "))
}

// corpusWant are lower bounds taken from corpus-notes.md, which counted
// the same things with a different, line-based tool.
type corpusWant struct {
	pages, annotations, tables, rows, enums, valueLists, inherits int
}

// TestCorpus reads every page of both versions and checks the figures
// against those of corpus-notes.md: every resource annotation parses after
// repair (§4), every JSON block after an annotation parses after repair
// (§5), and the counts of tables, rows and enums are where the notes put
// them (the headline table and §3.4).
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	for _, tt := range []struct {
		version string
		want    corpusWant
	}{
		{"beta", corpusWant{pages: 2934, annotations: 2300, tables: 2250, rows: 20000, enums: 800, valueLists: 1700, inherits: 600}},
		{"v1.0", corpusWant{pages: 1239, annotations: 1000, tables: 950, rows: 7000, enums: 300, valueLists: 500, inherits: 200}},
	} {
		t.Run(tt.version, func(t *testing.T) {
			s := readCorpus(t, dir, tt.version)
			s.log(t, tt.version)
			w := tt.want
			for _, c := range []struct {
				what      string
				got, want int
			}{
				{"pages", s.pages, w.pages},
				{"pages with a resource annotation", s.withAnnotation, w.annotations},
				{"pages with a property table", s.withTable, w.tables},
				{"property and relationship rows", s.propRows + s.relRows, w.rows},
				{"enums", s.enums, w.enums},
				{"value lists", s.valueLists, w.valueLists},
				{"inherits sentences", s.inherits, w.inherits},
			} {
				if c.got < c.want {
					t.Errorf("%s: %d %s, want at least %d", tt.version, c.got, c.what, c.want)
				}
			}
			if n := s.codes["annotation-json"]; n != 0 {
				t.Errorf("%s: %d annotations do not parse after repair, want 0", tt.version, n)
			}
			if s.annotatedJSONBad != 0 {
				t.Errorf("%s: %d JSON blocks after an annotation do not parse after repair, want 0", tt.version, s.annotatedJSONBad)
			}
			// The only Type cells outside the grammar are the union types,
			// pasted descriptions and broken links §2.5 lists.
			if s.typeErrors > 10 {
				t.Errorf("%s: ParseType rejects %d Type cells, want at most 10", tt.version, s.typeErrors)
			}
		})
	}
}

// BenchmarkReadBeta reads all beta pages, which should take well under two
// seconds on one core.
func BenchmarkReadBeta(b *testing.B) {
	dir := corpusDir(b)
	paths := corpusPages(b, dir, "beta")
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
	}
	b.ResetTimer()
	for range b.N {
		for i, p := range paths {
			Read(p, srcs[i])
		}
	}
}

// TestCorpusPages pins what the reader makes of real pages that motivated a
// rule.
func TestCorpusPages(t *testing.T) {
	dir := corpusDir(t)
	names := func(rows []Row) map[string]bool {
		m := map[string]bool{}
		for _, r := range rows {
			m[r.Name] = true
		}
		return m
	}
	tests := []struct {
		page  string
		check func(p *Page) string // "" when the page reads as it should
	}{
		{"beta/resources/agreementfile.md", func(p *Page) string {
			if len(p.Properties) != 8 || len(p.Relationships) != 0 {
				return fmt.Sprintf("%d properties and %d relationships, want 8 and none: the Relationships table is commented out", len(p.Properties), len(p.Relationships))
			}
			return ""
		}},
		{"beta/resources/tiindicator.md", func(p *Page) string {
			if !names(p.Properties)["emailEncoding"] {
				return "no emailEncoding property from the H3 group"
			}
			return ""
		}},
		{"beta/resources/tokenlifetimepolicy.md", func(p *Page) string {
			if names(p.Properties)["Version"] {
				return "Version property from the policy definition table"
			}
			return ""
		}},
		{"beta/resources/enums-callrecords.md", func(p *Page) string {
			if p.Kind != EnumPage || len(p.Enums) == 0 || p.Enums[0].Name != "callType" || len(p.Enums[0].Members) == 0 {
				return fmt.Sprintf("kind %v, enums %+v: want callType first", p.Kind, p.Enums)
			}
			return ""
		}},
		{"beta/resources/event.md", func(p *Page) string {
			for _, r := range p.Properties {
				if r.Name == "id" && strings.Contains(r.Description, "INCLUDE") {
					return fmt.Sprintf("id description %q keeps the INCLUDE", r.Description)
				}
			}
			return ""
		}},
		{"beta/resources/message.md", func(p *Page) string {
			if p.Annotation == nil || p.JSON == nil || p.JSON.Value == nil || len(p.Properties) == 0 {
				return "page with an unclosed comment at its end not read"
			}
			return ""
		}},
		{"v1.0/resources/call.md", func(p *Page) string {
			for _, r := range p.Properties {
				if r.Name == "myParticipantId" {
					return ""
				}
			}
			return "no myParticipantId row (a row without a leading pipe)"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, tt.page))
			if err != nil {
				t.Fatal(err)
			}
			p, _ := Read(filepath.Base(tt.page), src)
			if msg := tt.check(p); msg != "" {
				t.Error(msg)
			}
		})
	}
}
