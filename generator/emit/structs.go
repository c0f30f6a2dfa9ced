package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
)

// structDecl emits the type declaration of s, its two JSON methods,
// Validate and String, and, when types derive from s, the interface of its
// family.
// The methods are one line each, calling the shared code of the support
// file: every method of a generated type costs compile time and memory, so
// s has no other.
func (g *generator) structDecl(f *jen.File, s *model.Struct) {
	f.Add(comment(structDoc(s)...)).Type().Id(s.Name).Struct(structFields(s)...)
	f.Line()
	marshal(f, s)
	f.Line()
	unmarshal(f, s)
	f.Line()
	validate(f, s)
	f.Line()
	stringer(f, s)
	if s.Interface != "" {
		f.Line()
		family(f, s)
	}
}

// family emits the interface of s, which fields, collections and responses
// typed s hold a value of s or of a derived type through, and its one
// method. s declares the method and each derived type inherits it by
// embedding s, so a family costs one method and the compiler's wrappers of
// it, not a method per derived type; the codec finds the base of the family
// from the method's result.
func family(f *jen.File, s *model.Struct) {
	method := s.FamilyMethod()
	f.Add(comment(
		s.Interface + " is a *" + s.Name + " or a pointer to a type derived from it, as fields, collections and responses of the " + s.WireName + " type hold them: decoding makes each value of the type its \"@odata.type\" names, and encoding writes the \"@odata.type\" of a derived type. Tell them apart with a type switch.",
	)).Type().Id(s.Interface).Interface(jen.Id(method).Params().Op("*").Id(s.Name))
	f.Line()
	f.Add(comment(method + " returns the " + s.Name + " of a value of " + s.Interface + ": x itself, and, promoted to a derived type, the " + s.Name + " it embeds.")).
		Func().Params(jen.Id("x").Op("*").Id(s.Name)).Id(method).Params().Op("*").Id(s.Name).Block(jen.Return(jen.Id("x")))
}

// structDoc returns the paragraphs of the doc comment of s: the page's
// description, then what the model adds to it.
func structDoc(s *model.Struct) []string {
	doc := docSentence(s.Name, s.Doc, s.Name+" is the "+s.WireName+" type.")
	var notes []string
	if s.Doc != "" {
		// Without a description, the first sentence already says it.
		notes = append(notes, "Its OData type is "+s.WireName+".")
	}
	if s.Abstract {
		notes = append(notes, "It is abstract: values on the wire are of a derived type.")
	}
	if s.Open {
		notes = append(notes, "It is an open type: it may hold members that no field declares, kept in AdditionalData.")
	}
	return []string{doc, strings.Join(notes, " ")}
}

// structFields returns the fields of the declaration of s: the embedded
// base, @odata.type, the page's fields, and AdditionalData.
func structFields(s *model.Struct) []jen.Code {
	var fields []jen.Code
	add := func(doc []string, field *jen.Statement) {
		if len(fields) > 0 && len(doc) > 0 {
			// A blank line between documented fields, as gofmt'ed
			// hand-written code has.
			fields = append(fields, jen.Line())
		}
		fields = append(fields, fieldComment(doc...).Add(field))
	}
	if s.Base != nil {
		// Embedded by value: the base's fields are promoted, which is also
		// how encoding/json flattens them into one JSON object.
		fields = append(fields, jen.Id(s.Base.Name))
	}
	if declaresODataType(s) {
		add([]string{`ODataType is the "@odata.type" member: the type of the value, such as "#` + s.WireName + `", which tells a base type from a derived one.`},
			jen.Id("ODataType").Id("Nullable").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}))
	}
	for _, fl := range s.Fields {
		first := docSentence(fl.Name, fl.Doc, "")
		if first == "" {
			first = fmt.Sprintf("%s is the %q member.", fl.Name, fl.JSONName)
		}
		doc := []string{first}
		if fl.Relationship {
			doc = append(doc, "It is a relationship (a navigation property).")
		}
		add(doc, jen.Id(fl.Name).Add(fieldType(fl.Type)).Tag(map[string]string{"json": fl.JSONName + ",omitzero"}))
	}
	// Every type keeps what it does not declare, since the API adds
	// properties before the pages say so. Only the root of a chain holds
	// AdditionalData, and the derived types reach it through embedding:
	// with one map on each, the codec could use only one of them, and a
	// base value set into a derived one would lose its members.
	if s.Base == nil {
		add([]string{"AdditionalData holds the members that no field declares, instance annotations such as \"@odata.etag\" included. MarshalJSON writes them after the declared members, sorted by key."},
			jen.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}))
	}
	return fields
}

// marshal emits the MarshalJSON method of s. It has a value receiver so
// that it applies to values as well as pointers. Every struct gets its own:
// the method of an embedded base would be promoted and encode only the
// base's fields. The doc comments of the three methods are one line each,
// since they repeat on every type; marshalObject and unmarshalObject spell
// out the rules once.
//
// It is not inlined: inlined, its body is compiled a second time into the
// wrapper the compiler writes for the pointer type, which costs the
// compile of a whole-corpus package about 13 MB (4 %) of peak memory, and
// a call per value encoded is nothing beside the encoding.
func marshal(f *jen.File, s *model.Struct) {
	doc := "MarshalJSON encodes x, leaving absent fields out and null ones as null; AdditionalData comes last."
	f.Add(comment(doc)).Comment("//").Line().Comment("//go:noinline").Line().
		Func().Params(jen.Id("x").Id(s.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalObject").Call(jen.Op("&").Id("x"))))
}

// stringer emits the String method of s, through which fmt prints a value
// of s with its values rather than the addresses its Nullable members hold.
// Its receiver is a value, since fmt only calls the methods of the value's
// own method set, and, as MarshalJSON, it is not inlined into the pointer
// type's wrapper.
func stringer(f *jen.File, s *model.Struct) {
	doc := "String formats x for people: its members that are not absent, by Go name, with their values."
	f.Add(comment(doc)).Comment("//").Line().Comment("//go:noinline").Line().
		Func().Params(jen.Id("x").Id(s.Name)).Id("String").Params().String().Block(
		jen.Return(jen.Id("formatObject").Call(jen.Op("&").Id("x"))))
}

// validate emits the Validate method of s. It only calls the package's
// Validate, but as a method it meets the interface{ Validate() error } that
// validating middleware looks for. Its receiver is a pointer, which spares
// the compiler a wrapper per type.
func validate(f *jen.File, s *model.Struct) {
	f.Add(comment("Validate reports each enum value in x that is not a declared member.")).
		Func().Params(jen.Id("x").Op("*").Id(s.Name)).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id("Validate").Call(jen.Id("x"))))
}

// unmarshal emits the UnmarshalJSON method of s.
func unmarshal(f *jen.File, s *model.Struct) {
	doc := "UnmarshalJSON decodes a JSON object into x, keeping absent and null apart and other members in AdditionalData."
	f.Add(comment(doc)).
		Func().Params(jen.Id("x").Op("*").Id(s.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalObject").Call(jen.Id("data"), jen.Id("x"))))
}
