package support

import (
	"encoding/json"
	"errors"
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
