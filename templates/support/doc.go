// Package support is the support code of every package graphgen generates:
// Nullable, the Edm date and time types, the reflection-based JSON encoding
// of the generated structs, Validate and the enum checks. It is ordinary Go,
// compiled, vetted and tested here; graphgen writes each of its files but
// this one and enumtable.go into a generated package as it is, with only the
// package clause changed, and writes the package's enum table in place of
// enumtable.go. The names declared here are read from this source to keep
// the generated names clear of them.
//
// # Why it is built this way
//
// The generated types have no methods but MarshalJSON, UnmarshalJSON,
// Validate and String on each struct, one line each, and, on a type that
// others derive from, the one method of its family's interface (see
// derived.go), which
// the derived types inherit: the compiler builds every method of
// every generic instantiation and of every type separately, and for the
// package of the whole Microsoft Graph v1.0 such methods were 95 % of its
// compile time and 90 % of its memory. What they did is done here once: with
// reflection, the enum checks (IsValid, Values) and Validate; the JSON
// codec (marshalObject, unmarshalObject) with a plan of each type, made
// once by reflection and cached, which a byte scanner and an encoder
// follow with pointer arithmetic (plan.go, decode.go, encode.go), as fast
// as code written for each type would be; with generic functions,
// compiled only where they are called, the accessors of Nullable but
// Value. So:
//
//   - Nullable has one method, Value, with a pointer receiver: the compiler
//     builds each method for each of its instantiations, a value receiver
//     twice over. Its fields are exported instead of an Equal method, so
//     that go-cmp compares it, and it is not comparable, which spares an
//     equality function for each instantiation and each struct holding one.
//   - The enum members are a slice literal, enumTable, which the compiler
//     lays out as static data; a map literal of the same was compiled to an
//     86 KB function. The index by name is made from it on first use.
//   - The types an "@odata.type" may name are a slice literal too,
//     typeTable, each a nil pointer of its type, rather than a constructor
//     per type.
//   - No generic type or function of the standard library is used
//     (sync.OnceValue, sync.Map, slices.Sort, reflect.TypeFor): their
//     instantiations would be compiled into every generated package, the
//     sort alone a dozen functions. sync.Once, a map under a lock,
//     sort.Strings and reflect.TypeOf do the same.
//     Collection is generic, with methods, but nothing in a generated
//     package instantiates it: its methods are compiled in the packages
//     that use it, once for each element type.
//
// The README's "Using a generated package" and "Speed and compile cost"
// sections have the measurements.
package support
