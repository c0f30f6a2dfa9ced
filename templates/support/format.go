package support

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// formatObject returns the struct x points to as a person reads it: the
// String method of each generated struct, and so fmt's %v of one, is this.
// fmt on its own would print each Nullable as its two fields, the value as
// an address.
//
// It reads as fmt's %+v of plain structs with the pointers followed:
// members by Go name, those of embedded bases first, absent ones left out
// and null ones written null; strings and enums quoted, as a string with
// spaces or none at all would be unreadable bare; times, dates, durations
// and binary values in their wire form; a value held by a family
// interface after the name of its type; AdditionalData as a map of raw
// JSON by quoted key, sorted, last:
//
//	{ID:"AAMk" Subject:"Lunch?" IsRead:false From:{EmailAddress:{Address:"a@b.c"}} AdditionalData:map["@odata.etag":"W/\"1\""]}
//
// What the text holds of the values is escaped, quoted or checked JSON,
// so that a value decoded from a payload cannot write a line break or a
// terminal escape into a log. A value that holds itself is written
// <cycle> where it is met again, and past formatLimit bytes the text is
// cut, so that a value Go code built, reaching its parts by very many
// paths, cannot take all the memory of a log call.
func formatObject(x any) string {
	var f formatter
	f.object(reflect.ValueOf(x).Elem())
	return f.b.String()
}

// formatLimit is the length past which formatObject cuts its text, far
// over what a real payload takes (the text of a value is about as long
// as its JSON).
const formatLimit = 16 << 20

type formatter struct {
	b strings.Builder
	// onPath holds the values being written that were reached through a
	// pointer, so that a value that holds itself ends.
	onPath map[pointerKey]bool
	cut    bool // the text was cut at formatLimit
}

// pointerKey is a value reached through a pointer, by address and type (a
// struct and its first field share an address).
type pointerKey struct {
	p unsafe.Pointer
	t reflect.Type
}

// object writes the struct v, its AdditionalData last, as MarshalJSON
// writes it, though the root of its chain of bases declares it.
func (f *formatter) object(v reflect.Value) {
	f.b.WriteByte('{')
	var extra reflect.Value
	first := f.members(v, true, &extra)
	if extra.IsValid() && extra.Len() > 0 {
		f.name(additionalData.Name, first)
		f.rawMap(extra)
	}
	f.b.WriteByte('}')
}

// members writes the members of the struct v, those of its embedded bases
// first, each after a space but the first, and reports whether none was
// written. It sets *extra to the AdditionalData field it meets.
func (f *formatter) members(v reflect.Value, first bool, extra *reflect.Value) bool {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		fv := v.Field(i)
		switch {
		case sf.Anonymous && sf.Type.Kind() == reflect.Struct:
			first = f.members(fv, first, extra)
			continue
		case !sf.IsExported():
			continue
		case isNullable(sf.Type) && fv.Field(0).IsNil() && !fv.Field(1).Bool():
			continue // absent
		case sf.Name == additionalData.Name && sf.Type == additionalData.Type:
			*extra = fv
			continue
		default:
			f.name(sf.Name, first)
			f.value(fv)
		}
		first = false
	}
	return first
}

func (f *formatter) name(name string, first bool) {
	if !first {
		f.b.WriteByte(' ')
	}
	f.b.WriteString(name)
	f.b.WriteByte(':')
}

// pointee writes the value the non-nil pointer p points to.
func (f *formatter) pointee(p reflect.Value) {
	if leaf(p.Type().Elem()) {
		f.value(p.Elem()) // it cannot lead back
		return
	}
	key := pointerKey{p.UnsafePointer(), p.Type()}
	if f.onPath[key] {
		f.b.WriteString("<cycle>")
		return
	}
	if f.onPath == nil {
		f.onPath = make(map[pointerKey]bool)
	}
	f.onPath[key] = true
	f.value(p.Elem())
	delete(f.onPath, key)
}

// value writes v.
func (f *formatter) value(v reflect.Value) {
	if f.b.Len() > formatLimit {
		if !f.cut {
			f.b.WriteString("…(cut)")
			f.cut = true
		}
		return
	}
	t := v.Type()
	switch {
	case isNullable(t):
		// Absent only when it is not a member, which is left out: an
		// element of a collection of one's own.
		switch ptr := v.Field(0); {
		case !ptr.IsNil():
			f.pointee(ptr)
		case v.Field(1).Bool():
			f.b.WriteString("null")
		default:
			f.b.WriteString("absent")
		}
		return
	case t == timeType:
		f.b.WriteString(v.Interface().(time.Time).Format(time.RFC3339Nano))
		return
	case t == numberType && v.Len() > 0:
		f.b.WriteString(v.String())
		return
	case t == rawType:
		f.raw(v.Bytes())
		return
	}
	switch t.Kind() {
	case reflect.String:
		f.b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		f.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		f.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if v.Len() == 0 {
				f.b.WriteString(`""`)
			} else {
				f.b.WriteString(base64.StdEncoding.EncodeToString(v.Bytes()))
			}
			return
		}
		f.b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				f.b.WriteByte(' ')
			}
			f.value(v.Index(i))
		}
		f.b.WriteByte(']')
	case reflect.Interface:
		e := v.Elem()
		switch {
		case !e.IsValid(), e.Kind() == reflect.Pointer && e.IsNil():
			f.b.WriteString("nil")
		case e.Kind() == reflect.Pointer:
			if isObject(e.Type().Elem()) {
				f.b.WriteString(e.Type().Elem().Name())
			}
			f.pointee(e)
		default:
			if isObject(e.Type()) {
				f.b.WriteString(e.Type().Name())
			}
			f.value(e)
		}
	case reflect.Struct:
		switch {
		case isObject(t):
			f.object(v)
		case t.PkgPath() == pkgPath && t.Implements(stringerType):
			// Date, TimeOfDay and Duration, in their wire form.
			f.b.WriteString(v.Interface().(fmt.Stringer).String())
		default:
			fmt.Fprint(&f.b, v.Interface())
		}
	default:
		// Floats, and what no generated package holds.
		fmt.Fprint(&f.b, v.Interface())
	}
}

// rawMap writes a map of raw JSON values, sorted by key.
func (f *formatter) rawMap(m reflect.Value) {
	keys := make([]string, 0, m.Len())
	for _, k := range m.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	f.b.WriteString("map[")
	for i, k := range keys {
		if i > 0 {
			f.b.WriteByte(' ')
		}
		f.b.WriteString(strconv.Quote(k))
		f.b.WriteByte(':')
		f.raw(m.MapIndex(reflect.ValueOf(k)).Bytes())
	}
	f.b.WriteByte(']')
}

// raw writes JSON text compacted, what is not printable in it escaped as
// JSON escapes it (\u2028, \ufffd for a byte that is not UTF-8), or quoted
// when it is not JSON.
func (f *formatter) raw(data []byte) {
	var c bytes.Buffer
	if len(data) == 0 || json.Compact(&c, data) != nil {
		f.b.WriteString(strconv.Quote(string(data)))
		return
	}
	// Compact leaves only JSON's own syntax outside strings, so what is
	// not printable is inside one, where an escape means the same.
	for s := c.Bytes(); len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		switch {
		case r == utf8.RuneError && size == 1:
			f.b.WriteString(`\ufffd`)
		case !unicode.IsPrint(r) && r != ' ':
			for _, u := range utf16.AppendRune(nil, r) {
				fmt.Fprintf(&f.b, `\u%04x`, u)
			}
		default:
			f.b.Write(s[:size])
		}
		s = s[size:]
	}
}

var stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
