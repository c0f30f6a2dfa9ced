// Package model is the intermediate representation between resolution and
// emission: plain structs, every name already decided, every node carrying the
// position of the page text it came from. It imports neither the Markdown
// parser nor the code emitter, so either side can change without the other.
package model

import (
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/templates"
)

// Package is everything generated from one spec folder.
type Package struct {
	Name    string    // Go package name
	Structs []*Struct // sorted by Name
	Enums   []*Enum   // sorted by Name
	// StrictEnums makes decoding reject enum values that are not declared
	// members, instead of keeping them for Validate to report.
	StrictEnums bool
	// Spec is the folder the pages were read from, as the caller named it
	// ("../spec/beta"), which the package documentation names.
	Spec string
	// SpecName is how the generated files name that folder; Spec, unless
	// the caller wants a name that does not depend on where it runs.
	SpecName string
	// NoTests leaves out the test files: the round-trip and enum tests and
	// their helpers.
	NoTests bool
	// NoPackageDoc leaves the package comment out of the package
	// documentation file, for a package whose own files document it.
	NoPackageDoc bool
}

// Struct is a resource or complex type.
type Struct struct {
	Name         string     // Go name, unique in the package
	WireName     string     // qualified OData name, "microsoft.graph.identitySet"
	Doc          string     // plain-text description
	File         string     // Go file name, without directory ("identityset.go")
	Source       diag.Pos   // the page (line 0) or H1 that declared the type
	MoreSources  []diag.Pos // other pages declaring the type (intune-shared-user.md beside user.md), whose rows are merged in
	Base         *Struct    // embedded base type, nil for a root type
	Fields       []*Field   // own fields only, in page order; inherited rows are removed
	Open         bool       // open type: unknown JSON members are kept in AdditionalData
	Abstract     bool
	Example      *jsonx.Value // the page's JSON representation, nil when it has none
	HasODataType bool         // root types carry the @odata.type member
	// Interface is the Go name of the interface that holds a value of s or
	// of a type derived from it, in the fields, collections and responses
	// typed s ("AnyNamedLocation"); empty when no type derives from s.
	Interface string
}

// FamilyMethod returns the name of the one method of the interface of s,
// which s declares and the types derived from it inherit: "AsIdentitySet",
// which returns the IdentitySet of a value of the family, so that a user
// reads the members they share without a type switch. It is made from the
// name of s, so that a derived type has the method of each of its bases.
func (s *Struct) FamilyMethod() string {
	return "As" + s.Name
}

// OpenChain reports whether s or any of its bases is open, which is what
// decides whether s needs hand-written JSON methods.
func (s *Struct) OpenChain() bool {
	for t := s; t != nil; t = t.Base {
		if t.Open {
			return true
		}
	}
	return false
}

// AllFields returns the fields of s and its bases, bases first, which is the
// order encoding/json promotes them in. It walks the chain twice, to size the
// result and to fill it from the end, so that its cost is that of the
// result: building it a level at a time copied the inherited fields once per
// level, which made a chain of n levels cost n² per call.
func (s *Struct) AllFields() []*Field {
	if s.Base == nil {
		return s.Fields
	}
	n := 0
	for t := s; t != nil; t = t.Base {
		n += len(t.Fields)
	}
	all := make([]*Field, n)
	for t := s; t != nil; t = t.Base {
		n -= len(t.Fields)
		copy(all[n:], t.Fields)
	}
	return all
}

// WalkInheritance calls enter for each of structs before the structs of
// structs derived from it, and leave after them: a depth-first walk of the
// inheritance forest, each root and each type's derived types in the order
// of structs. A struct whose base is not among structs is a root. A walk
// that keeps what the types it is below declare knows what each type
// inherits, for a cost linear in the package, where a list of each type's
// inherited fields costs the length of its chain. Resolution breaks base
// cycles; a struct on one would not be visited.
func WalkInheritance(structs []*Struct, enter, leave func(*Struct)) {
	in := make(map[*Struct]bool, len(structs))
	for _, s := range structs {
		in[s] = true
	}
	derived := map[*Struct][]*Struct{}
	for _, s := range structs {
		if in[s.Base] {
			derived[s.Base] = append(derived[s.Base], s)
		}
	}
	type frame struct {
		s    *Struct
		next int // the index in derived[s] of the next struct to visit
	}
	var stack []frame
	for _, root := range structs {
		if in[root.Base] {
			continue
		}
		enter(root)
		stack = append(stack[:0], frame{s: root})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if ds := derived[top.s]; top.next < len(ds) {
				t := ds[top.next]
				top.next++
				enter(t)
				stack = append(stack, frame{s: t})
				continue
			}
			leave(top.s)
			stack = stack[:len(stack)-1]
		}
	}
}

// Field is one property or relationship.
type Field struct {
	Name         string // Go name, unique in its struct and its bases
	JSONName     string // the wire name, "displayName"
	Doc          string
	Type         TypeRef
	Relationship bool // from the Relationships table
	Pos          diag.Pos
}

// Kind says what a TypeRef refers to.
type Kind int

// The kinds of type a field can have.
const (
	KindPrimitive Kind = iota
	KindEnum
	KindStruct
	// KindRaw is the fallback for a type that could not be resolved: the
	// field keeps the raw JSON, so no data is lost.
	KindRaw
)

func (k Kind) String() string {
	switch k {
	case KindPrimitive:
		return "primitive"
	case KindEnum:
		return "enum"
	case KindStruct:
		return "complex"
	case KindRaw:
		return "fallback"
	}
	return "unknown"
}

// Primitive is a canonical Edm primitive name.
type Primitive string

// The Edm primitives the generator knows.
const (
	String         Primitive = "String"
	Boolean        Primitive = "Boolean"
	Byte           Primitive = "Byte"
	Int16          Primitive = "Int16"
	Int32          Primitive = "Int32"
	Int64          Primitive = "Int64"
	Single         Primitive = "Single"
	Double         Primitive = "Double"
	Decimal        Primitive = "Decimal"
	Guid           Primitive = "Guid"
	DateTimeOffset Primitive = "DateTimeOffset"
	Date           Primitive = "Date"
	TimeOfDay      Primitive = "TimeOfDay"
	Duration       Primitive = "Duration"
	Binary         Primitive = "Binary"
	Stream         Primitive = "Stream"
	JSON           Primitive = "Json"
)

// TypeRef is the type of a field.
type TypeRef struct {
	Kind       Kind
	Primitive  Primitive // KindPrimitive
	Enum       *Enum     // KindEnum
	Struct     *Struct   // KindStruct
	Collection bool
}

// Enum is a named string type with a closed set of documented members.
type Enum struct {
	Name     string // Go name, unique in the package
	WireName string // declared name, "endpointType"; for an inline list, "<type>.<property>"
	Doc      string
	File     string // Go file name
	Source   diag.Pos
	Members  []*Member
}

// Member is one enum value.
type Member struct {
	Name  string // Go constant name, "EndpointTypeVoicemail"
	Value string // the wire value, "voicemail"
	Doc   string
	Pos   diag.Pos
}

// SupportNames are the package-level names the support code of every
// generated package declares, exported or not, as read from its source.
// Resolution gives no type, enum or constant these names, and emission
// checks that it did not. The slice is new on each call.
func SupportNames() []string { return mustSupport(templates.SupportNames()) }

// SupportMembers are the field and method names every generated struct has,
// or may have, besides the fields of its properties (MarshalJSON,
// AdditionalData, ...), as read from the source of the support code. No
// property takes them. The slice is new on each call.
func SupportMembers() []string { return mustSupport(templates.SupportMembers()) }

// mustSupport returns names, or panics: the support code is Go compiled and
// tested with graphgen and embedded in it, so failing to read it is a defect
// of graphgen, which no input can cause.
func mustSupport(names []string, err error) []string {
	if err != nil {
		panic("graphgen: reading the embedded support code: " + err.Error())
	}
	return names
}
