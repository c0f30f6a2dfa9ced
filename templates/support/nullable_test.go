package support

import (
	"encoding/json"
	"reflect"
	"testing"
)

// nullableHolder holds a Nullable as generated structs do.
type nullableHolder struct {
	N Nullable[int] `json:"n,omitzero"`
}

func (h nullableHolder) MarshalJSON() ([]byte, error)     { return marshalObject(&h) }
func (h *nullableHolder) UnmarshalJSON(data []byte) error { return unmarshalObject(data, h) }

func TestNullable(t *testing.T) {
	tests := []struct {
		name                    string
		input                   string
		isAbsent, isNull, isSet bool
		value                   int
	}{
		{name: "absent", input: `{}`, isAbsent: true},
		{name: "null", input: `{"n":null}`, isNull: true},
		{name: "zero value", input: `{"n":0}`, isSet: true},
		{name: "value", input: `{"n":7}`, isSet: true, value: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h nullableHolder
			if err := json.Unmarshal([]byte(tt.input), &h); err != nil {
				t.Fatal(err)
			}
			n := h.N
			if IsAbsent(n) != tt.isAbsent || IsNull(n) != tt.isNull || IsSet(n) != tt.isSet {
				t.Errorf("IsAbsent, IsNull, IsSet = %v, %v, %v; want %v, %v, %v",
					IsAbsent(n), IsNull(n), IsSet(n), tt.isAbsent, tt.isNull, tt.isSet)
			}
			if v, ok := Get(n); v != tt.value || ok != tt.isSet || *n.Value() != tt.value || Or(n, -1) != or(tt.isSet, tt.value, -1) {
				t.Errorf("Get() = %v, %v; Value() = %v; Or(-1) = %v; want %v, %v", v, ok, *n.Value(), Or(n, -1), tt.value, tt.isSet)
			}
			out, err := json.Marshal(h)
			if err != nil || string(out) != tt.input {
				t.Errorf("encoding = %s, %v; want %s", out, err, tt.input)
			}
		})
	}
	if n := Some(3); *n.Value() != 3 || !IsNull(Null[int]()) {
		t.Errorf("Some or Null built the wrong state")
	}
	var h nullableHolder
	if err := json.Unmarshal([]byte(`{"n":"seven"}`), &h); err == nil || !IsAbsent(h.N) {
		t.Errorf("decoding a string into a Nullable[int] = %v, %v; want an error and the value unchanged", h.N, err)
	}
}

// or is what Or must return.
func or(set bool, v, def int) int {
	if set {
		return v
	}
	return def
}

func TestNullableValueChains(t *testing.T) {
	type inner struct{ S Nullable[string] }
	type outer struct{ In Nullable[inner] }
	var o outer
	if got := *o.In.Value().S.Value(); got != "" {
		t.Errorf("reading through an absent member = %q, want the zero value", got)
	}
	o.In = Some(inner{S: Some("x")})
	if got := *o.In.Value().S.Value(); got != "x" {
		t.Errorf("reading through set members = %q, want %q", got, "x")
	}
	*o.In.Value().S.Value() = "changed"
	if got := *o.In.Ptr.S.Ptr; got != "x" {
		t.Errorf("writing through Value changed the value to %q", got)
	}
}

func TestFromPtr(t *testing.T) {
	if n := FromPtr[int](nil); !IsAbsent(n) {
		t.Errorf("FromPtr(nil) = %+v, want absent", n)
	}
	v := 4
	n := FromPtr(&v)
	v = 5
	if got, ok := Get(n); !ok || got != 4 {
		t.Errorf("FromPtr(&4) = %v, %v after the variable changed; want a copy, 4", got, ok)
	}
}

// TestNullableLayout checks that nullableHeader, through which
// unmarshalObject sets a Nullable of any type, has the layout of a Nullable.
func TestNullableLayout(t *testing.T) {
	for _, nt := range []reflect.Type{
		reflect.TypeFor[Nullable[bool]](),
		reflect.TypeFor[Nullable[[]string]](),
		reflect.TypeFor[Nullable[struct{ a, b, c int64 }]](),
	} {
		h := reflect.TypeFor[nullableHeader]()
		if nt.Size() != h.Size() || nt.NumField() != h.NumField() {
			t.Fatalf("%v: size %d, %d fields; nullableHeader: size %d, %d fields", nt, nt.Size(), nt.NumField(), h.Size(), h.NumField())
		}
		for i := range h.NumField() {
			nf, hf := nt.Field(i), h.Field(i)
			if nf.Offset != hf.Offset || nf.Type.Kind() != hf.Type.Kind() && !(nf.Type.Kind() == reflect.Pointer && hf.Type.Kind() == reflect.UnsafePointer) {
				t.Errorf("%v field %s: offset %d, kind %v; nullableHeader: offset %d, kind %v", nt, nf.Name, nf.Offset, nf.Type.Kind(), hf.Offset, hf.Type.Kind())
			}
		}
	}
}
