package apilint

import (
	"encoding/base64"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"time"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// primitives are the Edm primitives by lower-cased name, which annotations
// write as "Edm.String", "String" or "string".
var primitives = func() map[string]model.Primitive {
	m := map[string]model.Primitive{}
	for _, p := range []model.Primitive{model.String, model.Boolean, model.Byte, model.Int16, model.Int32, model.Int64,
		model.Single, model.Double, model.Decimal, model.Guid, model.DateTimeOffset, model.Date, model.TimeOfDay,
		model.Duration, model.Binary, model.Stream} {
		m[strings.ToLower(string(p))] = p
	}
	return m
}()

// primitive returns the Edm primitive a name of an annotation spells.
func primitive(name string) (model.Primitive, bool) {
	p, ok := primitives[strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "edm.")]
	return p, ok
}

// The integer ranges of the Edm integer types.
var intRanges = map[model.Primitive][2]int64{
	model.Byte:  {0, 255},
	model.Int16: {-1 << 15, 1<<15 - 1},
	model.Int32: {-1 << 31, 1<<31 - 1},
	model.Int64: {-1 << 63, 1<<63 - 1},
}

// The lexical forms of the Edm types that JSON writes as strings, as OData
// JSON Format 4.01 defines them, with the fraction of up to 12 digits that
// CSDL allows.
var (
	guidRE      = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
	timeOfDayRE = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,12})?)?$`)
	// durationRE is ISO 8601's duration, years to seconds, which the
	// generated Duration also takes; a part needs at least one unit.
	durationRE = regexp.MustCompile(`^-?P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?$`)
)

// checkPrimitive returns what is wrong with v as a value of p, or "".
func checkPrimitive(v *jsonx.Value, p model.Primitive) string {
	want := func(what string) string {
		return fmt.Sprintf("%s is not a valid Edm.%s: want %s", show(v), p, what)
	}
	switch p {
	case model.String, model.Stream:
		if v.Kind != jsonx.String {
			return want("a JSON string")
		}
	case model.Boolean:
		if v.Kind != jsonx.Bool {
			return want("true or false, unquoted")
		}
	case model.Byte, model.Int16, model.Int32, model.Int64:
		r := intRanges[p]
		if v.Kind != jsonx.Number {
			return want(fmt.Sprintf("a JSON number from %d to %d", r[0], r[1]))
		}
		n, ok := new(big.Int).SetString(v.Number, 10)
		if !ok || n.Cmp(big.NewInt(r[0])) < 0 || n.Cmp(big.NewInt(r[1])) > 0 {
			return want(fmt.Sprintf("a whole number from %d to %d", r[0], r[1]))
		}
	case model.Single, model.Double, model.Decimal:
		if v.Kind == jsonx.Number {
			return ""
		}
		// OData JSON writes the special values of the floating-point
		// types as strings.
		if v.Kind == jsonx.String && p != model.Decimal && (v.String == "NaN" || v.String == "INF" || v.String == "-INF") {
			return ""
		}
		return want("a JSON number")
	case model.Guid:
		if v.Kind != jsonx.String || !guidRE.MatchString(v.String) {
			return want(`a GUID string such as "d3b2f1a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b"`)
		}
	case model.DateTimeOffset:
		if v.Kind != jsonx.String {
			return want(`a timestamp string such as "2021-07-01T12:00:00Z"`)
		}
		if _, err := time.Parse(time.RFC3339Nano, v.String); err != nil {
			return want(`a timestamp with a time zone, such as "2021-07-01T12:00:00Z"`)
		}
	case model.Date:
		if v.Kind != jsonx.String {
			return want(`a date string such as "2021-07-01"`)
		}
		if _, err := time.Parse(time.DateOnly, v.String); err != nil {
			return want(`a date written YYYY-MM-DD, such as "2021-07-01"`)
		}
	case model.TimeOfDay:
		if v.Kind != jsonx.String || !timeOfDayRE.MatchString(v.String) {
			return want(`a time of day written hh:mm:ss, such as "12:30:00"`)
		}
	case model.Duration:
		if v.Kind != jsonx.String || !durationRE.MatchString(v.String) || strings.HasSuffix(v.String, "P") || strings.HasSuffix(v.String, "T") {
			return want(`an ISO 8601 duration such as "PT1H30M"`)
		}
	case model.Binary:
		if v.Kind != jsonx.String || !isBase64(v.String) {
			return want("base64 (standard or URL-safe alphabet)")
		}
	}
	return ""
}

// isBase64 reports whether s is base64 in either alphabet, padded or not:
// OData JSON writes base64url, and many examples the standard alphabet,
// which a Go []byte decodes.
func isBase64(s string) bool {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if _, err := enc.DecodeString(s); err == nil {
			return true
		}
	}
	return false
}

// enum checks a value of enum e. Flag enums join members with commas
// ("read,write"), so a value whose every comma-separated part is a member
// is one too.
func (w *walker) enum(v *jsonx.Value, e *model.Enum, at string) {
	if v.Kind != jsonx.String {
		w.diags.Report(w.pos(v), diag.CodeAPIJSONType, "%s: %s is not a value of enum %s: want a JSON string", subject(at), show(v), e.WireName)
		return
	}
	if isMember(e, v.String) {
		return
	}
	if examples.IsPlaceholder(v.String) {
		w.placeholder(v, model.TypeRef{Kind: model.KindEnum, Enum: e}, at)
		return
	}
	hint := ""
	for _, m := range e.Members {
		if strings.EqualFold(m.Value, v.String) {
			hint = fmt.Sprintf(" (%q differs only in case)", m.Value)
			break
		}
	}
	w.diags.Report(w.pos(v), diag.CodeAPIEnumValue, "%s: %q is not a value of enum %s%s: want one of %s", subject(at), v.String, e.WireName, hint, memberList(e, 6))
}

func isMember(e *model.Enum, s string) bool {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		found := false
		for _, m := range e.Members {
			if m.Value == part {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// memberList quotes the first n members of e, saying how many more there
// are.
func memberList(e *model.Enum, n int) string {
	var q []string
	for i, m := range e.Members {
		if i == n {
			q = append(q, fmt.Sprintf("and %d more", len(e.Members)-n))
			break
		}
		q = append(q, fmt.Sprintf("%q", m.Value))
	}
	return strings.Join(q, ", ")
}

// describe names a type in a message as OData writes it:
// "Edm.DateTimeOffset", "microsoft.graph.identitySet", the name of an enum,
// "Collection(Edm.String)".
func describe(t model.TypeRef) string {
	var s string
	switch t.Kind {
	case model.KindStruct:
		s = t.Struct.WireName
	case model.KindEnum:
		s = t.Enum.WireName
	case model.KindPrimitive:
		s = "Edm." + string(t.Primitive)
	default:
		s = "any JSON"
	}
	if t.Collection {
		return "Collection(" + s + ")"
	}
	return s
}

// sample is an example of a value of t, for the wanted part of a message.
func sample(t model.TypeRef) string {
	var s string
	switch t.Kind {
	case model.KindStruct:
		s = "a JSON object"
	case model.KindEnum:
		s = "one of " + memberList(t.Enum, 3)
	default:
		switch t.Primitive {
		case model.Boolean:
			s = "true or false"
		case model.Byte, model.Int16, model.Int32, model.Int64:
			s = "a whole number such as 1"
		case model.Single, model.Double, model.Decimal:
			s = "a number such as 1.5"
		case model.Guid:
			s = `a GUID such as "d3b2f1a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b"`
		case model.DateTimeOffset:
			s = `a timestamp such as "2021-07-01T12:00:00Z"`
		case model.Date:
			s = `a date such as "2021-07-01"`
		case model.TimeOfDay:
			s = `a time of day such as "12:30:00"`
		case model.Duration:
			s = `a duration such as "PT1H30M"`
		case model.Binary:
			s = `base64 such as "aGVsbG8="`
		case model.JSON:
			s = "the JSON value itself"
		default:
			s = "a value"
		}
	}
	if t.Collection {
		return "a JSON array, each element " + s
	}
	return s
}

// kindName names the JSON kind of v: "string", "object".
func kindName(v *jsonx.Value) string {
	switch v.Kind {
	case jsonx.Null:
		return "null"
	case jsonx.Bool:
		return "Boolean"
	case jsonx.Number:
		return "number"
	case jsonx.String:
		return "string"
	case jsonx.Array:
		return "array"
	}
	return "object"
}

// show quotes a scalar for a message, and names the kind of anything else.
func show(v *jsonx.Value) string {
	switch v.Kind {
	case jsonx.String:
		return fmt.Sprintf("%q", v.String)
	case jsonx.Number:
		return v.Number
	case jsonx.Bool:
		return fmt.Sprint(v.Bool)
	}
	return "a JSON " + kindName(v)
}
