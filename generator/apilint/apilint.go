// Package apilint checks the request and response examples of method pages,
// as package examples reads them, against the types the resource pages
// declare, as package resolve makes them into a model.Package: members no
// page declares, members in another case, single values for collections and
// the reverse, values of the wrong JSON type or not valid for their Edm
// type, doc placeholders where a value belongs, enum values no page lists,
// and @odata.type names no page declares.
//
// It reports what a client generated from the resource pages would make of
// the examples, without generating or compiling one: every finding is a
// positioned diagnostic, at the member's key or at the value, in the method
// page. It reads no file; generator.LintAPI reads the pages.
package apilint

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// Checker checks examples against the types of one model. It does not
// change after New, so one Checker serves any number of goroutines.
type Checker struct {
	types map[string]*model.Struct // by lower-cased WireName
	// own holds the fields each struct declares itself, by JSON name and
	// by lower-cased JSON name; a lookup walks the base chain, so that the
	// index costs the size of the model, not of every inherited list.
	own map[*model.Struct]*fieldSet
}

type fieldSet struct {
	exact  map[string]*model.Field
	folded map[string]*model.Field
}

// New indexes the structs of pkg. Type names match ignoring case, with or
// without a leading "#", as links between pages resolve.
func New(pkg *model.Package) *Checker {
	c := &Checker{types: make(map[string]*model.Struct, len(pkg.Structs)), own: make(map[*model.Struct]*fieldSet, len(pkg.Structs))}
	for _, s := range pkg.Structs {
		c.types[strings.ToLower(s.WireName)] = s
		fs := &fieldSet{exact: make(map[string]*model.Field, len(s.Fields)), folded: make(map[string]*model.Field, len(s.Fields))}
		for _, f := range s.Fields {
			if _, ok := fs.exact[f.JSONName]; !ok {
				fs.exact[f.JSONName] = f
			}
			if k := strings.ToLower(f.JSONName); fs.folded[k] == nil {
				fs.folded[k] = f
			}
		}
		c.own[s] = fs
	}
	return c
}

// lookup returns the struct an @odata.type names, or nil.
func (c *Checker) lookup(name string) *model.Struct {
	return c.types[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))]
}

// field returns the field of s or of its bases called key, exactly or,
// failing that, ignoring case; exact says which. Of two fields of the chain
// with one name, the one nearest s wins, as a walk up the chain finds it.
func (w *walker) field(s *model.Struct, key string) (f *model.Field, exact bool) {
	fs := w.chains[s]
	if fs == nil {
		fs = &fieldSet{exact: map[string]*model.Field{}, folded: map[string]*model.Field{}}
		for t := s; t != nil; t = t.Base {
			for k, f := range w.own[t].exact {
				if fs.exact[k] == nil {
					fs.exact[k] = f
				}
			}
			for k, f := range w.own[t].folded {
				if fs.folded[k] == nil {
					fs.folded[k] = f
				}
			}
		}
		if w.chains == nil {
			w.chains = map[*model.Struct]*fieldSet{}
		}
		w.chains[s] = fs
	}
	if f := fs.exact[key]; f != nil {
		return f, true
	}
	if f := fs.folded[strings.ToLower(key)]; f != nil {
		return f, false
	}
	return nil, false
}

// Check checks the examples of one method page and returns its findings,
// sorted. Only examples whose annotation names a type are checked: a request
// without one shows parameters of an action, which no resource page
// declares. The findings of reading the page are examples.Read's, not
// repeated here.
func (c *Checker) Check(exs []*examples.Example) diag.List {
	w := &walker{Checker: c}
	for _, e := range exs {
		w.example(e)
	}
	w.diags.Sort()
	return w.diags
}

// walker holds the findings of one Check call.
type walker struct {
	*Checker
	body  *examples.Body
	diags diag.List
	// chains holds, for each type the page's examples reach, the fields of
	// its whole chain, made on first use: a member is then found at once
	// rather than by a walk up the chain, whose cost a deep type multiplied
	// by every member of its examples.
	chains map[*model.Struct]*fieldSet
}

func (w *walker) pos(v *jsonx.Value) diag.Pos { return w.body.PosOf(v.Offset) }

// requestBodyPrefix starts the type that the docs' own tooling gives the
// parameters of an action ("requestBodyResourceFor.range_row"): it names a
// method, not a type a resource page should declare, so such a body is not
// checked, as a request without a type is not.
const requestBodyPrefix = "requestBodyResourceFor."

// example checks one example against the type its annotation names.
func (w *walker) example(e *examples.Example) {
	a := e.Annotation
	if a == nil || a.ODataType == "" || strings.HasPrefix(a.ODataType, requestBodyPrefix) {
		return
	}
	ref, ok := w.annotated(a)
	if !ok {
		w.diags.Report(a.ODataTypePos, diag.CodeAPIUnknownType, "%s annotation names type %q, which no resource page declares: want the @odata.type of a resource page, or an Edm primitive", e.Kind, a.ODataType)
		return
	}
	if e.Block == nil || e.Block.Body == nil || e.Block.Body.JSON == nil {
		return // no body, or one examples.Read reported as not JSON
	}
	w.body = e.Block.Body
	body := w.body.JSON
	switch {
	case body.Kind == jsonx.Array:
		// A bare array, which Objects takes as the elements too.
		w.elems(body, ref, "")
	case ref.Kind == model.KindPrimitive:
		// A primitive comes wrapped: {"value": …}.
		if v := body.Get("value"); v != nil && body.Kind == jsonx.Object {
			w.value(v, ref, "value")
		} else {
			w.value(body, ref, "")
		}
	case ref.Collection:
		if v := body.Get("value"); v != nil && v.Kind == jsonx.Array {
			w.elems(v, ref, "value")
			return
		}
		w.diags.Report(w.pos(body), diag.CodeAPICollection, "annotation says the body is a collection of %s, but it has no \"value\" array: want {\"value\": [...]}, or no isCollection in the annotation", describe(elem(ref)))
		w.value(body, elem(ref), "")
	default:
		v := body.Get("value")
		if f, _ := w.field(ref.Struct, "value"); v != nil && f == nil && body.Kind == jsonx.Object {
			switch v.Kind {
			case jsonx.Array:
				w.diags.Report(w.pos(body), diag.CodeAPICollection, "body is a collection {\"value\": [...]}, but the annotation announces a single %s: want \"isCollection\": true in the annotation", describe(ref))
				w.elems(v, elemOf(ref, true), "value")
				return
			case jsonx.Object:
				// accessreviewinstance-get.md: one entity wrapped as a
				// collection's value is.
				w.diags.Report(w.body.PosOf(keyOffset(body, "value")), diag.CodeAPIUndeclaredMember, "body wraps the %s in a \"value\" member, which it does not declare: want its members at the top of the body", describe(ref))
				w.value(v, ref, "value")
				return
			}
		}
		w.value(body, ref, "")
	}
}

// annotated returns the type an annotation names: a struct of the model or
// an Edm primitive, a collection when the annotation says isCollection or
// names "Collection(…)".
func (w *walker) annotated(a *examples.Annotation) (model.TypeRef, bool) {
	name, coll := strings.TrimPrefix(a.ODataType, "#"), a.IsCollection
	if len(name) > len("collection()") && strings.EqualFold(name[:len("collection(")], "collection(") && strings.HasSuffix(name, ")") {
		name, coll = name[len("collection("):len(name)-1], true
	}
	if p, ok := primitive(name); ok {
		return model.TypeRef{Kind: model.KindPrimitive, Primitive: p, Collection: coll}, true
	}
	if s := w.lookup(name); s != nil {
		return model.TypeRef{Kind: model.KindStruct, Struct: s, Collection: coll}, true
	}
	return model.TypeRef{}, false
}

// elem returns the type of the elements of a collection type.
func elem(t model.TypeRef) model.TypeRef { return elemOf(t, false) }

// elemOf returns t as a collection, or as its element type.
func elemOf(t model.TypeRef, collection bool) model.TypeRef {
	t.Collection = collection
	return t
}

// elems checks the elements of an array against a collection type.
func (w *walker) elems(v *jsonx.Value, t model.TypeRef, at string) {
	for i, e := range v.Elems {
		w.value(e, elem(t), index(at, i))
	}
}

// value checks v, found at JSON path at, against type t.
func (w *walker) value(v *jsonx.Value, t model.TypeRef, at string) {
	if v.Kind == jsonx.Null || t.Kind == model.KindRaw {
		// Every property is nullable in the generated code, and raw JSON
		// holds anything.
		return
	}
	if t.Collection {
		if v.Kind == jsonx.Array {
			w.elems(v, t, at)
			return
		}
		if w.placeholder(v, t, at) {
			return
		}
		w.diags.Report(w.pos(v), diag.CodeAPICollection, "%s is a single %s, but the pages declare %s: want a JSON array", subject(at), kindName(v), describe(t))
		if v.Kind == jsonx.Object && t.Kind == model.KindStruct {
			w.object(v, t.Struct, at)
		}
		return
	}
	if v.Kind == jsonx.Array {
		w.diags.Report(w.pos(v), diag.CodeAPICollection, "%s is an array, but the pages declare a single %s: want one value, not a JSON array", subject(at), describe(t))
		if t.Kind == model.KindStruct {
			for i, e := range v.Elems {
				if e.Kind == jsonx.Object {
					w.object(e, t.Struct, index(at, i))
				}
			}
		}
		return
	}
	switch t.Kind {
	case model.KindStruct:
		if v.Kind == jsonx.Object {
			w.object(v, t.Struct, at)
			return
		}
		if !w.placeholder(v, t, at) {
			w.diags.Report(w.pos(v), diag.CodeAPIJSONType, "%s is a %s, but the pages declare %s: want a JSON object", subject(at), kindName(v), t.Struct.WireName)
		}
	case model.KindEnum:
		w.enum(v, t.Enum, at)
	case model.KindPrimitive:
		if v.Kind == jsonx.String && t.Primitive != model.String && t.Primitive != model.Stream && w.placeholder(v, t, at) {
			return
		}
		if msg := checkPrimitive(v, t.Primitive); msg != "" {
			w.diags.Report(w.pos(v), diag.CodeAPIJSONType, "%s: %s", subject(at), msg)
		}
	}
}

// placeholder reports a doc placeholder where a value of t belongs, and
// says whether v was one.
func (w *walker) placeholder(v *jsonx.Value, t model.TypeRef, at string) bool {
	if v.Kind != jsonx.String || !examples.IsPlaceholder(v.String) {
		return false
	}
	w.diags.Report(w.pos(v), diag.CodeAPIPlaceholder, "%s holds the doc placeholder %q where a value of %s belongs: want %s", subject(at), v.String, describe(t), sample(t))
	return true
}

// object checks the members of an object of type declared.
func (w *walker) object(v *jsonx.Value, declared *model.Struct, at string) {
	s := declared
	if t := v.Get("@odata.type"); t != nil && t.Kind == jsonx.String {
		switch named := w.lookup(t.String); {
		case named == nil:
			w.diags.Report(w.pos(t), diag.CodeAPIUnknownType, "%s: @odata.type %q names a type no resource page declares: want %s or a type derived from it", subject(at), t.String, declared.WireName)
		case derives(named, declared):
			// The members of the derived type the value names are its
			// own, as a decoder that honours @odata.type reads them.
			s = named
		case !derives(declared, named):
			// A type outside the declared one's family: the value is
			// read as what it says it is, so that its members are not
			// each reported again.
			w.diags.Report(w.pos(t), diag.CodeAPIUnrelatedType, "%s: @odata.type %q names a type that is neither %s nor derived from it: want %s or a type derived from it", subject(at), t.String, declared.WireName, declared.WireName)
			s = named
		}
	}
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") {
			// An instance annotation ("@odata.etag") or a property
			// annotation ("members@odata.bind"), not a property.
			continue
		}
		p := member(at, m.Key)
		f, exact := w.field(s, m.Key)
		switch {
		case f != nil && !exact:
			w.diags.Report(w.body.PosOf(m.KeyOffset), diag.CodeAPIMemberCase, "member %q differs only in case from property %q of %s: want %q", p, f.JSONName, owner(w, s, f), f.JSONName)
		case f == nil && s.OpenChain():
			continue // an open type takes any member
		case f == nil:
			w.diags.Report(w.body.PosOf(m.KeyOffset), diag.CodeAPIUndeclaredMember, "member %q is not a property of %s: want a property the resource pages declare, or a row for it on %s", p, typeAndBases(s), path.Base(s.Source.File))
			continue
		}
		w.value(m.Value, f.Type, p)
	}
}

// keyOffset returns the offset of the first member key of object v, which
// has it.
func keyOffset(v *jsonx.Value, key string) int {
	for _, m := range v.Members {
		if m.Key == key {
			return m.KeyOffset
		}
	}
	return v.Offset
}

// typeAndBases names s and where its properties come from, for a member
// none of them declares: "microsoft.graph.openShift (openshift.md, which
// names no base type)", "microsoft.graph.user (user.md) or of its base
// types".
func typeAndBases(s *model.Struct) string {
	if s.Base == nil {
		return fmt.Sprintf("%s (%s, which names no base type)", s.WireName, path.Base(s.Source.File))
	}
	return fmt.Sprintf("%s (%s) or of its base types", s.WireName, path.Base(s.Source.File))
}

// owner returns the OData name of the type of s's chain that declares f.
func owner(w *walker, s *model.Struct, f *model.Field) string {
	for t := s; t != nil; t = t.Base {
		for _, g := range t.Fields {
			if g == f {
				return t.WireName
			}
		}
	}
	return s.WireName
}

// derives reports whether s is base or derives from it.
func derives(s, base *model.Struct) bool {
	for t := s; t != nil; t = t.Base {
		if t == base {
			return true
		}
	}
	return false
}

// member returns the JSON path of member key of the object at at.
func member(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// index returns the JSON path of element i of the array at at.
func index(at string, i int) string {
	return at + "[" + strconv.Itoa(i) + "]"
}

// subject names the value at JSON path at in a message.
func subject(at string) string {
	if at == "" {
		return "body"
	}
	return "member " + strconv.Quote(at)
}
