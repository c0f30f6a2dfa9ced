// Package reader is the first stage of the pipeline: it turns the bytes of one
// Markdown resource page into a Page, using goldmark's syntax tree (never
// regular expressions over Markdown). It decides nothing across pages; links
// stay links until resolution.
package reader

import (
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
)

// Kind classifies a page.
type Kind int

// The kinds of page.
const (
	// Overview is a page that declares no type: conceptual pages, API
	// overviews.
	Overview Kind = iota
	// Resource declares a resource or complex type.
	Resource
	// EnumPage declares enums only: enums*.md and "X enum type" pages.
	EnumPage
)

func (k Kind) String() string {
	switch k {
	case Resource:
		return "resource"
	case EnumPage:
		return "enum"
	}
	return "overview"
}

// Page is what one Markdown file says.
type Page struct {
	Path string // the name diagnostics use, as given to Read
	Kind Kind

	// Front matter.
	Title       string
	Description string
	DocType     string

	H1        string // heading text, "inviteParticipantsOperation resource type"
	H1Pos     diag.Pos
	Namespace string // from the "Namespace: x" line, "" when absent
	Summary   string // the first prose paragraph after the H1, plain text

	// Inherits is the link of an "Inherits from [x](x.md)" sentence (also
	// "derived from", "subclass of", "subtype of") in the introduction.
	Inherits *Link

	Properties    []Row
	Relationships []Row

	Annotation *Annotation // the blockType "resource" annotation, nil if none
	JSON       *JSONBlock  // the fenced json block right after it, nil if none

	// Enums are the enum tables the page defines: the Members table of an
	// "X enum type" page, and "### x values" sections in enums.md and in
	// resource pages.
	Enums []EnumTable

	// propTables counts the property and relationship tables read, empty
	// ones included: a table with a header and no rows still makes the page
	// a resource.
	propTables int
}

// Row is one row of a Properties or Relationships table.
type Row struct {
	Name    string // cleaned: no bold, backticks or " (deprecated)"
	NamePos diag.Pos
	Type    TypeCell
	// Description is plain text: markup, HTML tags and INCLUDE lines removed.
	Description string
	// Values is the enum list given in the description ("Possible values
	// are: `a`, `b`."), nil when there is none.
	Values       []string
	ValuesPos    diag.Pos
	Relationship bool // the row is in the Relationships table
}

// TypeCell is the Type column of a row, before resolution.
type TypeCell struct {
	// Text is the cell as plain text, links replaced by their text:
	// "invitationParticipantInfo collection".
	Text  string
	Links []Link
	Pos   diag.Pos
}

// Link is a Markdown link, reference-style links already resolved to their
// definition.
type Link struct {
	Text string
	Dest string // as written: "../resources/identityset.md", "enums.md#x-values", "#x-values"
	Pos  diag.Pos
}

// Annotation is the HTML-comment resource annotation.
type Annotation struct {
	ODataType          string // "@odata.type", or the legacy "@type"
	BaseType           string // "" when absent or null
	KeyProperty        string
	OptionalProperties []string
	OpenType           bool
	Abstract           bool // "abstract" or "isAbstract", boolean or the string "true"
	Pos                diag.Pos
}

// JSONBlock is the JSON representation of the resource.
type JSONBlock struct {
	Value *jsonx.Value // nil when the block could not be parsed even after repair
	Text  []byte       // the block's content, as repaired by jsonx.Repair
	Pos   diag.Pos     // the opening fence

	lines *diag.Lines // offsets of Text → positions in the page
}

// PosOf returns the page position of a byte offset into Text, such as a
// jsonx.Value's Offset.
func (b *JSONBlock) PosOf(off int) diag.Pos {
	if b.lines == nil {
		return b.Pos
	}
	p := b.lines.Pos(off)
	p.Line += b.Pos.Line // the content starts on the line after the fence
	return p
}

// EnumTable is an enum defined by a table.
type EnumTable struct {
	Name    string // "endpointType", from "### endpointType values" or "# endpointType enum type"
	Pos     diag.Pos
	Members []EnumMember
}

// EnumMember is one row of an enum table.
type EnumMember struct {
	Value       string // the member name as it goes on the wire
	Description string
	Pos         diag.Pos
}
