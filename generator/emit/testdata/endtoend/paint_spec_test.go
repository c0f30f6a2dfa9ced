// This file is copied into the package generated from strictPackage by
// TestGeneratedPackages.

package paint

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestSpecStrictDecodingRejectsUnknownValues(t *testing.T) {
	var p Paint
	err := json.Unmarshal([]byte(`{"accents":["red","blue"]}`), &p)
	var ee *EnumError
	if !errors.As(err, &ee) {
		t.Fatalf("decoding = %v, want an *EnumError", err)
	}
	want := `accents[1]: "blue" is not a valid Color (want one of "red", "green")`
	if err.Error() != want || ee.Path != "accents[1]" {
		t.Errorf("decoding error = %q (path %q), want %q", err, ee.Path, want)
	}
	// The path is the one Validate would give, however deep the value.
	for in, want := range map[string]string{
		`{"main":{"color":"blue"}}`:                               `main.color`,
		`{"paints":[{"color":"red"},{"accents":["red","blue"]}]}`: `paints[1].accents[1]`,
	} {
		var pal Palette
		err := json.Unmarshal([]byte(in), &pal)
		if !errors.As(err, &ee) || ee.Path != want {
			t.Errorf("decoding %s = %v, want an *EnumError at %s", in, err, want)
		}
	}
	if err := json.Unmarshal([]byte(`{"color":"green"}`), &p); err != nil || *p.Color.Value() != ColorGreen {
		t.Errorf("decoding a member = %v, %q", err, *p.Color.Value())
	}
}
