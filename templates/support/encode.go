package support

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
)

// The encoder writes a generated struct, and everything it holds, into one
// buffer, following the plans of plan.go: each leaf written directly (a
// string escaped as encoding/json escapes it, HTML-safe; a number as
// encoding/json formats it), the generated structs and collections inside
// written in place rather than by their own MarshalJSON, which encoding/json
// would scan and copy again at each level. The buffer starts at the size
// of the last value of the type (see encode).
//
// encoding/json still scans and copies what MarshalJSON returns, once, for
// the outermost value: that is out of the codec's hands, and Marshal, which
// writes the same bytes, spares it (see the README's "Speed and compile
// cost").

// encoder is the state of one encoding.
type encoder struct {
	buf []byte
	// depth is the number of objects being written, one inside the other;
	// from trackedDepth on, anchors holds some of those on the path, to
	// find a value that holds itself (see track).
	depth   int
	anchors []pathKey
}

// trackedDepth is the depth from which the encoder looks for a value that
// holds itself, which would otherwise be written until the stack
// overflows, a fatal error no recover catches. encoding/json starts at
// 1,000 levels too: values less deep pay a comparison each.
const trackedDepth = 1024

// pathKey is an object being written: where it is, and as what type.
type pathKey struct {
	p unsafe.Pointer
	c *codec
}

// track reports an error if k, the object at depth e.depth, from
// trackedDepth on, is one the path to it holds already. Each object along
// the path is compared with the one at the last depth of the form
// trackedDepth<<i above it (Brent's method): a value that holds itself is
// written the same way each time it is met, so the objects along the path
// repeat, and a repetition is found by three times the depth at which it
// first repeats, or trackedDepth and the length of the cycle, at the cost
// of one comparison per level and no memory growing with the depth. An
// object met twice on the path, as the same type, is a cycle: writing it
// would never end.
func (e *encoder) track(k pathKey) error {
	i := bits.Len(uint(e.depth/trackedDepth)) - 1
	if e.depth == trackedDepth<<i {
		e.anchors = append(e.anchors[:i], k)
		return nil
	}
	if e.anchors[i] == k {
		v := reflect.NewAt(k.c.typ, k.p)
		return &json.UnsupportedValueError{Value: v, Str: "encountered a cycle via " + v.Type().String()}
	}
	return nil
}

// encode writes p, a value of the type of c, into a new buffer and
// returns it. The buffer starts at the size of the last value of the
// type, which spares growing it, and copying the result, for the values
// of a type written again and again; one that came out far smaller is
// copied into a buffer of its size, so that a small value does not hold
// the room of a large one.
func encode(c *codec, p unsafe.Pointer) ([]byte, error) {
	hint := c.sizeHint.Load()
	e := encoder{buf: make([]byte, 0, hint+hint/16+64)}
	if err := e.value(c, p); err != nil {
		return nil, finishError(err)
	}
	c.sizeHint.Store(int64(len(e.buf)))
	if len(e.buf) < cap(e.buf)/2 {
		return append(make([]byte, 0, len(e.buf)), e.buf...), nil
	}
	return e.buf, nil
}

// isAbsentAt reports whether the member m of the struct at p is an absent
// Nullable. A plain member is always written, so never absent.
func isAbsentAt(p unsafe.Pointer, m *memberPlan) bool {
	if !m.nullable {
		return false
	}
	h := (*nullableHeader)(unsafe.Add(p, m.off))
	return h.v == nil && !h.null
}

// object writes p, a generated struct of the type of c, as a JSON object.
// odataType, when not empty, is written as its "@odata.type" if that is
// absent: the value is held as a type derived from the one declared, which
// a reader could not tell otherwise.
func (e *encoder) object(c *codec, p unsafe.Pointer, odataType string) error {
	if e.depth++; e.depth >= trackedDepth {
		if err := e.track(pathKey{p, c}); err != nil {
			return err
		}
	}
	plan := c.obj
	b := append(e.buf, '{')
	first := true
	if odataType != "" && (plan.odataType < 0 || isAbsentAt(p, &plan.members[plan.odataType])) {
		b = append(b, `"@odata.type":`...)
		b = appendString(b, odataType)
		first = false
	}
	for i := range plan.members {
		m := &plan.members[i]
		f := unsafe.Add(p, m.off)
		if m.nullable {
			h := (*nullableHeader)(f)
			if h.v == nil {
				if h.null {
					if !first {
						b = append(b, ',')
					}
					first = false
					b = append(b, m.key...)
					b = append(b, "null"...)
				}
				continue
			}
			f = h.v
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, m.key...)
		switch {
		case m.c.kind == kindString:
			b = appendString(b, *(*string)(f))
			continue
		case !m.nullable && m.c.kind == kindSlice && (*sliceHeader)(f).data == nil:
			b = append(b, "[]"...) // the value of an empty Collection
			continue
		}
		e.buf = b
		if err := e.value(m.c, f); err != nil {
			return withKey(err, m.name)
		}
		b = e.buf
	}
	if plan.hasExtra {
		if extra := *(*map[string]json.RawMessage)(unsafe.Add(p, plan.extra)); len(extra) > 0 {
			keys := make([]string, 0, len(extra))
			for k := range extra {
				// A member that a field declares is written from the
				// field, unless the field is absent: then nothing is lost
				// either.
				if i, declared := plan.byName[k]; !declared || isAbsentAt(p, &plan.members[i]) {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = appendString(b, k)
				b = append(b, ':')
				var ok bool
				if b, ok = appendRaw(b, extra[k]); !ok {
					e.buf = b
					return fmt.Errorf("additional member %q: invalid JSON %s", k, snippet(extra[k]))
				}
			}
		}
	}
	e.buf = append(b, '}')
	e.depth--
	return nil
}

// value writes p, a value of the type of c.
func (e *encoder) value(c *codec, p unsafe.Pointer) error {
	b := e.buf
	switch c.kind {
	case kindString, kindEnum:
		b = appendString(b, *(*string)(p))
	case kindBool:
		b = strconv.AppendBool(b, *(*bool)(p))
	case kindInt:
		var n int64
		switch c.size {
		case 1:
			n = int64(*(*int8)(p))
		case 2:
			n = int64(*(*int16)(p))
		case 4:
			n = int64(*(*int32)(p))
		default:
			n = *(*int64)(p)
		}
		b = strconv.AppendInt(b, n, 10)
	case kindUint:
		var n uint64
		switch c.size {
		case 1:
			n = uint64(*(*uint8)(p))
		case 2:
			n = uint64(*(*uint16)(p))
		case 4:
			n = uint64(*(*uint32)(p))
		default:
			n = *(*uint64)(p)
		}
		b = strconv.AppendUint(b, n, 10)
	case kindFloat:
		f, bits := 0.0, 32
		if c.size == 4 {
			f = float64(*(*float32)(p))
		} else {
			f, bits = *(*float64)(p), 64
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return e.fallback(c, p) // encoding/json's error
		}
		b = appendFloat(b, f, bits)
	case kindNumber:
		s := string(*(*json.Number)(p))
		if s == "" {
			s = "0"
		}
		if !isNumber(s) {
			return e.fallback(c, p)
		}
		b = append(b, s...)
	case kindTime:
		start := len(b)
		b = append(b, '"')
		b = (*time.Time)(p).AppendFormat(b, time.RFC3339Nano)
		if !strictRFC3339(b[start+1:]) {
			e.buf = b[:start]
			return e.fallback(c, p) // Time.MarshalJSON's error
		}
		b = append(b, '"')
	case kindDate:
		d := *(*Date)(p)
		if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 28 {
			return e.fallback(c, p) // a day that may not exist: Date.MarshalJSON checks it
		}
		b = append(b, '"')
		b = appendDigits(b, d.Year, 4)
		b = append(b, '-')
		b = appendDigits(b, int(d.Month), 2)
		b = append(b, '-')
		b = appendDigits(b, d.Day, 2)
		b = append(b, '"')
	case kindTimeOfDay:
		t := (*TimeOfDay)(p)
		if !t.IsValid() {
			return e.fallback(c, p) // TimeOfDay.MarshalJSON's error
		}
		b = append(b, '"')
		b = appendTimeOfDay(b, t)
		b = append(b, '"')
	case kindDuration:
		b = appendString(b, (*Duration)(p).String())
	case kindBytes:
		v := *(*[]byte)(p)
		if v == nil {
			b = append(b, "null"...)
			break
		}
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, v)
		b = append(b, '"')
	case kindRaw:
		v := *(*json.RawMessage)(p)
		if v == nil {
			b = append(b, "null"...)
			break
		}
		var ok bool
		if b, ok = appendRaw(b, v); !ok {
			return e.fallback(c, p) // encoding/json's error
		}
	case kindSlice:
		s := (*sliceHeader)(p)
		if s.data == nil {
			b = append(b, "null"...)
			break
		}
		b = append(b, '[')
		ec := c.elem
		for i := range s.len {
			if i > 0 {
				b = append(b, ',')
			}
			ep := unsafe.Add(s.data, uintptr(i)*ec.size)
			if ec.kind == kindString {
				b = appendString(b, *(*string)(ep))
				continue
			}
			e.buf = b
			if err := e.value(ec, ep); err != nil {
				return withIndex(err, i)
			}
			b = e.buf
		}
		b = append(b, ']')
	case kindObject:
		return e.object(c, p, "")
	case kindFamily:
		w := (*ifaceWords)(p)
		if w.tab == nil || w.data == nil {
			b = append(b, "null"...)
			break
		}
		pt := reflect.NewAt(c.typ, p).Elem().Elem().Type()
		if pt.Kind() != reflect.Pointer || !isObject(pt.Elem()) {
			return e.fallback(c, p) // a type of another package that has the method
		}
		sc := codecOf(pt.Elem())
		odataType := ""
		if sc != c.base {
			odataType = sc.odataName
		}
		return e.object(sc, w.data, odataType)
	default:
		return e.fallback(c, p)
	}
	e.buf = b
	return nil
}

// fallback writes p, a value of the type of c, with encoding/json, through
// a pointer, so that MarshalJSON methods with either receiver are used.
func (e *encoder) fallback(c *codec, p unsafe.Pointer) error {
	out, err := json.Marshal(reflect.NewAt(c.typ, p).Interface())
	if err != nil {
		return err
	}
	e.buf = append(e.buf, out...)
	return nil
}

// appendDigits appends n, which is not negative, in width digits at least.
func appendDigits(b []byte, n, width int) []byte {
	var d [20]byte
	i := len(d)
	for n > 0 || i > len(d)-width {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[i:]...)
}

// appendTimeOfDay appends t, which is valid, as TimeOfDay.String writes it.
func appendTimeOfDay(b []byte, t *TimeOfDay) []byte {
	b = appendDigits(b, t.Hour, 2)
	b = append(b, ':')
	b = appendDigits(b, t.Minute, 2)
	if t.NoSeconds && t.Second == 0 && t.Nanosecond == 0 && t.Precision == 0 {
		return b
	}
	b = append(b, ':')
	b = appendDigits(b, t.Second, 2)
	// The nanoseconds in nine digits, then zeros up to maxFractionDigits.
	var frac [maxFractionDigits]byte
	for i, ns := 8, t.Nanosecond; i >= 0; i-- {
		frac[i], ns = byte('0'+ns%10), ns/10
	}
	for i := 9; i < len(frac); i++ {
		frac[i] = '0'
	}
	n := 0
	if t.Nanosecond != 0 {
		for n = 9; frac[n-1] == '0'; n-- {
		}
	}
	if n = max(n, t.Precision); n > 0 {
		b = append(b, '.')
		b = append(b, frac[:n]...)
	}
	return b
}

// strictRFC3339 reports whether the time written by AppendFormat with
// RFC3339Nano is one Time.MarshalJSON writes: a year of four digits, and a
// zone offset under 24 hours.
func strictRFC3339(b []byte) bool {
	if len(b) < len("2006-01-02T15:04:05Z") || b[4] != '-' {
		return false
	}
	if b[len(b)-1] == 'Z' {
		return true
	}
	z := b[len(b)-len("Z07:00"):]
	if c := z[0]; '0' <= c && c <= '9' {
		return false
	}
	return 10*(z[1]-'0')+(z[2]-'0') < 24
}

// appendFloat appends f as encoding/json writes a float of bits bits: as
// ES6 does, with an exponent for the very small and the very large.
func appendFloat(b []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// isNumber reports whether s is a JSON number.
func isNumber(s string) bool {
	d := decoder{data: unsafe.Slice(unsafe.StringData(s), len(s))}
	return d.numberOK() && d.i == len(s)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it: HTML-safe (<, > and & as \u003c, \u003e and \u0026),
// U+2028 and U+2029 escaped, and bytes that are not UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs escaping.
		for i+8 <= len(s) {
			w := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
			if (w|(w-lsb*0x20)|((w^lsb*'"')-lsb)|((w^lsb*'\\')-lsb)|((w^lsb*'<')-lsb)|((w^lsb*'>')-lsb)|((w^lsb*'&')-lsb))&msb != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendRaw appends raw, a JSON value written by another, as encoding/json
// would write a json.RawMessage: checked, without white space between
// tokens, HTML-safe. It reports false, appending nothing, if raw is not
// one JSON value.
func appendRaw(b, raw []byte) ([]byte, bool) {
	d := decoder{data: raw}
	if !d.valid() {
		return b, false
	}
	start, inString := 0, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if inString {
			switch {
			case c == '\\':
				i++
			case c == '"':
				inString = false
			case c == '<' || c == '>' || c == '&':
				b = append(b, raw[start:i]...)
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
				start = i + 1
			case c == 0xE2 && i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2]&^1 == 0xA8:
				b = append(b, raw[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[raw[i+2]&0xF])
				i += 2
				start = i + 1
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case ' ', '\t', '\n', '\r':
			b = append(b, raw[start:i]...)
			start = i + 1
		}
	}
	return append(b, raw[start:]...), true
}

// valid reports whether d.data is one JSON value, with white space around
// it, without making the error that says where it is not.
func (d *decoder) valid() bool {
	d.quiet = true
	if d.skip() != nil {
		return false
	}
	d.ws()
	return d.i == len(d.data)
}

// Marshal returns the JSON encoding of v, byte for byte what json.Marshal
// returns: itself for a generated struct, a Collection, or a pointer to
// either, and with json.Marshal for any other value. It is faster than json.Marshal on the generated types,
// which cannot avoid that encoding/json scans and copies what their
// MarshalJSON returns once more. An error is the one MarshalJSON returns,
// without encoding/json's "json: error calling MarshalJSON" around it.
func Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() == reflect.Pointer && rv.IsNil() {
		return json.Marshal(v)
	}
	t, p := rv.Type(), unsafe.Pointer(nil)
	if t.Kind() == reflect.Pointer {
		t, p = t.Elem(), rv.UnsafePointer()
	} else {
		c := reflect.New(t)
		c.Elem().Set(rv)
		p = c.UnsafePointer()
	}
	c := codecOf(t)
	if c.kind != kindObject {
		return json.Marshal(v)
	}
	return encode(c, p)
}
