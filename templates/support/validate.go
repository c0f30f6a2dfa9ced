package support

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
)

// ValidationErrors is every invalid value Validate found, in field order.
// Use errors.As to reach each *EnumError.
type ValidationErrors []error

// Error returns the messages one a line.
func (e ValidationErrors) Error() string {
	return errors.Join(e...).Error()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (e ValidationErrors) Unwrap() []error { return e }

// Validate reports every enum value in v, a struct of this package or a
// pointer to one, at any depth, that is not a declared member, as
// ValidationErrors holding an *EnumError for each, in field order, with the
// JSON path of the value. Decoding keeps such values, since the API adds
// members over time, so this is where they are caught.
func Validate(v any) error {
	var errs []error
	validateValue(reflect.ValueOf(v), "", &errs)
	if len(errs) == 0 {
		return nil
	}
	return ValidationErrors(errs)
}

// validateValue appends an error for each invalid enum value in v, whose
// JSON path is path. It walks the members of generated structs, their
// bases, the values of Nullables and the elements of slices; it reads
// unexported fields, which reflect allows, but never sets them.
func validateValue(v reflect.Value, path string, errs *[]error) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			validateValue(v.Elem(), path, errs)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes and raw JSON hold no enum value
		}
		for i := range v.Len() {
			validateValue(v.Index(i), elemPath(path, i), errs)
		}
	case reflect.String:
		if m, ok := enumOf(v.Type()); ok && !slices.Contains(m, v.String()) {
			*errs = append(*errs, newEnumError(path, v.Type(), v.String(), m))
		}
	case reflect.Struct:
		if isNullable(v.Type()) {
			validateValue(v.Field(0), path, errs)
			return
		}
		if v.Type().PkgPath() != pkgPath {
			return
		}
		for _, m := range objectInfoOf(v.Type()).members {
			validateValue(v.FieldByIndex(m.index), memberPath(path, m.name), errs)
		}
	}
}

// memberPath returns the path of the member name of the object at path.
func memberPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// elemPath returns the path of element i of the array at path.
func elemPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
