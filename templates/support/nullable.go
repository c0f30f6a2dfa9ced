package support

import "unsafe"

// Nullable is a JSON member that is absent, explicitly null, or set to a
// value, which may be the zero value of T. The API treats the three
// differently (null clears a property, absence leaves it alone), so a plain
// T or *T cannot stand for a member. The zero Nullable is absent.
//
// Build one with Some or Null, and read it with Get, Value, IsSet, IsNull
// and IsAbsent. Nullable has no methods: the MarshalJSON and UnmarshalJSON
// methods of the struct that holds it encode and decode it, so a Nullable
// is encoded as a member of a generated struct, not on its own.
//
// The value is held through a pointer so that two struct types may hold each
// other. Nothing in this package writes through that pointer, so setting a
// copy never changes the original; but, as with any Go slice, a copy shares
// the elements of a collection it holds, and so do the slices Get and Value
// return: change an element through one and the other sees it.
//
// Nullable, and so every struct that holds one, cannot be compared with ==,
// which would compare the pointers rather than the values.
type Nullable[T any] struct {
	v    *T
	null bool
	_    [0]func()
}

// Some returns a Nullable set to v.
func Some[T any](v T) Nullable[T] { return Nullable[T]{v: &v} }

// Null returns a Nullable that is explicitly null.
func Null[T any]() Nullable[T] { return Nullable[T]{null: true} }

// Get returns the value of n and whether it has one.
func Get[T any](n Nullable[T]) (T, bool) {
	if n.v == nil {
		var zero T
		return zero, false
	}
	return *n.v, true
}

// Value returns the value of n, or the zero value of T when n is absent or
// null.
func Value[T any](n Nullable[T]) T {
	v, _ := Get(n)
	return v
}

// IsSet reports whether n holds a value.
func IsSet[T any](n Nullable[T]) bool { return n.v != nil }

// IsNull reports whether n is explicitly null.
func IsNull[T any](n Nullable[T]) bool { return n.null }

// IsAbsent reports whether n is absent, which is when MarshalJSON leaves
// the member out.
func IsAbsent[T any](n Nullable[T]) bool { return n.v == nil && !n.null }

// nullableHeader has the layout of every Nullable[T], whatever T, so that
// unmarshalObject can set a Nullable it only knows through reflection:
// reflect does not set unexported fields. TestNullableLayout checks
// that the two layouts agree.
type nullableHeader struct {
	v    unsafe.Pointer
	null bool
	_    [0]func()
}
