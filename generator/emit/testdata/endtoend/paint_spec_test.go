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
	want := `"blue" is not a valid Color (want one of "red", "green")`
	if ee.Error() != want {
		t.Errorf("EnumError = %q, want %q", ee.Error(), want)
	}
	if err := json.Unmarshal([]byte(`{"color":"green"}`), &p); err != nil || Value(p.Color) != ColorGreen {
		t.Errorf("decoding a member = %v, %q", err, Value(p.Color))
	}
}
