// Package resolve is the stage between reading and emission: it takes every
// page of a spec folder, follows links and names across pages, and produces
// the model with every Go name decided. It reports what it cannot resolve and
// keeps going, so one bad link costs one field, never the package.
package resolve

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
)

// DefaultNamespace is the namespace of pages that name none, as the docs
// team's schema-config.json sets it.
const DefaultNamespace = "microsoft.graph"

// Options controls resolution.
type Options struct {
	Package     string // Go package name
	StrictEnums bool   // passed through to model.Package
}

// reservedFieldNames would collide with the fields and methods every
// generated struct has, or may have, as the support code declares them.
var reservedFieldNames = model.SupportMembers()

type typeDecl struct {
	page *reader.Page
	// more are the other pages that declare the same type, such as the
	// per-area Intune pages of deviceManagement; their rows are merged in.
	more []*reader.Page
	ns   string // "microsoft.graph"
	name string // "identitySet"
	s    *model.Struct

	link linkState
	base *typeDecl // nil for a root type, and where a cycle was broken
	// rows are the rows that become fields: the pages' rows less those
	// inherited, repeated or not properties.
	rows []*reader.Row
	// twins pairs the index in rows of each row whose name differs from an
	// earlier row's only in case with the index of that row.
	twins    [][2]int
	resolved bool // the fields are made; a base's are made first
	// claimsName is set while the types derived from d are named: d's Go
	// name, their embedded field, was free and is claimed for them.
	claimsName bool
	// claimsMethod is set while the types derived from d are named: the
	// name of the method of d's family was free and is claimed for them.
	claimsMethod bool
}

// linkState says how far the base of a type is found.
type linkState uint8

const (
	unlinked linkState = iota
	linking            // on the chain being walked up
	linked
)

type enumDecl struct {
	page  *reader.Page
	ns    string
	table *reader.EnumTable
	e     *model.Enum
}

type resolver struct {
	opts  Options
	diags diag.List

	pages   *Index
	types   map[string][]*typeDecl // lower-cased type name → declarations
	enums   map[string][]*enumDecl // lower-cased enum name → declarations
	decls   []*typeDecl            // in page order
	byPage  map[*reader.Page]*typeDecl
	edecls  []*enumDecl
	synth   map[string]*model.Enum // enums made from "Possible values" lists of undeclared enum names
	extra   []*model.Enum          // inline and synthesised enums, in creation order
	goTypes *namer
	files   *fileNamer
	// exported caches exportedName: the same member names recur on
	// thousands of types.
	exported map[string]string
	// chain holds the types whose bases are being resolved, outermost
	// first, to name every type of an inheritance cycle.
	chain []*typeDecl
}

// Resolve builds the model of a package from the pages of one spec folder.
// pages must be sorted by path; the result depends on nothing else.
func Resolve(pages []*reader.Page, opts Options) (*model.Package, diag.List) {
	r := &resolver{
		opts:    opts,
		pages:   NewIndex(pages),
		types:   map[string][]*typeDecl{},
		enums:   map[string][]*enumDecl{},
		byPage:  map[*reader.Page]*typeDecl{},
		synth:   map[string]*model.Enum{},
		goTypes: newNamer(false, model.SupportNames()...),
		files:   newFileNamer(),

		exported: map[string]string{},
	}
	r.declare(pages)
	r.nameDecls()
	for _, d := range r.decls {
		r.linkBases(d)
	}
	r.keepRows()
	for _, d := range r.decls {
		r.resolveFields(d)
	}
	r.nameFields()
	r.nameFamilies()
	pkg := &model.Package{Name: opts.Package, StrictEnums: opts.StrictEnums}
	for _, d := range r.decls {
		pkg.Structs = append(pkg.Structs, d.s)
	}
	for _, d := range r.edecls {
		if d.e != nil {
			pkg.Enums = append(pkg.Enums, d.e)
		}
	}
	pkg.Enums = append(pkg.Enums, r.extra...)
	sort.Slice(pkg.Structs, func(i, j int) bool { return pkg.Structs[i].Name < pkg.Structs[j].Name })
	sort.Slice(pkg.Enums, func(i, j int) bool { return pkg.Enums[i].Name < pkg.Enums[j].Name })
	r.diags.Sort()
	return pkg, r.diags
}

// typeName returns the namespace and name a resource page declares: from
// the annotation's @odata.type, else from the H1 ("x resource type").
func typeName(p *reader.Page) (ns, name string) {
	ns = p.Namespace
	if ns == "" {
		ns = DefaultNamespace
	}
	if p.Annotation != nil && p.Annotation.ODataType != "" {
		t := strings.TrimPrefix(p.Annotation.ODataType, "#")
		if i := strings.LastIndexByte(t, '.'); i >= 0 {
			return t[:i], t[i+1:]
		}
		return ns, t
	}
	if f := strings.Fields(p.H1); len(f) > 0 {
		return ns, f[0]
	}
	return ns, ""
}

func pagePos(p *reader.Page) diag.Pos {
	if p.H1Pos.Line > 0 {
		return p.H1Pos
	}
	return diag.Pos{File: p.Path}
}

// declare records every type and enum the pages declare. A type declared
// on several pages is merged (see mergeDecl); an enum defined again is
// reported, and the first definition in path order wins.
func (r *resolver) declare(pages []*reader.Page) {
	for _, p := range pages {
		for i := range p.Enums {
			t := &p.Enums[i]
			ns := p.Namespace
			if ns == "" {
				ns = DefaultNamespace
			}
			key := strings.ToLower(t.Name)
			if prev := r.findEnum(key, ns); prev != nil && strings.EqualFold(prev.ns, ns) {
				if !sameMembers(prev.table, t) {
					r.diags.Report(t.Pos, diag.CodeDuplicateEnum, "enum %q is defined again with other members; using the definition at %s", t.Name, prev.table.Pos)
				}
				continue
			}
			d := &enumDecl{page: p, ns: ns, table: t}
			r.enums[key] = append(r.enums[key], d)
			r.edecls = append(r.edecls, d)
		}
		if p.Kind != reader.Resource {
			continue
		}
		ns, name := typeName(p)
		if name == "" {
			r.diags.Report(pagePos(p), diag.CodeNoTypeName, "page declares no type name: want an annotation with \"@odata.type\" or an H1 such as \"# x resource type\"")
			continue
		}
		key := strings.ToLower(name)
		if prev := r.findType(key, ns); prev != nil && strings.EqualFold(prev.ns, ns) {
			r.mergeDecl(prev, p)
			continue
		}
		d := &typeDecl{page: p, ns: ns, name: name}
		r.types[key] = append(r.types[key], d)
		r.decls = append(r.decls, d)
		r.byPage[p] = d
	}
}

// mergeDecl adds page p, which declares the same type as d, to d. Graph
// documents one type on several pages (user.md and intune-shared-user.md,
// or deviceManagement on each Intune area's page), each listing a part of
// its properties, so the pages are merged rather than one dropped. The page
// named after the type leads, because it carries the complete description;
// otherwise the first in path order does.
func (r *resolver) mergeDecl(d *typeDecl, p *reader.Page) {
	lead, other := d.page, p
	if namedAfter(p, d.name) && !namedAfter(d.page, d.name) {
		lead, other = p, d.page
		d.page = p
		r.byPage[p] = d
	}
	d.more = append(d.more, other)
	r.byPage[other] = d
	r.diags.Report(pagePos(other), diag.CodeDuplicateType, "type %q is declared again; its properties are merged into the declaration at %s", d.ns+"."+d.name, pagePos(lead))
}

// namedAfter reports whether the file name of p is the type name.
func namedAfter(p *reader.Page, name string) bool {
	return strings.EqualFold(strings.TrimSuffix(path.Base(p.Path), ".md"), name)
}

func sameMembers(a, b *reader.EnumTable) bool {
	if len(a.Members) != len(b.Members) {
		return false
	}
	for i := range a.Members {
		if a.Members[i].Value != b.Members[i].Value {
			return false
		}
	}
	return true
}

// findType returns the declaration of name, preferring namespace ns.
func (r *resolver) findType(key, ns string) *typeDecl {
	return preferNamespace(r.types[key], ns, func(d *typeDecl) string { return d.ns })
}

// findEnum returns the declaration of enum name, preferring namespace ns.
func (r *resolver) findEnum(key, ns string) *enumDecl {
	return preferNamespace(r.enums[key], ns, func(d *enumDecl) string { return d.ns })
}

// preferNamespace returns the declaration in namespace ns, else the first,
// else nil: a bare name on a callRecords page means the callRecords type.
func preferNamespace[D any](ds []*D, ns string, nsOf func(*D) string) *D {
	for _, d := range ds {
		if strings.EqualFold(nsOf(d), ns) {
			return d
		}
	}
	if len(ds) > 0 {
		return ds[0]
	}
	return nil
}

// nameDecls gives every declared type and enum its Go name and file. Names
// in the default namespace are claimed first, so "session" stays Session
// and callRecords' session becomes CallRecordsSession.
func (r *resolver) nameDecls() {
	type claim struct {
		def      bool
		isEnum   bool
		ns, name string
		lower    string // name in lower case, worked out once for the sort
		set      func(goName string)
	}
	var claims []claim
	for _, d := range r.decls {
		d := d
		claims = append(claims, claim{strings.EqualFold(d.ns, DefaultNamespace), false, d.ns, d.name, strings.ToLower(d.name), func(n string) {
			d.s = &model.Struct{
				Name:         n,
				WireName:     d.ns + "." + d.name,
				Doc:          docOf(d.page),
				File:         r.files.claim(n),
				Source:       pagePos(d.page),
				Open:         d.page.Annotation != nil && d.page.Annotation.OpenType || saysOpen(d.page),
				Abstract:     d.page.Annotation != nil && d.page.Annotation.Abstract,
				HasODataType: true,
			}
			if d.page.JSON != nil {
				d.s.Example = d.page.JSON.Value
			}
		}})
	}
	for _, d := range r.edecls {
		d := d
		claims = append(claims, claim{strings.EqualFold(d.ns, DefaultNamespace), true, d.ns, d.table.Name, strings.ToLower(d.table.Name), func(n string) {
			d.e = &model.Enum{
				Name:     n,
				WireName: d.ns + "." + d.table.Name,
				Doc:      enumDoc(d.page, d.table),
				File:     r.files.claim(n),
				Source:   d.table.Pos,
			}
			r.addMembers(d.e, d.table.Members)
		}})
	}
	sort.SliceStable(claims, func(i, j int) bool {
		a, b := claims[i], claims[j]
		if a.def != b.def {
			return a.def
		}
		if a.isEnum != b.isEnum {
			return !a.isEnum
		}
		if !strings.EqualFold(a.name, b.name) {
			return a.lower < b.lower
		}
		return a.ns+"."+a.name < b.ns+"."+b.name
	})
	for _, c := range claims {
		n := exportedName(c.name)
		if n == "" {
			n = "Type"
		}
		if !c.def && r.goTypes.taken(n) {
			n = exportedName(c.ns[strings.LastIndexByte(c.ns, '.')+1:]) + n
		}
		c.set(r.goTypes.claim(n))
	}
}

// nameFamilies names the interface of each type that another derives from,
// "Any" and its name. It runs last, so that no name given before changes
// when a type gains a derived type.
func (r *resolver) nameFamilies() {
	based := r.based()
	for _, d := range r.decls {
		if based[d] && d.s != nil {
			d.s.Interface = r.goTypes.claim("Any" + d.s.Name)
		}
	}
}

// openSentence is how a page that leaves "openType" out of its annotation
// says in its prose that the type is open: plannerAssignments, "This type
// is an open type."; plannerUserIds, "This is an Open Type."
var openSentence = regexp.MustCompile(`(?i)\bis an open type\b`)

// saysOpen reports whether the introduction of p calls its type open.
func saysOpen(p *reader.Page) bool {
	return openSentence.MatchString(p.Summary) || openSentence.MatchString(p.Description)
}

func docOf(p *reader.Page) string {
	if p.Summary != "" {
		return p.Summary
	}
	return p.Description
}

func enumDoc(p *reader.Page, t *reader.EnumTable) string {
	if p.Kind == reader.EnumPage && len(p.Enums) == 1 {
		return docOf(p)
	}
	return ""
}

// addMembers gives each member a constant name: the enum's name followed by
// the member's, made unique within the package.
func (r *resolver) addMembers(e *model.Enum, ms []reader.EnumMember) {
	seen := map[string]bool{}
	folded := map[string]string{}
	for _, m := range ms {
		if m.Value == "" {
			r.diags.Report(m.Pos, diag.CodeEmptyEnumMember, "enum %q has an empty member; it is left out", e.WireName)
			continue
		}
		if seen[m.Value] {
			r.diags.Report(m.Pos, diag.CodeDuplicateEnumMember, "enum %q lists member %q twice; the repeat is left out", e.WireName, m.Value)
			continue
		}
		seen[m.Value] = true
		if prev, ok := folded[strings.ToLower(m.Value)]; ok {
			// Both are kept: JSON compares enum values exactly.
			r.diags.Report(m.Pos, diag.CodeEnumMemberCase, "enum %q lists members %q and %q, which differ only in case", e.WireName, prev, m.Value)
		} else {
			folded[strings.ToLower(m.Value)] = m.Value
		}
		// The enum's name comes first, so a member may start with a digit.
		suffix := camel(m.Value)
		if suffix == "" {
			suffix = "Value"
		}
		e.Members = append(e.Members, &model.Member{
			Name:  r.goTypes.claim(e.Name + suffix),
			Value: m.Value,
			Doc:   m.Description,
			Pos:   m.Pos,
		})
	}
}
