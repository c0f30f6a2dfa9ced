package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
)

// structDecl emits the type declaration of s and its methods: JSON methods
// when its chain is open, and Validate always.
func (g *generator) structDecl(f *jen.File, s *model.Struct) {
	f.Add(comment(structDoc(s)...)).Type().Id(s.Name).Struct(structFields(s)...)
	if s.OpenChain() {
		f.Line()
		marshal(f, s)
		f.Line()
		unmarshal(f, s)
	}
	f.Line()
	g.validate(f, s)
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
		notes = append(notes, "It is an open type: members that no field declares are kept in AdditionalData.")
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
		doc := []string{docSentence(fl.Name, fl.Doc, fmt.Sprintf("%s is the %q member.", fl.Name, fl.JSONName))}
		if fl.Relationship {
			doc = append(doc, "It is a relationship (a navigation property).")
		}
		add(doc, jen.Id(fl.Name).Add(fieldType(fl.Type)).Tag(map[string]string{"json": fl.JSONName + ",omitzero"}))
	}
	if s.Open {
		add([]string{"AdditionalData holds the members that no field declares, since " + s.Name + " is an open type. MarshalJSON writes them after the declared members, sorted by key."},
			jen.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}))
	}
	return fields
}

// marshal emits the MarshalJSON method of a struct whose chain is open. It
// has a value receiver so that it applies to values as well as pointers.
func marshal(f *jen.File, s *model.Struct) {
	body := []jen.Code{jen.Var().Id("w").Id("objectWriter")}
	member := func(key, field string) {
		body = append(body, jen.Id("writeMember").Call(jen.Op("&").Id("w"), jen.Lit(key), jen.Id("x").Dot(field)))
	}
	if chainHasODataType(s) {
		member("@odata.type", "ODataType")
	}
	for _, fl := range s.AllFields() {
		member(fl.JSONName, fl.Name)
	}
	body = append(body,
		jen.Id("w").Dot("additional").Call(jen.Id("x").Dot("AdditionalData")),
		jen.Return(jen.Id("w").Dot("bytes").Call()),
	)
	f.Add(comment("MarshalJSON writes @odata.type, then the fields in declaration order, those of bases first, then AdditionalData sorted by key. Absent fields are left out.")).
		Func().Params(jen.Id("x").Id(s.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(body...)
}

// unmarshal emits the UnmarshalJSON method of a struct whose chain is open.
// Every such struct gets its own: the method of an embedded base would be
// promoted and decode only the base's fields.
func unmarshal(f *jen.File, s *model.Struct) {
	var cases []jen.Code
	member := func(key, field string) {
		cases = append(cases, jen.Case(jen.Lit(key)).Return(
			jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("v").Dot(field))))
	}
	if chainHasODataType(s) {
		member("@odata.type", "ODataType")
	}
	for _, fl := range s.AllFields() {
		member(fl.JSONName, fl.Name)
	}
	var callback []jen.Code
	if len(cases) > 0 {
		callback = append(callback, jen.Switch(jen.Id("key")).Block(cases...))
	}
	callback = append(callback,
		jen.Id("v").Dot("AdditionalData").Op("=").Id("addMember").Call(jen.Id("v").Dot("AdditionalData"), jen.Id("key"), jen.Id("raw")),
		jen.Return(jen.Nil()),
	)
	f.Add(comment("UnmarshalJSON decodes the declared members into their fields and keeps every other member in AdditionalData. Member names match exactly, so no member is taken for a field that differs only in case.")).
		Func().Params(jen.Id("x").Op("*").Id(s.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Var().Id("v").Id(s.Name),
		jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("decodeObject").Call(jen.Id("data"),
			jen.Func().Params(jen.Id("key").String(), jen.Id("raw").Qual("encoding/json", "RawMessage")).Error().Block(callback...)),
		jen.If(jen.Id("ok")).Block(jen.Op("*").Id("x").Op("=").Id("v")),
		jen.Return(jen.Err()),
	)
}

// validate emits Validate and, when s can hold an enum value, the validate
// method that walks it.
func (g *generator) validate(f *jen.File, s *model.Struct) {
	recv := jen.Id("x").Op("*").Id(s.Name)
	if !g.invalid[s] {
		f.Add(comment("Validate returns nil: " + s.Name + " holds no enum value, at any depth, so it has nothing to check. It exists so that every type can be validated alike.")).
			Func().Params(recv).Id("Validate").Params().Error().Block(jen.Return(jen.Nil()))
		return
	}
	why := "Decoding keeps such values, since the API adds members over time, so this is where they are caught."
	if g.pkg.StrictEnums {
		why = "Decoding rejects such values in this package, so Validate catches those set in Go."
	}
	f.Add(comment("Validate reports every enum value in x, at any depth, that is not a declared member, as ValidationErrors holding an *EnumError for each. " + why)).
		Func().Params(recv).Id("Validate").Params().Error().Block(jen.Return(jen.Id("validateAll").Call(jen.Id("x"))))
	body := []jen.Code{jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Return())}
	if s.Base != nil && g.invalid[s.Base] {
		// The base's members sit in the same JSON object, so they share
		// the path.
		body = append(body, jen.Id("x").Dot(s.Base.Name).Dot("validate").Call(jen.Id("path"), jen.Id("errs")))
	}
	for _, fl := range s.Fields {
		t := fl.Type
		if t.Kind != model.KindEnum && (t.Kind != model.KindStruct || !g.invalid[t.Struct]) {
			continue
		}
		path := jen.Id("memberPath").Call(jen.Id("path"), jen.Lit(fl.JSONName))
		if t.Collection {
			body = append(body, jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("x").Dot(fl.Name).Dot("Value").Call()).Block(
				jen.Id("v").Dot("validate").Call(jen.Id("elemPath").Call(path, jen.Id("i")), jen.Id("errs"))))
			continue
		}
		body = append(body, jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("x").Dot(fl.Name).Dot("Get").Call(), jen.Id("ok")).Block(
			jen.Id("v").Dot("validate").Call(path, jen.Id("errs"))))
	}
	f.Line()
	f.Add(comment("validate appends an error for each invalid enum value in x, whose JSON path is path.")).
		Func().Params(recv.Clone()).Id("validate").Params(jen.Id("path").String(), jen.Id("errs").Op("*").Index().Error()).Block(body...)
}
