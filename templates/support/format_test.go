package support

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// stamp holds the leaf types a generated struct may hold, for the tests of
// formatObject.
type stamp struct {
	At       Nullable[time.Time]       `json:"at,omitzero"`
	On       Nullable[Date]            `json:"on,omitzero"`
	From     Nullable[TimeOfDay]       `json:"from,omitzero"`
	For      Nullable[Duration]        `json:"for,omitzero"`
	Bytes    Nullable[[]byte]          `json:"bytes,omitzero"`
	Amount   Nullable[json.Number]     `json:"amount,omitzero"`
	Ratio    Nullable[float64]         `json:"ratio,omitzero"`
	Count    Nullable[int64]           `json:"count,omitzero"`
	Size     Nullable[uint8]           `json:"size,omitzero"`
	Raw      Nullable[json.RawMessage] `json:"raw,omitzero"`
	Shape    Nullable[anyShape]        `json:"shape,omitzero"`
	Empty    Nullable[[]string]        `json:"empty,omitzero"`
	Answered Nullable[bool]            `json:"answered,omitzero"`
}

func (x stamp) String() string { return formatObject(&x) }

func TestFormatObject(t *testing.T) {
	at := time.Date(2021, 7, 1, 10, 0, 0, 500, time.UTC)
	for _, c := range []struct {
		name string
		v    fmt.Stringer
		want string
	}{
		{"absent members are left out", node{}, "{}"},
		{
			"values, null, enums quoted, bases first, nested, additional data sorted",
			node{
				base: base{Kind: Some[color]("red")},
				Name: Some("a b"), Color: Null[color](),
				Colors:         Some([]color{"red", "blue"}),
				Children:       Some([]node{{Name: Some("")}, {Children: Null[[]node]()}}),
				AdditionalData: map[string]json.RawMessage{"z": json.RawMessage(`{ "a" : [1, 2] }`), "@odata.etag": json.RawMessage(`"W/\"1\""`)},
			},
			`{Kind:"red" Name:"a b" Color:null Colors:["red" "blue"] Children:[{Name:""} {Children:null}] AdditionalData:map["@odata.etag":"W/\"1\"" "z":{"a":[1,2]}]}`,
		},
		{
			"leaves in their wire form",
			stamp{
				At: Some(at), On: Some(Date{2021, 7, 1}), From: Some(TimeOfDay{Hour: 9, Minute: 30}),
				For:   Some(DurationOf(90 * time.Minute)),
				Bytes: Some([]byte("hi")), Amount: Some(json.Number("1.50")), Ratio: Some(0.25),
				Count: Some(int64(-3)), Size: Some(uint8(7)), Raw: Some(json.RawMessage("not json")),
				Empty: Some([]string{}), Answered: Some(true),
			},
			`{At:2021-07-01T10:00:00.0000005Z On:2021-07-01 From:09:30:00 For:PT1H30M Bytes:aGk= Amount:1.50 Ratio:0.25 Count:-3 Size:7 Raw:"not json" Empty:[] Answered:true}`,
		},
		{
			"a family value after its type's name; an empty interface as nil",
			shape{
				Inner:  Some[anyShape](&circle{shape: shape{Name: Some("c")}, Radius: Some(2.0)}),
				Shapes: Some([]anyShape{nil, (*square)(nil), &shape{}, &square{Side: Some(1)}}),
			},
			`{Inner:circle{Name:"c" Radius:2} Shapes:[nil nil shape{} square{Side:1}]}`,
		},
		{
			"additional data last, though a base declares it",
			circle{shape: shape{Name: Some("c"), AdditionalData: map[string]json.RawMessage{"x": json.RawMessage("1")}}, Radius: Some(1.5)},
			`{Name:"c" Radius:1.5 AdditionalData:map["x":1]}`,
		},
		{
			"what a payload holds cannot break a line or send an escape",
			node{
				Name: Some("a\nb\x1b[31m"),
				AdditionalData: map[string]json.RawMessage{
					"k\nFAKE LOG LINE": json.RawMessage(`1`),
					"ok":               json.RawMessage("\"\u2028\u202e\xff\U0001F600\""),
				},
			},
			`{Name:"a\nb\x1b[31m" AdditionalData:map["k\nFAKE LOG LINE":1 "ok":"\u2028\u202e\ufffd😀"]}`,
		},
		{
			"empty binary and number values are quoted, not left blank",
			stamp{Bytes: Some([]byte(nil)), Amount: Some(json.Number("")), Count: Some(int64(1))},
			`{Bytes:"" Amount:"" Count:1}`,
		},
		{
			"Nullables, and values that are not generated, in a collection of one's own",
			Collection[any]{Value: []any{Some(1), Null[int](), Nullable[int]{}, "a", 2.5, true, &node{}, []byte{}}},
			`{Value:[1 null absent "a" 2.5 true node{} ""]}`,
		},
		{
			"a Collection",
			Collection[node]{ODataNextLink: Some("next"), Value: []node{{Name: Some("x")}}},
			`{ODataNextLink:"next" Value:[{Name:"x"}]}`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, got := range []string{c.v.String(), fmt.Sprint(c.v), fmt.Sprintf("%v", c.v), fmt.Sprintf("%+v", c.v)} {
				if got != c.want {
					t.Errorf("got  %s\nwant %s", got, c.want)
				}
			}
		})
	}
}

// TestFormatObjectInStructs checks what the String methods are for: fmt
// prints a generated value held in a struct of one's own, or behind a
// pointer, with its values.
func TestFormatObjectInStructs(t *testing.T) {
	n := node{Name: Some("x")}
	mine := struct {
		N node
		P *node
		L []node
	}{n, &n, []node{n}}
	want := `{{Name:"x"} {Name:"x"} [{Name:"x"}]}`
	if got := fmt.Sprint(mine); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := fmt.Sprint(&n); got != `{Name:"x"}` {
		t.Errorf("a pointer: got %s", got)
	}
}

// TestFormatObjectCycle checks that a value that holds itself is written
// once, then <cycle>, rather than until the stack overflows.
func TestFormatObjectCycle(t *testing.T) {
	kids := []node{{Name: Some("a")}}
	kids[0].Children = Nullable[[]node]{Ptr: &kids}
	root := node{Children: kids[0].Children}
	want := `{Children:[{Name:"a" Children:<cycle>}]}`
	if got := root.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}

	s := &shape{Name: Some("s")}
	s.Inner = Some[anyShape](s)
	// String writes a copy of *s, which is not on the path: s is written
	// once below it.
	if got, want := s.String(), `{Name:"s" Inner:shape{Name:"s" Inner:<cycle>}}`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestFormatObjectLinear checks that writing a value nested n deep costs
// about n: each level is written once, by the one walk, rather than by the
// String method of each level.
func TestFormatObjectLinear(t *testing.T) {
	nest := func(depth int) node {
		n := node{Name: Some("leaf")}
		for range depth {
			n = node{Children: Some([]node{n})}
		}
		return n
	}
	small, large := nest(500), nest(4000)
	a := testing.AllocsPerRun(3, func() { _ = small.String() })
	b := testing.AllocsPerRun(3, func() { _ = large.String() })
	if b > a*8*1.5 {
		t.Errorf("allocations grow faster than the depth: %v at depth 500, %v at depth 4000", a, b)
	}
	if got := large.String(); strings.Count(got, "Children:") != 4000 {
		t.Errorf("depth 4000 written with %d levels", strings.Count(got, "Children:"))
	}
}

// TestFormatObjectCut checks that a value Go code built, reaching its parts
// by very many paths (each of 24 levels holding the next twice: 2^24
// paths), is cut at formatLimit rather than written whole.
func TestFormatObjectCut(t *testing.T) {
	next := &shape{Name: Some(strings.Repeat("x", 64))}
	for range 24 {
		next = &shape{Shapes: Some([]anyShape{next, next})}
	}
	got := next.String()
	if len(got) > formatLimit+1<<10 || strings.Count(got, "…(cut)") != 1 {
		t.Errorf("got %d bytes with %d marks of a cut, want at most about %d, cut once", len(got), strings.Count(got, "…(cut)"), formatLimit)
	}
}
