package support

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestDateTimeOfDay(t *testing.T) {
	for _, s := range []string{`"2024-02-29"`, `"0001-01-01"`, `"08:00:00"`, `"08:00"`, `"23:59"`, `"08:00:00.0000000"`, `"23:59:59.5"`, `"00:00:00.000000000000"`} {
		var err error
		var out []byte
		if strings.Count(s, "-") == 2 {
			var d Date
			if err = json.Unmarshal([]byte(s), &d); err == nil {
				out, err = json.Marshal(d)
			}
		} else {
			var td TimeOfDay
			if err = json.Unmarshal([]byte(s), &td); err == nil {
				out, err = json.Marshal(td)
			}
		}
		if err != nil || string(out) != s {
			t.Errorf("round trip of %s = %s, %v; want it unchanged", s, out, err)
		}
	}
	for _, s := range []string{`"2023-02-30"`, `"24-01-01"`, `"2024-1-01"`, `2024`} {
		var d Date
		if err := json.Unmarshal([]byte(s), &d); err == nil {
			t.Errorf("decoding %s as a Date succeeded, want an error", s)
		}
	}
	for _, s := range []string{`"24:00:00"`, `"08:60:00"`, `"24:00"`, `"08:6"`, `"08:00:"`, `"0800"`, `"08:00:00."`, `"08:00:00.0000000001"`, `"8:00:00"`} {
		var td TimeOfDay
		if err := json.Unmarshal([]byte(s), &td); err == nil {
			t.Errorf("decoding %s as a TimeOfDay succeeded, want an error", s)
		}
	}
	for _, tt := range []struct {
		td   TimeOfDay
		want string
	}{
		{TimeOfDay{Hour: 9, Nanosecond: 5e8}, "09:00:00.5"},
		{TimeOfDay{Hour: 9, Minute: 5}, "09:05:00"},
		{TimeOfDay{Hour: 9, Minute: 5, NoSeconds: true}, "09:05"},
		// Seconds are never dropped to honour NoSeconds.
		{TimeOfDay{Hour: 9, Second: 1, NoSeconds: true}, "09:00:01"},
		{TimeOfDay{Hour: 9, Precision: 1, NoSeconds: true}, "09:00:00.0"},
	} {
		if got := tt.td.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.td, got, tt.want)
		}
	}
	// null leaves a value alone, as encoding/json does, so that a null in
	// a collection does not fail the whole decoding.
	d, td := Date{Year: 2024, Month: time.January, Day: 2}, TimeOfDay{Hour: 9}
	du, _ := ParseDuration("PT1H")
	for _, v := range []any{&d, &td, &du} {
		if err := json.Unmarshal([]byte("null"), v); err != nil {
			t.Errorf("decoding null into %T: %v", v, err)
		}
	}
	if d != (Date{Year: 2024, Month: time.January, Day: 2}) || td != (TimeOfDay{Hour: 9}) || du.String() != "PT1H" {
		t.Errorf("decoding null changed the values: %v, %v, %v", d, td, du)
	}
	if got := DateOf(time.Date(2024, 1, 2, 23, 0, 0, 0, time.UTC)); got != (Date{Year: 2024, Month: time.January, Day: 2}) {
		t.Errorf("DateOf = %v", got)
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		std  time.Duration
		fail bool // Std fails
	}{
		{in: "PT1H30M", std: 90 * time.Minute},
		{in: "P1DT2H", std: 26 * time.Hour},
		{in: "-PT0.5S", std: -500 * time.Millisecond},
		{in: "P1W", std: 7 * 24 * time.Hour},
		{in: "PT0S"},
		{in: "PT1.25M", std: 75 * time.Second},
		{in: "P1Y2M", fail: true},
		{in: "PT9999999999H", fail: true},
		{in: "-PT2562047H47M16.854775808S", std: -1 << 63},
		{in: "PT2562047H47M16.854775808S", fail: true},
		{in: "-PT2562047H47M16.854775809S", fail: true},
		{in: "P106751DT23H47M16.854775807S", std: 1<<63 - 1},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", tt.in, err)
			continue
		}
		out, err := json.Marshal(d)
		if err != nil || string(out) != `"`+tt.in+`"` {
			t.Errorf("encoding %q = %s, %v", tt.in, out, err)
		}
		std, err := d.Std()
		if (err != nil) != tt.fail || std != tt.std {
			t.Errorf("%q.Std() = %v, %v; want %v, failing %v", tt.in, std, err, tt.std, tt.fail)
		}
	}
	for _, s := range []string{"", "P", "PT", "1H", "PT1H2H", "PT1.5H2M", "P1DT", "+PT1H", "PT1M1H", "P1.H"} {
		if _, err := ParseDuration(s); err == nil {
			t.Errorf("ParseDuration(%q) succeeded, want an error", s)
		}
	}
	for d, want := range map[time.Duration]string{0: "PT0S", 90 * time.Minute: "PT1H30M", -1500 * time.Millisecond: "-PT1.5S", 26 * time.Hour: "PT26H",
		1<<63 - 1: "PT2562047H47M16.854775807S", -1 << 63: "-PT2562047H47M16.854775808S"} {
		if got := DurationOf(d).String(); got != want {
			t.Errorf("DurationOf(%v) = %q, want %q", d, got, want)
		}
		if back, err := DurationOf(d).Std(); err != nil || back != d {
			t.Errorf("DurationOf(%v).Std() = %v, %v", d, back, err)
		}
	}
}

// TestTimeOfDayStringOfInvalidValues checks that String writes a value
// IsValid rejects rather than panicking, as fmt of a struct holding one
// calls it.
func TestTimeOfDayStringOfInvalidValues(t *testing.T) {
	for _, c := range []struct {
		t    TimeOfDay
		want string
	}{
		{TimeOfDay{Hour: 9, Precision: 30}, "09:00:00.000000000000000000000"},
		{TimeOfDay{Hour: 9, Precision: -3}, "09:00:00"},
	} {
		if c.t.IsValid() {
			t.Errorf("%#v is valid: want an invalid value", c.t)
		}
		if got := c.t.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.t, got, c.want)
		}
	}
}
