package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// object is the method set graphgen gives every generated struct, each
// method one line calling marshalObject, unmarshalObject or Validate.
type object interface {
	MarshalJSON() ([]byte, error)
	UnmarshalJSON(data []byte) error
	Validate() error
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
var additionalData, _ = reflect.TypeFor[objectFields]().FieldByName("AdditionalData")

// objectInfo is how a generated struct type is encoded: its members in
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
		at := append(slices.Clip(index), i)
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
//
// The generated structs and collections inside are written here too, into
// the same buffer, rather than each by its own MarshalJSON, whose output
// encoding/json would scan and copy again at each level, which costs time
// growing with the square of the depth.
func marshalObject(x any) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeStruct(&buf, reflect.ValueOf(x).Elem(), nil, ""); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encodeStruct writes v, a generated struct, to buf as a JSON object.
// odataType, when not empty, is written as its "@odata.type" if that is
// absent: v is held as a type derived from the one declared, which a
// reader could not tell otherwise.
func encodeStruct(buf *bytes.Buffer, v reflect.Value, path *jsonPath, odataType string) error {
	info := objectInfoOf(v.Type())
	buf.WriteByte('{')
	first := true
	key := func(k []byte) {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.Write(k)
	}
	if odataType != "" {
		if i, ok := info.byName["@odata.type"]; !ok || isAbsent(v.FieldByIndex(info.members[i].index)) {
			key(encodedKey("@odata.type"))
			b, _ := json.Marshal(odataType)
			buf.Write(b)
		}
	}
	for _, m := range info.members {
		f := v.FieldByIndex(m.index)
		if m.plain {
			key(m.key)
			if f.Kind() == reflect.Slice && f.IsNil() {
				buf.WriteString("[]") // the value of an empty Collection
				continue
			}
			if err := encodeValue(buf, f, &jsonPath{up: path, key: m.name}); err != nil {
				return err
			}
			continue
		}
		p := f.Field(0)
		switch {
		case !p.IsNil():
			key(m.key)
			if err := encodeValue(buf, reflect.NewAt(m.elem, p.UnsafePointer()).Elem(), &jsonPath{up: path, key: m.name}); err != nil {
				return err
			}
		case f.Field(1).Bool():
			key(m.key)
			buf.WriteString("null")
		}
	}
	if info.extra != nil {
		extra := v.FieldByIndex(info.extra).Interface().(map[string]json.RawMessage)
		keys := make([]string, 0, len(extra))
		for k := range extra {
			// A member that a field declares is written from the field,
			// unless the field is absent: then nothing is lost either.
			if i, declared := info.byName[k]; !declared || isAbsent(v.FieldByIndex(info.members[i].index)) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !json.Valid(extra[k]) {
				return pathError(path, fmt.Errorf("additional member %q: invalid JSON %s", k, snippet(extra[k])))
			}
			key(encodedKey(k))
			buf.Write(extra[k]) // encoding/json compacts the whole object
		}
	}
	buf.WriteByte('}')
	return nil
}

// isAbsent reports whether the Nullable f is absent.
func isAbsent(f reflect.Value) bool {
	return f.Field(0).IsNil() && !f.Field(1).Bool()
}

// encodeValue writes v, which is addressable, to buf: a generated struct, a
// family value or a collection here, any other value with encoding/json, through a pointer,
// so that MarshalJSON methods with either receiver are used.
func encodeValue(buf *bytes.Buffer, v reflect.Value, path *jsonPath) error {
	t := v.Type()
	switch {
	case isObject(t):
		return encodeStruct(buf, v, path, "")
	case t.Kind() == reflect.Interface && familyBase(t) != nil:
		if v.IsNil() || v.Elem().IsNil() {
			buf.WriteString("null")
			return nil
		}
		if v.Elem().Kind() != reflect.Pointer || !isObject(v.Elem().Type().Elem()) {
			break // a type of another package that has the method
		}
		s := v.Elem().Elem()
		odataType := ""
		if e := typeEntryOf(s.Type()); s.Type() != familyBase(t) && e != nil {
			odataType = "#" + e.name
		}
		return encodeStruct(buf, s, path, odataType)
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		if v.IsNil() {
			buf.WriteString("null")
			return nil
		}
		buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encodeValue(buf, v.Index(i), &jsonPath{up: path, elem: true, index: i}); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	}
	b, err := json.Marshal(v.Addr().Interface())
	if err != nil {
		return pathError(path, err)
	}
	buf.Write(b)
	return nil
}

// unmarshalObject decodes the JSON object data into the struct x points to:
// each declared member into its field, JSON null as an explicit null, and
// every other member, instance annotations included, into AdditionalData,
// which every generated struct has or inherits. Member names match exactly,
// so no member is taken for a field that differs only in case. A JSON null
// leaves the struct unchanged, as encoding/json does.
//
// The generated structs and collections inside are decoded here too, in the
// same pass over data, rather than each by its own UnmarshalJSON: that
// would scan every nested object again at each level, which costs time
// growing with the square of the depth.
//
// encoding/json does not pass the options of a json.Decoder to UnmarshalJSON
// methods, so DisallowUnknownFields does not apply to generated structs.
func unmarshalObject(data []byte, x any) error {
	d := newDecoder(data)
	v := reflect.New(reflect.TypeOf(x).Elem()).Elem()
	null, err := d.object(v, nil)
	if err != nil || null {
		return err
	}
	reflect.ValueOf(x).Elem().Set(v)
	return nil
}

// decoder is the state of one decoding of a JSON value.
type decoder struct {
	dec  *json.Decoder
	data []byte
	// tags holds the "@odata.type" of each object of data, by offset (see
	// objectTags), made when a family value is first met.
	tags map[int64]string
}

func newDecoder(data []byte) *decoder {
	return &decoder{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
}

// object decodes the next value, an object, into v, a generated struct, and
// reports true, leaving v alone, if it is null. path is where the value is,
// for errors.
func (d *decoder) object(v reflect.Value, path *jsonPath) (null bool, err error) {
	if null, err := d.open(path); err != nil || null {
		return null, err
	}
	return false, d.members(v, path)
}

// open reads the "{" that starts the next value, or its null.
func (d *decoder) open(path *jsonPath) (null bool, err error) {
	tok, err := d.dec.Token()
	if err != nil || tok == nil {
		return tok == nil && err == nil, err
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return false, pathError(path, fmt.Errorf("cannot decode %s into an object: want a JSON object", tokenText(tok)))
	}
	return false, nil
}

// members decodes the members of an object, whose "{" is read, into v, a
// generated struct, up to its "}".
func (d *decoder) members(v reflect.Value, path *jsonPath) error {
	dec := d.dec
	info := objectInfoOf(v.Type())
	var extra map[string]json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		i, declared := info.byName[key]
		if !declared {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return err
			}
			if info.extra != nil {
				if extra == nil {
					extra = map[string]json.RawMessage{}
				}
				extra[key] = raw
			}
			continue
		}
		m := info.members[i]
		if m.plain {
			if _, err := d.value(v.FieldByIndex(m.index), &jsonPath{up: path, key: key}); err != nil {
				return err
			}
			continue
		}
		h := (*nullableHeader)(v.FieldByIndex(m.index).Addr().UnsafePointer())
		p := reflect.New(m.elem)
		null, err := d.value(p.Elem(), &jsonPath{up: path, key: key})
		switch {
		case err != nil:
			return err
		case null:
			*h = nullableHeader{null: true}
		default:
			*h = nullableHeader{v: p.UnsafePointer()}
		}
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	if extra != nil {
		v.FieldByIndex(info.extra).Set(reflect.ValueOf(extra))
	}
	return nil
}

// value decodes the next value into v and reports true, leaving v alone,
// if it is null: a generated struct, a family value or a collection here,
// any other value with encoding/json.
func (d *decoder) value(v reflect.Value, path *jsonPath) (null bool, err error) {
	dec := d.dec
	t := v.Type()
	switch {
	case isObject(t):
		return d.object(v, path)
	case t.Kind() == reflect.Interface:
		base := familyBase(t)
		if base == nil {
			break
		}
		if null, err := d.open(path); err != nil || null {
			return null, err
		}
		if d.tags == nil {
			d.tags = objectTags(d.data)
		}
		odataType, tagged := d.tags[dec.InputOffset()]
		p := reflect.New(memberType(t, base, odataType, tagged))
		if err := d.members(p.Elem(), path); err != nil {
			return false, err
		}
		v.Set(p)
		return false, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		tok, err := dec.Token()
		if err != nil || tok == nil {
			return tok == nil && err == nil, err
		}
		if delim, ok := tok.(json.Delim); !ok || delim != '[' {
			return false, pathError(path, fmt.Errorf("cannot decode %s into a collection: want a JSON array", tokenText(tok)))
		}
		s := reflect.MakeSlice(t, 0, 0)
		for i := 0; dec.More(); i++ {
			s = reflect.Append(s, reflect.Zero(t.Elem()))
			if _, err := d.value(s.Index(i), &jsonPath{up: path, elem: true, index: i}); err != nil {
				return false, err
			}
		}
		if _, err := dec.Token(); err != nil {
			return false, err
		}
		v.Set(s)
		return false, nil
	}
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return false, err
	}
	if string(raw) == "null" {
		return true, nil
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		var ee *EnumError
		if errors.As(err, &ee) {
			// An enum decoded on its own knows no path: give it the one
			// Validate would.
			return false, &EnumError{Path: path.String(), Type: ee.Type, Value: ee.Value, Want: ee.Want}
		}
		return false, pathError(path, err)
	}
	return false, nil
}

// isObject reports whether t is a generated struct, which is a JSON object:
// a struct of this package other than Nullable and the Edm types.
func isObject(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.PkgPath() != pkgPath || isNullable(t) {
		return false
	}
	switch t {
	case reflect.TypeFor[Date](), reflect.TypeFor[TimeOfDay](), reflect.TypeFor[Duration]():
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

// tokenText describes the value a JSON token starts, for an error message.
func tokenText(tok json.Token) string {
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return snippet([]byte(strconv.Quote(tok)))
	}
	return fmt.Sprint(tok)
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
