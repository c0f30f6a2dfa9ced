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

// structInfo is what the samplers need of a struct, worked out once: the
// fields of s and its bases, by JSON name too, its extra members, and its
// enum fields.
type structInfo struct {
	fields []*model.Field
	byJSON map[string]*model.Field
	odata  string // the JSON string "#<wire name>", "" when s has no @odata.type
	extra  bool   // s is open and declares no field named extraMember
	enums  []enumSlot
}

// enumSlot is a field of an enum with members, the j-th of the n fields of
// its struct (bases included) that hold that enum.
type enumSlot struct {
	field *model.Field
	j, n  int
}

// sampleCache holds the structInfo of structs met so far. It belongs to
// one goroutine.
type sampleCache map[*model.Struct]*structInfo

func (c sampleCache) info(s *model.Struct) *structInfo {
	if in := c[s]; in != nil {
		return in
	}
	in := &structInfo{fields: s.AllFields(), byJSON: map[string]*model.Field{}}
	held := map[*model.Enum]int{}
	for _, f := range in.fields {
		in.byJSON[f.JSONName] = f
		if f.Type.Kind == model.KindEnum && len(f.Type.Enum.Members) > 0 {
			in.enums = append(in.enums, enumSlot{field: f, j: held[f.Type.Enum]})
			held[f.Type.Enum]++
		}
	}
	for i := range in.enums {
		in.enums[i].n = held[in.enums[i].field.Type.Enum]
	}
	if chainHasODataType(s) {
		in.odata = jsonString("#" + s.WireName)
	}
	in.extra = s.OpenChain() && in.byJSON[extraMember] == nil
	c[s] = in
	return in
}

// sampler writes the sample values of one round-trip case to b.
type sampler struct {
	b      *strings.Builder
	cache  sampleCache
	budget int // members left before objects are left out
}

// hasExample reports whether s has a JSON example to take members from.
func hasExample(s *model.Struct) bool {
	return s.Example != nil && s.Example.Kind == jsonx.Object
}

// member writes the key of a member, after a comma unless it is the
// object's first.
func (sm *sampler) member(first *bool, key string) {
	if !*first {
		sm.b.WriteByte(',')
	}
	*first = false
	sm.b.WriteString(jsonString(key))
	sm.b.WriteByte(':')
}

// object writes a sample of s: the members of its example, in the
// example's order, that are fields of s, or every field when s has no
// example; @odata.type when s carries it; and, for an open type, an extra
// member. stack holds the types being sampled, outermost first; a member
// whose type is on it is left out, which is what stops cycles. Enum fields
// take their member k.
func (sm *sampler) object(s *model.Struct, stack []*model.Struct, k int) {
	stack = append(stack, s)
	in := sm.cache.info(s)
	first := true
	sm.b.WriteByte('{')
	add := func(key string, f *model.Field) {
		if sm.fits(f.Type, stack) {
			sm.member(&first, key)
			sm.value(f.Type, stack, k)
			sm.budget--
		}
	}
	// @odata.type comes where the example has it, or else first.
	odataAt := -1
	if hasExample(s) && in.odata != "" {
		for i, m := range s.Example.Members {
			if m.Key == "@odata.type" {
				odataAt = i
				break
			}
		}
	}
	if in.odata != "" && odataAt < 0 {
		sm.member(&first, "@odata.type")
		sm.b.WriteString(in.odata)
	}
	if hasExample(s) {
		seen := map[string]bool{}
		for i, m := range s.Example.Members {
			if seen[m.Key] {
				continue
			}
			seen[m.Key] = true
			if i == odataAt {
				sm.member(&first, m.Key)
				sm.b.WriteString(in.odata)
			} else if f := in.byJSON[m.Key]; f != nil {
				add(m.Key, f)
			}
		}
	} else {
		for _, f := range in.fields {
			// Relationships of nested types are left out, as the API
			// does unless asked to expand them.
			if len(stack) == 1 || !f.Relationship {
				add(f.JSONName, f)
			}
		}
	}
	if in.extra {
		sm.member(&first, extraMember)
		sm.b.WriteString(`"kept"`)
	}
	sm.b.WriteByte('}')
}

// fits reports whether a member of type t has a sample here: not an enum
// without members, nor an object past the depth or the budget or already
// on the stack.
func (sm *sampler) fits(t model.TypeRef, stack []*model.Struct) bool {
	switch t.Kind {
	case model.KindEnum:
		return len(t.Enum.Members) > 0
	case model.KindStruct:
		if len(stack) > maxSampleDepth || sm.budget <= 0 {
			return false
		}
		for _, s := range stack {
			if s == t.Struct {
				return false
			}
		}
	}
	return true
}

// value writes a sample of a value of type t, which fits. An enum takes
// its member k.
func (sm *sampler) value(t model.TypeRef, stack []*model.Struct, k int) {
	if t.Collection {
		sm.b.WriteByte('[')
	}
	switch t.Kind {
	case model.KindPrimitive:
		sm.b.WriteString(primitiveSample(t.Primitive))
	case model.KindRaw:
		sm.b.WriteString(rawSample)
	case model.KindEnum:
		sm.b.WriteString(jsonString(t.Enum.Members[k%len(t.Enum.Members)].Value))
	case model.KindStruct:
		// Nested objects use the first enum members: their own tests go
		// through the others.
		sm.object(t.Struct, stack, 0)
	}
	if t.Collection {
		sm.b.WriteByte(']')
	}
}

// fullSample returns a sample of s with every member the bounds allow.
func fullSample(cache sampleCache, s *model.Struct) string {
	var b strings.Builder
	(&sampler{b: &b, cache: cache, budget: maxSampleMembers}).object(s, nil, 0)
	return b.String()
}

// membersSample returns an object that sets each enum field of s to the
// member pick gives it, and leaves out the fields pick gives -1.
func membersSample(cache sampleCache, s *model.Struct, pick func(enumSlot) int) string {
	return flatSample(cache, s, pick)
}

// nullsSample returns an object with every member of s null, which must
// come back null rather than absent.
func nullsSample(cache sampleCache, s *model.Struct) string {
	return flatSample(cache, s, nil)
}

// flatSample returns an object of s without nested objects: with a nil
// pick, every member null; else the enum fields pick sets.
func flatSample(cache sampleCache, s *model.Struct, pick func(enumSlot) int) string {
	in := cache.info(s)
	var b strings.Builder
	sm := &sampler{b: &b, cache: cache}
	first := true
	b.WriteByte('{')
	if in.odata != "" {
		sm.member(&first, "@odata.type")
		if pick == nil {
			b.WriteString("null")
		} else {
			b.WriteString(in.odata)
		}
	}
	if pick == nil {
		for _, f := range in.fields {
			sm.member(&first, f.JSONName)
			b.WriteString("null")
		}
		if in.extra {
			sm.member(&first, extraMember)
			b.WriteString("null")
		}
	} else {
		for _, sl := range in.enums {
			if k := pick(sl); k >= 0 {
				sm.member(&first, sl.field.JSONName)
				sm.value(sl.field.Type, nil, k)
			}
		}
	}
	b.WriteByte('}')
	return b.String()
}

// goLiteral returns a Go string literal holding the JSON value js, indented
// for reading when a raw string can hold it. js is compact JSON, as the
// samplers write it. JSON strings may hold what a raw string may not: a
// backquote, or a byte order mark, which encoding/json leaves unescaped
// and Go source refuses.
func goLiteral(js string) string {
	if !strconv.CanBackquote(js) {
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
