package generator_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// This file compares an example's objects with what a generated type makes
// of them, member by member, and says why each lost member was lost. It
// serves TestPayloadConformance.

// The causes of a lost member.
const (
	causeAnnotation   = "instance annotation" // "@odata.etag", "x@odata.type"
	causeUndeclared   = "not declared"        // no property of the type, nor of a type named by @odata.type
	causeCase         = "differs in case"     // declared with another case: "tenantID" for "tenantId"
	causePolymorphism = "polymorphism"        // declared by the derived type the value's @odata.type names
	causeChanged      = "value changed"       // kept, with a value that is not equal
	causeOther        = "other"               // declared, or inside raw JSON, and still lost
)

// typeIndex finds the structs of a model by their OData name.
type typeIndex struct {
	byWire map[string]*model.Struct // lower-cased WireName
}

func newTypeIndex(pkg *model.Package) *typeIndex {
	ix := &typeIndex{byWire: map[string]*model.Struct{}}
	for _, s := range pkg.Structs {
		ix.byWire[strings.ToLower(s.WireName)] = s
	}
	return ix
}

// lookup returns the struct an @odata.type names, with or without its "#"
// and in any case, as links between pages resolve; nil when none.
func (ix *typeIndex) lookup(odataType string) *model.Struct {
	return ix.byWire[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(odataType), "#"))]
}

// derivedFrom reports whether s is base or derives from it.
func derivedFrom(s, base *model.Struct) bool {
	for t := s; t != nil; t = t.Base {
		if t == base {
			return true
		}
	}
	return false
}

// field returns the field of s or its bases whose JSON name is key, exactly
// or, with fold, ignoring case.
func field(s *model.Struct, key string, fold bool) *model.Field {
	if s == nil {
		return nil
	}
	for _, f := range s.AllFields() {
		if f.JSONName == key || fold && strings.EqualFold(f.JSONName, key) {
			return f
		}
	}
	return nil
}

// loss is one member lost on the round trip, with its subtree.
type loss struct {
	Example string // "page.md:line" of the example's body
	Pos     diag.Pos
	Type    string // the OData name of the declared type of the object that held it, "" in raw JSON
	Member  string
	Cause   string
	Members int // the member and the members inside its value
}

// tally counts the members of the objects compared.
type tally struct {
	Members              int // every member of the input, at every depth
	Preserved            int // kept with an equal value
	EqualTimestamps      int // … of them, timestamps written another way (".000Z" as "Z")
	EqualNumbers         int // … of them, numbers written another way ("1.0" as "1")
	EqualBinary          int // … of them, base64 of the same bytes written another way ("aGk" as "aGk=")
	Annotations          int // members whose name holds "@"
	AnnotationsPreserved int
	ODataTypes           int // … of them, "@odata.type"
	ODataTypesPreserved  int
	Lost                 map[string]int // members lost, by cause
	Losses               []loss
}

// comparer compares the objects of one example with their round trip.
type comparer struct {
	example string // "page.md:line" of the example's body
	ix      *typeIndex
	pos     func(off int) diag.Pos // page position of an offset into the body
	tall    *tally
}

// compare compares in, one object of an example declared as declared, with
// out, what the round trip wrote for it, and counts its members.
func (c *comparer) compare(in, out *jsonx.Value, declared *model.Struct) {
	c.tall.Members += countMembers(in, func(key string) {
		if strings.Contains(key, "@") {
			c.tall.Annotations++
		}
		if key == "@odata.type" {
			c.tall.ODataTypes++
		}
	})
	if out.Kind != jsonx.Object {
		for _, m := range in.Members {
			c.lose(m, declared, causeOther, 1+countMembers(m.Value, nil))
		}
		return
	}
	c.object(in, out, declared)
}

// object compares the members of in, an object of the input typed declared
// (nil inside raw JSON), with those of out, the same object after the round
// trip.
func (c *comparer) object(in, out *jsonx.Value, declared *model.Struct) {
	effective := declared
	if t := in.Get("@odata.type"); t != nil && t.Kind == jsonx.String && declared != nil {
		if s := c.ix.lookup(t.String); s != nil && derivedFrom(s, declared) {
			effective = s
		}
	}
	for _, m := range in.Members {
		o := out.Get(m.Key)
		if o == nil {
			c.lose(m, declared, c.lostCause(m.Key, declared, effective), 1+countMembers(m.Value, nil))
			continue
		}
		var elem *model.Struct
		if f := field(effective, m.Key, false); f != nil && f.Type.Kind == model.KindStruct {
			elem = f.Type.Struct
		}
		switch kept, whole := c.value(m.Value, o, elem); {
		case kept:
			c.tall.Preserved++
			if strings.Contains(m.Key, "@") {
				c.tall.AnnotationsPreserved++
			}
			if m.Key == "@odata.type" {
				c.tall.ODataTypesPreserved++
			}
		case whole:
			c.lose(m, declared, causeChanged, 1+countMembers(m.Value, nil))
		default:
			c.lose(m, declared, causeChanged, 1)
		}
	}
}

// lostCause says why member key of an object declared as declared, and
// tagged as effective, was lost.
func (c *comparer) lostCause(key string, declared, effective *model.Struct) string {
	switch {
	case strings.Contains(key, "@"):
		return causeAnnotation
	case declared == nil || field(declared, key, false) != nil:
		return causeOther
	case field(effective, key, false) != nil:
		return causePolymorphism
	case field(effective, key, true) != nil:
		return causeCase
	}
	return causeUndeclared
}

// lose counts n members lost under cause: member m, and, when n says so,
// the members inside its value, which are not compared further.
func (c *comparer) lose(m jsonx.Member, declared *model.Struct, cause string, n int) {
	if c.tall.Lost == nil {
		c.tall.Lost = map[string]int{}
	}
	c.tall.Lost[cause] += n
	typ := ""
	if declared != nil {
		typ = declared.WireName
	}
	c.tall.Losses = append(c.tall.Losses, loss{Example: c.example, Pos: c.pos(m.KeyOffset), Type: typ, Member: m.Key, Cause: cause, Members: n})
}

// value compares two values: scalars by value, arrays element by element,
// objects member by member, counting the members inside. kept says whether
// the value itself is kept; when it is not, whole says that nothing inside
// it was compared (the two differ in shape), so that all of it is lost.
func (c *comparer) value(in, out *jsonx.Value, typ *model.Struct) (kept, whole bool) {
	switch {
	case in.Kind == jsonx.Object && out.Kind == jsonx.Object:
		c.object(in, out, typ)
		return true, false
	case in.Kind == jsonx.Array && out.Kind == jsonx.Array:
		if len(in.Elems) != len(out.Elems) {
			return false, true
		}
		for i := range in.Elems {
			if container(in.Elems[i]) != container(out.Elems[i]) {
				return false, true
			}
		}
		kept = true
		for i := range in.Elems {
			if k, _ := c.value(in.Elems[i], out.Elems[i], typ); !k {
				kept = false
			}
		}
		return kept, false
	case container(in) >= 0 || container(out) >= 0:
		return false, true
	}
	same, how := equalScalar(in, out)
	if same {
		switch how {
		case "timestamp":
			c.tall.EqualTimestamps++
		case "number":
			c.tall.EqualNumbers++
		case "base64":
			c.tall.EqualBinary++
		}
	}
	return same, true
}

// container returns the kind of v when it is an object or an array, and -1
// for a scalar.
func container(v *jsonx.Value) jsonx.Kind {
	if v.Kind == jsonx.Object || v.Kind == jsonx.Array {
		return v.Kind
	}
	return -1
}

// equalScalar reports whether two scalars are equal, and how when they are
// not written alike: "number" for the same number ("1.0", "1"), "timestamp"
// for the same instant ("2021-01-01T00:00:00.000Z", "2021-01-01T00:00:00Z"),
// "base64" for base64 of the same bytes: an Edm.Binary is read in either
// alphabet, padded or not, and written in the standard one, padded, as
// encoding/json writes a []byte ("aGk" as "aGk=", "-_8=" as "+/8="), its
// last character with no bits past the bytes ("…AA7" as "…AA4=", which a
// decoder that is not strict, encoding/json's, reads alike).
func equalScalar(in, out *jsonx.Value) (bool, string) {
	if in.Kind != out.Kind {
		return false, ""
	}
	switch in.Kind {
	case jsonx.Null:
		return true, ""
	case jsonx.Bool:
		return in.Bool == out.Bool, ""
	case jsonx.Number:
		if in.Number == out.Number {
			return true, ""
		}
		a, _, err1 := big.ParseFloat(in.Number, 10, 256, big.ToNearestEven)
		b, _, err2 := big.ParseFloat(out.Number, 10, 256, big.ToNearestEven)
		if err1 == nil && err2 == nil && a.Cmp(b) == 0 {
			return true, "number"
		}
		return false, ""
	case jsonx.String:
		if in.String == out.String {
			return true, ""
		}
		a, err1 := time.Parse(time.RFC3339Nano, in.String)
		b, err2 := time.Parse(time.RFC3339Nano, out.String)
		if err1 == nil && err2 == nil && a.Equal(b) {
			return true, "timestamp"
		}
		if a, ok := base64Bytes(in.String); ok {
			if b, ok := base64Bytes(out.String); ok && bytes.Equal(a, b) {
				return true, "base64"
			}
		}
		return false, ""
	}
	return false, ""
}

// base64Bytes returns the bytes s holds in base64 of either alphabet,
// padded or not, as the generated packages read an Edm.Binary.
func base64Bytes(s string) ([]byte, bool) {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, true
		}
	}
	return nil, false
}

// countMembers returns the number of members inside v, at every depth,
// calling each, when not nil, with each member's key.
func countMembers(v *jsonx.Value, each func(key string)) int {
	n := 0
	switch v.Kind {
	case jsonx.Object:
		for _, m := range v.Members {
			if each != nil {
				each(m.Key)
			}
			n += 1 + countMembers(m.Value, each)
		}
	case jsonx.Array:
		for _, e := range v.Elems {
			n += countMembers(e, each)
		}
	}
	return n
}

// placeholders returns the placeholder strings of v, at every depth.
func placeholders(v *jsonx.Value) []string {
	var out []string
	var walk func(v *jsonx.Value)
	walk = func(v *jsonx.Value) {
		switch v.Kind {
		case jsonx.String:
			if examples.IsPlaceholder(v.String) {
				out = append(out, strconv.Quote(v.String))
			}
		case jsonx.Array:
			for _, e := range v.Elems {
				walk(e)
			}
		case jsonx.Object:
			for _, m := range v.Members {
				walk(m.Value)
			}
		}
	}
	walk(v)
	return out
}

// testModel is a model shaped like v1.0 namedlocation.md and its derived
// ipnamedlocation.md: a base type, a derived type that adds a collection of
// a complex type, and an unrelated type.
func testModel() *model.Package {
	rng := &model.Struct{Name: "IPRange", WireName: "microsoft.graph.ipRange", Fields: []*model.Field{{JSONName: "cidrAddress", Type: model.TypeRef{Primitive: model.String}}}}
	base := &model.Struct{Name: "NamedLocation", WireName: "microsoft.graph.namedLocation", HasODataType: true, Fields: []*model.Field{
		{JSONName: "id", Type: model.TypeRef{Primitive: model.String}},
		{JSONName: "modifiedDateTime", Type: model.TypeRef{Primitive: model.DateTimeOffset}},
		{JSONName: "tenantId", Type: model.TypeRef{Primitive: model.String}},
	}}
	ip := &model.Struct{Name: "IPNamedLocation", WireName: "microsoft.graph.ipNamedLocation", Base: base, Fields: []*model.Field{
		{JSONName: "ipRanges", Type: model.TypeRef{Kind: model.KindStruct, Struct: rng, Collection: true}},
	}}
	other := &model.Struct{Name: "Other", WireName: "microsoft.graph.other", Fields: []*model.Field{{JSONName: "extra"}}}
	return &model.Package{Structs: []*model.Struct{base, ip, rng, other}}
}

// TestCompareMembers pins the counting and the causes on the shapes of the
// real losses: conditionalaccessroot-list-namedlocations.md (ipRanges of a
// derived type), directoryaudit-list.md ("tenantID"), group-list.md
// (@odata.etag), signin-get.md (a member no page declares), place-get.md (a
// Double with more digits than a float64 keeps).
func TestCompareMembers(t *testing.T) {
	pkg := testModel()
	ix := newTypeIndex(pkg)
	for _, tc := range []struct {
		name, typ, in, out string
		want               tally
		causes             []string // "member cause members" for each loss
	}{{
		name: "derived type lost with its subtree",
		typ:  "microsoft.graph.namedLocation",
		in:   `{"@odata.type": "#microsoft.graph.ipNamedLocation", "id": "1", "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "1/22"}]}`,
		out:  `{"@odata.type": "#microsoft.graph.ipNamedLocation", "id": "1"}`,
		want: tally{Members: 5, Preserved: 2, Annotations: 2, AnnotationsPreserved: 1, ODataTypes: 2, ODataTypesPreserved: 1,
			Lost: map[string]int{causePolymorphism: 3}},
		causes: []string{"ipRanges polymorphism 3"},
	}, {
		name: "derived type kept: its nested members are typed by the derived type",
		typ:  "microsoft.graph.namedLocation",
		in:   `{"@odata.type": "#microsoft.graph.ipNamedLocation", "ipRanges": [{"cidrAddress": "1/22", "bogus": 1}]}`,
		out:  `{"@odata.type": "#microsoft.graph.ipNamedLocation", "ipRanges": [{"cidrAddress": "1/22"}]}`,
		want: tally{Members: 4, Preserved: 3, Annotations: 1, AnnotationsPreserved: 1, ODataTypes: 1, ODataTypesPreserved: 1,
			Lost: map[string]int{causeUndeclared: 1}},
		causes: []string{"bogus not declared 1"},
	}, {
		name: "case, annotation, undeclared, and a type that is not derived",
		typ:  "microsoft.graph.namedLocation",
		in:   `{"@odata.type": "microsoft.graph.other", "tenantID": "t", "@odata.etag": "W/1", "extra": {"a": 1}}`,
		out:  `{"@odata.type": "microsoft.graph.other"}`,
		want: tally{Members: 5, Preserved: 1, Annotations: 2, AnnotationsPreserved: 1, ODataTypes: 1, ODataTypesPreserved: 1,
			Lost: map[string]int{causeCase: 1, causeAnnotation: 1, causeUndeclared: 2}},
		causes: []string{"tenantID differs in case 1", "@odata.etag instance annotation 1", "extra not declared 2"},
	}, {
		name: "equal values written otherwise, and a changed one",
		typ:  "microsoft.graph.namedLocation",
		in:   `{"modifiedDateTime": "2019-09-04T01:11:34.000Z", "id": 47.640568390488626, "tenantId": [1.0, 2]}`,
		out:  `{"modifiedDateTime": "2019-09-04T01:11:34Z", "id": 47.64056839048863, "tenantId": [1, 2]}`,
		want: tally{Members: 3, Preserved: 2, EqualTimestamps: 1, EqualNumbers: 1,
			Lost: map[string]int{causeChanged: 1}},
		causes: []string{"id value changed 1"},
	}, {
		name: "base64 of the same bytes written otherwise, and of other bytes",
		typ:  "microsoft.graph.namedLocation",
		in:   `{"id": "R0lGODdhEAYEAA7", "tenantId": "-_8", "displayName": "aGk="}`,
		out:  `{"id": "R0lGODdhEAYEAA4=", "tenantId": "+/8=", "displayName": "aGo="}`,
		want: tally{Members: 3, Preserved: 2, EqualBinary: 2,
			Lost: map[string]int{causeChanged: 1}},
		causes: []string{"displayName value changed 1"},
	}, {
		name:   "declared and lost, and a shape that changed",
		typ:    "microsoft.graph.namedLocation",
		in:     `{"id": "1", "tenantId": {"a": {"b": 1}}}`,
		out:    `{"tenantId": "x"}`,
		want:   tally{Members: 4, Lost: map[string]int{causeOther: 1, causeChanged: 3}},
		causes: []string{"id other 1", "tenantId value changed 3"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := jsonx.Parse([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			out, err := jsonx.Parse([]byte(tc.out))
			if err != nil {
				t.Fatal(err)
			}
			var got tally
			c := &comparer{ix: ix, pos: func(off int) diag.Pos { return diag.Pos{File: "p.md", Col: off + 1} }, tall: &got}
			c.compare(in, out, ix.lookup(tc.typ))
			var causes []string
			for _, l := range got.Losses {
				causes = append(causes, fmt.Sprintf("%s %s %d", l.Member, l.Cause, l.Members))
			}
			got.Losses = nil
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("tally (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.causes, causes); d != "" {
				t.Errorf("losses (-want +got):\n%s", d)
			}
			lost := 0
			for _, n := range got.Lost {
				lost += n
			}
			if got.Preserved+lost != got.Members {
				t.Errorf("%d preserved and %d lost do not add up to %d members", got.Preserved, lost, got.Members)
			}
		})
	}
}
