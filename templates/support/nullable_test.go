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
			if v, ok := Get(n); v != tt.value || ok != tt.isSet || Value(n) != tt.value {
				t.Errorf("Get() = %v, %v; Value() = %v; want %v, %v", v, ok, Value(n), tt.value, tt.isSet)
			}
			out, err := json.Marshal(h)
			if err != nil || string(out) != tt.input {
				t.Errorf("encoding = %s, %v; want %s", out, err, tt.input)
			}
		})
	}
	if Value(Some(3)) != 3 || !IsNull(Null[int]()) {
		t.Errorf("Some or Null built the wrong state")
	}
	var h nullableHolder
	if err := json.Unmarshal([]byte(`{"n":"seven"}`), &h); err == nil || !IsAbsent(h.N) {
		t.Errorf("decoding a string into a Nullable[int] = %v, %v; want an error and the value unchanged", h.N, err)
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
