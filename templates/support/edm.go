package support

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date, an Edm.Date, written in JSON as "2006-01-02". It has
// no time zone, so a time.Time, which has one, would change meaning.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a date written as "2006-01-02", rejecting dates that do
// not exist, such as "2023-02-30".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid Edm.Date %q: want an existing date written YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// String returns d written as "2006-01-02".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsValid reports whether d is a date that exists, with a four-digit year.
func (d Date) IsValid() bool {
	p, err := ParseDate(d.String())
	return err == nil && p == d
}

// MarshalJSON writes d as a JSON string, failing for a date that does not
// exist so that the API never receives one.
func (d Date) MarshalJSON() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("invalid Edm.Date %q: want an existing date written YYYY-MM-DD", d.String())
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON decodes a JSON string written as "2006-01-02".
func (d *Date) UnmarshalJSON(data []byte) error {
	return decodeEdm(data, "Edm.Date", ParseDate, d)
}

// maxFractionDigits is the most fraction digits of a second that Edm
// TimeOfDay values may have.
const maxFractionDigits = 12

// TimeOfDay is a time of day without a date or a time zone, an
// Edm.TimeOfDay, written in JSON as "15:04:05" with an optional fraction of
// a second, or as "15:04", which OData allows too.
type TimeOfDay struct {
	Hour, Minute, Second, Nanosecond int
	// Precision is the number of fraction digits written, which is at least
	// the number Nanosecond needs and at most 12. Parsing sets it to the
	// number of digits read, so "08:00:00.0000000" is written back as it
	// came.
	Precision int
	// NoSeconds leaves the seconds out ("15:04") when they are zero with no
	// fraction digits. Parsing sets it when they were left out, so "08:00"
	// is written back as it came.
	NoSeconds bool
}

// ParseTimeOfDay parses a time of day written as "15:04", "15:04:05" or
// "15:04:05.9999999". Digits beyond the ninth must be zero, since a
// TimeOfDay keeps nanoseconds.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	bad := func() (TimeOfDay, error) {
		return TimeOfDay{}, fmt.Errorf("invalid Edm.TimeOfDay %q: want hh:mm, or hh:mm:ss with an optional fraction of up to %d digits", s, maxFractionDigits)
	}
	var t TimeOfDay
	parts := []*int{&t.Hour, &t.Minute, &t.Second}
	switch {
	case len(s) == 5 && s[2] == ':':
		t.NoSeconds, parts = true, parts[:2]
	case len(s) < 8 || s[2] != ':' || s[5] != ':':
		return bad()
	}
	for i, p := range parts {
		a, b := s[3*i], s[3*i+1]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return bad()
		}
		*p = int(a-'0')*10 + int(b-'0')
	}
	if frac := s[min(8, len(s)):]; frac != "" {
		if frac[0] != '.' || len(frac) < 2 || len(frac)-1 > maxFractionDigits {
			return bad()
		}
		digits := frac[1:]
		for i := 0; i < len(digits); i++ {
			if c := digits[i]; c < '0' || c > '9' || i >= 9 && c != '0' {
				return bad()
			}
		}
		ns, _ := strconv.Atoi((digits + "000000000")[:9])
		t.Nanosecond, t.Precision = ns, len(digits)
	}
	if !t.IsValid() {
		return bad()
	}
	return t, nil
}

// IsValid reports whether every field of t is in range.
func (t TimeOfDay) IsValid() bool {
	return t.Hour >= 0 && t.Hour < 24 && t.Minute >= 0 && t.Minute < 60 &&
		t.Second >= 0 && t.Second < 60 && t.Nanosecond >= 0 && t.Nanosecond < 1e9 &&
		t.Precision >= 0 && t.Precision <= maxFractionDigits
}

// String returns t written as "15:04:05", followed by Precision fraction
// digits, or more when Nanosecond needs them; or as "15:04" when NoSeconds
// is set and there are no seconds to write.
func (t TimeOfDay) String() string {
	if t.NoSeconds && t.Second == 0 && t.Nanosecond == 0 && t.Precision == 0 {
		return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute)
	}
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	frac := fmt.Sprintf("%09d", t.Nanosecond)
	n := len(strings.TrimRight(frac, "0"))
	if t.Nanosecond == 0 {
		n = 0
	}
	// An invalid Precision (IsValid says so) is cut to what the digits
	// hold, so that printing an invalid value does not panic.
	digits := frac + strings.Repeat("0", maxFractionDigits)
	n = min(max(n, t.Precision), len(digits))
	if n == 0 {
		return s
	}
	return s + "." + digits[:n]
}

// MarshalJSON writes t as a JSON string, failing when a field is out of
// range.
func (t TimeOfDay) MarshalJSON() ([]byte, error) {
	if !t.IsValid() {
		return nil, fmt.Errorf("invalid Edm.TimeOfDay %+v: a field is out of range", t)
	}
	return json.Marshal(t.String())
}

// UnmarshalJSON decodes a JSON string written as "15:04:05" with an optional
// fraction.
func (t *TimeOfDay) UnmarshalJSON(data []byte) error {
	return decodeEdm(data, "Edm.TimeOfDay", ParseTimeOfDay, t)
}

// Duration is an ISO 8601 duration, an Edm.Duration, such as "PT1H30M",
// "P1DT2H" or "-PT0.5S". It keeps the text it was parsed from, so that years
// and months, which have no fixed length, and the way the API wrote a value
// survive a round trip; Std converts it. The zero Duration is "PT0S".
// (time.Duration is not used for these members: encoding/json writes it as a
// number of nanoseconds, which the API does not accept.)
type Duration struct {
	s string
}

// durationPart is one number and designator of a duration, "1.5" and 'H'.
type durationPart struct {
	whole, frac string
	unit        byte
	inTime      bool // after the T, where M means minutes
}

// parseDuration splits s into its parts, checking the grammar
// [-]P[nY][nM][nW][nD][T[nH][nM][nS]], where only the last number may have a
// fraction and a T must be followed by a part.
func parseDuration(s string) (neg bool, parts []durationPart, err error) {
	bad := fmt.Errorf(`invalid Edm.Duration %q: want an ISO 8601 duration such as "PT1H30M" or "-P1DT2H"`, s)
	rest := s
	if strings.HasPrefix(rest, "-") {
		neg, rest = true, rest[1:]
	}
	if !strings.HasPrefix(rest, "P") {
		return false, nil, bad
	}
	rest = rest[1:]
	units, inTime := "YMWD", false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return false, nil, bad
			}
			inTime, units, rest = true, "HMS", rest[1:]
			if rest == "" {
				return false, nil, bad
			}
			continue
		}
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		p := durationPart{whole: rest[:i], inTime: inTime}
		if i < len(rest) && rest[i] == '.' {
			j := i + 1
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			p.frac, i = rest[i+1:j], j
			if p.frac == "" {
				return false, nil, bad
			}
		}
		if p.whole == "" || i >= len(rest) {
			return false, nil, bad
		}
		k := strings.IndexByte(units, rest[i])
		if k < 0 {
			return false, nil, bad
		}
		p.unit, units, rest = rest[i], units[k+1:], rest[i+1:]
		if len(parts) > 0 && parts[len(parts)-1].frac != "" {
			return false, nil, bad
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return false, nil, bad
	}
	return neg, parts, nil
}

// ParseDuration parses an ISO 8601 duration such as "PT1H30M", "P1DT2H",
// "P1Y2M" or "-PT0.5S".
func ParseDuration(s string) (Duration, error) {
	if _, _, err := parseDuration(s); err != nil {
		return Duration{}, err
	}
	return Duration{s: s}, nil
}

// DurationOf returns d written in hours, minutes and seconds, "PT1H30M".
func DurationOf(d time.Duration) Duration {
	if d == 0 {
		return Duration{}
	}
	var b strings.Builder
	// The magnitude as a uint64, which also holds that of the smallest
	// time.Duration.
	mag := uint64(d)
	if d < 0 {
		b.WriteByte('-')
		mag = -mag
	}
	b.WriteString("PT")
	h, m := mag/uint64(time.Hour), mag/uint64(time.Minute)%60
	s, ns := mag/uint64(time.Second)%60, mag%uint64(time.Second)
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if s > 0 || ns > 0 {
		fmt.Fprintf(&b, "%d", s)
		if ns > 0 {
			fmt.Fprintf(&b, ".%s", strings.TrimRight(fmt.Sprintf("%09d", ns), "0"))
		}
		b.WriteByte('S')
	}
	return Duration{s: b.String()}
}

// String returns d as written, or "PT0S" for the zero Duration.
func (d Duration) String() string {
	if d.s == "" {
		return "PT0S"
	}
	return d.s
}

// seconds returns the length of the designator of p in seconds, or 0 for
// years and months, which have no fixed length.
func (p durationPart) seconds() int64 {
	switch {
	case p.unit == 'W':
		return 7 * 86400
	case p.unit == 'D':
		return 86400
	case p.unit == 'H':
		return 3600
	case p.unit == 'M' && p.inTime:
		return 60
	case p.unit == 'S':
		return 1
	}
	return 0
}

// Std converts d to a time.Duration, counting a day as 24 hours. It fails
// for a duration with years or months, which have no fixed length, and for
// one that overflows a time.Duration.
func (d Duration) Std() (time.Duration, error) {
	neg, parts, err := parseDuration(d.String())
	if err != nil {
		return 0, err
	}
	// The magnitude is summed as a uint64, up to that of the largest
	// time.Duration, or of the smallest, which is one more.
	limit := uint64(1<<63 - 1)
	if neg {
		limit++
	}
	overflow := fmt.Errorf("duration %q overflows time.Duration", d.String())
	var total uint64
	for _, p := range parts {
		sec := uint64(p.seconds())
		if sec == 0 {
			return 0, fmt.Errorf("duration %q has years or months, which have no fixed length", d.String())
		}
		unit := sec * uint64(time.Second)
		whole, err := strconv.ParseUint(p.whole, 10, 64)
		if err != nil || whole > limit/unit {
			return 0, overflow
		}
		// The fraction is cut to nanoseconds and multiplied by the unit's
		// length in seconds; with whole*unit at most limit, the sum cannot
		// pass the range of a uint64.
		fracNS, _ := strconv.ParseUint((p.frac + "000000000")[:9], 10, 64)
		add := whole*unit + fracNS*sec
		if add > limit || total > limit-add {
			return 0, overflow
		}
		total += add
	}
	if neg {
		total = -total // two's complement: 1<<63 becomes the smallest int64
	}
	return time.Duration(total), nil
}

// MarshalJSON writes d as a JSON string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON decodes a JSON string holding an ISO 8601 duration.
func (d *Duration) UnmarshalJSON(data []byte) error {
	return decodeEdm(data, "Edm.Duration", ParseDuration, d)
}

// decodeEdm decodes a JSON string into dst with parse: a string is the only
// form the Edm date and time types take.
func decodeEdm[T any](data []byte, edm string, parse func(string) (T, error), dst *T) error {
	if string(data) == "null" {
		return nil // leave dst alone, as encoding/json does with null
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("invalid %s %s: want a JSON string", edm, snippet(data))
	}
	v, err := parse(s)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
