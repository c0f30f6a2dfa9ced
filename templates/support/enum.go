package support

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// EnumError reports a value that is not a declared member of an enum type.
type EnumError struct {
	// Path is the JSON path of the value, "participants[0].endpointType".
	// It is empty for an enum value decoded on its own.
	Path  string
	Type  string   // the Go name of the enum type
	Value string   // the value found
	Want  []string // the declared members
}

// Error returns the path, the value, and the members the value may take.
func (e *EnumError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%q is not a valid %s", e.Value, e.Type)
	if len(e.Want) == 0 {
		b.WriteString(" (it declares no members)")
		return b.String()
	}
	b.WriteString(" (want one of ")
	for i, w := range e.Want {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(w))
	}
	b.WriteString(")")
	return b.String()
}

// pkgPath is the import path of this package, which tells its types from
// others of the same name.
var pkgPath = reflect.TypeOf((*EnumError)(nil)).Elem().PkgPath()

// enumOf returns the members of the enum type t, and whether t is one.
func enumOf(t reflect.Type) ([]string, bool) {
	if t.Kind() != reflect.String || t.PkgPath() != pkgPath {
		return nil, false
	}
	enumIndexOnce.Do(func() {
		enumIndex = make(map[string][]string, len(enumTable))
		for _, e := range enumTable {
			enumIndex[e.name] = e.members
		}
	})
	m, ok := enumIndex[t.Name()]
	return m, ok
}

// enumEntry is an enum type of the package, by Go name, and its members in
// declaration order: a row of enumTable.
type enumEntry struct {
	name    string
	members []string
}

// enumIndex holds the members of each enum type, by Go name. It is made on
// first use from enumTable.
var (
	enumIndexOnce sync.Once
	enumIndex     map[string][]string
)

// IsValid reports whether e is a declared member of its enum type. It
// reports false for a type that is not an enum of this package.
func IsValid[E ~string](e E) bool {
	m, _ := enumOf(reflect.TypeFor[E]())
	return contains(m, string(e))
}

// Values returns the members of the enum type E in declaration order, in a
// new slice on each call, so a caller may change it. It returns nil for a
// type that is not an enum of this package.
func Values[E ~string]() []E {
	m, _ := enumOf(reflect.TypeFor[E]())
	var vs []E
	for _, v := range m {
		vs = append(vs, E(v))
	}
	return vs
}

// newEnumError returns the error for v, a value of the enum type t, whose
// members are want, found at path.
func newEnumError(path string, t reflect.Type, v string, want []string) *EnumError {
	return &EnumError{Path: path, Type: t.Name(), Value: v, Want: append([]string(nil), want...)}
}

// decodeEnum decodes a JSON string into e, rejecting a value that is not a
// member with an *EnumError. It is the UnmarshalJSON method of the enum types
// of a package generated with strict enums.
func decodeEnum[E ~string](data []byte, e *E) error {
	if string(data) == "null" {
		return nil // leave e alone, as encoding/json does with null
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	t := reflect.TypeFor[E]()
	if m, _ := enumOf(t); !contains(m, s) {
		return newEnumError("", t, s, m)
	}
	*e = E(s)
	return nil
}

// contains reports whether list holds s: slices.Contains, whose
// instantiation would be compiled into every generated package.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
