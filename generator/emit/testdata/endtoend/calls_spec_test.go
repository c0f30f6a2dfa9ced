// This file is copied into the package generated from callsPackage by
// TestGeneratedPackages. Unlike the generated tests, it writes the expected
// output out by hand, so it pins down the behaviour rather than repeating
// the generator's reasoning.

package calls

import (
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestSpecValidateReportsEveryInvalidValueWithItsPath(t *testing.T) {
	in := `{"participants":[{"endpointType":"default"},{"endpointType":"bogus","modalities":["audio","hologram"]}],"status":"paused"}`
	var op InviteParticipantsOperation
	if err := json.Unmarshal([]byte(in), &op); err != nil {
		t.Fatalf("decoding kept no unknown enum value: %v", err)
	}
	if got := *op.Status.Value(); got != "paused" {
		t.Errorf("Status = %q, want the unknown value kept", got)
	}
	err := Validate(&op)
	want := `participants[1].endpointType: "bogus" is not a valid EndpointType (want one of "default", "voicemail")
participants[1].modalities[1]: "hologram" is not a valid Modality (want one of "audio", "video", "data", "unknownFutureValue")
status: "paused" is not a valid OperationStatus (want one of "notStarted", "running", "completed", "failed")`
	if err == nil || err.Error() != want {
		t.Fatalf("Validate() = %v, want\n%s", err, want)
	}
	var ee *EnumError
	if !errors.As(err, &ee) || ee.Path != "participants[1].endpointType" || ee.Value != "bogus" || ee.Type != "EndpointType" {
		t.Errorf("first EnumError = %+v", ee)
	}
	var nilOp *InviteParticipantsOperation
	if err := Validate(nilOp); err != nil {
		t.Errorf("Validate on a nil pointer = %v, want nil", err)
	}
}

func TestSpecValidateWalksBasesOfOpenTypes(t *testing.T) {
	var x OpenGrandChild
	x.EndpointType = Some(EndpointType("bogus"))
	x.Modality = Some(Modality("hologram"))
	want := `endpointType: "bogus" is not a valid EndpointType (want one of "default", "voicemail")
modality: "hologram" is not a valid Modality (want one of "audio", "video", "data", "unknownFutureValue")`
	if err := Validate(&x); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want\n%s", err, want)
	}
}

func TestSpecOpenTypeKeepsUnknownMembersAndWritesThemSorted(t *testing.T) {
	in := `{"zeta":1,"@odata.type":"#microsoft.graph.identitySet","user":{"displayName":"Ann"},"alpha":[true]}`
	var s IdentitySet
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.AdditionalData) != 2 || string(s.AdditionalData["alpha"]) != "[true]" {
		t.Errorf("AdditionalData = %q", s.AdditionalData)
	}
	out, err := json.Marshal(s)
	want := `{"@odata.type":"#microsoft.graph.identitySet","user":{"displayName":"Ann"},"alpha":[true],"zeta":1}`
	if err != nil || string(out) != want {
		t.Errorf("encoding = %s, %v; want %s", out, err, want)
	}
	// A declared member in AdditionalData must not be written twice, nor
	// lost when its field is absent.
	s.AdditionalData["user"] = json.RawMessage(`"shadow"`)
	if out, _ := json.Marshal(s); strings.Count(string(out), `"user"`) != 1 || strings.Contains(string(out), "shadow") {
		t.Errorf("encoding wrote a declared member twice, or not from its field: %s", out)
	}
	s.User = Nullable[Identity]{}
	if out, _ := json.Marshal(s); !strings.Contains(string(out), `"user":"shadow"`) {
		t.Errorf("encoding lost a member of AdditionalData whose field is absent: %s", out)
	}
}

func TestSpecOpenTypeBelowAnOpenBaseSharesItsAdditionalData(t *testing.T) {
	// A base value decoded on its own and set into a derived one keeps the
	// members it does not declare.
	var base IdentitySet
	if err := json.Unmarshal([]byte(`{"user":{"id":"u"},"custom":1}`), &base); err != nil {
		t.Fatal(err)
	}
	x := OpenGrandChild{CommunicationsIdentitySet: CommunicationsIdentitySet{IdentitySet: base}}
	x.Modality = Some(ModalityAudio)
	out, err := json.Marshal(x)
	want := `{"user":{"id":"u"},"modality":"audio","custom":1}`
	if err != nil || string(out) != want {
		t.Errorf("encoding = %s, %v; want %s", out, err, want)
	}
	var back OpenGrandChild
	if err := json.Unmarshal(out, &back); err != nil || string(back.AdditionalData["custom"]) != "1" {
		t.Errorf("decoding %s: AdditionalData = %q, %v", out, back.AdditionalData, err)
	}
}

func TestSpecChildOfOpenTypeDecodesOwnAndBaseFields(t *testing.T) {
	in := `{"application":{"id":"a"},"endpointType":"voicemail","guest":{"id":"g"},"other":"x"}`
	var c CommunicationsIdentitySet
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	if *c.Application.Value().ID.Value() != "a" || *c.EndpointType.Value() != EndpointTypeVoicemail || *c.Guest.Value().ID.Value() != "g" {
		t.Errorf("decoded %+v", c)
	}
	if string(c.AdditionalData["other"]) != `"x"` || len(c.AdditionalData) != 1 {
		t.Errorf("AdditionalData = %q, want only other", c.AdditionalData)
	}
	// Inside a type that is not open, the open type's methods still apply.
	var p InvitationParticipantInfo
	if err := json.Unmarshal([]byte(`{"identity":{"kept":true}}`), &p); err != nil {
		t.Fatal(err)
	}
	if out, _ := json.Marshal(p); string(out) != `{"identity":{"kept":true}}` {
		t.Errorf("encoding = %s", out)
	}
	// null leaves the value alone, as encoding/json does.
	if err := json.Unmarshal([]byte(`null`), &c); err != nil || !IsSet(c.Application) {
		t.Errorf("decoding null changed the value: %v", err)
	}
}

func TestSpecNullAndAbsentAreKeptApart(t *testing.T) {
	var r ResultInfo
	if err := json.Unmarshal([]byte(`{"code":0,"message":null}`), &r); err != nil {
		t.Fatal(err)
	}
	if !IsSet(r.Code) || *r.Code.Value() != 0 || !IsNull(r.Message) || !IsAbsent(r.Subcode) {
		t.Errorf("decoded %+v", r)
	}
	if out, _ := json.Marshal(r); string(out) != `{"code":0,"message":null}` {
		t.Errorf("encoding = %s", out)
	}
}

// A closed type keeps the members it does not declare, as an open type
// does, in AdditionalData, and writes them back; DisallowUnknownFields
// cannot refuse them, since encoding/json does not pass the options of a
// Decoder to UnmarshalJSON methods. ValidateUndeclared reports them.
func TestSpecUnknownMembersOfClosedTypes(t *testing.T) {
	dec := json.NewDecoder(strings.NewReader(`{"code":1,"bogus":1}`))
	dec.DisallowUnknownFields()
	var r ResultInfo
	if err := dec.Decode(&r); err != nil || *r.Code.Value() != 1 || string(r.AdditionalData["bogus"]) != "1" {
		t.Errorf("decoding = %v, %+v; want code 1 and bogus kept", err, r)
	}
	if out, _ := json.Marshal(r); string(out) != `{"code":1,"bogus":1}` {
		t.Errorf("encoding = %s, want %s", out, `{"code":1,"bogus":1}`)
	}
	if err := ValidateUndeclared(&r); err == nil || err.Error() != "bogus: not a member of ResultInfo" {
		t.Errorf("ValidateUndeclared() = %v, want bogus reported", err)
	}
}

// Member names match exactly: encoding/json would take "Code" for code.
func TestSpecMemberNamesMatchExactly(t *testing.T) {
	var r ResultInfo
	if err := json.Unmarshal([]byte(`{"Code":1}`), &r); err != nil || !IsAbsent(r.Code) {
		t.Errorf("decoding Code = %v, %+v; want code absent", err, r)
	}
}

// Members whose names differ only in case are two fields, and each keeps
// its value through a round trip.
func TestSpecMembersDifferingInCaseStayApart(t *testing.T) {
	const in = `{"id":"lower","ID":"upper"}`
	var x Identity
	if err := json.Unmarshal([]byte(in), &x); err != nil || *x.ID.Value() != "lower" || *x.ID2.Value() != "upper" {
		t.Errorf("decoding = %v, %+v; want id in ID and ID in ID2", err, x)
	}
	if out, err := json.Marshal(x); err != nil || string(out) != in {
		t.Errorf("encoding = %s, %v; want %s", out, err, in)
	}
}

// Decoding replaces the whole value: a member absent from the input is
// absent afterwards, whatever the value held before.
func TestSpecDecodingReplacesTheValue(t *testing.T) {
	r := ResultInfo{Code: Some(int32(1)), Message: Some("old")}
	if err := json.Unmarshal([]byte(`{"code":2}`), &r); err != nil || *r.Code.Value() != 2 || !IsAbsent(r.Message) {
		t.Errorf("decoding = %v, %+v; want code 2 and message absent", err, r)
	}
}

func TestSpecWireForms(t *testing.T) {
	x := AllTypes{
		ByteValues:     Some([]int{1, 2}),
		DecimalValue:   Some(json.Number("12.50")),
		DateValue:      Some(Date{Year: 2024, Month: time.February, Day: 29}),
		TimeOfDayValue: Some(TimeOfDay{Hour: 8, Precision: 7}),
		DurationValue:  Some(DurationOf(90 * time.Minute)),
		BinaryValue:    Some([]byte("hi")),
	}
	want := `{"manyByte":[1,2],"aDecimal":12.50,"aDate":"2024-02-29","aTimeOfDay":"08:00:00.0000000","aDuration":"PT1H30M","aBinary":"aGk="}`
	if out, err := json.Marshal(x); err != nil || string(out) != want {
		t.Errorf("encoding = %s, %v; want %s", out, err, want)
	}
	var y AllTypes
	if err := json.Unmarshal([]byte(`{"aDuration":"P1Y"}`), &y); err != nil {
		t.Fatal(err)
	}
	if _, err := y.DurationValue.Value().Std(); err == nil {
		t.Errorf("Std() of P1Y succeeded, want an error for years")
	}
}

func TestSpecNonObjectIsRefusedWithAShortMessage(t *testing.T) {
	long := `["` + strings.Repeat("x", 1<<20) + `"]`
	for in, want := range map[string]string{
		`"text"`:                                `cannot decode "text" into an object: want a JSON object`,
		long:                                    `cannot decode an array into an object: want a JSON object`,
		`{"user":[1]}`:                          `user: cannot decode an array into an object: want a JSON object`,
		`{"user":{"displayName":` + long + `}}`: `user.displayName: json: cannot unmarshal array into Go value of type string`,
	} {
		var s IdentitySet
		if err := json.Unmarshal([]byte(in), &s); err == nil || err.Error() != want {
			t.Errorf("decoding %.20s… = %v, want %s", in, err, want)
		}
	}
}

// TestSpecDecodingDeepValuesIsLinear checks that decoding does not scan a
// nested object again at each level, by the bytes it allocates, which a
// rescan copies: twice the depth must cost about twice as much, not four
// times. Real pages nest recursive types (a node's parent's parent ...), and
// a service may decode what a client sent.
func TestSpecDecodingDeepValuesIsLinear(t *testing.T) {
	checkLinear(t, "decoding", func(depth int) {
		in := []byte(strings.Repeat(`{"name":"n","parent":`, depth) + `{}` + strings.Repeat(`}`, depth))
		var n Node
		if err := json.Unmarshal(in, &n); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSpecEncodingDeepValuesIsLinear is the same check for encoding, which
// must not have encoding/json scan and copy the output of each level again.
func TestSpecEncodingDeepValuesIsLinear(t *testing.T) {
	var n1000, n2000 Node
	for i := range 2000 {
		n2000 = Node{Name: Some("n"), Parent: Some(n2000)}
		if i == 999 {
			n1000 = n2000
		}
	}
	checkLinear(t, "encoding", func(depth int) {
		n := n1000
		if depth == 2000 {
			n = n2000
		}
		if _, err := json.Marshal(n); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSpecValidatingDeepValuesIsLinear is the same check for Validate, on
// a valid value and on one with an invalid enum value at each level: a
// service validating what a client sent must not spend memory or message
// length growing with the square of its depth.
func TestSpecValidatingDeepValuesIsLinear(t *testing.T) {
	for _, status := range []OperationStatus{"running", "bogus"} {
		deep := map[int]*Node{}
		var n Node
		for i := range 2000 {
			n = Node{Name: Some("n"), Parent: Some(n), Peer: Some(InviteParticipantsOperation{Status: Some(status)})}
			if i == 999 || i == 1999 {
				c := n
				deep[i+1] = &c
			}
		}
		lengths := map[int]int{}
		checkLinear(t, "validating with status "+string(status), func(depth int) {
			if err := deep[depth].Validate(); err != nil {
				lengths[depth] = len(err.Error())
			}
		})
		if (lengths[1000] == 0) != (status == "running") || lengths[2000] > 3*lengths[1000] {
			t.Errorf("status %q: messages of %d and %d bytes for 1,000 and 2,000 levels, want none for a valid value, else about as long", status, lengths[1000], lengths[2000])
		}
		var more *MoreErrors
		if err := deep[2000].Validate(); status == "bogus" && (!errors.As(err, &more) || !strings.HasSuffix(err.Error(), "\nand 1900 more invalid values")) {
			t.Errorf("Validate() of 2,000 invalid levels ends %q, want the first 100 described and the rest counted", err.Error()[max(0, len(err.Error())-60):])
		}
	}
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
		t.Errorf("%s 2,000 levels allocates %.1fx what 1,000 do (%d and %d bytes), want about 2x", what, ratio, large, small)
	}
}
