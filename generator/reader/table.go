package reader

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphgen/graphgen/generator/diag"
)

// columns says which cells of a property table's rows hold what.
type columns struct {
	n    int // cells in the header
	typ  int // the Type column
	desc int // the Description column, -1 when the table has none
}

// nameHeaders are the first header cells of a property table. The docs
// team's table-header-config.json accepts the same words (and a few that no
// resource page uses).
var nameHeaders = map[string]bool{
	"property":          true,
	"property name":     true,
	"name":              true,
	"relationship":      true,
	"relationship name": true,
}

// headerTexts returns the lower-cased plain text of each header cell: bold,
// backticks and &nbsp; padding gone.
func (r *reader) headerTexts(t *east.Table) []string {
	h, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return nil
	}
	var out []string
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, strings.ToLower(plainText(r.src, c, nil)))
	}
	return out
}

// propertyColumns reports whether a header is a property table's, and where
// its columns are: a name column first, a column starting with "type", and
// maybe a description column. Other columns ("Supported resources",
// "Default value") are ignored; description is missing from the usage-report
// pages (emailactivitysummary.md).
func propertyColumns(h []string) (columns, bool) {
	c := columns{n: len(h), typ: -1, desc: -1}
	if len(h) < 2 || !nameHeaders[h[0]] {
		return c, false
	}
	for i := 1; i < len(h); i++ {
		switch {
		case c.typ < 0 && strings.HasPrefix(h[i], "type"):
			c.typ = i
		case c.desc < 0 && strings.HasPrefix(h[i], "description"):
			c.desc = i
		}
	}
	return c, c.typ > 0
}

// table files a table under what it defines, from the heading above it.
func (r *reader) table(t *east.Table) {
	h := r.headerTexts(t)
	head := r.pending
	r.pending = nil
	if head != nil {
		if desc, ok := enumColumns(h); ok {
			r.enumTable(t, head, desc)
			return
		}
	}
	cols, ok := propertyColumns(h)
	if !ok {
		if (r.sec == secProps || r.sec == secRels) && r.sub == "" && r.secTables == 0 && hasTypeColumn(h) {
			// agreementfiledata.md heads its property table "Method |
			// Return Type | Description". Explanatory tables after the
			// property table (outlookcategory.md's colour presets) are
			// not worth a warning.
			r.diags.Report(r.pos(t.Pos()), diag.CodeTableHeader, "table in the %s section has header %q and is ignored: want %q", r.secName(), strings.Join(h, " | "), "Property | Type | Description")
		}
		return
	}
	switch r.sec {
	case secProps:
		if subgroup(r.sub) {
			r.secTables++
			r.page.propTables++
			r.page.Properties = append(r.page.Properties, r.rows(t, cols, false)...)
		}
	case secRels:
		if subgroup(r.sub) {
			r.secTables++
			r.page.propTables++
			r.page.Relationships = append(r.page.Relationships, r.rows(t, cols, true)...)
		}
	case secPropsAgain:
		if !r.dupWarned {
			r.dupWarned = true
			r.diags.Report(r.pos(t.Pos()), diag.CodeDuplicateSection, "table is in a second %q section and is ignored: want one Properties section per page", "Properties")
		}
	default:
		if r.fallback == nil {
			r.fallback, r.fallbackC = t, cols
		}
	}
}

// subgroup reports whether a table under the H3 or H4 titled sub (lower
// case, "" when the table is directly under the section) lists properties of
// the page's type. The corpus uses such headings for real groups of
// properties ("Indicator observables - email" in tiindicator.md), but also for
// tables about something else: the JSON inside a policy's definition
// ("Properties of a token lifetime policy definition", "Example:
// **definition** that uses a claims transformation") and instance
// annotations ("Instance attributes" in channel.md). Those headings say so
// with one of a few words.
func subgroup(sub string) bool {
	for _, w := range []string{"definition", "example", "instance attribute", "annotation"} {
		if strings.Contains(sub, w) {
			return false
		}
	}
	return true
}

// rows reads the body rows of a property table.
func (r *reader) rows(t *east.Table, c columns, rel bool) []Row {
	var out []Row
	// more[i] holds the continuation lines of out[i], joined at the end.
	var more [][]string
	for n := t.FirstChild(); n != nil; n = n.NextSibling() {
		tr, ok := n.(*east.TableRow)
		if !ok {
			continue
		}
		cells := cellsOf(tr)
		switch {
		case len(cells) == 0:
			continue
		case isGroupRow(cells):
			// Intune's "|**Onboarding**|" rows title a group of the rows
			// that follow; they are not properties.
			continue
		case isContinuation(cells):
			// A description that goes on past a line break: the next line,
			// without a leading pipe, becomes a one-cell row
			// (intune-deviceconfig-deliveryoptimizationbandwidthabsolute.md).
			if len(out) == 0 {
				r.diags.Report(r.pos(cellOffset(cells[0])), diag.CodeTableRow, "row has one cell and follows no row it could continue: want name, type and description cells")
				continue
			}
			prev := &out[len(out)-1]
			more[len(out)-1] = append(more[len(out)-1], plainText(r.src, cells[0], nil))
			if prev.Values == nil {
				if vals, off := valuesFrom(r.src, cells[0]); vals != nil {
					prev.Values, prev.ValuesPos = vals, r.pos(off)
				}
			}
			continue
		}
		row := Row{Relationship: rel}
		row.Name = cleanName(plainText(r.src, cells[0], nil))
		row.NamePos = r.pos(firstTextOffset(cells[0]))
		if row.Name == "" {
			r.diags.Report(r.pos(tr.Pos()), diag.CodeTableRow, "row has an empty name cell and is ignored: want the property name in the first column")
			continue
		}
		if c.typ < len(cells) {
			row.Type = r.typeCell(cells[c.typ])
		}
		if c.desc >= 0 && c.desc < len(cells) {
			r.description(&row, tr, cells[c.desc], c.desc == c.n-1)
		}
		out = append(out, row)
		more = append(more, nil)
	}
	for i, m := range more {
		if len(m) > 0 {
			out[i].Description = joinText(append([]string{out[i].Description}, m...))
		}
	}
	return out
}

// cellsOf returns the cells of a row.
func cellsOf(tr *east.TableRow) []ast.Node {
	var cells []ast.Node
	for c := tr.FirstChild(); c != nil; c = c.NextSibling() {
		cells = append(cells, c)
	}
	return cells
}

// missing reports whether a cell was added by goldmark to pad a row that
// has fewer cells than the header: such cells have no position.
func missing(cell ast.Node) bool {
	return cell.Pos() < 0
}

// isContinuation reports whether a row has only its first cell, the others
// padding.
func isContinuation(cells []ast.Node) bool {
	if len(cells) < 2 || missing(cells[0]) {
		return false
	}
	for _, c := range cells[1:] {
		if !missing(c) {
			return false
		}
	}
	return true
}

// isGroupRow reports whether a row is a bold title with nothing else in it.
func isGroupRow(cells []ast.Node) bool {
	first := cells[0].FirstChild()
	if first == nil || first.NextSibling() != nil {
		return false
	}
	if e, ok := first.(*ast.Emphasis); !ok || e.Level != 2 {
		return false
	}
	for _, c := range cells[1:] {
		if c.FirstChild() != nil {
			return false
		}
	}
	return true
}

// cellOffset returns the offset of a cell's content, or of the cell.
func cellOffset(cell ast.Node) int {
	if cell.Lines().Len() > 0 {
		return cell.Lines().At(0).Start
	}
	return cell.Pos()
}

// typeCell reads a Type cell: its text, links replaced by their text, and
// the links themselves. Reference-style links ([identitySet][] with a
// definition at the end of the page) come out of goldmark already resolved.
func (r *reader) typeCell(cell ast.Node) TypeCell {
	var links []Link
	txt := plainText(r.src, cell, func(l *ast.Link, text string, _ []byte) {
		links = append(links, Link{Text: text, Dest: linkDest(l), Pos: r.pos(l.Pos())})
	})
	pos := r.pos(cellOffset(cell))
	if len(links) == 0 {
		if l, ok := unclosedLink(txt); ok {
			// "[invitedUserMessageInfo](invitedusermessageinfo.md" in
			// invitation.md: the author lost the ")", so goldmark saw no link.
			r.diags.Report(pos, diag.CodeTableSyntax, "Type cell %q has a link without its closing \")\"; read as a link to %q", txt, l.Dest)
			l.Pos = pos
			links, txt = []Link{l}, l.Text
		}
	}
	return TypeCell{Text: txt, Links: links, Pos: pos}
}

// unclosedLink reads a whole cell of the form "[text](page.md", a link to a
// Markdown page that lacks its closing parenthesis.
func unclosedLink(s string) (Link, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") {
		return Link{}, false
	}
	text, dest, ok := strings.Cut(s[1:], "](")
	if !ok || text == "" || strings.ContainsAny(text, "[]") || strings.ContainsAny(dest, "() \t") {
		return Link{}, false
	}
	page, _, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(strings.ToLower(page), ".md") {
		return Link{}, false
	}
	return Link{Text: text, Dest: dest}, true
}

// description reads the Description cell into row. When the cell is the
// row's last and the line goes on past it, an unescaped "|" has split the
// description ("(*.mobileconfig | *.xml)" in
// intune-deviceconfig-ioscustomconfiguration.md, "`|`" inside a code span in
// externalconnectors-property.md), and goldmark has dropped the rest: the
// whole remainder of the line is then read again as one cell, as Markdig,
// which builds the docs site, does for pipes in code spans.
func (r *reader) description(row *Row, tr *east.TableRow, cell ast.Node, last bool) {
	if last {
		if snip, base, ok := r.overflow(tr, cell); ok {
			doc := parseMarkdown(snip)
			row.Description = plainText(snip, doc, nil)
			if vals, off := valuesFrom(snip, doc); vals != nil {
				row.Values, row.ValuesPos = vals, r.pos(base+off)
			}
			return
		}
	}
	row.Description = plainText(r.src, cell, nil)
	if vals, off := valuesFrom(r.src, cell); vals != nil {
		row.Values, row.ValuesPos = vals, r.pos(off)
	}
}

// overflow returns the source from the start of cell to the end of its line,
// without the closing pipe, and the offset it starts at, when there is more
// on the line than the cell and its closing pipe.
func (r *reader) overflow(tr *east.TableRow, cell ast.Node) ([]byte, int, bool) {
	if missing(cell) || cell.Lines().Len() == 0 || tr.Pos() < 0 || tr.Pos() > len(r.src) {
		return nil, 0, false
	}
	seg := cell.Lines().At(0)
	end := bytes.IndexByte(r.src[tr.Pos():], '\n')
	if end < 0 {
		end = len(r.src)
	} else {
		end += tr.Pos()
	}
	if seg.Stop > end || seg.Start > seg.Stop {
		return nil, 0, false
	}
	rest := bytes.TrimSpace(r.src[seg.Stop:end])
	if len(rest) == 0 || string(rest) == "|" {
		return nil, 0, false
	}
	snip := bytes.TrimRight(r.src[seg.Start:end], " \t")
	if n := len(snip); n > 0 && snip[n-1] == '|' && (n < 2 || snip[n-2] != '\\') {
		snip = snip[:n-1]
	}
	return snip, seg.Start, true
}

// cleanName strips what decorates a property name in the corpus but isn't
// part of it: a " (deprecated)" suffix (audioconferencing.md) and stray
// markup goldmark left as text because it was unbalanced.
func cleanName(s string) string {
	if t, ok := cutSuffixFold(s, "(deprecated)"); ok {
		s = t
	}
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*`"))
}

// hasTypeColumn reports whether a header has a column about types.
func hasTypeColumn(h []string) bool {
	for _, c := range h {
		if strings.Contains(c, "type") {
			return true
		}
	}
	return false
}

// secName names the section the walk is in, for messages.
func (r *reader) secName() string {
	if r.sec == secRels {
		return "Relationships"
	}
	return "Properties"
}

// brokenTable warns about a paragraph that was meant to be a table: its
// second line is a delimiter row, but goldmark (like GitHub) did not make a
// table of it, because the delimiter row has a different number of cells
// than the header ("|Member|Value|Description|" over "|:---|:---|" in
// printerdefaults.md). The rows it holds are lost.
func (r *reader) brokenTable(n *ast.Paragraph) {
	lines := n.Lines()
	if lines.Len() < 2 {
		return
	}
	h, d := lines.At(0), lines.At(1)
	head := bytes.TrimSpace(h.Value(r.src))
	delim := bytes.TrimSpace(d.Value(r.src))
	if len(head) == 0 || head[0] != '|' || bytes.Count(head, []byte("|")) < 3 {
		return
	}
	if len(delim) > 0 && delim[0] == '|' && !bytes.Contains(delim, []byte("-")) {
		// Two rows and no delimiter row between them.
		r.diags.Report(r.pos(h.Start), diag.CodeTableSyntax, "lines look like a table but are not one, so their rows are ignored: want a delimiter row such as |---|---|---| after the header row")
		return
	}
	if !bytes.Contains(delim, []byte("-")) || !bytes.Contains(delim, []byte("|")) {
		return
	}
	for _, c := range delim {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return
		}
	}
	r.diags.Report(r.pos(h.Start), diag.CodeTableSyntax, "lines look like a table but are not one, so their rows are ignored: want a delimiter row with as many cells as the header row")
}

// joinText joins pieces of plain text with spaces, skipping empty ones.
func joinText(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}
