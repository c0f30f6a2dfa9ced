package support

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// record is a struct as graphgen generates one, with a member of each
// kind of value the codec reads and writes itself.
type record struct {
	ODataType      Nullable[string]           `json:"@odata.type,omitzero"`
	Name           Nullable[string]           `json:"name,omitzero"`
	Flag           Nullable[bool]             `json:"flag,omitzero"`
	Small          Nullable[uint8]            `json:"small,omitzero"`
	Short          Nullable[int16]            `json:"short,omitzero"`
	Count          Nullable[int32]            `json:"count,omitzero"`
	Big            Nullable[int64]            `json:"big,omitzero"`
	Ratio          Nullable[float32]          `json:"ratio,omitzero"`
	Value          Nullable[float64]          `json:"value,omitzero"`
	Amount         Nullable[json.Number]      `json:"amount,omitzero"`
	When           Nullable[time.Time]        `json:"when,omitzero"`
	Day            Nullable[Date]             `json:"day,omitzero"`
	Clock          Nullable[TimeOfDay]        `json:"clock,omitzero"`
	Span           Nullable[Duration]         `json:"span,omitzero"`
	Color          Nullable[color]            `json:"color,omitzero"`
	Data           Nullable[[]byte]           `json:"data,omitzero"`
	Raw            Nullable[json.RawMessage]  `json:"raw,omitzero"`
	Tags           Nullable[[]string]         `json:"tags,omitzero"`
	Octets         Nullable[[]int]            `json:"octets,omitzero"`
	Child          Nullable[record]           `json:"child,omitzero"`
	Children       Nullable[[]record]         `json:"children,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (x record) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *record) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *record) Validate() error                 { return Validate(x) }

// plainRecord is record as a user of encoding/json writes it: a pointer
// with omitempty for each member, a string for the enum. Its members are
// those of record, in the same order.
type plainRecord struct {
	ODataType *string          `json:"@odata.type,omitempty"`
	Name      *string          `json:"name,omitempty"`
	Flag      *bool            `json:"flag,omitempty"`
	Small     *uint8           `json:"small,omitempty"`
	Short     *int16           `json:"short,omitempty"`
	Count     *int32           `json:"count,omitempty"`
	Big       *int64           `json:"big,omitempty"`
	Ratio     *float32         `json:"ratio,omitempty"`
	Value     *float64         `json:"value,omitempty"`
	Amount    *json.Number     `json:"amount,omitempty"`
	When      *time.Time       `json:"when,omitempty"`
	Day       *Date            `json:"day,omitempty"`
	Clock     *TimeOfDay       `json:"clock,omitempty"`
	Span      *Duration        `json:"span,omitempty"`
	Color     *string          `json:"color,omitempty"`
	Data      *[]byte          `json:"data,omitempty"`
	Raw       *json.RawMessage `json:"raw,omitempty"`
	Tags      *[]string        `json:"tags,omitempty"`
	Octets    *[]int           `json:"octets,omitempty"`
	Child     *plainRecord     `json:"child,omitempty"`
	Children  *[]plainRecord   `json:"children,omitempty"`
}

// FuzzCodecMatchesEncodingJSON compares the codec with encoding/json on
// plainRecord, for the members both represent: the same values must be
// written byte for byte alike, by json.Marshal and by Marshal, and read
// back alike. data is also decoded as it is: the codec must refuse what
// is not JSON, and, where encoding/json reads data into a plainRecord, read
// what that writes and write it again byte for byte.
func FuzzCodecMatchesEncodingJSON(f *testing.F) {
	f.Add([]byte(`{"name":"a","count":1,"tags":["x"],"child":{"value":1.5}}`), "plain", int64(7), 0.5)
	f.Add([]byte(`{"name":"\u00e9\ud83d\ude00","when":"2024-01-02T03:04:05.123Z","raw":{"a" : [1, 2]}}`), "<a href=\"x\">&amp;</a>\u2028", int64(-1<<63), 1e21)
	f.Add([]byte(`{"children":[null,{"color":"red"}],"data":"aGk=","octets":[1,2],"amount":"12.50"}`), "\xff\x00\t", int64(300), 1e-7)
	f.Add([]byte(`{"small":256}`), "", int64(1<<31), math.Inf(1))
	f.Add([]byte(`[1,`), "x", int64(0), math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, data []byte, s string, n int64, x float64) {
		// The same values on both sides.
		when := time.Unix(n%(1<<35), n%1e9).UTC()
		raw := json.RawMessage(`{"s":` + string(mustMarshal(t, s)) + `}`)
		day := Date{Year: int(n % 10001), Month: time.Month(n % 13), Day: int(n % 32)}
		clock := TimeOfDay{Hour: int(n % 25), Minute: int(n % 60), Second: int(n % 61), Nanosecond: int(n % 1e9), Precision: int(n % 13), NoSeconds: n%3 == 0}
		span := DurationOf(time.Duration(n))
		r := record{
			Name: Some(s), Flag: Some(n%2 == 0), Small: Some(uint8(n)), Short: Some(int16(n)),
			Count: Some(int32(n)), Big: Some(n), Ratio: Some(float32(x)), Value: Some(x),
			Amount: Some(json.Number(strings.TrimSuffix(string(mustMarshal(t, float64(n%1e9))), ".0"))),
			When:   Some(when), Day: Some(day), Clock: Some(clock), Span: Some(span), Color: Some(color(s)), Data: Some([]byte(s)), Raw: Some(raw),
			Tags: Some([]string{s, ""}), Octets: Some([]int{int(n), 0}),
			Child: Some(record{Name: Some(s)}), Children: Some([]record{{}, {Value: Some(x)}}),
		}
		p := plainRecord{
			Name: &s, Flag: ptr(n%2 == 0), Small: ptr(uint8(n)), Short: ptr(int16(n)),
			Count: ptr(int32(n)), Big: &n, Ratio: ptr(float32(x)), Value: &x,
			Amount: ptr(*r.Amount.Ptr), When: &when, Day: &day, Clock: &clock, Span: &span, Color: &s, Data: ptr([]byte(s)), Raw: &raw,
			Tags: &[]string{s, ""}, Octets: &[]int{int(n), 0},
			Child: &plainRecord{Name: &s}, Children: &[]plainRecord{{}, {Value: &x}},
		}
		got, gerr := json.Marshal(r)
		want, werr := json.Marshal(p)
		direct, derr := Marshal(&r)
		if (gerr != nil) != (werr != nil) || (derr != nil) != (werr != nil) {
			t.Fatalf("errors differ: json.Marshal %v, Marshal %v; encoding/json on plain structs %v", gerr, derr, werr)
		}
		if werr == nil {
			if !bytes.Equal(got, want) || !bytes.Equal(direct, want) {
				t.Fatalf("encodings differ:\n json.Marshal %s\n      Marshal %s\nencoding/json %s", got, direct, want)
			}
			sameReading(t, want)
		}

		// data as it is.
		var fromData record
		if err := fromData.UnmarshalJSON(data); err == nil && !json.Valid(data) {
			t.Fatalf("UnmarshalJSON(%q) = nil, want an error for input that is not JSON", data)
		}
		var pd plainRecord
		if json.Unmarshal(data, &pd) == nil {
			if out, err := json.Marshal(pd); err == nil {
				sameReading(t, out)
			}
		}
	})
}

// sameReading decodes data, which encoding/json wrote from a plainRecord,
// with the codec and into a plainRecord, and wants both written again
// byte for byte alike.
func sameReading(t *testing.T, data []byte) {
	t.Helper()
	var p plainRecord
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("decoding %s into a plainRecord: %v", data, err)
	}
	want, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var r record
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	var d record
	if err := Unmarshal(data, &d); err != nil || !reflect.DeepEqual(r, d) {
		t.Fatalf("Unmarshal(%s) = %v, %+v; json.Unmarshal gave %+v", data, err, d, r)
	}
	if len(r.AdditionalData) > 0 {
		t.Fatalf("decoding %s kept %v as undeclared", data, r.AdditionalData)
	}
	out, err := json.Marshal(r)
	if err != nil || !bytes.Equal(out, want) {
		t.Fatalf("read and written again:\n got %s, %v\nwant %s", out, err, want)
	}
}

func ptr[T any](v T) *T { return &v }

func mustMarshal(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLaterODataTypeWins checks that a family value whose type was taken
// from its first member is decoded again as the type its last
// "@odata.type" names, which encoding/json keeps in the field, nested
// values included.
func TestLaterODataTypeWins(t *testing.T) {
	for _, tc := range []struct {
		in          string
		outer, deep reflect.Type
	}{
		{`{"@odata.type":"#test.circle","inner":{"@odata.type":"#test.circle"},"@odata.type":"#test.square"}`,
			reflect.TypeFor[*square](), reflect.TypeFor[*circle]()},
		{`{"@odata.type":null,"inner":{"side":1,"@odata.type":"#test.square"},"@odata.type":"#test.circle"}`,
			reflect.TypeFor[*circle](), reflect.TypeFor[*square]()},
		{`{"@odata.type":"#test.circle","inner":{}}`, reflect.TypeFor[*circle](), reflect.TypeFor[*shape]()},
	} {
		var s anyShape
		if err := Unmarshal([]byte(tc.in), &s); err != nil {
			t.Fatal(err)
		}
		inner, _ := Get(s.AsShape().Inner)
		if reflect.TypeOf(s) != tc.outer || reflect.TypeOf(inner) != tc.deep {
			t.Errorf("%s: decoded a %T holding a %T, want a %v holding a %v", tc.in, s, inner, tc.outer, tc.deep)
		}
	}
}

// TestMarshalWritesWhatJSONMarshalWrites checks Marshal, byte for byte,
// on the shapes of the other tests, and that it hands values other than
// generated structs and Collections to encoding/json.
func TestMarshalWritesWhatJSONMarshalWrites(t *testing.T) {
	c := &circle{Radius: Some(1.5)}
	c.Name = Some("<c>")
	for _, v := range []any{
		node{Name: Some("n"), Colors: Some([]color{"red"}), Children: Some([]node{{Color: Null[color]()}}), AdditionalData: map[string]json.RawMessage{"z": json.RawMessage(` [ 1 , "<" ] `), "a": json.RawMessage(`{}`)}},
		&shape{Inner: Some[anyShape](c), Shapes: Some([]anyShape{&square{Side: Some(2)}, nil})},
		Collection[anyShape]{Value: []anyShape{c}},
		Collection[node]{},
		[]anyShape{c, &shape{}}, // written by json.Marshal, without the tags
		map[string]int{"a": 1},
		nil,
		(*node)(nil),
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Marshal(v)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Marshal(%#v) = %s, %v; want %s", v, got, err, want)
		}
	}
	if _, err := Marshal(node{AdditionalData: map[string]json.RawMessage{"x": json.RawMessage(`{`)}}); err == nil || !strings.Contains(err.Error(), `additional member "x": invalid JSON {`) {
		t.Errorf("Marshal with invalid additional data = %v, want an error naming the member", err)
	}
}

// TestDecodingErrorsSayWhereAndWhat pins the errors of UnmarshalJSON called
// on its own, which encoding/json has not checked first.
func TestDecodingErrorsSayWhereAndWhat(t *testing.T) {
	for in, want := range map[string]string{
		`{"name":"a",}`:                 "invalid character '}' looking for beginning of object key string",
		`{"name":"a"`:                   "unexpected end of JSON input",
		`{"children":[{"name":1}]}`:     "children[0].name: json: cannot unmarshal number into Go value of type string",
		`{"children":[{"color":true}]}`: "children[0].color: json: cannot unmarshal bool into Go value of type support.color",
		`{"name":"a"} x`:                "invalid data after the top-level value",
		`{"children":{}}`:               "children: cannot decode an object into a collection: want a JSON array",
		`[]`:                            "cannot decode an array into an object: want a JSON object",
		`{"children":[1e400]}`:          "children[0]: cannot decode 1e400 into an object: want a JSON object",
		`{"children":[-0.50]}`:          "children[0]: cannot decode -0.50 into an object: want a JSON object",
	} {
		var n node
		err := n.UnmarshalJSON([]byte(in))
		if err == nil || err.Error() != want {
			t.Errorf("UnmarshalJSON(%s) = %v, want %s", in, err, want)
		}
	}
	var se *json.SyntaxError
	if err := new(node).UnmarshalJSON([]byte(`{"a":tru}`)); !errors.As(err, &se) || se.Offset != 9 {
		t.Errorf("UnmarshalJSON of a bad literal = %#v, want encoding/json's *json.SyntaxError, at offset 9", err)
	}
	deep := strings.Repeat(`{"children":[`, 6000) + strings.Repeat(`]}`, 6000)
	if err := new(node).UnmarshalJSON([]byte(deep)); err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("UnmarshalJSON of 12,000 levels = %v, want encoding/json's depth error", err)
	}
}

// TestEdmValuesAreWrittenAsTheirMethodsWriteThem compares the encoder's
// own writing of the Edm types with their MarshalJSON methods.
func TestEdmValuesAreWrittenAsTheirMethodsWriteThem(t *testing.T) {
	var values []any
	for _, d := range []Date{{2024, 2, 29}, {2023, 2, 29}, {0, 1, 1}, {9999, 12, 31}, {10000, 1, 1}, {-1, 1, 1}, {2024, 13, 1}, {2024, 1, 28}} {
		values = append(values, d)
	}
	for _, tod := range []TimeOfDay{{}, {Hour: 8, NoSeconds: true}, {Hour: 23, Minute: 59, Second: 59, Nanosecond: 999999999}, {Hour: 1, Nanosecond: 1000}, {Hour: 1, Precision: 7},
		{Hour: 1, Nanosecond: 500000000, Precision: 12}, {Hour: 24}, {Minute: 1, NoSeconds: true, Precision: 3}, {Precision: 13}} {
		values = append(values, tod)
	}
	for _, v := range []time.Time{time.Date(2024, 5, 1, 10, 20, 30, 123400000, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 5, 1, 10, 20, 30, 0, time.FixedZone("x", -(23*3600+59*60))), time.Date(2024, 5, 1, 10, 20, 30, 0, time.FixedZone("y", 24*3600))} {
		values = append(values, v)
	}
	for _, d := range []string{"PT1H30M", "-P1DT2H", "P1Y"} {
		v, _ := ParseDuration(d)
		values = append(values, v)
	}
	values = append(values, Duration{})
	for _, v := range values {
		var r record
		switch v := v.(type) {
		case Date:
			r.Day = Some(v)
		case TimeOfDay:
			r.Clock = Some(v)
		case Duration:
			r.Span = Some(v)
		case time.Time:
			r.When = Some(v)
		}
		key := map[reflect.Type]string{reflect.TypeFor[Date](): "day", reflect.TypeFor[TimeOfDay](): "clock", reflect.TypeFor[Duration](): "span", reflect.TypeFor[time.Time](): "when"}[reflect.TypeOf(v)]
		want, werr := json.Marshal(map[string]any{key: v})
		got, gerr := json.Marshal(r)
		if (werr == nil) != (gerr == nil) || werr == nil && string(got) != string(want) {
			t.Errorf("%v: written %s, %v; its method writes %s, %v", v, got, gerr, want, werr)
		}
	}
}

// heapInUse returns the bytes of the live heap.
func heapInUse() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestKeptStringsKeepLittleElse checks what keeping a few short strings of
// a decoded value keeps alive, the rest dropped: not the long strings of
// other values, however their headers were allocated, and not the chunks
// of many other short strings either.
func TestKeptStringsKeepLittleElse(t *testing.T) {
	t.Run("long strings beside", func(t *testing.T) {
		// 16 shapes each with a 1 MiB name: keep their tags.
		big := strings.Repeat("a", 1<<20)
		var in strings.Builder
		in.WriteString(`{"value":[`)
		for i := range 16 {
			if i > 0 {
				in.WriteString(",")
			}
			in.WriteString(`{"@odata.type":"#test.shape","name":"` + big + `"}`)
		}
		in.WriteString(`]}`)
		data := []byte(in.String())
		before := heapInUse()
		var kept []Nullable[string]
		{
			var page Collection[anyShape]
			if err := json.Unmarshal(data, &page); err != nil {
				t.Fatal(err)
			}
			for _, s := range page.Value {
				kept = append(kept, s.AsShape().ODataType)
			}
		}
		if retained := heapInUse() - before; retained > 64<<10 {
			t.Errorf("keeping 16 short tags keeps %d KiB", retained>>10)
		}
		runtime.KeepAlive(kept)
		runtime.KeepAlive(data)
	})
	t.Run("short strings in many chunks", func(t *testing.T) {
		// 100 records each with a short name and 4 KB of tags, a chunk's
		// worth: keep one name.
		tag := `"` + strings.Repeat("t", 500) + `"`
		var in strings.Builder
		in.WriteString(`{"children":[`)
		for i := range 100 {
			if i > 0 {
				in.WriteString(",")
			}
			fmt.Fprintf(&in, `{"name":"n%d","tags":[%s]}`, i, strings.TrimSuffix(strings.Repeat(tag+",", 8), ","))
		}
		in.WriteString(`]}`)
		data := []byte(in.String())
		before := heapInUse()
		var kept Nullable[string]
		{
			var r record
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			kept = (*r.Children.Value())[90].Name
		}
		if retained := heapInUse() - before; retained > 24<<10 {
			t.Errorf("keeping one short name keeps %d KiB", retained>>10)
		}
		runtime.KeepAlive(kept)
		runtime.KeepAlive(data)
	})
}

// TestMarshalRefusesAValueThatHoldsItself checks that a value that holds
// itself, through a Nullable, a family interface or a collection, is an
// error, as encoding/json's *json.UnsupportedValueError, with the path
// where the value was met again, where writing it would overflow the
// stack; and that a deep value that does not is written.
func TestMarshalRefusesAValueThatHoldsItself(t *testing.T) {
	r := &record{Name: Some("r")}
	r.Child = Nullable[record]{Ptr: r}
	s := &shape{}
	s.Shapes = Some([]anyShape{&circle{}, s})
	kids := make([]record, 2)
	kids[1].Children = Some(kids)
	ring := make([]record, 3000) // a cycle longer than the depth tracked
	for i := range ring {
		ring[i].Child = Nullable[record]{Ptr: &ring[(i+1)%len(ring)]}
	}
	for _, tc := range []struct {
		name, path string
		v          any
	}{
		{"through a Nullable", "child.child", r},
		{"through a family interface", "shapes[1].shapes[1]", s},
		{"through a collection", "children[1].children[1]", &kids[1]},
		{"of 3,000 values", "child.child", &ring[0]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Marshal(tc.v)
			var uv *json.UnsupportedValueError
			if !errors.As(err, &uv) || !strings.HasPrefix(err.Error(), tc.path) || !strings.Contains(err.Error(), ": json: unsupported value: encountered a cycle via *support.") {
				t.Errorf("Marshal = %.200v, want a *json.UnsupportedValueError at %s…", err, tc.path)
			}
			if _, err := json.Marshal(tc.v); !errors.As(err, &uv) {
				t.Errorf("json.Marshal = %.200v, want a *json.UnsupportedValueError", err)
			}
		})
	}
	// Deep, without a cycle: written, in linear time and memory.
	deep := map[int]*record{}
	var n record
	for i := range 3000 {
		n = record{Name: Some("n"), Child: Some(n)}
		if i == 999 || i == 1999 {
			c := n
			deep[i+1] = &c
		}
	}
	if _, err := Marshal(&n); err != nil {
		t.Fatalf("Marshal of 3,000 levels: %v", err)
	}
	checkLinear(t, "encoding", func(depth int) {
		if _, err := Marshal(deep[depth]); err != nil {
			t.Fatal(err)
		}
	})
}

// TestBinaryReadsEitherAlphabetPaddedOrNot checks that an Edm.Binary is
// read as the OData JSON format allows it written, in base64 of either
// alphabet, padded or not, and written as encoding/json writes a []byte.
func TestBinaryReadsEitherAlphabetPaddedOrNot(t *testing.T) {
	// The start of a PDF, as attachment-get.md shows it: 107 characters.
	const pdf = "JVBERi0xLjUNCiW1tbW1DQoxIDAgb2JqDQo8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFIvTGFuZyhlbi1JTikgL1N0cnVjdFRyZWVSb29"
	want, _ := base64.RawStdEncoding.DecodeString(pdf)
	for in, want := range map[string][]byte{
		`"aGk="`:        []byte("hi"),
		`"aGk"`:         []byte("hi"),
		`"+/8="`:        {0xfb, 0xff},
		`"-_8="`:        {0xfb, 0xff},
		`"-_8"`:         {0xfb, 0xff},
		`"+/8"`:         {0xfb, 0xff},
		`"aGVsbG8"`:     []byte("hello"),
		`""`:            {},
		`"` + pdf + `"`: want,
	} {
		var r record
		if err := json.Unmarshal([]byte(`{"data":`+in+`}`), &r); err != nil {
			t.Errorf("decoding %s: %v", in, err)
			continue
		}
		if got := *r.Data.Value(); !bytes.Equal(got, want) {
			t.Errorf("decoding %s = %q, want %q", in, got, want)
		}
		out, err := Marshal(&r)
		if err != nil || string(out) != `{"data":"`+base64.StdEncoding.EncodeToString(want)+`"}` {
			t.Errorf("encoding %s = %s, %v, want it in the standard alphabet, padded", in, out, err)
		}
	}
	for in, want := range map[string]string{
		`"a!b="`:  `data: invalid Edm.Binary "a!b=": illegal base64 data at input byte 1`,
		`"+_8="`:  `data: invalid Edm.Binary "+_8=": illegal base64 data at input byte 0`,
		`"aGk=="`: `data: invalid Edm.Binary "aGk==": illegal base64 data at input byte 4`,
		`"aG="`:   `data: invalid Edm.Binary "aG=": illegal base64 data at input byte 3`,
	} {
		var r record
		if err := r.UnmarshalJSON([]byte(`{"data":` + in + `}`)); err == nil || err.Error() != want {
			t.Errorf("decoding %s = %v, want %s", in, err, want)
		}
	}
}
