package support

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// A type with derived types is held, in a field, a collection or a
// Collection, as an interface that graphgen declares beside it, such as
//
//	type AnyNamedLocation interface{ AsNamedLocation() *NamedLocation }
//
// whose one method the base declares (returning itself) and every type
// derived from it inherits by embedding, so the interface is implemented
// by pointers to the base and to its derived types. (A type of another
// package may declare the method too; the codec writes such a value with
// encoding/json.) A family adds one method to its base and none to the
// derived types, whose promoted methods the compiler writes as wrappers.
// The codec reads "@odata.type" to choose the Go type of a value held that
// way: the type typeTable names, if it implements the interface, and the
// base otherwise.

// typeEntry is a struct type of the package, by OData name: a row of
// typeTable. ptr is a nil pointer of the type, which the compiler lays out
// as static data, where a constructor would be a function per type.
type typeEntry struct {
	name string // "microsoft.graph.ipNamedLocation"
	ptr  any    // (*IPNamedLocation)(nil)
	open bool   // an open type, or one derived from an open type
}

// typeIndex holds typeTable by lower-cased OData name and by Go type. It
// is made on first use.
var (
	typeIndexOnce sync.Once
	typesByName   map[string]reflect.Type
	typeInfos     map[reflect.Type]*typeEntry
)

func indexTypes() {
	typesByName = make(map[string]reflect.Type, len(typeTable))
	typeInfos = make(map[reflect.Type]*typeEntry, len(typeTable))
	for i := range typeTable {
		e := &typeTable[i]
		t := reflect.TypeOf(e.ptr).Elem()
		typesByName[strings.ToLower(e.name)] = t
		typeInfos[t] = e
	}
}

// typeNamed returns the struct type an "@odata.type" value names: with or
// without its "#", in any case, as the links between the pages resolve.
func typeNamed(odataType string) (reflect.Type, bool) {
	typeIndexOnce.Do(indexTypes)
	t, ok := typesByName[strings.ToLower(strings.TrimPrefix(odataType, "#"))]
	return t, ok
}

// typeEntryOf returns the row of typeTable of the struct type t, or nil.
func typeEntryOf(t reflect.Type) *typeEntry {
	typeIndexOnce.Do(indexTypes)
	return typeInfos[t]
}

// familyBase returns the base struct type of t when t is the interface of
// a family, and nil otherwise: the type its one method returns a pointer
// to.
func familyBase(t reflect.Type) reflect.Type {
	if t.Kind() != reflect.Interface || t.PkgPath() != pkgPath || t.NumMethod() != 1 {
		return nil
	}
	m := t.Method(0).Type
	if m.NumIn() != 0 || m.NumOut() != 1 || m.Out(0).Kind() != reflect.Pointer || !isObject(m.Out(0).Elem()) {
		return nil
	}
	return m.Out(0).Elem()
}

// objectTags returns the "@odata.type" of each object of data that has
// one, by the offset just after its "{". It is one pass over data, so that
// a family value can be decoded into the right type whatever the place of
// "@odata.type" among its members: reading ahead at each one instead would
// read a value nested n deep n times. The decoder makes it only for input
// where a family value has its tag after its first member (see
// decoder.family).
func objectTags(data []byte) map[int64]string {
	tags := map[int64]string{}
	var open []int64 // for each enclosing object, its offset; -1 for an array
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			open = append(open, int64(i+1))
		case '[':
			open = append(open, -1)
		case '}', ']':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case '"':
			end := stringEnd(data, i)
			// A string in an object followed by a colon is a key.
			if len(open) > 0 && open[len(open)-1] >= 0 {
				if j := skipSpace(data, end); j < len(data) && data[j] == ':' && isODataTypeKey(data[i:end]) {
					if k := skipSpace(data, j+1); k < len(data) && data[k] == '"' {
						vend := stringEnd(data, k)
						var s string
						if json.Unmarshal(data[k:vend], &s) == nil {
							tags[open[len(open)-1]] = s // the last wins, as in the field
						}
						end = vend
					}
				}
			}
			i = end - 1
		}
	}
	return tags
}

// stringEnd returns the offset after the JSON string that starts at i, or
// len(data) if it does not end.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// skipSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// isODataTypeKey reports whether the JSON string quoted is "@odata.type",
// escaped or not.
func isODataTypeKey(quoted []byte) bool {
	if bytes.Equal(quoted, []byte(`"@odata.type"`)) {
		return true
	}
	if bytes.IndexByte(quoted, '\\') < 0 {
		return false
	}
	var s string
	return json.Unmarshal(quoted, &s) == nil && s == "@odata.type"
}

// Unmarshal decodes the JSON value data into the variable v points to, as
// json.Unmarshal does, and also into a variable of a family interface
// (AnyNamedLocation), or a slice of them, which json.Unmarshal cannot: the
// value becomes a pointer to the type its "@odata.type" names, or to the
// base type when it names no type of the family or is absent. A JSON null
// leaves the variable alone. It is faster than json.Unmarshal on the
// generated types, whose input encoding/json scans twice before their
// UnmarshalJSON reads it.
func Unmarshal(data []byte, v any) error {
	p := reflect.ValueOf(v)
	if p.Kind() != reflect.Pointer || p.IsNil() {
		return fmt.Errorf("cannot decode into %T: want a non-nil pointer", v)
	}
	c := codecOf(p.Type().Elem())
	if c.kind == kindObject {
		return unmarshalObject(data, v) // as json.Unmarshal, which calls it
	}
	d := decoder{data: data}
	for {
		_, err := d.top(c, p.UnsafePointer())
		if err == errRestart {
			d.restart()
			continue
		}
		return finishError(err)
	}
}
