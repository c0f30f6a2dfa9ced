package support

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// maxValidationErrors is the most invalid values Validate describes. Each
// description holds the path of its value, so describing every one of a
// value with one at each of many levels would cost the square of the depth.
const maxValidationErrors = 100

// ValidationErrors is what Validate found, in field order: an *EnumError
// for each of the first 100 invalid values (with ValidateUndeclared, an
// *UndeclaredError for each undeclared member among them), then, if there
// were more, a *MoreErrors counting the others. Use errors.As to reach
// each.
type ValidationErrors []error

// Error returns the messages one a line.
func (e ValidationErrors) Error() string {
	return errors.Join(e...).Error()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (e ValidationErrors) Unwrap() []error { return e }

// MoreErrors is the last of ValidationErrors when Validate found more
// invalid values than it describes.
type MoreErrors struct {
	Count int // the invalid values found but not described
}

// Error returns "and 12 more invalid values".
func (e *MoreErrors) Error() string {
	if e.Count == 1 {
		return "and 1 more invalid value"
	}
	return fmt.Sprintf("and %d more invalid values", e.Count)
}

// Validate reports every enum value in v, a struct of this package or a
// pointer to one, at any depth, that is not a declared member, as
// ValidationErrors holding an *EnumError for each, in field order, with the
// JSON path of the value; past the first 100, it only counts them. Decoding
// keeps such values, since the API adds members over time, so this is where
// they are caught. Its time and memory grow with the size of v, and the
// length of its message with the depth of the values it describes; a value
// reached through pointers from several places, or that holds itself,
// which only Go code can build, is checked once.
func Validate(v any) error {
	return validate(v, false)
}

// ValidateUndeclared reports what Validate reports and, as an
// *UndeclaredError in the same list, each member kept in the AdditionalData
// of a type that is not open, which no field of the type declares: a
// member the API added after the pages were written, or a misspelt one.
// Instance annotations ("@odata.etag", "photo@odata.mediaEditLink") are not
// reported, nor the members of open types, which may hold any.
func ValidateUndeclared(v any) error {
	return validate(v, true)
}

// UndeclaredError reports a member that no field of its type declares.
type UndeclaredError struct {
	Path string // the JSON path of the member, "value[0].tenantID"
	Type string // the Go name of the type that holds it
}

// Error returns the path and the type.
func (e *UndeclaredError) Error() string {
	return fmt.Sprintf("%s: not a member of %s", e.Path, e.Type)
}

func validate(v any, undeclared bool) error {
	c := validation{undeclared: undeclared}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		// The root is tracked only once something else is: most values
		// hold nothing that needs it, and so allocate nothing for it.
		c.root = pointerKey{rv.UnsafePointer(), rv.Type()}
		rv = rv.Elem()
	}
	c.value(rv, nil)
	if c.more > 0 {
		c.errs = append(c.errs, &MoreErrors{Count: c.more})
	}
	if len(c.errs) == 0 {
		return nil
	}
	return ValidationErrors(c.errs)
}

// validation is the state of one call of Validate.
type validation struct {
	errs       []error
	more       int  // invalid values found past maxValidationErrors
	undeclared bool // report undeclared members too
	// seen holds every pointer followed to a value that may hold others,
	// none of which is followed twice: a value that holds itself, which only Go code can build, is
	// checked once rather than until the stack overflows, and one reached
	// by many paths (a chain of values each holding the next twice) once
	// rather than once per path.
	seen map[pointerKey]bool
	root pointerKey // the pointer Validate was given, if any
}

// add records err, or only counts it past maxValidationErrors.
func (c *validation) add(err func() error) {
	if len(c.errs) == maxValidationErrors {
		c.more++
		return
	}
	c.errs = append(c.errs, err())
}

// value records each invalid enum value in v, whose JSON path is path. It
// walks the members of generated structs, their bases, the values of
// Nullables and the elements of slices; it reads unexported fields, which
// reflect allows, but never sets them.
func (c *validation) value(v reflect.Value, path *jsonPath) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			c.value(v.Elem(), path)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if leaf(v.Type().Elem()) {
			// Most members are leaves, which lead nowhere: not tracked.
			c.value(v.Elem(), path)
			return
		}
		key := pointerKey{v.UnsafePointer(), v.Type()}
		if c.seen[key] {
			return
		}
		if c.seen == nil {
			c.seen = map[pointerKey]bool{c.root: true}
		}
		c.seen[key] = true
		c.value(v.Elem(), path)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes and raw JSON hold no enum value
		}
		for i := range v.Len() {
			c.value(v.Index(i), &jsonPath{up: path, elem: true, index: i})
		}
	case reflect.String:
		if m, ok := enumOf(v.Type()); ok && !contains(m, v.String()) {
			c.add(func() error { return newEnumError(path.String(), v.Type(), v.String(), m) })
		}
	case reflect.Struct:
		if isNullable(v.Type()) {
			c.value(v.Field(0), path)
			return
		}
		if v.Type().PkgPath() != pkgPath {
			return
		}
		info := objectInfoOf(v.Type())
		for _, m := range info.members {
			// A member with no value holds nothing to check, and most
			// are absent, so no path is made for it.
			f := v.FieldByIndex(m.index)
			if m.plain || !f.Field(0).IsNil() {
				c.value(f, &jsonPath{up: path, key: m.name})
			}
		}
		if c.undeclared && info.extra != nil {
			c.extra(v, info, path)
		}
	}
}

// extra records each undeclared member of v, a generated struct, in the
// order of its keys.
func (c *validation) extra(v reflect.Value, info *objectInfo, path *jsonPath) {
	if e := typeEntryOf(v.Type()); e != nil && e.open {
		return
	}
	// MapKeys, as v may have been reached through an unexported embedded
	// field, which reflect lets one read but not take as an interface.
	var keys []string
	for _, k := range v.FieldByIndex(info.extra).MapKeys() {
		if !strings.Contains(k.String(), "@") {
			keys = append(keys, k.String())
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.add(func() error {
			return &UndeclaredError{Path: (&jsonPath{up: path, key: k}).String(), Type: v.Type().Name()}
		})
	}
}

// leaf reports whether a value of type t can hold no pointer to another
// value that Validate or String walks, and so cannot lead back to one: a
// string, an enum, a number, a Boolean, a time, or a collection of them.
func leaf(t reflect.Type) bool {
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	k := t.Kind()
	return k == reflect.String || k < reflect.Array || t == timeType
}
