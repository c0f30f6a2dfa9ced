package support

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// The codec of the generated types is written once here, for every type,
// rather than as methods of each type, which the compiler would build
// for each of the thousand structs of a package (see doc.go). It is as
// fast as per-type code would be because the reflection is done once per
// type: a codec is a plan of how a type is read and written, made the first
// time the type is met and cached, holding the offset, JSON name and codec
// of each member. Decoding and encoding then follow the plans with pointer
// arithmetic (decode.go, encode.go), reading and writing each byte of the
// JSON once, and calling encoding/json only for a type of another package.

// codecKind is how a value is read and written.
type codecKind uint8

const (
	kindFallback  codecKind = iota // any other type: encoding/json does it
	kindString                     // string, and an enum without a method of its own
	kindEnum                       // an enum of a package with strict enums, which rejects non-members
	kindBool                       // bool
	kindInt                        // int, int8 to int64
	kindUint                       // uint8 to uint64
	kindFloat                      // float32, float64
	kindNumber                     // json.Number, an Edm.Decimal
	kindTime                       // time.Time, an Edm.DateTimeOffset
	kindDate                       // Date
	kindTimeOfDay                  // TimeOfDay
	kindDuration                   // Duration
	kindBytes                      // []byte, an Edm.Binary, in base64
	kindRaw                        // json.RawMessage
	kindSlice                      // a collection, []T
	kindObject                     // a generated struct, or Collection
	kindFamily                     // the interface of a family of derived types
)

// codec is the plan of one Go type.
type codec struct {
	kind codecKind
	typ  reflect.Type
	size uintptr // of a value of typ
	// For kindSlice, the codec of an element.
	elem *codec
	// For kindObject, the members.
	obj *objectPlan
	// For kindFamily, the base type, whose codec decodes a value whose
	// "@odata.type" names no type of the family, and how a value of it is
	// held in the interface.
	base      *codec
	baseEntry *familyEntry
	// For kindEnum, the members.
	members []string
	// For kindObject, the "@odata.type" a value of this type held as a
	// family interface whose base is another type is written with when it
	// has none: "#microsoft.graph.ipNamedLocation". Empty for a type
	// typeTable does not list.
	odataName string
	// sizeHint is the length of the last value of the type encoded on its
	// own, the size its next buffer starts at.
	sizeHint atomic.Int64
}

// objectPlan is how a generated struct is read and written: its members
// in declaration order, those of embedded bases first, as encoding/json
// orders them, and where its additional data is.
type objectPlan struct {
	members   []memberPlan
	byName    map[string]int // index in members of each JSON name
	extra     uintptr        // offset of the AdditionalData field, when hasExtra
	hasExtra  bool
	odataType int // index in members of "@odata.type"; -1 when it has none
}

// memberPlan is one member of a generated struct: a Nullable field, or a
// plain one, such as the Value of a Collection.
type memberPlan struct {
	name     string
	key      []byte // the JSON name as encoded, with its colon
	off      uintptr
	nullable bool   // a Nullable[T], whose codec is that of T
	c        *codec // of T, or of the field's type
}

// codecs caches the codec of each type. A map under a lock rather than a
// sync.Map: see doc.go. Lookups are rare: a codec points to those of its
// members, so one decoding or encoding looks up the codec of its top
// value, and of each family value it meets.
var (
	codecsMu sync.RWMutex
	codecs   = map[reflect.Type]*codec{}
)

// codecOf returns the codec of the type t.
func codecOf(t reflect.Type) *codec {
	codecsMu.RLock()
	c := codecs[t]
	codecsMu.RUnlock()
	if c != nil {
		return c
	}
	codecsMu.Lock()
	defer codecsMu.Unlock()
	return buildCodec(t)
}

var (
	timeType    = reflect.TypeOf((*time.Time)(nil)).Elem()
	numberType  = reflect.TypeOf((*json.Number)(nil)).Elem()
	rawType     = reflect.TypeOf((*json.RawMessage)(nil)).Elem()
	unmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	marshaler   = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
)

// buildCodec makes the codec of t and of the types it holds, with codecsMu
// held. A codec is stored before its members are made, so that a type
// that holds itself (a node's parent) finds it; no one reads it before the
// lock is released, by which time it is whole.
func buildCodec(t reflect.Type) *codec {
	if c := codecs[t]; c != nil {
		return c
	}
	c := &codec{typ: t, size: t.Size()}
	codecs[t] = c
	switch {
	case t == timeType:
		c.kind = kindTime
	case t == numberType:
		c.kind = kindNumber
	case t == rawType:
		c.kind = kindRaw
	case t == reflect.TypeOf((*Date)(nil)).Elem():
		c.kind = kindDate
	case t == reflect.TypeOf((*TimeOfDay)(nil)).Elem():
		c.kind = kindTimeOfDay
	case t == reflect.TypeOf((*Duration)(nil)).Elem():
		c.kind = kindDuration
	case isObject(t):
		c.kind = kindObject
		c.obj = &objectPlan{byName: map[string]int{}, odataType: -1}
		c.obj.add(t, 0)
		if e := typeEntryOf(t); e != nil {
			c.odataName = "#" + e.name
		}
	case familyBase(t) != nil:
		c.kind = kindFamily
		c.base = buildCodec(familyBase(t))
		c.baseEntry = &familyEntry{c: c.base, tab: methodTable(t, c.base.typ)}
	case implementsJSON(t):
		// A type of its own with JSON methods, which must be used; an enum
		// of a package with strict enums among them, whose method this
		// codec does itself.
		if m, ok := enumOf(t); ok && t.Kind() == reflect.String {
			c.kind, c.members = kindEnum, m
		}
	case t.Kind() == reflect.String:
		c.kind = kindString
	case t.Kind() == reflect.Bool:
		c.kind = kindBool
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		c.kind = kindInt
	case t.Kind() >= reflect.Uint8 && t.Kind() <= reflect.Uint64:
		c.kind = kindUint
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		c.kind = kindFloat
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		if t.Elem() == reflect.TypeOf(uint8(0)) {
			c.kind = kindBytes
		}
	case t.Kind() == reflect.Slice:
		c.kind = kindSlice
		c.elem = buildCodec(t.Elem())
	}
	return c
}

// implementsJSON reports whether t, or a pointer to it, has a JSON method.
func implementsJSON(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(unmarshaler) || p.Implements(marshaler)
}

// add adds the members of the struct type t, found at offset off.
func (plan *objectPlan) add(t reflect.Type, off uintptr) {
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			// An embedded base: its members sit in the same JSON object.
			plan.add(f.Type, off+f.Offset)
		case f.Name == additionalData.Name && f.Type == additionalData.Type:
			plan.extra, plan.hasExtra = off+f.Offset, true
		case f.IsExported():
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			m := memberPlan{name: name, key: encodedKey(name), off: off + f.Offset}
			if isNullable(f.Type) {
				m.nullable, m.c = true, buildCodec(f.Type.Field(0).Type.Elem())
			} else {
				m.c = buildCodec(f.Type)
			}
			if name == "@odata.type" {
				plan.odataType = len(plan.members)
			}
			plan.byName[name] = len(plan.members)
			plan.members = append(plan.members, m)
		}
	}
}

// familyEntry is how a value of one type of a family is held in the
// family's interface: the codec of the struct type, and the interface's
// method table for a pointer to it, so that the decoder sets the interface
// without reflection.
type familyEntry struct {
	c   *codec
	tab unsafe.Pointer
}

// familyKey is a type of a family, held as the family's interface.
type familyKey struct {
	iface, typ reflect.Type
}

// families caches the familyEntry of each type of each family, and the
// type each "@odata.type" seen that names a type chooses, by family
// interface and spelling, so that a value's tag costs one lookup.
var (
	familiesMu  sync.RWMutex
	families    = map[familyKey]*familyEntry{}
	familyByTag = map[familyTag]*familyEntry{}
)

// familyTag is an "@odata.type" as written, in a family.
type familyTag struct {
	iface reflect.Type
	tag   string
}

// maxFamilyTags bounds familyByTag, which input could otherwise grow with
// spellings of one name in every case. Only spellings that name a type of
// typeTable are cached, so each is no longer than "#" and the longest
// name: the cache holds at most a few hundred kilobytes, whatever the
// input.
const maxFamilyTags = 4096

// ifaceWords is the layout of a Go interface value with methods.
type ifaceWords struct {
	tab, data unsafe.Pointer
}

// familyMember returns the familyEntry of the struct type s in the family
// of the interface c.typ.
func familyMember(c *codec, s reflect.Type) *familyEntry {
	k := familyKey{c.typ, s}
	familiesMu.RLock()
	e := families[k]
	familiesMu.RUnlock()
	if e != nil {
		return e
	}
	e = &familyEntry{c: codecOf(s), tab: methodTable(c.typ, s)}
	familiesMu.Lock()
	families[k] = e
	familiesMu.Unlock()
	return e
}

// methodTable returns the method table of the interface type iface for a
// pointer to the struct type s: that of any value of the type in the
// interface.
func methodTable(iface, s reflect.Type) unsafe.Pointer {
	v := reflect.New(iface).Elem()
	v.Set(reflect.Zero(reflect.PointerTo(s)))
	return (*ifaceWords)(v.Addr().UnsafePointer()).tab
}

// familyTagged returns the familyEntry of the type a value of the family
// of the interface c.typ is decoded as, given its "@odata.type": the type
// it names when that type is in the family, and the base otherwise, which
// keeps every member all the same, those it does not declare in
// AdditionalData.
func familyTagged(c *codec, tag string) *familyEntry {
	familiesMu.RLock()
	e := familyByTag[familyTag{c.typ, tag}]
	familiesMu.RUnlock()
	if e != nil {
		return e
	}
	s, named := typeNamed(tag)
	if !named {
		// A tag naming no type, which input may spell in endless ways:
		// the base, and nothing cached.
		return c.baseEntry
	}
	if !reflect.PointerTo(s).Implements(c.typ) {
		s = c.base.typ // a type of another family
	}
	e = familyMember(c, s)
	familiesMu.Lock()
	if len(familyByTag) < maxFamilyTags {
		familyByTag[familyTag{c.typ, strings.Clone(tag)}] = e
	}
	familiesMu.Unlock()
	return e
}
