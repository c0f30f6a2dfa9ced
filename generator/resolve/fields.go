package resolve

import (
	"slices"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
)

// linkBases finds the base of d and of each type up d's chain not linked
// yet, and breaks a cycle where the walk first meets a type of the chain it
// is on, as an error naming every type of the cycle. The chain is walked up
// rather than recursed into, so a long chain needs no deep stack.
func (r *resolver) linkBases(d *typeDecl) {
	r.chain = r.chain[:0]
	for t := d; t != nil && t.link == unlinked; {
		t.link = linking
		r.chain = append(r.chain, t)
		b := r.baseOf(t)
		if b != nil && b.link == linking {
			r.diags.Report(basePos(t.page), diag.CodeInheritanceCycle, "type %q inherits from itself through %s; the base is dropped", t.s.WireName, r.cycle(b))
			b = nil
		}
		t.base = b
		t = b
	}
	for _, t := range r.chain {
		t.link = linked
		if b := t.base; b != nil {
			t.s.Base = b.s
			t.s.HasODataType = false
		}
	}
}

// resolveFields makes the fields of d, and first those of its bases not made
// yet, from the rows they keep. The order is what makes names deterministic,
// as resolving a field type may claim a Go name (an inline enum's): the types
// in page order, each after its bases. The chain is walked up rather than
// recursed into, so a long chain needs no deep stack.
func (r *resolver) resolveFields(d *typeDecl) {
	var up []*typeDecl
	for t := d; t != nil && !t.resolved; t = t.base {
		t.resolved = true
		up = append(up, t)
	}
	for i := len(up) - 1; i >= 0; i-- {
		t := up[i]
		for _, row := range t.rows {
			t.s.Fields = append(t.s.Fields, &model.Field{
				JSONName:     row.Name,
				Doc:          row.Description,
				Type:         r.fieldType(t, row),
				Relationship: row.Relationship,
				Pos:          row.NamePos,
			})
		}
	}
}

// basePos is where a page names its base type: the "Inherits from" link,
// else the annotation, else the page.
func basePos(p *reader.Page) diag.Pos {
	switch {
	case p.Inherits != nil:
		return p.Inherits.Pos
	case p.Annotation != nil && p.Annotation.BaseType != "":
		return p.Annotation.Pos
	}
	return pagePos(p)
}

// cycle names the types of the inheritance cycle that goes back to b, which
// is in r.chain: b, then each type on the way back to it.
func (r *resolver) cycle(b *typeDecl) string {
	var names []string
	for _, t := range r.chain[slices.Index(r.chain, b):] {
		names = append(names, t.name)
	}
	return strings.Join(names, " → ")
}

// baseOf finds the base type of d: the target of the "Inherits from" link,
// which names the page unambiguously, else the annotation's baseType.
func (r *resolver) baseOf(d *typeDecl) *typeDecl {
	p := d.page
	if l := p.Inherits; l != nil {
		if t, _ := r.linkTarget(p, l); t != nil {
			if b := r.byPage[t]; b != nil {
				return r.checkBase(d, b)
			}
		}
		if b := r.findType(strings.ToLower(LastSegment(l.Text)), d.ns); b != nil {
			return r.checkBase(d, b)
		}
	}
	if a := p.Annotation; a != nil && a.BaseType != "" {
		ns, name := splitQualified(strings.TrimPrefix(a.BaseType, "#"), d.ns)
		if b := r.findType(strings.ToLower(name), ns); b != nil {
			return r.checkBase(d, b)
		}
		r.diags.Report(a.Pos, diag.CodeUnknownBaseType, "base type %q is not declared by any page of the spec folder; its properties are not inherited", a.BaseType)
		return nil
	}
	if l := p.Inherits; l != nil {
		r.diags.Report(l.Pos, diag.CodeUnknownBaseType, "base type %q (link %q) is not declared by any page of the spec folder; its properties are not inherited", l.Text, l.Dest)
	}
	return nil
}

func (r *resolver) checkBase(d, b *typeDecl) *typeDecl {
	if b == d {
		r.diags.Report(basePos(d.page), diag.CodeInheritanceCycle, "type %q inherits from itself; the base is dropped", d.s.WireName)
		return nil
	}
	return b
}

// splitQualified splits "microsoft.graph.callRecords.session" into its
// namespace and name; an unqualified name gets namespace def.
func splitQualified(s, def string) (ns, name string) {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return def, s
}

// linkTarget returns the page a link points at, and the anchor, if any.
func (r *resolver) linkTarget(from *reader.Page, l *reader.Link) (*reader.Page, string) {
	p, anchor, _ := r.pages.Target(from, l.Dest)
	return p, anchor
}

// fieldType resolves the Type cell of a row. Whatever cannot be resolved is
// reported and becomes a raw JSON field, so no data is ever dropped.
func (r *resolver) fieldType(d *typeDecl, row *reader.Row) model.TypeRef {
	x, err := reader.ParseType(row.Type)
	if err != nil {
		r.diags.Report(row.Type.Pos, diag.CodeUnknownType, "property %q: %v; the field keeps the raw JSON", row.Name, err)
		return model.TypeRef{Kind: model.KindRaw}
	}
	ref := model.TypeRef{Collection: x.Collection}
	if x.Primitive != "" {
		ref.Kind, ref.Primitive = model.KindPrimitive, x.Primitive
		if x.Primitive == model.String && len(row.Values) > 0 {
			ref.Kind, ref.Enum = model.KindEnum, r.inlineEnum(d, row)
		}
		return ref
	}
	if x.Link != nil {
		t, anchor := r.linkTarget(d.page, x.Link)
		if t == nil {
			r.diags.Report(x.Link.Pos, diag.CodeBrokenLink, "property %q: link target %q is not a page of the spec folder", row.Name, x.Link.Dest)
		} else {
			if e := r.enumOnPage(t, anchor, x.Name); e != nil {
				ref.Kind, ref.Enum = model.KindEnum, e
				return ref
			}
			if td := r.byPage[t]; td != nil && anchor == "" {
				ref.Kind, ref.Struct = model.KindStruct, td.s
				return ref
			}
		}
	}
	ns := x.Namespace
	if ns == "" {
		ns = d.ns
	}
	key := strings.ToLower(x.Name)
	if e := r.findEnum(key, ns); e != nil && e.e != nil {
		ref.Kind, ref.Enum = model.KindEnum, e.e
		return ref
	}
	if td := r.findType(key, ns); td != nil {
		ref.Kind, ref.Struct = model.KindStruct, td.s
		return ref
	}
	if p, _, _ := r.pages.Target(nil, key+".md"); p != nil && r.byPage[p] != nil {
		ref.Kind, ref.Struct = model.KindStruct, r.byPage[p].s
		return ref
	}
	if len(row.Values) > 0 {
		// An enum documented only by the property's "Possible values".
		ref.Kind, ref.Enum = model.KindEnum, r.synthEnum(x.Name, row)
		return ref
	}
	r.diags.Report(row.Type.Pos, diag.CodeUnknownType, "property %q: unknown type %q: want an Edm primitive, a link to a resource page, or an enum name; the field keeps the raw JSON", row.Name, row.Type.Text)
	ref.Kind = model.KindRaw
	return ref
}

// enumOnPage finds an enum defined on page p: by the link's anchor
// ("x-values"), else by name, else the page's only enum.
func (r *resolver) enumOnPage(p *reader.Page, anchor, name string) *model.Enum {
	var found *reader.EnumTable
	for i := range p.Enums {
		t := &p.Enums[i]
		switch {
		case anchor != "" && (slug(t.Name+" values") == strings.ToLower(anchor) || strings.EqualFold(t.Name, strings.TrimSuffix(strings.ToLower(anchor), "-values"))):
			found = t
		case anchor == "" && strings.EqualFold(t.Name, name):
			found = t
		}
		if found != nil {
			break
		}
	}
	if found == nil && anchor == "" && len(p.Enums) == 1 && p.Kind == reader.EnumPage {
		found = &p.Enums[0]
	}
	if found == nil {
		return nil
	}
	for _, d := range r.enums[strings.ToLower(found.Name)] {
		if d.table == found {
			return d.e
		}
	}
	// A repeated definition was merged into the first one of that name.
	if d := r.findEnum(strings.ToLower(found.Name), p.Namespace); d != nil {
		return d.e
	}
	return nil
}

// slug is GitHub's heading anchor: lower case, spaces to hyphens,
// punctuation dropped.
func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case c == ' ' || c == '-':
			b.WriteByte('-')
		case c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// inlineEnum makes the enum of a String property whose description lists
// its values: property status of inviteParticipantsOperation becomes
// InviteParticipantsOperationStatus.
func (r *resolver) inlineEnum(d *typeDecl, row *reader.Row) *model.Enum {
	e := &model.Enum{
		Name:     r.goTypes.claim(d.s.Name + camel(row.Name)),
		WireName: d.s.WireName + "." + row.Name,
		Doc:      "Lists the values documented for property " + row.Name + " of " + d.name + ".",
		File:     d.s.File,
		Source:   row.ValuesPos,
	}
	r.addMembers(e, valueMembers(row))
	r.extra = append(r.extra, e)
	return e
}

// synthEnum makes an enum for a named enum type that no page defines, from
// the values one of its properties documents. Later properties of the same
// type share it.
func (r *resolver) synthEnum(name string, row *reader.Row) *model.Enum {
	key := strings.ToLower(name)
	if e := r.synth[key]; e != nil {
		return e
	}
	n := exportedName(name)
	if n == "" {
		n = "Enum"
	}
	n = r.goTypes.claim(n)
	e := &model.Enum{
		Name:     n,
		WireName: name,
		Doc:      "Lists the values documented for properties of type " + name + ", which no page of the spec folder defines.",
		File:     r.files.claim(n),
		Source:   row.ValuesPos,
	}
	r.addMembers(e, valueMembers(row))
	r.synth[key] = e
	r.extra = append(r.extra, e)
	return e
}

func valueMembers(row *reader.Row) []reader.EnumMember {
	ms := make([]reader.EnumMember, len(row.Values))
	for i, v := range row.Values {
		ms[i] = reader.EnumMember{Value: v, Pos: row.ValuesPos}
	}
	return ms
}
