// Package templates holds what graphgen writes into every generated package
// whatever its types: the support code (Nullable, the Edm date and time
// types, the JSON encoding, Validate), which is the Go package support in
// the folder of that name, copied with its package clause changed; the enum
// table the support code reads; and the test scaffolding. The last two are
// text/template files, so that they read as the Go code they produce, laid
// out as gofmt lays it out, since the emitter does not format them.
package templates

import (
	"embed"
	"text/template"
)

// files holds the templates and the source of package support. Its test
// files are embedded too, as a pattern cannot leave them out; they are not
// copied.
//
//go:embed *.tmpl support/*.go
var files embed.FS

// The names of the templates, which are their file names.
const (
	// EnumTable renders EnumTableFile, the enum table of the support code;
	// its data is a SupportData.
	EnumTable = "enumtable.go.tmpl"
	// Helpers renders graphgen_test.go; its data is a HelpersData.
	Helpers = "helpers_test.go.tmpl"
	// FileTest renders the test file that goes with one generated file; its
	// data is a FileTestData.
	FileTest = "file_test.go.tmpl"
)

// Parse parses every template. The templates use no functions, so the data
// carries every Go literal already quoted: a template cannot produce invalid
// code by quoting a value the wrong way.
func Parse() (*template.Template, error) {
	return template.New("").Option("missingkey=error").ParseFS(files, "*.tmpl")
}

// SupportData is the data of the EnumTable template.
type SupportData struct {
	Package string
	// Enums are the enum types of the package, sorted by name, whose
	// members IsValid, Values and Validate look up.
	Enums []SupportEnum
	// Types are the struct types of the package, sorted by Go name, by
	// which the codec finds the type an "@odata.type" names.
	Types []SupportType
}

// SupportType is a struct type of the package.
type SupportType struct {
	WireName string // Go string literal: the OData name, "microsoft.graph.ipNamedLocation"
	Name     string // the Go name of the type
	Open     bool   // open, or derived from an open type
}

// SupportEnum is an enum type and its members.
type SupportEnum struct {
	Name    string   // Go string literal: the Go name of the type
	Members []string // Go string literals: the values, in declaration order
}

// HelpersData is the data of the Helpers template.
type HelpersData struct {
	Package string
	// ExtraMember is the one member the samples of open types hold that
	// their types do not declare.
	ExtraMember string
}

// FileTestData is the data of the FileTest template.
type FileTestData struct {
	Package    string
	RoundTrips []RoundTrip
	Enums      []EnumTest
}

// RoundTrip is the round-trip test of one struct type.
type RoundTrip struct {
	Type  string // Go name of the struct
	Cases []Case
}

// Case is one input of a round-trip test.
type Case struct {
	Name  string // Go string literal
	Input string // Go string literal holding the JSON
}

// EnumTest is the test of one enum type.
type EnumTest struct {
	Type string // Go name of the enum
	// Strict says whether decoding rejects a value that is not a member.
	Strict bool
	// Unknown is a Go string literal holding a value that is not a member.
	Unknown string
	// DecodeError is a Go string literal: the error message of decoding
	// Unknown in a strict package.
	DecodeError string
	// Holder, when not nil, is a struct field of the enum type, used to show
	// that Validate reports Unknown with its path.
	Holder *Holder
}

// Holder is a struct field set to an invalid enum value.
type Holder struct {
	Struct string // Go name of the struct declaring the field
	Field  string // Go name of the field
	Value  string // Go expression of the field's value holding Unknown
	Path   string // Go string literal: the JSON path Validate reports
	Error  string // Go string literal: the message Validate returns
}
