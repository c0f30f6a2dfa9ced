package reader

import (
	"fmt"
	"strings"

	"github.com/graphgen/graphgen/generator/model"
)

// TypeExpr is a parsed Type cell.
type TypeExpr struct {
	Collection bool
	Primitive  model.Primitive // set for primitives (canonical name), else ""
	Name       string          // type name for named types: link text or bare word, namespace stripped, e.g. "identitySet"
	Namespace  string          // "microsoft.graph.callRecords" when the name was qualified, else ""
	// Link is the link that named the type, if any. It is nil for
	// primitives, even one written as a link
	// ("[DateTimeOffset](../resources/timestamp.md)" in driveItemVersion.md):
	// the link adds nothing to an Edm type.
	Link *Link
}

// primitives maps the lower-cased spellings of primitive types in the corpus
// to their Edm names. "Url" is a string; "Object" and "JSON object" are
// untyped JSON; Dynamics pages write "numeric" and "datetime".
var primitives = map[string]model.Primitive{
	"string":              model.String,
	"url":                 model.String,
	"boolean":             model.Boolean,
	"bool":                model.Boolean,
	"byte":                model.Byte,
	"int16":               model.Int16,
	"int32":               model.Int32,
	"int":                 model.Int32,
	"integer":             model.Int32,
	"int64":               model.Int64,
	"single":              model.Single,
	"double":              model.Double,
	"decimal":             model.Decimal,
	"numeric":             model.Decimal,
	"guid":                model.Guid,
	"datetimeoffset":      model.DateTimeOffset,
	"datetime":            model.DateTimeOffset,
	"timestamp":           model.DateTimeOffset,
	"date":                model.Date,
	"timeofday":           model.TimeOfDay,
	"duration":            model.Duration,
	"binary":              model.Binary,
	"stream":              model.Stream,
	"json":                model.JSON,
	"object":              model.JSON,
	"json object":         model.JSON,
	"untyped json object": model.JSON,
}

// typeSuffixes are words that may follow a type name without changing it:
// "[fileHashType](filehashtypeenumtype.md) enum" (filehash.md),
// "[itemAnalytics][] resource" (driveitem.md), "error object"
// (workbookoperationerror.md).
var typeSuffixes = map[string]bool{"enum": true, "resource": true, "object": true}

// ParseType parses a Type cell. It accepts an Edm primitive in any case,
// with or without "Edm.", and its synonyms; a type name, bare, qualified
// ("microsoft.graph.callRecords.clientPlatform") or as a link's text;
// "X collection", "Collection(X)" and "collection of X"; and qualifiers after
// the type ("string (url)", "string, maximum size 20"). A union ("A or B",
// call.md) is an error: the generator has no way to represent one.
func ParseType(c TypeCell) (TypeExpr, error) {
	var e TypeExpr
	// Bold and backticks that goldmark didn't take as markup are dropped.
	s := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '*' || r == '`' {
			return ' '
		}
		if isSpace(r) {
			return ' '
		}
		return r
	}, c.Text)), " ")
	if s == "" {
		return e, fmt.Errorf("empty Type cell: want an Edm primitive, a link to a resource page, or an enum name")
	}
	// "or" makes a union only between two types: a type named "or" is odd
	// but not a union, and must parse as itself.
	fields := strings.Fields(s)
	for i, w := range fields {
		if i > 0 && i < len(fields)-1 && strings.EqualFold(w, "or") {
			return e, fmt.Errorf("union type %q in column \"Type\" is not supported: want a single type", c.Text)
		}
	}
	unknown := func() (TypeExpr, error) {
		return TypeExpr{}, fmt.Errorf("unknown type %q in column \"Type\": want an Edm primitive, a link to a resource page, or an enum name", c.Text)
	}

	body := s
	if rest, ok := cutPrefixFold(body, "collection("); ok {
		// Collection(X), maybe followed by qualifiers.
		end := strings.LastIndexByte(rest, ')')
		if end < 0 {
			return unknown()
		}
		body, e.Collection = rest[:end], true
	} else if rest, ok := cutPrefixFold(body, "collection of "); ok {
		body, e.Collection = rest, true
	}
	// Qualifiers: "string (url)", "string, maximum size 20", and a sentence
	// after the type ("educationOutcome collection. Holds grades…" in
	// educationsubmission.md).
	if i := strings.IndexAny(body, "(,"); i > 0 {
		body = body[:i]
	}
	if i := strings.Index(body, ". "); i > 0 {
		body = body[:i]
	}
	words := strings.Fields(body)
	// "X collection", and the broken "X collection collection" (call.md).
	for len(words) > 1 && strings.EqualFold(words[len(words)-1], "collection") {
		words, e.Collection = words[:len(words)-1], true
	}
	if p, ok := primitives[strings.ToLower(strings.Join(words, " "))]; ok {
		e.Primitive = p
		return e, nil
	}
	for len(words) > 1 && typeSuffixes[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) != 1 {
		return unknown()
	}
	// A leading '#' (an OData type reference, "#microsoft.graph.x") is
	// dropped before anything else, so "#Int" is the primitive it names.
	tok := strings.TrimPrefix(words[0], "#")
	if rest, ok := cutPrefixFold(tok, "edm."); ok {
		if p, ok := primitives[strings.ToLower(rest)]; ok {
			e.Primitive = p
			return e, nil
		}
		return unknown()
	}
	if p, ok := primitives[strings.ToLower(tok)]; ok {
		e.Primitive = p
		return e, nil
	}
	if !isIdentifier(tok) {
		return unknown()
	}
	if i := strings.LastIndexByte(tok, '.'); i >= 0 {
		e.Namespace, e.Name = tok[:i], tok[i+1:]
	} else {
		e.Name = tok
	}
	for i := range c.Links {
		if strings.TrimPrefix(strings.TrimSpace(strings.Trim(c.Links[i].Text, "*`")), "#") == tok {
			l := c.Links[i]
			e.Link = &l
			break
		}
	}
	return e, nil
}
