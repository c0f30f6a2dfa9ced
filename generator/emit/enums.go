package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
)

// enumDecl emits an enum: a string type, a constant per member, Values,
// IsValid and String, validate when a struct holds the enum, and, in a
// package with strict enums, UnmarshalJSON.
func (g *generator) enumDecl(f *jen.File, e *model.Enum) {
	name := e.Name
	recv := func() *jen.Statement { return jen.Id("e").Id(name) }

	doc := []string{docSentence(name, e.Doc, name+" is the "+e.WireName+" enum.")}
	if g.pkg.StrictEnums {
		doc = append(doc, "Decoding rejects a value that is not a member, with an *EnumError.")
	} else {
		doc = append(doc, "Decoding keeps a value that is not a member, since the API adds members over time; Validate on the struct that holds it reports it.")
	}
	f.Add(comment(doc...)).Type().Id(name).String()

	if len(e.Members) > 0 {
		var consts []jen.Code
		for i, m := range e.Members {
			if i > 0 {
				consts = append(consts, jen.Line())
			}
			consts = append(consts, fieldComment(docSentence(m.Name, m.Doc, fmt.Sprintf("%s is the value %q.", m.Name, m.Value))).
				Id(m.Name).Id(name).Op("=").Lit(m.Value))
		}
		f.Line()
		f.Add(comment("The members of " + name + ".")).Const().Defs(consts...)
	}

	// Long member lists go one a line, so that generated lines stay short.
	long := len(e.Members) > 3
	var members, cases []jen.Code
	for i, m := range e.Members {
		members = append(members, jen.Id(m.Name))
		if long && i > 0 {
			cases = append(cases, jen.Line().Id(m.Name))
		} else {
			cases = append(cases, jen.Id(m.Name))
		}
	}
	f.Line()
	f.Add(comment("Values returns the members of " + name + " in declaration order, in a new slice on each call, so a caller may change it.")).
		Func().Params(jen.Id(name)).Id("Values").Params().Index().Id(name).Block(
		jen.Return(jen.Index().Id(name).Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: long}, members...)))

	isValid := []jen.Code{jen.Return(jen.False())}
	if len(members) > 0 {
		isValid = []jen.Code{
			jen.Switch(jen.Id("e")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
			jen.Return(jen.False()),
		}
	}
	f.Line()
	f.Add(comment("IsValid reports whether e is a member of " + name + ".")).
		Func().Params(recv()).Id("IsValid").Params().Bool().Block(isValid...)

	f.Line()
	f.Add(comment("String returns e as written in JSON.")).
		Func().Params(recv()).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("e"))))

	if g.validated[e] {
		f.Line()
		f.Add(comment("validate appends an *EnumError when e, found at path, is not a member.")).
			Func().Params(recv()).Id("validate").Params(jen.Id("path").String(), jen.Id("errs").Op("*").Index().Error()).Block(
			jen.If(jen.Op("!").Id("e").Dot("IsValid").Call()).Block(
				jen.Op("*").Id("errs").Op("=").Append(jen.Op("*").Id("errs"), jen.Id("newEnumError").Call(jen.Id("path"), jen.Lit(name), jen.Id("e")))))
	}

	if g.pkg.StrictEnums {
		f.Line()
		f.Add(comment("UnmarshalJSON decodes a member of "+name+". It rejects any other value with an *EnumError, since the package was generated with strict enums.")).
			Func().Params(jen.Id("e").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.Var().Id("s").String(),
			jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("s")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("v").Op(":=").Id(name).Call(jen.Id("s")), jen.Op("!").Id("v").Dot("IsValid").Call()).Block(
				jen.Return(jen.Id("newEnumError").Call(jen.Lit(""), jen.Lit(name), jen.Id("v")))),
			jen.Op("*").Id("e").Op("=").Id(name).Call(jen.Id("s")),
			jen.Return(jen.Nil()),
		)
	}
}
