package resolve

import (
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
)

// The passes over the inheritance tree. Each visits a type once and costs
// what the type's own rows cost, so a chain of n levels costs n, not n²:
// what a type inherits is the set of names its ancestors hold while the walk
// is below them, not a list copied for every type.

// walkInheritance calls enter for each type before the types derived from
// it, and leave after them (model.WalkInheritance).
func (r *resolver) walkInheritance(enter, leave func(*typeDecl)) {
	structs := make([]*model.Struct, len(r.decls))
	decl := make(map[*model.Struct]*typeDecl, len(r.decls))
	for i, d := range r.decls {
		structs[i], decl[d.s] = d.s, d
	}
	model.WalkInheritance(structs,
		func(s *model.Struct) { enter(decl[s]) },
		func(s *model.Struct) { leave(decl[s]) })
}

// keepRows decides which rows of each type become its fields, leaving out
// the rows a page copies from its bases ("Inherited from …"). Those are
// matched without case: the copies are where the corpus misspells a name
// (ediscovery-settings.md lists "Id", teamworktagmember.md "ID", for the
// "id" of entity). A copy spelled otherwise than its base's property is
// reported, since it may as well be a member of its own that the type
// would then lose.
func (r *resolver) keepRows() {
	inherited := map[string]*reader.Row{} // the ancestors' fields, by lower-cased name
	r.walkInheritance(func(d *typeDecl) {
		r.selectRows(d, inherited)
		for _, row := range d.rows {
			inherited[strings.ToLower(row.Name)] = row
		}
	}, func(d *typeDecl) {
		// None of these names was inherited, or the row would have been
		// left out, so deleting them leaves what the ancestors hold.
		for _, row := range d.rows {
			delete(inherited, strings.ToLower(row.Name))
		}
	})
}

// selectRows sets d.rows to the rows of d's pages that become fields: not
// inherited, not an instance annotation, and each name once. Names that
// differ only in case are two members to a JSON codec that matches names
// exactly, as the generated one does, so both are kept.
func (r *resolver) selectRows(d *typeDecl, inherited map[string]*reader.Row) {
	rows := append(append([]reader.Row(nil), d.page.Properties...), d.page.Relationships...)
	lead := len(rows) // rows from index lead on come from the other pages
	for _, p := range d.more {
		rows = append(append(rows, p.Properties...), p.Relationships...)
		d.s.MoreSources = append(d.s.MoreSources, pagePos(p))
	}
	seen := map[string]diag.Pos{}
	first := map[string]int{} // lower-cased name → index in d.rows of the first row kept
	for i := range rows {
		row := &rows[i]
		if _, ok := seen[row.Name]; ok && i >= lead {
			// The other pages of a type repeat many of its rows.
			continue
		}
		key := strings.ToLower(row.Name)
		base := inherited[key]
		switch {
		case row.Name == "":
			continue
		case strings.HasPrefix(row.Name, "@"):
			// Instance annotations such as @microsoft.graph.temporaryId
			// describe a request, not a property of the type.
			r.diags.Report(row.NamePos, diag.CodeInstanceAnnotation, "row %q is an instance annotation, not a property; it gets no field", row.Name)
			continue
		case base != nil:
			if base.Name != row.Name {
				r.diags.Report(row.NamePos, diag.CodeNameCase, "property %q is taken for the inherited %q (at %s), which it matches only ignoring case, and gets no field of its own: spell it as the base does, or rename it if it is another member", row.Name, base.Name, base.NamePos)
			}
			continue
		}
		if prev, ok := seen[row.Name]; ok {
			r.diags.Report(row.NamePos, diag.CodeDuplicateProperty, "property %q is listed again (first at %s); the repeat is left out", row.Name, prev)
			continue
		}
		seen[row.Name] = row.NamePos
		if j, ok := first[key]; ok {
			d.twins = append(d.twins, [2]int{len(d.rows), j})
		} else {
			first[key] = len(d.rows)
		}
		d.rows = append(d.rows, row)
	}
}

// nameFields gives every field a Go name unique across its type and its
// bases and clear of what every struct declares. One namer serves the whole
// walk: a type's names are claimed on the way down and released on the way
// up, so it holds exactly the names of the type being named and of its
// ancestors.
func (r *resolver) nameFields() {
	n := newNamer(false, reservedFieldNames...)
	based := r.based()
	r.walkInheritance(func(d *typeDecl) {
		// A type that others derive from has the method of its family,
		// which they inherit, so no field of theirs may take its name.
		if based[d] {
			if d.claimsMethod = !n.taken(d.s.FamilyMethod()); d.claimsMethod {
				n.claim(d.s.FamilyMethod())
			}
		}
		for _, f := range d.s.Fields {
			name, ok := r.exported[f.JSONName]
			if !ok {
				name = exportedName(f.JSONName)
				r.exported[f.JSONName] = name
			}
			if name == "" {
				name = "Field"
			}
			f.Name = n.claim(name)
		}
		r.warnTwins(d)
		// The derived types embed d, which makes its name one of their
		// fields. It may be taken already, by a field of d or of a base.
		if d.claimsName = !n.taken(d.s.Name); d.claimsName {
			n.claim(d.s.Name)
		}
	}, func(d *typeDecl) {
		for _, f := range d.s.Fields {
			n.release(f.Name)
		}
		if d.claimsName {
			n.release(d.s.Name)
		}
		if d.claimsMethod {
			n.release(d.s.FamilyMethod())
		}
	})
}

// based returns the types that another type derives from.
func (r *resolver) based() map[*typeDecl]bool {
	based := map[*typeDecl]bool{}
	for _, d := range r.decls {
		if d.base != nil {
			based[d.base] = true
		}
	}
	return based
}

// warnTwins reports each field of d whose JSON name differs from an earlier
// field's only in case: it is kept, but the pages most likely misspell one
// property, so the message says which Go name each spelling got.
func (r *resolver) warnTwins(d *typeDecl) {
	for _, tw := range d.twins {
		f, first := d.s.Fields[tw[0]], d.s.Fields[tw[1]]
		r.diags.Report(f.Pos, diag.CodeNameCase, "property %q differs from %q (at %s) only in case; both are kept, as JSON member names match exactly: %q is field %s, and %q is field %s", f.JSONName, first.JSONName, first.Pos, f.JSONName, f.Name, first.JSONName, first.Name)
	}
}
