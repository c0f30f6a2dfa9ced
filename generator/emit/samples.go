package emit

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// Bounds on the sample values of round-trip tests. Graph types refer to
// each other widely, so without them one sample could hold most of the API.
const (
	// maxSampleDepth is how many objects deep a sample nests.
	maxSampleDepth = 3
	// maxSampleMembers is how many members one sample may have in all;
	// past it, members holding objects are left out.
	maxSampleMembers = 400
)

// extraMember is the member added to samples of open types, which must
// land in AdditionalData and be written back.
const extraMember = "graphgenExtra"

// member is one member of a sample object: a key and its JSON value.
type member struct {
	key, value string
}

// object returns the JSON object of members, in order.
func object(members []member) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsonString(m.key))
		b.WriteByte(':')
		b.WriteString(m.value)
	}
	b.WriteByte('}')
	return b.String()
}

// jsonString returns s as a JSON string, escaped as encoding/json escapes
// it. Member names and enum values are nearly always plain ASCII, which
// needs no escape, so they skip the encoder.
func jsonString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return string(b)
		}
	}
	return `"` + s + `"`
}

// primitiveSample returns a JSON value of the Edm primitive p. The values
// are chosen from the type, never from the page's placeholder text, and
// each is written the way the Go type writes it back, so a round trip can
// compare them exactly.
func primitiveSample(p model.Primitive) string {
	switch p {
	case model.String:
		return `"sample"`
	case model.Guid:
		return `"5f8a3c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b"`
	case model.Boolean:
		return "true"
	case model.Byte:
		return "128"
	case model.Int16, model.Int32:
		return "1024"
	case model.Int64:
		return "1099511627776"
	case model.Single:
		return "1.5"
	case model.Double:
		return "4.25"
	case model.Decimal:
		return "12.5"
	case model.DateTimeOffset:
		return `"2024-01-02T03:04:05Z"`
	case model.Date:
		return `"2024-01-02"`
	case model.TimeOfDay:
		return `"08:30:00.0000000"`
	case model.Duration:
		return `"PT1H30M"`
	case model.Binary:
		return `"c2FtcGxl"`
	}
	return rawSample
}

// rawSample is the value of members that hold any JSON.
const rawSample = `{"any":["json",1]}`

// sampler builds the sample values of one round-trip case.
type sampler struct {
	budget int // members left before objects are left out
}

// fieldIndex returns the fields of s and its bases by JSON name.
func fieldIndex(s *model.Struct) map[string]*model.Field {
	m := map[string]*model.Field{}
	for _, f := range s.AllFields() {
		m[f.JSONName] = f
	}
	return m
}

// hasExample reports whether s has a JSON example to take members from.
func hasExample(s *model.Struct) bool {
	return s.Example != nil && s.Example.Kind == jsonx.Object
}

// object returns a sample of s: the members of its example, in the
// example's order, that are fields of s, or every field when s has no
// example; @odata.type when s carries it; and, for an open type, an extra
// member. stack holds the types being sampled, outermost first; a member
// whose type is on it is left out, which is what stops cycles. Enum fields
// take their member k.
func (sm *sampler) object(s *model.Struct, stack []*model.Struct, k int) string {
	stack = append(stack, s)
	var members []member
	odata := chainHasODataType(s)
	add := func(key string, f *model.Field) {
		if v, ok := sm.value(f.Type, stack, k); ok {
			members = append(members, member{key, v})
			sm.budget--
		}
	}
	if hasExample(s) {
		fields := fieldIndex(s)
		seen := map[string]bool{}
		for _, m := range s.Example.Members {
			if seen[m.Key] {
				continue
			}
			seen[m.Key] = true
			if m.Key == "@odata.type" && odata {
				members = append(members, member{m.Key, jsonString("#" + s.WireName)})
				odata = false
			} else if f := fields[m.Key]; f != nil {
				add(m.Key, f)
			}
		}
	} else {
		for _, f := range s.AllFields() {
			// Relationships of nested types are left out, as the API
			// does unless asked to expand them.
			if len(stack) == 1 || !f.Relationship {
				add(f.JSONName, f)
			}
		}
	}
	if odata {
		members = append([]member{{"@odata.type", jsonString("#" + s.WireName)}}, members...)
	}
	if s.OpenChain() && fieldIndex(s)[extraMember] == nil {
		members = append(members, member{extraMember, `"kept"`})
	}
	return object(members)
}

// value returns a sample of a value of type t, or false when the member
// should be left out. An enum takes its member k.
func (sm *sampler) value(t model.TypeRef, stack []*model.Struct, k int) (string, bool) {
	var v string
	switch t.Kind {
	case model.KindPrimitive:
		v = primitiveSample(t.Primitive)
	case model.KindRaw:
		v = rawSample
	case model.KindEnum:
		if len(t.Enum.Members) == 0 {
			return "", false
		}
		v = jsonString(t.Enum.Members[k%len(t.Enum.Members)].Value)
	case model.KindStruct:
		if len(stack) > maxSampleDepth || sm.budget <= 0 {
			return "", false
		}
		for _, s := range stack {
			if s == t.Struct {
				return "", false
			}
		}
		// Nested objects use the first enum members: their own tests go
		// through the others.
		v = sm.object(t.Struct, stack, 0)
	}
	if t.Collection {
		v = "[" + v + "]"
	}
	return v, true
}

// enumCount returns the most members that an enum field of s has, which is
// how many cases it takes to use every member of every one.
func enumCount(s *model.Struct) int {
	n := 0
	for _, f := range s.AllFields() {
		if f.Type.Kind == model.KindEnum {
			n = max(n, len(f.Type.Enum.Members))
		}
	}
	return n
}

// membersSample returns an object that sets every enum field of s to its
// member k, wrapping around the shorter enums.
func membersSample(s *model.Struct, k int) string {
	var members []member
	if chainHasODataType(s) {
		members = append(members, member{"@odata.type", jsonString("#" + s.WireName)})
	}
	for _, f := range s.AllFields() {
		if f.Type.Kind == model.KindEnum {
			if v, ok := (&sampler{}).value(f.Type, nil, k); ok {
				members = append(members, member{f.JSONName, v})
			}
		}
	}
	return object(members)
}

// nullsSample returns an object with every member of s null, which must
// come back null rather than absent.
func nullsSample(s *model.Struct) string {
	var members []member
	if chainHasODataType(s) {
		members = append(members, member{"@odata.type", "null"})
	}
	for _, f := range s.AllFields() {
		members = append(members, member{f.JSONName, "null"})
	}
	if s.OpenChain() && fieldIndex(s)[extraMember] == nil {
		members = append(members, member{extraMember, "null"})
	}
	return object(members)
}

// goLiteral returns a Go string literal holding the JSON value js, indented
// for reading when a raw string can hold it. js is compact JSON, as the
// samplers write it.
func goLiteral(js string) string {
	if strings.Contains(js, "`") {
		return strconv.Quote(js)
	}
	var b strings.Builder
	b.Grow(2 * len(js)) // indenting roughly doubles a sample
	b.WriteByte('`')
	indentJSON(&b, js, "\t\t", "\t")
	b.WriteByte('`')
	return b.String()
}

// indentJSON writes the compact JSON js to b as json.Indent lays it out
// with prefix and indent: a member or element per line, empty objects and
// arrays kept as {} and []. It does the work of json.Indent without its
// validating scanner, which a test-file's samples would spend most of their
// time in; FuzzIndentJSON holds the two to the same output.
func indentJSON(b *strings.Builder, js, prefix, indent string) {
	depth := 0
	newline := func() {
		b.WriteByte('\n')
		b.WriteString(prefix)
		for range depth {
			b.WriteString(indent)
		}
	}
	for i := 0; i < len(js); i++ {
		switch c := js[i]; c {
		case '"':
			// Copy the string whole: its bytes are not structure.
			j := i + 1
			for j < len(js) && js[j] != '"' {
				if js[j] == '\\' {
					j++
				}
				j++
			}
			b.WriteString(js[i:min(j+1, len(js))])
			i = j
		case '{', '[':
			b.WriteByte(c)
			if i+1 < len(js) && (js[i+1] == '}' || js[i+1] == ']') {
				b.WriteByte(js[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			b.WriteByte(c)
		case ',':
			b.WriteByte(c)
			newline()
		case ':':
			b.WriteString(": ")
		default:
			b.WriteByte(c)
		}
	}
}
