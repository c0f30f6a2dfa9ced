package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
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
// that holds itself, which Go code can build, reporting its invalid value
// a bounded number of times, rather than overflowing the stack.
func TestValidateValueThatHoldsItself(t *testing.T) {
	kids := []node{{Color: Some[color]("blue")}}
	kids[0].Children = Nullable[[]node]{Ptr: &kids}
	err := Validate(&node{Children: kids[0].Children})
	var errs ValidationErrors
	if !errors.As(err, &errs) || len(errs) == 0 || len(errs) > validationTrackDepth+2 {
		t.Fatalf("Validate of a value that holds itself: %d errors, want 1 to %d: %v", len(errs), validationTrackDepth+2, err)
	}
	if !strings.Contains(errs[0].Error(), "children[0].color") {
		t.Errorf("first error %q, want the path children[0].color", errs[0])
	}
}
