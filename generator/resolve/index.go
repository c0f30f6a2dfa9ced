package resolve

import (
	"path"
	"strings"

	"github.com/graphgen/graphgen/generator/reader"
)

// Index finds the pages of a spec folder by the file names that links
// use. Resolution follows links through it, and lint judges links with it,
// so that both agree on what a link names.
type Index struct {
	exact  map[string]*reader.Page // base name → page
	folded map[string]*reader.Page // lower-cased base name → page
	// enums holds the enum tables of every page by lower-cased name, in
	// page order: a name may be defined more than once (modality in
	// enums.md and in enums-callrecords.md).
	enums map[string][]*reader.EnumTable
}

// NewIndex indexes pages, which are sorted by path: of two file names that
// differ only in case, the last has the case-blind lookup.
func NewIndex(pages []*reader.Page) *Index {
	ix := &Index{exact: map[string]*reader.Page{}, folded: map[string]*reader.Page{}, enums: map[string][]*reader.EnumTable{}}
	for _, p := range pages {
		base := path.Base(p.Path)
		ix.exact[base] = p
		ix.folded[strings.ToLower(base)] = p
		for i := range p.Enums {
			key := strings.ToLower(p.Enums[i].Name)
			ix.enums[key] = append(ix.enums[key], &p.Enums[i])
		}
	}
	return ix
}

// EnumTables returns the tables that define the enum name, in page order,
// matching the name ignoring case, as a Type cell names an enum.
func (ix *Index) EnumTables(name string) []*reader.EnumTable {
	return ix.enums[strings.ToLower(name)]
}

// Target returns the page a link from page from points at, and the
// anchor, if any. File names match ignoring case, as the docs site serves
// them; exact reports whether the case matched too. A destination without
// a file name is an anchor on from itself.
func (ix *Index) Target(from *reader.Page, dest string) (p *reader.Page, anchor string, exact bool) {
	dest = strings.TrimSpace(strings.Trim(strings.TrimSpace(dest), "<>"))
	file, anchor, _ := strings.Cut(dest, "#")
	if file == "" {
		return from, anchor, true
	}
	base := path.Base(file)
	if !strings.HasSuffix(strings.ToLower(base), ".md") {
		// Site paths such as /graph/api/resources/identityset.
		base += ".md"
	}
	if p := ix.exact[base]; p != nil {
		return p, anchor, true
	}
	return ix.folded[strings.ToLower(base)], anchor, false
}

// LastSegment returns the type name of a qualified OData name:
// "#microsoft.graph.entity" → "entity".
func LastSegment(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	return s[strings.LastIndexByte(s, '.')+1:]
}
