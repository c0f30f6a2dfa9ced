package examples

import (
	"strings"

	"github.com/graphgen/graphgen/generator/model"
)

// placeholderTypes are the type names the pages write where a value belongs:
// the Edm primitives, and the "DateTime" and "Timestamp" synonyms of the
// Type cells.
var placeholderTypes = func() map[string]bool {
	m := map[string]bool{"datetime": true, "timestamp": true}
	for _, p := range []model.Primitive{model.String, model.Boolean, model.Byte, model.Int16, model.Int32, model.Int64,
		model.Single, model.Double, model.Decimal, model.Guid, model.DateTimeOffset, model.Date, model.TimeOfDay,
		model.Duration, model.Binary, model.Stream} {
		m[strings.ToLower(string(p))] = true
	}
	return m
}()

// IsPlaceholder reports whether a string value of an example is a doc
// placeholder rather than a value: the name of a primitive type, with or
// without "Edm." and in any case ("String", "Int32", "DateTimeOffset"),
// maybe followed by a qualifier in parentheses ("String (identifier)",
// "Boolean (true/false)"), or a lower-case word or hyphenated words ending
// in "-value" ("datetime-value", "guid-value"). The docs write them on
// purpose, in examples that show a shape rather than a payload, so a reader
// of examples must tell them from values that are wrong.
func IsPlaceholder(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[:i])
	}
	t = strings.TrimPrefix(t, "edm.")
	if placeholderTypes[t] {
		return true
	}
	if w, ok := strings.CutSuffix(t, "-value"); ok && w != "" {
		for _, r := range w {
			if (r < 'a' || r > 'z') && r != '-' {
				return false
			}
		}
		return true
	}
	return false
}
