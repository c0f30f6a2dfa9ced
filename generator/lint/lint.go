// Package lint checks a set of read pages for the inconsistencies that the
// corpus notes describe: a property table and JSON block that disagree, enum
// lists that differ between the description and the JSON, links to pages
// that do not exist, and annotations that contradict the prose. It reports;
// it never changes a page, and the generator does not depend on it.
package lint

import (
	"fmt"
	"path"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
	"github.com/graphgen/graphgen/generator/resolve"
)

// unknownFutureValue is the evolvable-enum sentinel that one source often
// lists and the other leaves out; a difference of only this member is noted,
// not warned about.
const unknownFutureValue = "unknownFutureValue"

// Lint checks pages, which should be every page of one spec folder: link
// targets are looked up among them, as resolution looks them up. It reports
// what resolution does not: generator.Model reports the rest, such as
// links to no page and repeated rows. The result is sorted. Lint reads
// nothing from disk.
func Lint(pages []*reader.Page) diag.List {
	l := &linter{pages: resolve.NewIndex(pages)}
	for _, p := range pages {
		l.page(p)
	}
	l.diags.Sort()
	return l.diags
}

// linter holds the page index of one run.
type linter struct {
	pages *resolve.Index // the pages and enum tables, as resolution finds them
	diags diag.List
}

func (l *linter) page(p *reader.Page) {
	rows := make([]reader.Row, 0, len(p.Properties)+len(p.Relationships))
	rows = append(rows, p.Properties...)
	rows = append(rows, p.Relationships...)
	names := rowNames(rows)
	for _, r := range rows {
		for _, k := range r.Type.Links {
			l.link(p, k)
		}
		l.enumDef(r)
	}
	if p.Inherits != nil {
		l.link(p, *p.Inherits)
	}
	l.json(p, rows, names)
	l.annotation(p, names)
}

// rowNames returns the rows of a page by name; of a name listed twice,
// which resolution reports, the first.
func rowNames(rows []reader.Row) map[string]reader.Row {
	names := map[string]reader.Row{}
	for _, r := range rows {
		if _, ok := names[r.Name]; !ok && r.Name != "" {
			names[r.Name] = r
		}
	}
	return names
}

// link checks that a link in a Type cell or an "Inherits from" sentence
// to a page of the folder spells its file name in the case of the file.
// A link to no page is resolution's to report, as it follows the link.
func (l *linter) link(from *reader.Page, k reader.Link) {
	dest, _, _ := strings.Cut(k.Dest, "#")
	// Same-page anchors, site paths and URLs are not files of this folder.
	if dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") || !strings.EqualFold(path.Ext(dest), ".md") {
		return
	}
	if dir := path.Dir(path.Clean(dest)); dir != "." && dir != "../resources" {
		return
	}
	if p, _, exact := l.pages.Target(from, k.Dest); p != nil && !exact {
		l.diags.Report(k.Pos, diag.CodeLinkCase, "link to %q matches the page %q only ignoring case: want the exact file name", k.Dest, path.Base(p.Path))
	}
}

// json compares the property tables with the JSON representation.
func (l *linter) json(p *reader.Page, rows []reader.Row, names map[string]reader.Row) {
	if p.JSON == nil || p.JSON.Value == nil || p.JSON.Value.Kind != jsonx.Object || len(rows) == 0 {
		return
	}
	b := p.JSON
	keys := map[string]*jsonx.Value{}
	folded := map[string]string{}
	for _, m := range b.Value.Members {
		if strings.HasPrefix(m.Key, "@") {
			continue
		}
		if _, ok := keys[m.Key]; ok {
			l.diags.Report(b.PosOf(m.KeyOffset), diag.CodeDuplicateProperty, "JSON key %q appears again in the JSON representation: want each key once", m.Key)
			continue
		}
		keys[m.Key] = m.Value
		folded[strings.ToLower(m.Key)] = m.Key
	}
	if len(keys) == 0 {
		if len(p.Properties) > 0 {
			l.diags.Report(b.Pos, diag.CodeTableJSONMissing, "JSON representation has no members: want one for each of the %d properties of the table", len(p.Properties))
		}
		return
	}
	rowFolded := map[string]string{}
	for _, r := range rows {
		rowFolded[strings.ToLower(r.Name)] = r.Name
	}
	for _, r := range rows {
		if r.Name == "" {
			continue
		}
		if v, ok := keys[r.Name]; ok {
			l.typeOf(b, r, v)
			l.enum(b, r, v)
			continue
		}
		if k, ok := folded[strings.ToLower(r.Name)]; ok {
			if _, exact := names[k]; !exact {
				l.diags.Report(r.NamePos, diag.CodeNameCase, "property %q is spelled %q in the JSON representation: want the same case in both", r.Name, k)
			}
			continue
		}
		// Relationships are usually left out of the JSON block.
		if !r.Relationship {
			l.diags.Report(r.NamePos, diag.CodeTableJSONMissing, "property %q is in the table but not in the JSON representation: want a %q member", r.Name, r.Name)
		}
	}
	for _, m := range b.Value.Members {
		if strings.HasPrefix(m.Key, "@") || keys[m.Key] != m.Value {
			continue
		}
		if _, ok := names[m.Key]; ok {
			continue
		}
		if _, ok := rowFolded[strings.ToLower(m.Key)]; ok {
			continue // reported as name-case at the row
		}
		l.diags.Report(b.PosOf(m.KeyOffset), diag.CodeJSONTableMissing, "JSON key %q is not in the property tables: want a row for it", m.Key)
	}
}

// typeOf reports a JSON placeholder that clearly contradicts the table type:
// an array for a single value or the reverse, a number for a Boolean, a
// Boolean for a number.
func (l *linter) typeOf(b *reader.JSONBlock, r reader.Row, v *jsonx.Value) {
	t, err := reader.ParseType(r.Type)
	if err != nil || v.Kind == jsonx.Null {
		return
	}
	pos := b.PosOf(v.Offset)
	switch {
	case t.Collection && v.Kind != jsonx.Array:
		l.diags.Report(pos, diag.CodeTypeMismatch, "property %q is %q in the table but its JSON placeholder is %s: want an array", r.Name, r.Type.Text, kindName(v))
	case !t.Collection && v.Kind == jsonx.Array:
		l.diags.Report(pos, diag.CodeTypeMismatch, "property %q is %q in the table but its JSON placeholder is an array: want a single value", r.Name, r.Type.Text)
	case t.Primitive == model.Boolean && v.Kind == jsonx.Number:
		l.diags.Report(pos, diag.CodeTypeMismatch, "property %q is %q in the table but its JSON placeholder is the number %s: want true or false", r.Name, r.Type.Text, v.Number)
	case isInteger(t.Primitive) && v.Kind == jsonx.Bool:
		l.diags.Report(pos, diag.CodeTypeMismatch, "property %q is %q in the table but its JSON placeholder is %t: want a number", r.Name, r.Type.Text, v.Bool)
	}
}

func isInteger(p model.Primitive) bool {
	switch p {
	case model.Byte, model.Int16, model.Int32, model.Int64:
		return true
	}
	return false
}

func kindName(v *jsonx.Value) string {
	switch v.Kind {
	case jsonx.Bool:
		return fmt.Sprintf("%t", v.Bool)
	case jsonx.Number:
		return "the number " + v.Number
	case jsonx.String:
		return fmt.Sprintf("the string %q", v.String)
	case jsonx.Object:
		return "an object"
	}
	return "null"
}

// pipeValues returns the members of a JSON enum placeholder "a | b | c", or
// nil when s is not one.
func pipeValues(s string) []string {
	if !strings.Contains(s, "|") {
		return nil
	}
	// "String(None|Attendee|Presenter|Organizer)" (attendanceRecord.md)
	// names the type around the members.
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && !strings.ContainsAny(s[:i], " |") {
		s = s[i+1 : len(s)-1]
	}
	var vals []string
	for _, f := range strings.Split(s, "|") {
		f = strings.TrimSpace(f)
		if f == "..." || f == "…" {
			continue // an open list, "a | b | ..." (listinfo.md)
		}
		if f == "" || strings.ContainsAny(f, " \t") {
			return nil
		}
		vals = append(vals, f)
	}
	return vals
}

// enum compares the "Possible values" list of a description with the JSON
// "a | b" placeholder of the same property.
func (l *linter) enum(b *reader.JSONBlock, r reader.Row, v *jsonx.Value) {
	if len(r.Values) == 0 || v.Kind != jsonx.String {
		return
	}
	js := pipeValues(v.String)
	if js == nil {
		return
	}
	onlyDesc, onlyJSON := minus(r.Values, js), minus(js, r.Values)
	if len(onlyDesc) == 0 && len(onlyJSON) == 0 {
		return
	}
	pos := r.ValuesPos
	if pos.Line == 0 {
		pos = b.PosOf(v.Offset)
	}
	diff := append(append([]string(nil), onlyDesc...), onlyJSON...)
	if len(diff) == 1 && diff[0] == unknownFutureValue {
		side := "the description"
		if len(onlyJSON) == 1 {
			side = "the JSON representation"
		}
		l.diags.Report(pos, diag.CodeEnumFutureValue, "values of %q differ only by %q, which only %s lists: want both lists to agree", r.Name, unknownFutureValue, side)
		return
	}
	l.diags.Report(pos, diag.CodeEnumDisagree, "values of %q disagree: only the description lists %q, only the JSON representation (line %d) lists %q: want the same members in both", r.Name, onlyDesc, b.PosOf(v.Offset).Line, onlyJSON)
}

// minus returns the members of a that are not in b, in a's order.
func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	out := []string{}
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

// annotation checks the resource annotation against the rest of the page.
func (l *linter) annotation(p *reader.Page, names map[string]reader.Row) {
	a := p.Annotation
	if a == nil {
		return
	}
	if len(names) > 0 {
		for _, o := range a.OptionalProperties {
			if _, ok := names[o]; ok {
				continue
			}
			want := "a property or relationship of the page"
			for n := range names {
				if strings.EqualFold(n, o) {
					want = fmt.Sprintf("%q, as the table spells it", n)
				}
			}
			l.diags.Report(a.Pos, diag.CodeOptionalUnknown, "optionalProperties names %q, which the tables do not list: want %s", o, want)
		}
	}
	typeName := resolve.LastSegment(a.ODataType)
	if typeName != "" && p.H1 != "" {
		first := strings.Trim(strings.Fields(p.H1)[0], "`*")
		if !strings.EqualFold(first, typeName) {
			l.diags.Report(p.H1Pos, diag.CodeTitleMismatch, "title %q starts with %q but @odata.type is %q: want the title to start with %q", p.H1, first, a.ODataType, typeName)
		}
	}
	if base := resolve.LastSegment(a.BaseType); base != "" && p.Inherits != nil && !l.inheritsNames(*p.Inherits, base) {
		l.diags.Report(a.Pos, diag.CodeBaseConflict, "annotation baseType %q disagrees with the \"Inherits from\" link to %q (line %d): want the same base type in both", a.BaseType, p.Inherits.Dest, p.Inherits.Pos.Line)
	}
}

// inheritsNames reports whether an "Inherits from" link names base: by its
// text, its target's file name, or the type the target page declares. Link
// text is sometimes a phrase ("Conditional Access Session Control") and
// Intune file names carry a prefix, so any one of them agreeing is enough.
func (l *linter) inheritsNames(k reader.Link, base string) bool {
	cands := []string{strings.Trim(k.Text, "`* "), strings.ReplaceAll(k.Text, " ", "")}
	dest := k.Dest
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		dest = dest[:i]
	}
	file := path.Base(dest)
	cands = append(cands, strings.TrimSuffix(file, path.Ext(file)))
	if t, _, _ := l.pages.Target(nil, dest); t != nil {
		if t.Annotation != nil {
			cands = append(cands, resolve.LastSegment(t.Annotation.ODataType))
		}
		if f := strings.Fields(t.H1); len(f) > 0 {
			cands = append(cands, f[0])
		}
	}
	for _, c := range cands {
		if strings.EqualFold(resolve.LastSegment(c), base) {
			return true
		}
	}
	return false
}

// enumDef compares the "Possible values" list of a description with the
// enum table that defines the row's type, when the folder has one. A
// description that lists fewer members, or the same ones in another order,
// is common and harmless; members the table lacks, or a difference of case,
// mean one of the two is wrong, and the wire carries exactly one spelling.
func (l *linter) enumDef(r reader.Row) {
	if len(r.Values) == 0 {
		return
	}
	t, err := reader.ParseType(r.Type)
	if err != nil || t.Name == "" {
		return
	}
	defs := l.pages.EnumTables(t.Name)
	if len(defs) == 0 {
		return
	}
	// Against each definition; the closest one decides, so that a name
	// defined twice is judged by the table the description agrees with. Ties
	// go to the first by position, whatever the order of the pages.
	var best enumComparison
	for i, d := range defs {
		c := compareEnum(r.Values, *d)
		if i == 0 || c.rank() < best.rank() || c.rank() == best.rank() && d.Pos.Before(best.def.Pos) {
			best = c
		}
	}
	if best.rank() == 0 {
		return
	}
	pos := r.ValuesPos
	if pos.Line == 0 {
		pos = r.NamePos
	}
	d := best.def
	where := fmt.Sprintf("the %s enum table (%s:%d)", d.Name, path.Base(d.Pos.File), d.Pos.Line)
	switch {
	case len(best.caseOnly) > 0 && len(best.extra) == 0:
		var pairs []string
		for _, p := range best.caseOnly {
			pairs = append(pairs, fmt.Sprintf("%q (table: %q)", p[0], p[1]))
		}
		l.diags.Report(pos, diag.CodeEnumDisagree, "values of %q differ in case from %s: %s: want the table's spelling, which is what goes on the wire", r.Name, where, strings.Join(pairs, ", "))
	case len(best.extra) == 1 && best.extra[0] == unknownFutureValue:
		l.diags.Report(pos, diag.CodeEnumFutureValue, "values of %q list %q, which %s does not: want both lists to agree", r.Name, unknownFutureValue, where)
	default:
		l.diags.Report(pos, diag.CodeEnumDisagree, "values of %q list %q, which %s does not define: want the members of the table", r.Name, best.extra, where)
	}
}

// enumComparison is how a description's list differs from one enum table.
type enumComparison struct {
	def      reader.EnumTable
	extra    []string    // in the description, in no case in the table
	caseOnly [][2]string // in the description and the table, spelled differently
}

// rank orders comparisons from agreeing (0) to most different.
func (c enumComparison) rank() int {
	switch {
	case len(c.extra) == 0 && len(c.caseOnly) == 0:
		return 0
	case len(c.extra) == 1 && c.extra[0] == unknownFutureValue && len(c.caseOnly) == 0:
		return 1
	}
	return 2 + len(c.extra) + len(c.caseOnly)
}

func compareEnum(values []string, d reader.EnumTable) enumComparison {
	c := enumComparison{def: d}
	exact := map[string]bool{}
	folded := map[string]string{}
	for _, m := range d.Members {
		exact[m.Value] = true
		folded[strings.ToLower(m.Value)] = m.Value
	}
	for _, v := range values {
		switch {
		case exact[v]:
		case folded[strings.ToLower(v)] != "":
			c.caseOnly = append(c.caseOnly, [2]string{v, folded[strings.ToLower(v)]})
		default:
			c.extra = append(c.extra, v)
		}
	}
	return c
}
