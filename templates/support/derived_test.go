package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestFamilyValueDecodesAsTheTypeItsODataTypeNames pins the rules for a
// value held as a family interface, on the shapes of the v1.0 examples:
// conditionalaccessroot-list-namedlocations.md ("#microsoft.graph.ipNamedLocation"
// first), callrecords-callrecord-get.md (the tag among other members).
func TestFamilyValueDecodesAsTheTypeItsODataTypeNames(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     reflect.Type
	}{
		{"tagged with #", `{"@odata.type": "#test.circle", "name": "c", "radius": 2}`, reflect.TypeFor[*circle]()},
		{"tagged without #, in another case", `{"@odata.type": "Test.Circle", "radius": 2}`, reflect.TypeFor[*circle]()},
		{"tag after the members it types", `{"radius": 2, "name": "c", "@odata.type": "#test.circle"}`, reflect.TypeFor[*circle]()},
		{"the base named", `{"@odata.type": "#test.shape", "name": "s"}`, reflect.TypeFor[*shape]()},
		{"untagged", `{"name": "s", "radius": 2}`, reflect.TypeFor[*shape]()},
		{"a type of no family", `{"@odata.type": "#test.node", "name": "s", "radius": 2}`, reflect.TypeFor[*shape]()},
		{"a type of no page", `{"@odata.type": "#test.hexagon", "name": "s", "corners": 6}`, reflect.TypeFor[*shape]()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := `{"inner": ` + tc.in + `, "shapes": [` + tc.in + `, {"@odata.type": "#test.square", "side": 1}]}`
			var s shape
			if err := json.Unmarshal([]byte(in), &s); err != nil {
				t.Fatal(err)
			}
			inner, _ := Get(s.Inner)
			shapes, _ := Get(s.Shapes)
			if got := reflect.TypeOf(inner); got != tc.want {
				t.Errorf("inner is a %v, want a %v", got, tc.want)
			}
			if len(shapes) != 2 || reflect.TypeOf(shapes[0]) != tc.want || reflect.TypeOf(shapes[1]) != reflect.TypeFor[*square]() {
				t.Errorf("shapes = %#v, want a %v and a *square", shapes, tc.want)
			}
			// Every member is kept, those the type does not declare in
			// AdditionalData, whatever the type chosen.
			out, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			if !sameJSON(t, in, string(out)) {
				t.Errorf("round trip:\n in %s\nout %s", in, out)
			}
		})
	}
}

// sameJSON reports whether a and b are the same JSON value, member order
// aside.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}

func TestDerivedValueSetInAFamilyFieldIsWrittenWithItsODataType(t *testing.T) {
	c := &circle{Radius: Some(1.5)}
	c.Name = Some("c")
	s := shape{Inner: Some[anyShape](c), Shapes: Some([]anyShape{&shape{}, &square{Side: Some(2)}, nil})}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"inner":{"@odata.type":"#test.circle","name":"c","radius":1.5},"shapes":[{},{"@odata.type":"#test.square","side":2},null]}`
	if string(out) != want {
		t.Errorf("encoded %s, want %s", out, want)
	}
	// A value that says its type keeps what it says.
	c.ODataType = Some("#Test.Circle")
	out, _ = json.Marshal(shape{Inner: Some[anyShape](c)})
	if want := `{"inner":{"@odata.type":"#Test.Circle","name":"c","radius":1.5}}`; string(out) != want {
		t.Errorf("encoded %s, want %s", out, want)
	}
}

func TestUnmarshalIntoAFamilyInterface(t *testing.T) {
	var s anyShape
	if err := Unmarshal([]byte(`{"radius": 3, "@odata.type": "#test.circle"}`), &s); err != nil {
		t.Fatal(err)
	}
	if c, ok := s.(*circle); !ok || *c.Radius.Value() != 3 {
		t.Errorf("decoded %#v, want a *circle of radius 3", s)
	}
	var list []anyShape
	if err := Unmarshal([]byte(`[{"@odata.type": "#test.square"}, {"name": "x"}]`), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || reflect.TypeOf(list[0]) != reflect.TypeFor[*square]() || reflect.TypeOf(list[1]) != reflect.TypeFor[*shape]() {
		t.Errorf("decoded %#v, want a *square and a *shape", list)
	}
	if err := Unmarshal([]byte(`{} {}`), &s); err == nil {
		t.Errorf("Unmarshal of two values = nil, want an error")
	}
	if err := Unmarshal([]byte(`{}`), shape{}); err == nil || !strings.Contains(err.Error(), "want a non-nil pointer") {
		t.Errorf("Unmarshal into a non-pointer = %v, want an error", err)
	}
}

func TestCollectionResponse(t *testing.T) {
	in := `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x", "@odata.count": 2, "@odata.nextLink": "https://next",` +
		` "value": [{"@odata.type": "#test.circle", "radius": 1}, {"name": "s"}], "@odata.bogus": true}`
	var page Collection[anyShape]
	if err := json.Unmarshal([]byte(in), &page); err != nil {
		t.Fatal(err)
	}
	if *page.ODataCount.Value() != 2 || *page.ODataNextLink.Value() != "https://next" || len(page.Value) != 2 {
		t.Fatalf("decoded %+v", page)
	}
	if _, ok := page.Value[0].(*circle); !ok {
		t.Errorf("value[0] is a %T, want a *circle", page.Value[0])
	}
	out, err := json.Marshal(page)
	if err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, in, string(out)) {
		t.Errorf("round trip:\n in %s\nout %s", in, out)
	}
	out, _ = json.Marshal(Collection[node]{})
	if string(out) != `{"value":[]}` {
		t.Errorf("an empty collection encoded as %s, want {\"value\":[]}", out)
	}
}

// TestEveryTypeKeepsWhatItDoesNotDeclare checks that a closed type keeps
// undeclared members and instance annotations, as signin-get.md's
// appliedConditionalAccessPolicies and group-list.md's @odata.etag need.
func TestEveryTypeKeepsWhatItDoesNotDeclare(t *testing.T) {
	in := `{"name": "s", "@odata.etag": "W/1", "name@odata.type": "#String", "appliedPolicies": [{"id": 1}]}`
	var s shape
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.AdditionalData) != 3 {
		t.Errorf("AdditionalData = %v, want the three members shape does not declare", s.AdditionalData)
	}
	out, _ := json.Marshal(s)
	if !sameJSON(t, in, string(out)) {
		t.Errorf("round trip:\n in %s\nout %s", in, out)
	}
}

func TestValidateUndeclaredReportsMembersOfClosedTypes(t *testing.T) {
	in := `{"name": "s", "@odata.etag": "W/1", "zeta": 1, "shapes": [{"@odata.type": "#test.circle", "alpha": 1}, {"@odata.type": "#test.square", "open": 1}]}`
	var s shape
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
	err := ValidateUndeclared(&s)
	want := "shapes[0].alpha: not a member of circle\nzeta: not a member of shape"
	if err == nil || err.Error() != want {
		t.Fatalf("ValidateUndeclared() = %v, want\n%s", err, want)
	}
	var ue *UndeclaredError
	if !errors.As(err, &ue) || ue.Path != "shapes[0].alpha" || ue.Type != "circle" {
		t.Errorf("ValidateUndeclared() = %#v, want an *UndeclaredError at shapes[0].alpha", err)
	}
}

// TestDecodingLateTagsIsLinear checks that family values nested n deep,
// each with its "@odata.type" after the members it types, are decoded in
// time and memory linear in n: looking ahead for the tag at each level
// would read the levels below again.
func TestDecodingLateTagsIsLinear(t *testing.T) {
	checkLinear(t, "decoding family values with late tags", func(depth int) {
		in := strings.Repeat(`{"radius": 1, "inner": `, depth) + `{}` + strings.Repeat(`, "@odata.type": "#test.circle"}`, depth)
		var s anyShape
		if err := Unmarshal([]byte(in), &s); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < depth; i++ {
			c, ok := s.(*circle)
			if !ok {
				t.Fatalf("level %d is a %T, want a *circle", i, s)
			}
			s, _ = Get(c.Inner)
		}
	})
}

func ExampleCollection() {
	body := `{"value": [{"@odata.type": "#test.circle", "name": "c", "radius": 1}, {"name": "s"}]}`
	var page Collection[anyShape]
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		panic(err)
	}
	for _, s := range page.Value {
		switch s := s.(type) {
		case *circle:
			fmt.Println("circle", *s.Name.Value(), *s.Radius.Value())
		case *shape:
			fmt.Println("shape", *s.Name.Value())
		}
	}
	// Output:
	// circle c 1
	// shape s
}

// TestValueOfAnEmptyFamilyMemberIsTheBase checks that Value chains through
// a member of a family interface that holds no value, as through any
// absent member, rather than leaving a nil interface whose method panics.
func TestValueOfAnEmptyFamilyMemberIsTheBase(t *testing.T) {
	for _, tc := range []struct {
		name  string
		inner Nullable[anyShape]
	}{
		{"absent", Nullable[anyShape]{}},
		{"null", Null[anyShape]()},
		{"a nil interface", Some[anyShape](nil)},
		{"a nil pointer", Some[anyShape]((*circle)(nil))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := shape{Inner: tc.inner}
			before := s.Inner
			got := (*s.Inner.Value()).AsShape()
			if got == nil || IsSet(got.Name) || *got.Name.Value() != "" {
				t.Errorf("(*Value()).AsShape() = %#v, want a zero shape", got)
			}
			if !reflect.DeepEqual(s.Inner, before) {
				t.Errorf("Value changed the member: %#v, was %#v", s.Inner, before)
			}
		})
	}
	// A value is the value itself, whatever its type.
	c := &circle{Radius: Some(2.0)}
	s := shape{Inner: Some[anyShape](c)}
	if got := *s.Inner.Value(); got != anyShape(c) {
		t.Errorf("Value() = %#v, want the circle", got)
	}
	// Other interfaces are left alone: a nil any stays nil.
	var n Nullable[any]
	if got := *n.Value(); got != nil {
		t.Errorf("Nullable[any]{}.Value() = %#v, want nil", got)
	}
}

// TestEscapedODataTypeKeyChoosesTheTypeWherever checks that "@odata.type"
// written with an escape chooses the type of a value as it does written
// plainly: in first place, where the decoder takes it from the first
// member, as after it, and whatever else the input holds.
func TestEscapedODataTypeKeyChoosesTheTypeWherever(t *testing.T) {
	for _, in := range []string{
		`{"@odata\u002etype":"#test.circle","radius":1}`,
		`{"\u0040odata.type" : "#test.circle","radius":1}`,
		`{"radius":1,"@odata\u002etype":"#test.circle"}`,
	} {
		var s anyShape
		if err := Unmarshal([]byte(in), &s); err != nil {
			t.Fatal(err)
		}
		if c, ok := s.(*circle); !ok || *c.Radius.Value() != 1 {
			t.Errorf("Unmarshal(%s) = %#v, want a *circle of radius 1", in, s)
		}
		// After a value whose tag comes late, which has the decoder find
		// every tag first.
		var page Collection[anyShape]
		if err := json.Unmarshal([]byte(`{"value":[{"name":"x","@odata.type":"#test.square"},`+in+`]}`), &page); err != nil {
			t.Fatal(err)
		}
		if _, ok := page.Value[1].(*circle); !ok {
			t.Errorf("%s after a late tag: a %T, want a *circle", in, page.Value[1])
		}
	}
}

// TestTagsNamingNoTypeAreNotCached checks that the cache of the types
// "@odata.type" values choose does not keep what the input spells: a tag
// naming no type, of any length, leaves it as it was, and a spelling of a
// type's name is cached, to be found again.
func TestTagsNamingNoTypeAreNotCached(t *testing.T) {
	count := func() int {
		familiesMu.RLock()
		defer familiesMu.RUnlock()
		return len(familyByTag)
	}
	decode := func(tag string) anyShape {
		var s anyShape
		if err := Unmarshal([]byte(`{"@odata.type":"`+tag+`","name":"n"}`), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := count()
	pad := strings.Repeat("x", 64<<10)
	for i := range 64 {
		if s := decode(fmt.Sprintf("#%s%d", pad, i)); reflect.TypeOf(s) != reflect.TypeFor[*shape]() {
			t.Fatalf("a tag naming no type: decoded a %T, want the base, *shape", s)
		}
	}
	if n := count(); n != before {
		t.Errorf("64 tags naming no type grew the cache from %d to %d entries", before, n)
	}
	for range 2 {
		if s := decode("#tEsT.cIrClE"); reflect.TypeOf(s) != reflect.TypeFor[*circle]() {
			t.Errorf("#tEsT.cIrClE: decoded a %T, want a *circle", s)
		}
	}
	if n := count(); n > before+1 {
		t.Errorf("a spelling of a type's name: the cache went from %d to %d entries, want one more at most", before, n)
	}
	familiesMu.RLock()
	if _, ok := familyByTag[familyTag{reflect.TypeFor[anyShape](), "#tEsT.cIrClE"}]; !ok {
		t.Errorf("a spelling of a type's name is not cached")
	}
	defer familiesMu.RUnlock()
	for k := range familyByTag {
		if _, named := typeNamed(k.tag); !named {
			t.Errorf("the cache holds %.40q, which names no type", k.tag)
		}
	}
}
