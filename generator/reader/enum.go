package reader

import (
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	east "github.com/yuin/goldmark/extension/ast"
)

// enumHead is a heading that names an enum, waiting for its table.
type enumHead struct {
	name string
	pos  diag.Pos
}

// enumSuffixes end the title of a heading over an enum table, as the docs
// team's table-header-config.json lists them: "{x} values", "{x}
// enumeration", "{x} members".
var enumSuffixes = []string{" values", " enumeration", " members"}

// enumHeading returns the enum name of a heading such as "### endpointType
// values". The name must be one identifier: "### Roles property values"
// (permission.md) and "## Type property values" describe a property's
// strings, not a named type.
func enumHeading(title string) (string, bool) {
	for _, suf := range enumSuffixes {
		if name, ok := cutSuffixFold(title, suf); ok {
			name = strings.TrimSpace(name)
			return name, isIdentifier(name)
		}
	}
	return "", false
}

// enumColumns reports whether a header is an enum table's: a first column
// of member, value or name, and no Type column (that would make it a
// property table). It returns the Description column, -1 when there is none
// (enums.md tables are often a single Member column).
func enumColumns(h []string) (desc int, ok bool) {
	if len(h) == 0 {
		return -1, false
	}
	switch h[0] {
	case "member", "value", "name":
	default:
		return -1, false
	}
	desc = -1
	for i := 1; i < len(h); i++ {
		switch {
		case strings.HasPrefix(h[i], "type"):
			return -1, false
		case desc < 0 && strings.HasPrefix(h[i], "description"):
			desc = i
		}
	}
	return desc, true
}

// enumTable reads the members of an enum table. The member is the first
// column, as the wire carries it; Intune's numeric Value column is not kept.
func (r *reader) enumTable(t *east.Table, head *enumHead, desc int) {
	e := EnumTable{Name: head.name, Pos: head.pos}
	for n := t.FirstChild(); n != nil; n = n.NextSibling() {
		tr, ok := n.(*east.TableRow)
		if !ok {
			continue
		}
		cells := cellsOf(tr)
		if len(cells) == 0 {
			continue
		}
		v := strings.TrimSpace(strings.Trim(plainText(r.src, cells[0], nil), "*`"))
		if v == "" {
			// The row's line is that of its first non-empty cell.
			r.diags.Report(r.pos(firstTextOffset(tr)), diag.CodeEmptyEnumMember, "enum %q has a row with an empty member; it is left out: want the member's wire value in the first column", head.name)
			continue
		}
		m := EnumMember{Value: v, Pos: r.pos(firstTextOffset(cells[0]))}
		if desc >= 0 && desc < len(cells) {
			m.Description = plainText(r.src, cells[desc], nil)
		}
		e.Members = append(e.Members, m)
	}
	r.page.Enums = append(r.page.Enums, e)
}

// isIdentifier reports whether s is a type name, maybe namespace-qualified:
// dot-separated words of letters, digits and underscores, each starting
// with a letter or underscore.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i, c := range part {
			switch {
			case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			case i > 0 && c >= '0' && c <= '9':
			default:
				return false
			}
		}
	}
	return true
}
