package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
)

// enumDecl emits an enum: a string type, a constant per member and, in a
// package with strict enums, UnmarshalJSON. The members are also listed in
// the support file, where IsValid, Values and Validate find them: methods
// doing the same, a few for each of hundreds of enums, would cost more to
// compile than the rest of the package.
func (g *generator) enumDecl(f *jen.File, e *model.Enum) {
	name := e.Name
	doc := []string{docSentence(name, e.Doc, name+" is the "+e.WireName+" enum.")}
	if g.pkg.StrictEnums {
		doc = append(doc, "Decoding rejects a value that is not a member, with an *EnumError. IsValid and Values check and list the members.")
	} else {
		doc = append(doc, "Decoding keeps a value that is not a member, since the API adds members over time; Validate reports it. IsValid and Values check and list the members.")
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

	if g.pkg.StrictEnums {
		f.Line()
		f.Add(comment("UnmarshalJSON decodes a member of " + name + ". It rejects any other value with an *EnumError, since the package was generated with strict enums.")).
			Func().Params(jen.Id("e").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.Return(jen.Id("decodeEnum").Call(jen.Id("data"), jen.Id("e"))))
	}
}
