package emit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
)

// primitiveType returns the Go type of an Edm primitive, or nil for a name
// the emitter does not know.
func primitiveType(p model.Primitive) *jen.Statement {
	switch p {
	case model.String, model.Guid:
		return jen.String()
	case model.Boolean:
		return jen.Bool()
	case model.Byte:
		return jen.Uint8()
	case model.Int16:
		return jen.Int16()
	case model.Int32:
		return jen.Int32()
	case model.Int64:
		return jen.Int64()
	case model.Single:
		return jen.Float32()
	case model.Double:
		return jen.Float64()
	case model.Decimal:
		// A json.Number keeps every digit; a float64 would round them.
		return jen.Qual("encoding/json", "Number")
	case model.DateTimeOffset:
		return jen.Qual("time", "Time")
	case model.Date:
		return jen.Id("Date")
	case model.TimeOfDay:
		return jen.Id("TimeOfDay")
	case model.Duration:
		return jen.Id("Duration")
	case model.Binary:
		return jen.Index().Byte()
	case model.Stream, model.JSON:
		return jen.Qual("encoding/json", "RawMessage")
	}
	return nil
}

// elemType returns the Go type of one value of t, ignoring Collection.
func elemType(t model.TypeRef) *jen.Statement {
	switch t.Kind {
	case model.KindEnum:
		return jen.Id(t.Enum.Name)
	case model.KindStruct:
		if t.Struct.Interface != "" {
			// A value of a derived type may stand for one of the base.
			return jen.Id(t.Struct.Interface)
		}
		return jen.Id(t.Struct.Name)
	case model.KindRaw:
		return jen.Qual("encoding/json", "RawMessage")
	}
	if t.Collection && t.Primitive == model.Byte {
		// encoding/json writes a []uint8 as a base64 string, but a
		// collection of Edm.Byte is a JSON array of numbers.
		return jen.Int()
	}
	return primitiveType(t.Primitive)
}

// valueType returns the Go type of the value of a field of type t.
func valueType(t model.TypeRef) *jen.Statement {
	if t.Collection {
		return jen.Index().Add(elemType(t))
	}
	return elemType(t)
}

// fieldType returns the Go type of a field of type t: the value type wrapped
// in Nullable, so that absence and null survive a round trip.
func fieldType(t model.TypeRef) *jen.Statement {
	return jen.Id("Nullable").Types(valueType(t))
}

// chainHasODataType reports whether s or a base carries the @odata.type
// member.
func chainHasODataType(s *model.Struct) bool {
	for t := s; t != nil; t = t.Base {
		if t.HasODataType {
			return true
		}
	}
	return false
}

// declaresODataType reports whether the ODataType field goes in s itself: the
// root-most type of the chain that carries it declares it, and the others
// get it by embedding.
func declaresODataType(s *model.Struct) bool {
	return s.HasODataType && (s.Base == nil || !chainHasODataType(s.Base))
}

// maxCommentWidth is the width doc comment text is wrapped at, not counting
// the "// " prefix.
const maxCommentWidth = 77

// isVerb reports whether word, the first of a description, reads well
// after the name being described: "Represents the status" becomes "X
// represents the status".
func isVerb(word string) bool {
	switch word {
	case "Allows", "Captures", "Configures", "Contains", "Controls", "Defines",
		"Denotes", "Describes", "Determines", "Enables", "Gets", "Holds",
		"Identifies", "Indicates", "Lists", "Provides", "Records", "Represents",
		"Returns", "Shows", "Specifies", "Stores", "Tracks":
		return true
	}
	return false
}

// docSentence turns a page description into a doc comment that starts with
// name, as Go doc comments do. A description starting with an article or a
// verb is joined to the name ("X is the ...", "X represents ..."); any other
// is quoted after a colon, so the text is never reworded. An empty
// description gives fallback, which must start with name.
func docSentence(name, doc, fallback string) string {
	doc = cleanText(doc)
	if doc == "" {
		return fallback
	}
	first, rest, _ := strings.Cut(doc, " ")
	article := first == "The" || first == "A" || first == "An"
	if after, ok := afterSelfReference(name, rest); article && ok {
		return name + " " + after
	}
	switch {
	case strings.EqualFold(strings.TrimRight(first, ".,:;"), name):
		return name + doc[len(strings.TrimRight(first, ".,:;")):]
	case article:
		return name + " is " + strings.ToLower(first) + " " + rest
	case isVerb(first):
		return name + " " + strings.ToLower(first) + " " + rest
	}
	return name + ": " + doc
}

// afterSelfReference returns the text from the verb on when rest, the
// words after a description's article, names the page's own type and goes
// on with a verb: "[The] call resource is created when ..." gives "is
// created when ...", so that the comment reads "Call is created when ..."
// rather than "Call is the call resource is created when ...".
func afterSelfReference(name, rest string) (string, bool) {
	words := strings.SplitN(rest, " ", 4)
	if len(words) < 3 || !strings.EqualFold(words[0], name) {
		return "", false
	}
	switch words[1] {
	case "resource", "entity", "object", "type":
	default:
		return "", false
	}
	verb := words[2]
	if verb == "" {
		return "", false
	}
	if verb != "is" && verb != "are" && !isVerb(strings.ToUpper(verb[:1])+verb[1:]) {
		return "", false
	}
	_, after, _ := strings.Cut(rest, " "+words[1]+" ")
	return after, true
}

// cleanText makes page text safe and tidy inside a // comment: valid UTF-8,
// no control characters or byte order marks (which Go source forbids), and
// runs of white space, line breaks included, collapsed to one space.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	return tidy(s)
}

// tidy is cleanText without its shortcut.
func tidy(s string) string {
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\ufeff' || r == '\u200b':
			return -1
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports whether cleanText would return s unchanged: printable
// ASCII, single spaces between words, none at either end. Most descriptions
// are, so they skip the rewriting.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// wrap appends text to b as comment lines of at most width bytes after
// their "// ", breaking at spaces; a word longer than the width gets a line
// of its own.
func wrap(b *strings.Builder, text string, width int) {
	n := -1 // bytes of text on the current line; -1 before the first
	for w := range strings.FieldsSeq(text) {
		switch {
		case n > 0 && n+1+len(w) <= width:
			b.WriteByte(' ')
			n++
		case n >= 0:
			b.WriteString("\n// ")
			n = 0
		default:
			b.WriteString("// ")
			n = 0
		}
		b.WriteString(w)
		n += len(w)
	}
}

// comment returns a doc comment for a top-level declaration: paragraphs,
// each wrapped, separated by blank comment lines, ending with a line break
// so that a declaration can follow. Every line is rendered verbatim with its
// "//", so no text from a page can end the comment or turn into code.
func comment(paragraphs ...string) *jen.Statement {
	return wrappedComment(maxCommentWidth, paragraphs)
}

// fieldComment returns a doc comment for a struct field or a constant in a
// group, which gofmt indents by a tab.
func fieldComment(paragraphs ...string) *jen.Statement {
	return wrappedComment(maxCommentWidth-4, paragraphs)
}

// wrappedComment renders the whole comment as one jennifer comment, which
// jennifer writes verbatim because it starts with "//": one node rather
// than two per line, on thousands of fields. Every paragraph goes through
// cleanText here, whatever built it, since paragraphs quote page text (a
// type's @odata.type, say) that Go source may not hold: a NUL or a byte
// order mark in a comment is a syntax error.
func wrappedComment(width int, paragraphs []string) *jen.Statement {
	var b strings.Builder
	size := 0
	for _, p := range paragraphs {
		// A line of "// " and up to width bytes for every width bytes, and
		// the separators: room enough that b grows once.
		size += len(p) + (len(p)/width+2)*4
	}
	b.Grow(size)
	for _, p := range paragraphs {
		if p = cleanText(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n//\n")
		}
		wrap(&b, p, width)
	}
	if b.Len() == 0 {
		return &jen.Statement{}
	}
	return jen.Comment(b.String()).Line()
}
