package support

import (
	"reflect"
	"unsafe"
)

// Nullable is a JSON member that is absent, explicitly null, or set to a
// value, which may be the zero value of T. The API treats the three
// differently (null clears a property, absence leaves it alone), so a plain
// T or *T cannot stand for a member. The zero Nullable is absent.
//
// Its two fields are its whole state, exported as those of sql.Null are:
// Ptr points to the value, and is nil when the member is absent or null;
// Null says which of the two. A Nullable with both set is a value: Ptr
// wins. Since the fields are exported, go-cmp compares Nullables, and so
// the generated structs, with no option, following Ptr to the value.
//
// Build one with Some, Null or FromPtr, or as a literal. Read one with
// Value, which chains (m.From.Value().EmailAddress.Value().Address.Value()),
// or Get, IsSet, IsNull and IsAbsent. The MarshalJSON and UnmarshalJSON
// methods of the struct that holds it encode and decode it, so a Nullable is
// encoded as a member of a generated struct, not on its own.
//
// Value is its only method, with a pointer receiver: the compiler builds
// each method of each of the hundreds of instantiations of Nullable in a
// package, and a method with a value receiver costs it twice as much (see
// the README's "Using a generated package").
//
// Nothing in this package writes through Ptr, so setting a copy never
// changes the original; but a copy shares the value Ptr points to, as with
// any Go pointer, and the elements of a collection, as with any Go slice.
//
// Nullable, and so every struct that holds one, cannot be compared with ==,
// which would compare the pointers rather than the values: use go-cmp, or
// reflect.DeepEqual.
type Nullable[T any] struct {
	// Ptr points to the value; nil when the member is absent or null.
	Ptr *T
	// Null reports, when Ptr is nil, that the member is null rather than
	// absent.
	Null bool
	_    [0]func()
}

// Value returns a pointer to a copy of the value of n, or to a new zero T
// when n is absent or null; never nil. So a read chains from left to right
// through absent members, whatever their depth:
//
//	addr := *m.From.Value().EmailAddress.Value().Address.Value()
//
// It returns a pointer, and takes one, so that the result of one call is
// addressable for the next: a method with a value receiver would cost twice
// as much to compile. Writing through the result changes neither n nor
// its copies; but what the copy points to is shared, as with any Go
// pointer: a struct held through a family interface, for one.
//
// For a member of a base type's interface that holds nothing (absent,
// null, or a nil interface or pointer), the result points to a new zero
// value of the base, so that the chain goes on through its As method:
//
//	name := *(*s.CreatedBy.Value()).AsIdentitySet().User.Value()
//
// The check costs a call at run time, and nothing measurable to compile.
func (n *Nullable[T]) Value() *T {
	v := new(T)
	if n.Ptr != nil {
		*v = *n.Ptr
	}
	baseIfEmpty(v)
	return v
}

// baseIfEmpty sets the family value p points to, when it holds no value
// (a nil interface, or a nil pointer), to a new zero value of the family's
// base, so that a read through an absent member of a base type's
// interface chains as through any other: (*x.Value()).AsIdentitySet()
// cannot be called on a nil interface. It leaves other interfaces alone.
func baseIfEmpty(p any) {
	v := reflect.ValueOf(p).Elem()
	if v.Kind() != reflect.Interface || !v.IsNil() && (v.Elem().Kind() != reflect.Pointer || !v.Elem().IsNil()) {
		return
	}
	if base := familyBase(v.Type()); base != nil {
		v.Set(reflect.New(base))
	}
}

// Some returns a Nullable set to v.
func Some[T any](v T) Nullable[T] { return Nullable[T]{Ptr: &v} }

// Null returns a Nullable that is explicitly null.
func Null[T any]() Nullable[T] { return Nullable[T]{Null: true} }

// FromPtr returns a Nullable set to a copy of *p, or an absent one when p
// is nil: absent, rather than null, because a nil pointer is how Go code
// says "no value", and an absent member leaves the property as it is.
func FromPtr[T any](p *T) Nullable[T] {
	if p == nil {
		return Nullable[T]{}
	}
	return Some(*p)
}

// Get returns the value of n and whether it has one.
func Get[T any](n Nullable[T]) (T, bool) {
	if n.Ptr == nil {
		var zero T
		return zero, false
	}
	return *n.Ptr, true
}

// Or returns the value of n, or def when n is absent or null.
func Or[T any](n Nullable[T], def T) T {
	if n.Ptr == nil {
		return def
	}
	return *n.Ptr
}

// IsSet reports whether n holds a value.
func IsSet[T any](n Nullable[T]) bool { return n.Ptr != nil }

// IsNull reports whether n is explicitly null.
func IsNull[T any](n Nullable[T]) bool { return n.Ptr == nil && n.Null }

// IsAbsent reports whether n is absent, which is when MarshalJSON leaves
// the member out.
func IsAbsent[T any](n Nullable[T]) bool { return n.Ptr == nil && !n.Null }

// nullableHeader has the layout of every Nullable[T], whatever T, so that
// unmarshalObject can set a Nullable it only knows through reflection
// without an instantiation for each T. TestNullableLayout checks that the
// two layouts agree.
type nullableHeader struct {
	v    unsafe.Pointer
	null bool
	_    [0]func()
}
