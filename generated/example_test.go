package generated_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/graphgen/graphgen/generated/beta"
)

// Generated structs meet the interface that validating middleware looks for.
var _ interface{ Validate() error } = (*beta.InviteParticipantsOperation)(nil)

// A consumer decodes an operation, and Validate tells it whether every enum
// value is a documented member. An undocumented value is kept, so nothing
// the service sent is lost, and Validate names where it is and what was
// allowed.
func Example() {
	for _, status := range []string{"running", "bogus"} {
		data := []byte(`{
			"clientContext": "d45324c1-fcb5-430a-902c-f20af696537c",
			"id": "0fe0623f-d628-42ed-b4bd-8ac290072cc5",
			"participants": [{"endpointType": "default", "identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}],
			"status": "` + status + `"
		}`)
		var op beta.InviteParticipantsOperation
		if err := json.Unmarshal(data, &op); err != nil {
			fmt.Println("decode:", err)
			continue
		}
		fmt.Printf("status %q: Validate() = %v\n", *op.Status.Value(), op.Validate())
	}
	// Output:
	// status "running": Validate() = <nil>
	// status "bogus": Validate() = status: "bogus" is not a valid InviteParticipantsOperationStatus (want one of "notStarted", "running", "completed", "failed")
}

// Validate walks nested structs and collections and reports every invalid
// value with its JSON path; errors.As gives each as an *EnumError.
func Example_nested() {
	var op beta.InviteParticipantsOperation
	err := json.Unmarshal([]byte(`{"participants": [{"endpointType": "default"}, {"endpointType": "bogus"}], "status": "paused"}`), &op)
	if err != nil {
		panic(err)
	}
	err = op.Validate()
	fmt.Println(err)
	var ee *beta.EnumError
	if errors.As(err, &ee) {
		fmt.Printf("first: path %s, value %q, want %q\n", ee.Path, ee.Value, ee.Want)
	}
	// Output:
	// participants[1].endpointType: "bogus" is not a valid InvitationParticipantInfoEndpointType (want one of "default", "voicemail")
	// status: "paused" is not a valid InviteParticipantsOperationStatus (want one of "notStarted", "running", "completed", "failed")
	// first: path participants[1].endpointType, value "bogus", want ["default" "voicemail"]
}

// Absent, null and zero stay distinct, and the open type identitySet keeps
// members it does not declare: a round trip loses nothing.
func Example_roundTrip() {
	var op beta.InviteParticipantsOperation
	fmt.Println(json.Unmarshal([]byte(`{"clientContext":null,"participants":[],"resultInfo":{"code":0}}`), &op))
	fmt.Println(beta.IsNull(op.ClientContext), beta.IsAbsent(op.ID), beta.IsSet(op.Participants), beta.IsSet(op.ResultInfo.Value().Code))
	out, _ := json.Marshal(op)
	fmt.Println(string(out))

	var ids beta.IdentitySet
	_ = json.Unmarshal([]byte(`{"user":{"id":"1","displayName":"Ana"},"guest":{"id":"2"}}`), &ids)
	out, _ = json.Marshal(ids)
	fmt.Println(string(out))
	// Output:
	// <nil>
	// true true true true
	// {"clientContext":null,"participants":[],"resultInfo":{"code":0}}
	// {"user":{"displayName":"Ana","id":"1"},"guest":{"id":"2"}}
}

// Value reads a member through members that may be absent, left to right:
// each call returns a pointer to a copy of the value, or to a zero value,
// never nil. Or gives a default of one's own, and Get says whether there
// was a value.
func Example_read() {
	var op beta.InviteParticipantsOperation
	_ = json.Unmarshal([]byte(`{"participants":[{"identity":{"user":{"id":"u1"}}}],"resultInfo":{"code":200}}`), &op)

	fmt.Println(*op.ResultInfo.Value().Code.Value())
	fmt.Printf("%q\n", *op.ResultInfo.Value().Message.Value()) // absent: ""
	fmt.Println(beta.Or(op.ResultInfo.Value().Message, "no message"))
	for _, p := range *op.Participants.Value() {
		fmt.Println(*p.Identity.Value().User.Value().ID.Value())
	}
	if status, ok := beta.Get(op.Status); !ok {
		fmt.Printf("status absent: %q\n", status)
	}
	// Output:
	// 200
	// ""
	// no message
	// u1
	// status absent: ""
}

// Some, Null and FromPtr build a member; a literal does too, since the two
// fields of a Nullable are its whole state. Setting a nested member takes
// the value, changes it and sets it back: Value returns a copy.
func Example_write() {
	var op beta.InviteParticipantsOperation
	op.ClientContext = beta.Some("my-context")
	op.ID = beta.Null[string]()
	op.Status = beta.FromPtr[beta.InviteParticipantsOperationStatus](nil) // absent
	info := op.ResultInfo.Value()
	info.Code = beta.Some(int32(404))
	op.ResultInfo = beta.Some(*info)
	op.Participants = beta.Some(append(*op.Participants.Value(), beta.InvitationParticipantInfo{
		EndpointType: beta.Some(beta.InvitationParticipantInfoEndpointTypeVoicemail),
	}))
	out, _ := json.Marshal(op)
	fmt.Println(string(out))
	// Output:
	// {"clientContext":"my-context","id":null,"participants":[{"endpointType":"voicemail"}],"resultInfo":{"code":404}}
}
