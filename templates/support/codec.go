package support

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// object is the method set graphgen gives every generated struct, each
// method one line calling marshalObject, unmarshalObject, Validate or
// formatObject.
type object interface {
	MarshalJSON() ([]byte, error)
	UnmarshalJSON(data []byte) error
	Validate() error
	String() string
}

// objectFields are the fields graphgen gives a generated struct besides those
// of its properties: ODataType, the "@odata.type" member, on a struct whose
// chain has one, and AdditionalData, on the root of every chain. As with the methods of
// object, no property may take their names: graphgen reads them from here.
type objectFields struct {
	ODataType      Nullable[string]           `json:"@odata.type,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// additionalData is the field of the root of every chain that holds the
// members no field declares.
var additionalData, _ = reflect.TypeOf((*objectFields)(nil)).Elem().FieldByName("AdditionalData")

// objectInfo is how Validate walks a generated struct type: its members in
// declaration order, those of embedded bases first, as encoding/json orders
// them, and where its additional data is.
type objectInfo struct {
	members []memberInfo
	byName  map[string]int // index in members of each JSON name
	extra   []int          // index of the AdditionalData field; nil for a struct without one
}

// memberInfo is one member of a generated struct: a Nullable field, or a
// plain one, such as the Value of a Collection.
type memberInfo struct {
	name  string       // the JSON name
	key   []byte       // the JSON name as encoded, with its colon
	index []int        // for reflect.Value.FieldByIndex
	elem  reflect.Type // the T of the field's Nullable[T]; the field's type if plain
	plain bool         // not a Nullable: always written, and null leaves it alone
}

// objectInfos caches the objectInfo of each struct type.
var (
	objectInfosMu sync.RWMutex
	objectInfos   = map[reflect.Type]*objectInfo{}
)

// objectInfoOf returns the objectInfo of the struct type t.
func objectInfoOf(t reflect.Type) *objectInfo {
	objectInfosMu.RLock()
	info, ok := objectInfos[t]
	objectInfosMu.RUnlock()
	if ok {
		return info
	}
	info = &objectInfo{byName: map[string]int{}}
	info.add(t, nil)
	objectInfosMu.Lock()
	defer objectInfosMu.Unlock()
	if stored, ok := objectInfos[t]; ok {
		return stored
	}
	objectInfos[t] = info
	return info
}

// add adds the members of the struct type t, found at index.
func (info *objectInfo) add(t reflect.Type, index []int) {
	for i := range t.NumField() {
		f := t.Field(i)
		at := append(index[:len(index):len(index)], i)
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			// An embedded base: its members sit in the same JSON object.
			info.add(f.Type, at)
		case f.Name == additionalData.Name && f.Type == additionalData.Type:
			info.extra = at
		case f.IsExported():
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			m := memberInfo{name: name, key: encodedKey(name), index: at, elem: f.Type, plain: true}
			if isNullable(f.Type) {
				m.elem, m.plain = f.Type.Field(0).Type.Elem(), false
			}
			info.byName[name] = len(info.members)
			info.members = append(info.members, m)
		}
	}
}

// encodedKey returns the JSON object key k, as encoded, and its colon.
func encodedKey(k string) []byte {
	b, _ := json.Marshal(k)
	return append(b, ':')
}

// isNullable reports whether t is an instantiation of Nullable.
func isNullable(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == pkgPath && strings.HasPrefix(t.Name(), "Nullable[")
}

// marshalObject writes the struct x points to as a JSON object: its members
// in declaration order, those of bases first, leaving absent ones out and
// writing null ones as null, then its additional data sorted by key, so
// that the output does not depend on map order.
func marshalObject(x any) ([]byte, error) {
	v := reflect.ValueOf(x)
	return encode(codecOf(v.Type().Elem()), v.UnsafePointer())
}

// unmarshalObject decodes the JSON object data into the struct x points to:
// each declared member into its field, JSON null as an explicit null, and
// every other member, instance annotations included, into AdditionalData,
// which every generated struct has or inherits. Member names match exactly,
// so no member is taken for a field that differs only in case. A JSON null
// leaves the struct unchanged, as encoding/json does, and so does an
// error: the value is decoded into a new struct, copied into x when whole.
//
// The generated structs and collections inside are decoded here too, in the
// same pass over data, rather than each by its own UnmarshalJSON: that
// would scan every nested object again at each level, which costs time
// growing with the square of the depth.
//
// encoding/json does not pass the options of a json.Decoder to UnmarshalJSON
// methods, so DisallowUnknownFields does not apply to generated structs.
func unmarshalObject(data []byte, x any) error {
	xv := reflect.ValueOf(x)
	t := xv.Type().Elem()
	c := codecOf(t)
	d := decoder{data: data}
	// A zero x, as most are, is decoded in place, and set back to zero on
	// an error; any other, into a new value copied into it when whole.
	inPlace := isZeroMemory(xv.UnsafePointer(), c.size)
	for {
		v := xv
		if !inPlace {
			v = reflect.New(t)
		}
		null, err := d.top(c, v.UnsafePointer())
		if err == errRestart {
			xv.Elem().SetZero()
			d.restart()
			continue
		}
		if err != nil {
			if inPlace {
				xv.Elem().SetZero()
			}
			return finishError(err)
		}
		if !null && !inPlace {
			xv.Elem().Set(v.Elem())
		}
		return nil
	}
}

// isZeroMemory reports whether the size bytes at p are all zero.
func isZeroMemory(p unsafe.Pointer, size uintptr) bool {
	b := unsafe.Slice((*byte)(p), size)
	for len(b) >= 8 {
		if *(*uint64)(unsafe.Pointer(&b[0])) != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// isObject reports whether t is a generated struct, which is a JSON object:
// a struct of this package other than Nullable and the Edm types.
func isObject(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.PkgPath() != pkgPath || isNullable(t) {
		return false
	}
	switch t {
	case reflect.TypeOf((*Date)(nil)).Elem(), reflect.TypeOf((*TimeOfDay)(nil)).Elem(), reflect.TypeOf((*Duration)(nil)).Elem():
		return false
	}
	return true
}

// pathError returns err with the JSON path of the value it is about.
func pathError(path *jsonPath, err error) error {
	if path == nil {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// snippet returns the start of data, for an error message: the whole of a
// value that is not what was wanted may be megabytes.
func snippet(data []byte) string {
	const max = 40
	if len(data) <= max {
		return string(data)
	}
	return string(bytes.ToValidUTF8(data[:max], nil)) + "…"
}
