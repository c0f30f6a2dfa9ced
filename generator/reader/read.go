package reader

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Read parses one resource page. path names the page in diagnostics; src
// holds the file's bytes, which Read does not change. It never fails
// outright: it returns what it could read, never nil, with diagnostics for
// what it could not. Errors mean the page, or part of it, cannot be
// understood; warnings flag oddities that were worked around.
//
// Only top-level blocks are read, so tables and text inside lists, block
// quotes and HTML comments (commented-out sections) never count. Sections
// are found by their headings:
//   - Properties are the property tables directly under the first
//     "Properties" heading that has one (an H2, or an H3 on pages without
//     that H2), plus those under its H3 and H4 sub-headings, unless the
//     sub-heading says the table is about something else: a definition, an
//     example, instance attributes or annotations. A page without a
//     Properties heading takes the first property table found outside
//     Relationships, unless its doc_type is conceptual.
//   - Relationships are the property tables of the "Relationships" section,
//     in the same way.
//   - Enums are the Members table of an "X enum type" page, and the table
//     after any H2 to H4 heading "x values", "x enumeration" or "x members".
//   - The annotation is the first HTML comment whose JSON has blockType
//     "resource"; the JSON block is the json fence right after it or, failing
//     that, the first json fence under a "JSON representation" heading.
//   - The introduction, between the H1 and the first H2, gives the
//     Namespace line, the summary and the "Inherits from" link.
//
// The diagnostic codes are stable. Errors: too-large, too-deep and
// too-complex (the page is not parsed, see MaxSize), invalid-utf8 and
// annotation-json (an annotation that does not parse even after
// jsonx.Repair). Warnings: front-matter, no-h1, annotation-extra,
// annotation-field, duplicate-section, table-header, table-row,
// table-syntax (rows that could not be read as the author meant) and
// json-block (a JSON representation that does not parse even after
// jsonx.Repair: it is only an example, so the type is still generated from
// its tables, without one).
func Read(path string, src []byte) (*Page, diag.List) {
	page := &Page{Path: path}
	if len(src) > MaxSize {
		var l diag.List
		l.Report(diag.Pos{File: path}, diag.CodeTooLarge, "page is %d bytes, larger than the 8 MiB limit", len(src))
		return page, l
	}
	r := &reader{path: path, page: page, src: normalize(src)}
	r.lines = diag.NewLines(path, r.src)
	if !utf8.Valid(r.src) {
		off := invalidUTF8(r.src)
		r.diags.Report(r.lines.Pos(off), diag.CodeInvalidUTF8, "page is not valid UTF-8: byte 0x%02x cannot start or continue a character; want UTF-8 text", r.src[off])
	}
	if d, bad := CheckLimits(r.src, r.lines); bad {
		r.diags = append(r.diags, d)
		return page, r.diags
	}
	r.frontMatter()
	r.walk(parseMarkdown(r.src))
	r.finish()
	r.diags.Sort()
	return page, r.diags
}

// reader holds the state of one Read call.
type reader struct {
	path  string
	src   []byte // normalised; what goldmark parses
	lines *diag.Lines
	page  *Page
	diags diag.List

	// Where the walk is.
	inIntro   bool      // after the H1, before the first H2
	sec       section   // the Properties or Relationships section the walk is in
	secTables int       // property tables read in the current section
	propsSeen int       // Properties sections met so far
	sub       string    // lower-cased H3/H4 title inside the section, "" when none
	inJSON    bool      // under a "JSON representation" heading
	enumName  string    // X of an "# X enum type" H1
	pending   *enumHead // a heading that names an enum, until its table
	hasPropsH bool      // the page has a Properties heading
	dupWarned bool      // a second Properties section was reported

	// What the rules that need the whole page use, in finish.
	fallback  *east.Table          // first property table outside any section
	fallbackC columns              // its columns
	jsonFence *ast.FencedCodeBlock // first json fence under "JSON representation"
}

// section is the kind of section the walk is in.
type section int

const (
	secOther section = iota
	secProps
	secRels
	secPropsAgain // a second Properties section, whose tables are ignored
)

// normalize returns a copy of src that goldmark and the position table can
// share: no BOM, and "\r\n" turned into "\n". Dropping a "\r" before a
// newline leaves every line number and every column before it unchanged,
// so positions still name the right place in the original file. The copy is
// also what front-matter blanking writes to, so the caller's bytes are never
// changed.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
}

// invalidUTF8 returns the offset of the first byte of src that is not part of
// a valid UTF-8 sequence.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// walk visits the top-level blocks of the document in order, keeping track of
// the section they are in. Only top-level blocks count: a table inside a list
// or block quote is an example, not the type's definition.
func (r *reader) walk(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			r.heading(n)
		case *ast.Paragraph:
			if r.inIntro {
				r.introParagraph(n)
			}
			r.brokenTable(n)
		case *east.Table:
			r.table(n)
		case *ast.HTMLBlock:
			r.htmlBlock(n)
		case *ast.FencedCodeBlock:
			if r.inJSON && r.jsonFence == nil && isJSONFence(r.src, n) {
				r.jsonFence = n
			}
		}
	}
}

// heading updates the walk's position for a heading.
func (r *reader) heading(n *ast.Heading) {
	title := plainText(r.src, n, nil)
	lower := strings.ToLower(title)
	r.pending = nil
	switch n.Level {
	case 1:
		if r.page.H1 != "" || r.page.H1Pos.Line != 0 {
			return // a second H1 (rangesort.md) starts nothing new
		}
		r.page.H1 = title
		r.page.H1Pos = r.pos(n.Pos())
		r.inIntro = true
		if name, ok := cutSuffixFold(title, " enum type"); ok && isIdentifier(strings.TrimSpace(name)) {
			r.enumName = strings.TrimSpace(name)
		}
		return
	case 2:
		r.inIntro = false
		r.sub = ""
		r.inJSON = lower == "json representation"
		r.sec = r.sectionOf(lower)
		r.secTables = 0
		if lower == "members" && r.enumName != "" {
			r.pending = &enumHead{name: r.enumName, pos: r.page.H1Pos}
			return
		}
	default:
		if lower == "json representation" {
			r.inJSON = true
		}
		switch {
		case n.Level == 3 && lower == "properties" && r.sec == secProps:
			r.sub = ""
		case n.Level == 3 && (lower == "properties" || lower == "relationships"):
			// "### Properties" on pages with no H2 for it (settingvalue.md).
			r.sec = r.sectionOf(lower)
			r.secTables = 0
			r.sub = ""
		default:
			r.sub = lower
		}
	}
	if name, ok := enumHeading(title); ok {
		r.pending = &enumHead{name: name, pos: r.pos(n.Pos())}
	}
}

// sectionOf returns the section a heading titled lower (lower-cased) opens.
// Only the first Properties section with a table counts: personwebsite.md
// has two, the second repeating the first with inherited rows added, while
// onenoteentityhierarchymodel.md repeats the heading and then has one table.
func (r *reader) sectionOf(lower string) section {
	switch lower {
	case "properties":
		r.hasPropsH = true
		r.propsSeen++
		if r.propsSeen > 1 && r.page.propTables > 0 {
			return secPropsAgain
		}
		return secProps
	case "relationships":
		return secRels
	}
	return secOther
}

// introParagraph reads a paragraph between the H1 and the first H2: the
// Namespace line, the summary, and the "Inherits from" sentence.
func (r *reader) introParagraph(n *ast.Paragraph) {
	var inherits *Link
	var phrase string
	txt := plainText(r.src, n, func(l *ast.Link, text string, before []byte) {
		if inherits != nil || r.page.Inherits != nil {
			return
		}
		if p, ok := inheritPhrase(before); ok {
			inherits = &Link{Text: text, Dest: linkDest(l), Pos: r.pos(l.Pos())}
			phrase = p
		}
	})
	if txt == "" {
		return // an INCLUDE line, now empty
	}
	if rest, ok := cutPrefixFold(txt, "namespace:"); ok {
		rest = strings.TrimSpace(rest)
		ns, more, _ := strings.Cut(rest, " ")
		if r.page.Namespace == "" {
			r.page.Namespace = ns
		}
		// Without a blank line after it, the Namespace line and the summary
		// are one paragraph (appidentity.md).
		txt = strings.TrimSpace(more)
		if txt == "" {
			return
		}
	}
	if inherits != nil {
		r.page.Inherits = inherits
		// A paragraph that is nothing but "Inherits from [x](x.md)."
		// (Intune pages) is not a summary.
		if _, ok := cutPrefixFold(txt, phrase); ok && !strings.Contains(strings.TrimSuffix(txt, "."), ". ") {
			return
		}
	}
	if r.page.Summary == "" && !strings.HasPrefix(txt, "[!") {
		r.page.Summary = txt
	}
}

// inheritPhrases introduce the base type in the introduction.
var inheritPhrases = []string{"inherits from", "derived from", "subclass of", "subtype of"}

// inheritFillers may stand between an inheritance phrase and its link:
// "Inherits from the [userAgent](…) type" (callrecords-clientuseragent.md),
// "Inherits from base class [identityUserFlow](…)" (b2xidentityuserflow.md).
var inheritFillers = map[string]bool{"the": true, "a": true, "an": true, "base": true, "class": true, "type": true, "abstract": true}

// inheritPhrase reports whether the text before a link ends with one of
// inheritPhrases, maybe followed by inheritFillers, and returns the text from
// the phrase's start ("Inherits from").
func inheritPhrase(before []byte) (string, bool) {
	// The phrase and its fillers are near the end: only the end is looked
	// at, so a paragraph of many links costs linear time.
	if len(before) > 200 {
		before = before[len(before)-200:]
	}
	t := strings.TrimRight(collapse(before), " :")
	for {
		i := strings.LastIndexByte(t, ' ')
		if i < 0 || !inheritFillers[asciiLower(t[i+1:])] {
			break
		}
		t = t[:i]
	}
	for _, p := range inheritPhrases {
		if len(t) >= len(p) && strings.EqualFold(t[len(t)-len(p):], p) {
			return t[len(t)-len(p):], true
		}
	}
	return "", false
}

// finish applies the rules that need the whole page: the fallback property
// table, the fallback JSON block, and the page's kind.
func (r *reader) finish() {
	p := r.page
	if !r.hasPropsH && r.fallback != nil && !strings.Contains(strings.ToLower(p.DocType), "conceptual") {
		// Pages with no Properties heading keep their table under the H1 or
		// another H2 (averagecomparativescore.md, operationerror.md,
		// package.md). On a conceptual page such a table lists types, not
		// properties (ediscovery-ediscoveryapioverview.md).
		p.propTables++
		p.Properties = append(p.Properties, r.rows(r.fallback, r.fallbackC, false)...)
	}
	if p.JSON == nil && r.jsonFence != nil {
		// No annotation, or one not followed by its fence: the first json
		// fence under "JSON representation" (Dynamics pages,
		// itempreviewinfo.md).
		p.JSON = r.jsonBlock(r.jsonFence)
	}
	switch {
	case p.Annotation != nil || p.propTables > 0:
		p.Kind = Resource
	case len(p.Enums) > 0:
		p.Kind = EnumPage
	default:
		p.Kind = Overview
	}
	if p.Kind == Overview && r.hasPropsH && p.H1Pos.Line > 0 {
		// A Properties heading promises a type; say why there is none.
		r.diags.Report(p.H1Pos, diag.CodeNoType, "page %q declares no type: want a property table under \"## Properties\" or a resource annotation", p.H1)
	}
	if p.H1Pos.Line == 0 {
		r.diags.Report(diag.Pos{File: r.path}, diag.CodeNoH1, "page has no H1 heading: want %q", "# name resource type")
	}
}

// pos returns the position of byte offset off, or of the file when off is
// unknown (goldmark uses -1).
func (r *reader) pos(off int) diag.Pos {
	if off < 0 {
		return diag.Pos{File: r.path}
	}
	return r.lines.Pos(off)
}

// cutPrefixFold is strings.CutPrefix, ignoring case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// cutSuffixFold is strings.CutSuffix, ignoring case.
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}
