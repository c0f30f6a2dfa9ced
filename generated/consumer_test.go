package generated_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generated/beta"
)

// The tests here use the generated package as a module of one's own would:
// from outside, with go-cmp and encoding/json and no option for either.

func sampleOperation(t *testing.T) beta.InviteParticipantsOperation {
	t.Helper()
	var op beta.InviteParticipantsOperation
	err := json.Unmarshal([]byte(`{
		"clientContext": "ctx",
		"id": null,
		"participants": [{"endpointType": "default", "identity": {"user": {"id": "u1", "displayName": "Ana"}}}],
		"resultInfo": {"code": 200},
		"status": "running"
	}`), &op)
	if err != nil {
		t.Fatal(err)
	}
	return op
}

func TestConsumerCmpDiff(t *testing.T) {
	a, b := sampleOperation(t), sampleOperation(t)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("cmp.Diff of two equal values:\n%s", diff)
	}
	b.Status = beta.Some(beta.InviteParticipantsOperationStatusFailed)
	diff := cmp.Diff(a, b)
	var changed []string
	for _, line := range strings.Split(diff, "\n") {
		if strings.HasPrefix(line, "-") || strings.HasPrefix(line, "+") {
			changed = append(changed, strings.Join(strings.Fields(line), " "))
		}
	}
	// The changed lines are the value of Status, under its name; the
	// lines around them are context.
	want := []string{`- Ptr: &"running",`, `+ Ptr: &"failed",`}
	if !cmp.Equal(changed, want) || !strings.Contains(diff, "Status: beta.Nullable[") {
		t.Errorf("cmp.Diff after changing status changed %q, want %q under Status:\n%s", changed, want, diff)
	}
	// reflect.DeepEqual is the equality of the standard library, as ==
	// does not compile on these types.
	if !reflect.DeepEqual(a, sampleOperation(t)) || reflect.DeepEqual(a, b) {
		t.Errorf("reflect.DeepEqual does not tell a changed status from none")
	}
	// Absent and null differ, as they do on the wire.
	b = sampleOperation(t)
	b.ID = beta.Nullable[string]{}
	if cmp.Equal(a, b) {
		t.Errorf("cmp.Equal reports a null member equal to an absent one")
	}
}

// mine is a consumer's own type holding a generated struct and Nullables.
type mine struct {
	Op      beta.InviteParticipantsOperation `json:"op"`
	Note    beta.Nullable[string]            `json:"note,omitzero"`
	Cleared beta.Nullable[string]            `json:"cleared,omitzero"`
	Gone    beta.Nullable[beta.ResultInfo]   `json:"gone,omitzero"`
	Info    beta.Nullable[beta.ResultInfo]   `json:"info,omitzero"`
	List    []beta.InvitationParticipantInfo `json:"list"`
}

func TestConsumerStructRoundTrip(t *testing.T) {
	op := sampleOperation(t)
	in := mine{
		Op:      sampleOperation(t),
		Note:    beta.Some(""),
		Cleared: beta.Null[string](),
		Info:    beta.Some(beta.ResultInfo{Code: beta.Some(int32(7))}),
		List:    *op.Participants.Value(), // Value needs a variable: its receiver is a pointer
	}
	data, err := json.Marshal(in) // by value: nothing needs a pointer
	if err != nil {
		t.Fatal(err)
	}
	var out mine
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip through %s changed the value (-in +out):\n%s", data, diff)
	}
	// The generated struct is written in its wire form, whatever holds it.
	if want := `"op":{"clientContext":"ctx","id":null,`; !strings.Contains(string(data), want) {
		t.Errorf("encoding = %s, want it to hold %s", data, want)
	}
	if strings.Contains(string(data), `"gone"`) {
		t.Errorf("encoding = %s, want the absent member left out", data)
	}
}

// TestConsumerFmt checks that fmt prints a generated value with its values
// rather than the addresses its members hold, whether it is printed on its
// own, through a pointer, or inside a value of one's own.
func TestConsumerFmt(t *testing.T) {
	op := sampleOperation(t)
	want := `{ClientContext:"ctx" ID:null Participants:[{EndpointType:"default" Identity:{User:{DisplayName:"Ana" ID:"u1"}}}] ResultInfo:{Code:200} Status:"running"}`
	for _, got := range []string{fmt.Sprint(op), fmt.Sprintf("%v", &op), fmt.Sprintf("%+v", op)} {
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
	own := struct {
		Op   beta.InviteParticipantsOperation
		Info *beta.ResultInfo
	}{op, op.ResultInfo.Value()}
	if got, want := fmt.Sprint(own), "{"+want+" {Code:200}}"; got != want {
		t.Errorf("in a struct of one's own: got  %s\nwant %s", got, want)
	}
	if got := fmt.Sprint(op); strings.Contains(got, "0x") {
		t.Errorf("fmt.Sprint shows an address: %s", got)
	}
}
