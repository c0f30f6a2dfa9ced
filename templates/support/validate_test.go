package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestValidateReportsEachInvalidValueWithItsPath(t *testing.T) {
	var n node
	in := `{"kind":"blue","color":"red","children":[{"color":"green"},{"colors":["red","pink"],"children":[{"kind":"x"}]}]}`
	if err := json.Unmarshal([]byte(in), &n); err != nil {
		t.Fatal(err)
	}
	err := n.Validate()
	want := `kind: "blue" is not a valid color (want one of "red", "green")` + "\n" +
		`children[1].colors[1]: "pink" is not a valid color (want one of "red", "green")` + "\n" +
		`children[1].children[0].kind: "x" is not a valid color (want one of "red", "green")`
	if err == nil || err.Error() != want {
		t.Fatalf("Validate() = %v, want\n%s", err, want)
	}
	var ve ValidationErrors
	var ee *EnumError
	if !errors.As(err, &ve) || len(ve) != 3 || !errors.As(err, &ee) || ee.Path != "kind" || ee.Value != "blue" {
		t.Errorf("Validate() = %#v, want ValidationErrors of three *EnumError, the first at kind", err)
	}
	n = node{}
	if err := n.Validate(); err != nil {
		t.Errorf("Validate() of an empty node = %v, want nil", err)
	}
}

// TestValidateDescribesTheFirstErrorsAndCountsTheRest checks the bound on
// what Validate reports: a value may hold any number of invalid values, and
// a message describing each would be as large as their paths together.
func TestValidateDescribesTheFirstErrorsAndCountsTheRest(t *testing.T) {
	for _, tt := range []struct {
		invalid   int
		described int
		more      string
	}{
		{maxValidationErrors, maxValidationErrors, ""},
		{maxValidationErrors + 1, maxValidationErrors, "\nand 1 more invalid value"},
		{3 * maxValidationErrors, maxValidationErrors, fmt.Sprintf("\nand %d more invalid values", 2*maxValidationErrors)},
	} {
		colors := make([]color, tt.invalid)
		for i := range colors {
			colors[i] = color(fmt.Sprint("c", i))
		}
		n := node{Colors: Some(colors)}
		err := n.Validate()
		var ve ValidationErrors
		if !errors.As(err, &ve) {
			t.Fatalf("%d invalid: Validate() = %v, want ValidationErrors", tt.invalid, err)
		}
		var enums int
		for _, e := range ve {
			if _, ok := e.(*EnumError); ok {
				enums++
			}
		}
		last := ve[len(ve)-1].Error()
		if enums != tt.described || !strings.HasSuffix(err.Error(), tt.more) || !strings.HasPrefix(last, "colors[") && tt.more == "" {
			t.Errorf("%d invalid: %d described, message ending %q; want %d described, then %q", tt.invalid, enums, last, tt.described, tt.more)
		}
		var more *MoreErrors
		if got := errors.As(err, &more); got != (tt.more != "") || got && more.Count != tt.invalid-tt.described {
			t.Errorf("%d invalid: errors.As(*MoreErrors) = %v, %v", tt.invalid, got, more)
		}
	}
}

// deepNode returns a node whose children nest depth levels, each with the
// color c.
func deepNode(depth int, c color) node {
	var n node
	for range depth {
		n = node{Color: Some(c), Children: Some([]node{n})}
	}
	return n
}

// TestValidateDeepValuesIsLinear checks that Validate costs about twice as
// much for twice the depth, not four times, in memory and in the length of
// its message, for a valid value and for one with an invalid enum at each
// level: it must not write out the path of every value it walks, nor
// describe every invalid value.
func TestValidateDeepValuesIsLinear(t *testing.T) {
	for _, c := range []color{"red", "bogus"} {
		values := map[int]node{1000: deepNode(1000, c), 2000: deepNode(2000, c)}
		lengths := map[int]int{}
		checkLinear(t, fmt.Sprintf("validating with color %q", c), func(depth int) {
			n := values[depth]
			if err := n.Validate(); err != nil {
				lengths[depth] = len(err.Error())
			}
		})
		if ratio := float64(lengths[2000]) / float64(max(lengths[1000], 1)); ratio > 3 {
			t.Errorf("the message for 2,000 levels of color %q is %.1fx that for 1,000 (%d and %d bytes), want about 2x at most", c, ratio, lengths[2000], lengths[1000])
		}
	}
}

// TestDecodingErrorDeepInAValueIsLinear checks that the path of an error
// found deep in a value is written out in time and memory linear in its
// depth, not by rewriting the path of each level above.
func TestDecodingErrorDeepInAValueIsLinear(t *testing.T) {
	checkLinear(t, "decoding an error 1,000 levels deep", func(depth int) {
		in := strings.Repeat(`{"children":[`, depth) + `{"name":1}` + strings.Repeat(`]}`, depth)
		var n node
		err := json.Unmarshal([]byte(in), &n)
		if want := strings.Repeat("children[0].", depth) + "name: json: cannot unmarshal"; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("decoding = %.100v…, want an error at children[0]… name", err)
		}
	})
}

// checkLinear wants run(2000) to allocate about twice what run(1000) does,
// not four times.
func checkLinear(t *testing.T, what string, run func(depth int)) {
	t.Helper()
	allocated := func(depth int) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		run(depth)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(1000), allocated(2000)
	if ratio := float64(large) / float64(small); ratio > 3 {
		t.Errorf("%s: 2,000 levels allocate %.1fx what 1,000 do (%d and %d bytes), want about 2x", what, ratio, large, small)
	}
}

// TestStrictEnumDecoding checks decodeEnum, the UnmarshalJSON method of the
// enum types of a package generated with strict enums: a member decodes, null
// leaves the value alone, and any other value is an *EnumError.
func TestStrictEnumDecoding(t *testing.T) {
	var c color
	if err := decodeEnum([]byte(`"red"`), &c); err != nil || c != "red" {
		t.Fatalf(`decodeEnum("red") = %v, %q`, err, c)
	}
	if err := decodeEnum([]byte(`null`), &c); err != nil || c != "red" {
		t.Fatalf("decodeEnum(null) = %v, %q; want the value left alone", err, c)
	}
	err := decodeEnum([]byte(`"blue"`), &c)
	var ee *EnumError
	if !errors.As(err, &ee) || ee.Value != "blue" || c != "red" {
		t.Fatalf(`decodeEnum("blue") = %v, %q; want an *EnumError and the value left alone`, err, c)
	}
	if err := decodeEnum([]byte(`1`), &c); err == nil {
		t.Fatal("decodeEnum(1) = nil, want an error")
	}
}

// TestValidateValueThatHoldsItself checks that Validate ends on a value
// that holds itself, which Go code can build, through one way back or
// several (an org chart: a manager's reports, each naming the manager),
// and reports its invalid value once, rather than overflowing the stack or
// walking every path.
func TestValidateValueThatHoldsItself(t *testing.T) {
	one := []node{{Color: Some[color]("blue")}}
	one[0].Children = Nullable[[]node]{Ptr: &one}
	two := make([]node, 2)
	two[0].Children = Nullable[[]node]{Ptr: &two}
	two[1] = node{Color: Some[color]("blue"), Children: Nullable[[]node]{Ptr: &two}}
	boss := &shape{Name: Some("boss")}
	var reports []anyShape
	for range 6 {
		reports = append(reports, &square{shape: shape{Inner: Some[anyShape](boss)}, Side: Some(1)})
	}
	boss.Shapes = Some(reports)
	boss.AdditionalData = map[string]json.RawMessage{"tenantID": json.RawMessage(`"x"`)}
	for _, c := range []struct {
		name string
		v    any
		want int
	}{
		{"one way back", &node{Children: one[0].Children}, 1},
		{"two ways back", &two[0], 1},
		{"an org chart, undeclared members", boss, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- ValidateUndeclared(c.v) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ValidateUndeclared did not end in 10 s")
			}
			var errs ValidationErrors
			if !errors.As(err, &errs) || len(errs) != c.want {
				t.Errorf("got %d errors, want %d: %v", len(errs), c.want, err)
			}
		})
	}
}

// TestValidateSharedValuesOnce checks that a value reached by many paths,
// a chain of values each holding the next twice (2^40 paths), is checked
// once.
func TestValidateSharedValuesOnce(t *testing.T) {
	next := &shape{Name: Some("end"), Inner: Some[anyShape](&circle{})}
	for range 40 {
		next = &shape{Shapes: Some([]anyShape{next, next})}
	}
	done := make(chan error, 1)
	go func() { done <- Validate(next) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Validate: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Validate did not end in 10 s")
	}
}
