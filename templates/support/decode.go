package support

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// The decoder reads the JSON once, byte by byte, following the plans of
// plan.go: each leaf is decoded from its bytes where it stands (a string
// unquoted only when it holds an escape, a number parsed in place, an Edm
// value parsed from the string), each member found by its name in the
// plan of its struct, and the value stored through its offset. It checks
// the syntax as it goes, since UnmarshalJSON may be called on its own, but
// builds nothing it does not keep: the JSON path of a value is made only
// for an error, as the error returns up through the levels above it.
//
// What it allocates, it allocates in blocks: the bytes of the strings it
// decodes in chunks of stringChunk bytes, and the values Nullable members
// point to, for strings, scalars and times, in slabs of slabSize. A string
// or a value kept alive keeps its chunk or slab alive with it, at most a
// few kilobytes, never the input: a string longer than maxChunkedString
// has its bytes, and under a Nullable its header, to itself, and the
// strings of one slab all sit in one chunk, so that keeping one string of
// a slab keeps at most that chunk and that slab (4 KiB and 512 bytes).
// Nothing is shared that can be written through (a string cannot, and
// each Nullable points to a value of its own).

const (
	// maxDepth is the deepest nesting of objects and arrays decoded, as
	// in encoding/json, whose json.Unmarshal rejects deeper input before
	// UnmarshalJSON is called.
	maxDepth = 10000
	// stringChunk is the size of the blocks strings are decoded into;
	// a string longer than maxChunkedString gets its own.
	stringChunk      = 4096
	maxChunkedString = 512
	// slabSize is the number of values of a slab.
	slabSize = 32
)

// decoder is the state of one decoding of a JSON value.
type decoder struct {
	data  []byte
	i     int // offset of the next byte
	depth int
	// tags holds the "@odata.type" of each object of data, by offset (see
	// objectTags), when a family value had one after its first member
	// (see family): every family value then takes its type from it.
	tags  map[int64]string
	exact bool
	// scratch holds a string being unquoted.
	scratch []byte
	// quiet is set to check the syntax of a value without saying where
	// it fails.
	quiet bool
	// strs is the chunk strings are decoded into; the slabs hold the
	// values Nullable members point to.
	strs    []byte
	chunks  int // chunks made
	strSlab []string
	// slabChunk is the value of chunks when strSlab was made: the
	// strings of a slab all sit in one chunk (see stringSlot).
	slabChunk int
	numSlab   []uint64
	slabs     int // slabs made
	timSlab   []time.Time
}

// errRestart is returned up to the top when a family value's type was
// taken from its first member, and the value has an "@odata.type" after
// it, which encoding/json would take: the input is then decoded again from
// the start, the tags of its objects all found first (exact).
var errRestart = errors.New("restart with every tag found")

// errSyntax is the syntax error of a quiet decoder.
var errSyntax = errors.New("invalid JSON")

// pathedError is an error met while decoding or encoding, with the path of
// the value it is about, innermost first, made as it returns up.
type pathedError struct {
	err  error
	segs []pathSeg
	bare bool // a syntax error, which is about the input rather than a value
}

func (e *pathedError) Error() string { return finishError(e).Error() }

// pathSeg is a member key, or the index of an element.
type pathSeg struct {
	key   string
	elem  bool
	index int
}

// withKey returns err as met in the member key of an object.
func withKey(err error, key string) error {
	return withSeg(err, pathSeg{key: key})
}

// withIndex returns err as met in the element i of an array.
func withIndex(err error, i int) error {
	return withSeg(err, pathSeg{elem: true, index: i})
}

func withSeg(err error, s pathSeg) error {
	if err == errRestart {
		return err
	}
	pe, ok := err.(*pathedError)
	if !ok {
		pe = &pathedError{err: err}
	}
	if !pe.bare {
		pe.segs = append(pe.segs, s)
	}
	return pe
}

// finishError returns the error the caller sees: the error met, after the
// path of its value, "participants[1].endpointType: …", or with it as its
// Path for an *EnumError, as Validate gives it.
func finishError(err error) error {
	pe, ok := err.(*pathedError)
	if !ok {
		return err
	}
	if pe.bare || len(pe.segs) == 0 {
		return pe.err
	}
	var path *jsonPath
	for i := len(pe.segs) - 1; i >= 0; i-- {
		s := pe.segs[i]
		path = &jsonPath{up: path, key: s.key, elem: s.elem, index: s.index}
	}
	var ee *EnumError
	if errors.As(pe.err, &ee) {
		return &EnumError{Path: path.String(), Type: ee.Type, Value: ee.Value, Want: ee.Want}
	}
	return pathError(path, pe.err)
}

// syntaxError returns the error for input that is not JSON: that of
// encoding/json, which says what it found where.
func (d *decoder) syntaxError() error {
	if d.quiet {
		return errSyntax
	}
	err := json.Unmarshal(d.data, &struct{}{})
	if err == nil {
		err = fmt.Errorf("invalid JSON at offset %d", d.i)
	}
	return &pathedError{err: err, bare: true}
}

// top decodes data, one value and white space around it, into p.
func (d *decoder) top(c *codec, p unsafe.Pointer) (null bool, err error) {
	null, err = d.value(c, p)
	if err != nil {
		return false, err
	}
	d.ws()
	if d.i != len(d.data) {
		return false, &pathedError{err: errors.New("invalid data after the top-level value"), bare: true}
	}
	return null, nil
}

// restart makes the decoder start again with every tag found.
func (d *decoder) restart() {
	d.i, d.depth = 0, 0
	d.exactTags()
}

// exactTags finds the "@odata.type" of every object of the input.
func (d *decoder) exactTags() {
	if !d.exact {
		d.tags, d.exact = objectTags(d.data), true
	}
}

// ws skips white space.
func (d *decoder) ws() {
	data, i := d.data, d.i
	for i < len(data) && data[i] <= ' ' && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	d.i = i
}

// value decodes the value at d.i into p, a value of the type of c, and
// reports true, leaving p alone, if it is null.
func (d *decoder) value(c *codec, p unsafe.Pointer) (null bool, err error) {
	d.ws()
	if d.i >= len(d.data) {
		return false, d.syntaxError()
	}
	start := d.i
	b := d.data[start]
	if b == 'n' {
		return true, d.literal("null")
	}
	switch c.kind {
	case kindObject:
		if b != '{' {
			return false, d.notA("an object", "a JSON object")
		}
		if err := d.enter(); err != nil {
			return false, err
		}
		d.i++
		err := d.object(c, p, false)
		d.depth--
		return false, err
	case kindFamily:
		if b != '{' {
			return false, d.notA("an object", "a JSON object")
		}
		return false, d.family(c, p)
	case kindSlice:
		if b != '[' {
			return false, d.notA("a collection", "a JSON array")
		}
		return false, d.slice(c, p)
	case kindString:
		if b == '"' {
			s, err := d.string()
			*(*string)(p) = s
			return false, err
		}
	case kindEnum:
		if b == '"' {
			s, err := d.string()
			if err != nil {
				return false, err
			}
			if !contains(c.members, s) {
				return false, newEnumError("", c.typ, s, c.members)
			}
			*(*string)(p) = s
			return false, nil
		}
	case kindBool:
		switch b {
		case 't':
			*(*bool)(p) = true
			return false, d.literal("true")
		case 'f':
			*(*bool)(p) = false
			return false, d.literal("false")
		}
	case kindInt, kindUint, kindFloat:
		if b == '-' || b >= '0' && b <= '9' {
			num, err := d.number()
			if err != nil {
				return false, err
			}
			if storeNumber(c, p, num) {
				return false, nil
			}
			// Out of range, or not an integer: encoding/json says so.
		}
	case kindNumber:
		if b == '-' || b >= '0' && b <= '9' {
			num, err := d.number()
			if err != nil {
				return false, err
			}
			*(*json.Number)(p) = json.Number(d.keep(num))
			return false, nil
		}
	case kindTime:
		if b == '"' {
			if _, _, err := d.str(); err != nil {
				return false, err
			}
			return false, (*time.Time)(p).UnmarshalJSON(d.data[start:d.i])
		}
	case kindDate, kindTimeOfDay, kindDuration:
		if b == '"' {
			s, err := d.unquoted()
			if err != nil {
				return false, err
			}
			return false, storeEdm(c.kind, p, s)
		}
	case kindBytes:
		if b == '"' {
			s, err := d.unquoted()
			if err != nil {
				return false, err
			}
			b, err := decodeBinary(s)
			*(*[]byte)(p) = b
			return false, err
		}
	case kindRaw:
		if err := d.skip(); err != nil {
			return false, err
		}
		*(*json.RawMessage)(p) = append([]byte(nil), d.data[start:d.i]...)
		return false, nil
	}
	// Any other type, and a value of the wrong kind for its type:
	// encoding/json decodes it, or says what is wrong.
	d.i = start
	if err := d.skip(); err != nil {
		return false, err
	}
	return false, json.Unmarshal(d.data[start:d.i], reflect.NewAt(c.typ, p).Interface())
}

// decodeBinary decodes s, an Edm.Binary: base64 in the standard alphabet
// or the URL one ("-" and "_" for "+" and "/"), padded with "=" or not, as
// the OData JSON format allows, and as the API writes it at times.
// encoding/json, and the encoder, write the standard alphabet, padded.
func decodeBinary(s []byte) ([]byte, error) {
	enc := base64.StdEncoding
	if bytes.IndexByte(s, '-') >= 0 || bytes.IndexByte(s, '_') >= 0 {
		enc = base64.URLEncoding
	}
	if bytes.IndexByte(s, '=') < 0 {
		// Unpadded; a length that padding would make whole reads the same.
		if enc == base64.URLEncoding {
			enc = base64.RawURLEncoding
		} else {
			enc = base64.RawStdEncoding
		}
	}
	out := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(out, s)
	if err != nil {
		return nil, fmt.Errorf("invalid Edm.Binary %s: %w", snippet([]byte(strconv.Quote(string(s)))), err)
	}
	return out[:n], nil
}

// enter counts one more level of nesting.
func (d *decoder) enter() error {
	if d.depth++; d.depth > maxDepth {
		return d.syntaxError()
	}
	return nil
}

// notA returns the error for the value at d.i, which is not what a type
// wants: "cannot decode "text" into an object: want a JSON object".
func (d *decoder) notA(into, want string) error {
	start := d.i
	if err := d.skip(); err != nil {
		return err
	}
	raw := d.data[start:d.i]
	var what string
	switch raw[0] {
	case '{':
		what = "an object"
	case '[':
		what = "an array"
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		what = snippet([]byte(strconv.Quote(s)))
	default: // a literal or a number, as written: 1e400 is no +Inf
		what = snippet(raw)
	}
	return fmt.Errorf("cannot decode %s into %s: want %s", what, into, want)
}

// object decodes the members of an object, whose "{" is read, into p, a
// generated struct of the type of c, up to its "}". guessed is set when
// the type was chosen from the first member alone (see family).
func (d *decoder) object(c *codec, p unsafe.Pointer, guessed bool) error {
	plan := c.obj
	var extra map[string]json.RawMessage
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return nil
	}
	next := 0 // the member expected next: members come in declaration order, most often
	for first := true; ; first = false {
		if d.i >= len(d.data) || d.data[d.i] != '"' {
			return d.syntaxError()
		}
		raw, plain, err := d.str()
		if err != nil {
			return err
		}
		name := raw
		if !plain {
			name = d.unquote(raw)
		}
		d.ws()
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return d.syntaxError()
		}
		d.i++
		idx := -1
		if next < len(plan.members) && string(name) == plan.members[next].name {
			idx = next
		} else if j, ok := plan.byName[string(name)]; ok {
			idx = j
		}
		if guessed && !first && string(name) == "@odata.type" {
			return errRestart
		}
		if idx < 0 {
			key := string(name)
			d.ws()
			start := d.i
			if err := d.skip(); err != nil {
				return err
			}
			if plan.hasExtra {
				if extra == nil {
					extra = map[string]json.RawMessage{}
				}
				extra[key] = append([]byte(nil), d.data[start:d.i]...)
			}
		} else {
			next = idx + 1
			m := &plan.members[idx]
			f := unsafe.Add(p, m.off)
			if m.nullable {
				if err := d.nullable(m.c, (*nullableHeader)(f)); err != nil {
					return withKey(err, m.name)
				}
			} else if _, err := d.value(m.c, f); err != nil {
				return withKey(err, m.name)
			}
		}
		d.ws()
		if d.i < len(d.data) {
			switch d.data[d.i] {
			case ',':
				d.i++
				d.ws()
				continue
			case '}':
				d.i++
				if extra != nil {
					*(*map[string]json.RawMessage)(unsafe.Add(p, plan.extra)) = extra
				}
				return nil
			}
		}
		return d.syntaxError()
	}
}

// nullable decodes the value at d.i into the Nullable h, whose value has
// the type of c: null, or a new value.
func (d *decoder) nullable(c *codec, h *nullableHeader) error {
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		*h = nullableHeader{null: true}
		return nil
	}
	if c.kind == kindString && d.i < len(d.data) && d.data[d.i] == '"' {
		s, err := d.string()
		if err != nil {
			return err
		}
		*h = nullableHeader{v: d.stringSlot(s)}
		return nil
	}
	v := d.alloc(c)
	if _, err := d.value(c, v); err != nil {
		return err
	}
	*h = nullableHeader{v: v}
	return nil
}

// stringSlot returns a new string holding s, for a Nullable to point to:
// from a slab whose strings all sit in the current chunk, so that keeping
// one keeps that chunk and slab alone; or, for a string too long for a
// chunk, on its own, so that no slab keeps it alive.
func (d *decoder) stringSlot(s string) unsafe.Pointer {
	if len(s) > maxChunkedString {
		p := new(string)
		*p = s
		return unsafe.Pointer(p)
	}
	if len(d.strSlab) == 0 || d.slabChunk != d.chunks {
		d.strSlab = make([]string, d.slabLen())
		d.slabChunk = d.chunks
	}
	p := &d.strSlab[0]
	*p = s
	d.strSlab = d.strSlab[1:]
	return unsafe.Pointer(p)
}

// alloc returns a new zero value of the type of c, from a slab for the
// scalars and times, which hold nothing that another value could keep
// alive (strings have stringSlot).
func (d *decoder) alloc(c *codec) unsafe.Pointer {
	switch {
	case c.kind == kindBool || c.kind == kindInt || c.kind == kindUint || c.kind == kindFloat:
		if len(d.numSlab) == 0 {
			d.numSlab = make([]uint64, d.slabLen())
		}
		p := &d.numSlab[0]
		d.numSlab = d.numSlab[1:]
		return unsafe.Pointer(p)
	case c.kind == kindTime:
		if len(d.timSlab) == 0 {
			d.timSlab = make([]time.Time, d.slabLen())
		}
		p := &d.timSlab[0]
		d.timSlab = d.timSlab[1:]
		return unsafe.Pointer(p)
	}
	return reflect.New(c.typ).UnsafePointer()
}

// slabLen is the length of a new slab: 4, then twice the one before, up
// to slabSize, so that a small value allocates little, and no more values
// than what is left of the input could hold.
func (d *decoder) slabLen() int {
	n := 4 << min(d.slabs, 3)
	d.slabs++
	return min(n, slabSize, 1+(len(d.data)-d.i)/4)
}

// family decodes the object at d.i into p, a value of the family interface
// of c: a pointer to the type its "@odata.type" names, if that type is of
// the family, and to the base otherwise.
//
// The API writes "@odata.type" first, so the type is taken from the first
// member, or is the base when the first member is another; if the object
// has an "@odata.type" after its first member, which encoding/json would
// take, the whole input is decoded again with the tags of all its objects
// found first, in one pass (exact). Either way the cost stays linear in
// the size of the input, however the tags are placed and the values
// nested.
func (d *decoder) family(c *codec, p unsafe.Pointer) error {
	if err := d.enter(); err != nil {
		return err
	}
	d.i++ // the "{"
	var tag string
	var tagged bool
	if d.exact {
		tag, tagged = d.tags[int64(d.i)]
	} else {
		tag, tagged = d.firstTag()
	}
	e := c.baseEntry
	if tagged {
		e = familyTagged(c, tag)
	}
	v := reflect.New(e.c.typ).UnsafePointer()
	if err := d.object(e.c, v, !d.exact); err != nil {
		return err
	}
	d.depth--
	*(*ifaceWords)(p) = ifaceWords{tab: e.tab, data: v}
	return nil
}

// firstTag reads the first member of the object whose "{" is read, without
// moving on, and returns its value when it is "@odata.type", a string.
func (d *decoder) firstTag() (tag string, tagged bool) {
	defer func(i int) { d.i = i }(d.i)
	d.ws()
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", false
	}
	raw, plain, err := d.str()
	if err != nil {
		return "", false
	}
	if !plain {
		raw = d.unquote(raw) // "@odata\u002etype" is the same key
	}
	if string(raw) != "@odata.type" {
		return "", false
	}
	d.ws()
	if d.i >= len(d.data) || d.data[d.i] != ':' {
		return "", false
	}
	d.i++
	d.ws()
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", false
	}
	raw, plain, err = d.str()
	if err != nil {
		return "", false
	}
	if !plain {
		raw = d.unquote(raw)
	}
	// Looked up at once, never kept: familyTagged copies what it keeps.
	return unsafe.String(unsafe.SliceData(raw), len(raw)), true
}

// sliceHeader is the layout of a Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// slice decodes the array at d.i into p, a slice of the type of c.
func (d *decoder) slice(c *codec, p unsafe.Pointer) error {
	if err := d.enter(); err != nil {
		return err
	}
	d.i++ // the "["
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		d.depth--
		reflect.NewAt(c.typ, p).Elem().Set(reflect.MakeSlice(c.typ, 0, 0))
		return nil
	}
	ec := c.elem
	var s sliceHeader
	var array reflect.Value // the elements so far, as a slice of length s.cap
	for {
		if s.len == s.cap {
			// Room for 4 elements first, or for what fits in 256 bytes
			// if fewer, then twice as many each time.
			n := max(min(4, int(256/max(ec.size, 1))), 1, 2*s.cap)
			grown := reflect.MakeSlice(c.typ, n, n)
			if s.len > 0 {
				reflect.Copy(grown, array)
			}
			array = grown
			s = sliceHeader{data: grown.UnsafePointer(), len: s.len, cap: n}
		}
		if _, err := d.value(ec, unsafe.Add(s.data, uintptr(s.len)*ec.size)); err != nil {
			return withIndex(err, s.len)
		}
		s.len++
		d.ws()
		if d.i < len(d.data) {
			switch d.data[d.i] {
			case ',':
				d.i++
				continue
			case ']':
				d.i++
				d.depth--
				*(*sliceHeader)(p) = s
				return nil
			}
		}
		return d.syntaxError()
	}
}

// literal reads the literal lit, "null", "true" or "false".
func (d *decoder) literal(lit string) error {
	if len(d.data)-d.i < len(lit) || string(d.data[d.i:d.i+len(lit)]) != lit {
		return d.syntaxError()
	}
	d.i += len(lit)
	return nil
}

// Masks to look at 8 bytes of a string at once.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// str reads the string at d.i and returns its bytes between the quotes,
// as written, and whether they are the string itself: ASCII or valid
// UTF-8, with no escape.
func (d *decoder) str() (raw []byte, plain bool, err error) {
	data := d.data
	start := d.i + 1
	i := start
	plain = true
	for {
		// Eight bytes at a time while none is a quote, a backslash, a
		// control character or past ASCII.
		for i+8 <= len(data) {
			w := binary.LittleEndian.Uint64(data[i:])
			if (w|(w-lsb*0x20)|((w^lsb*'"')-lsb)|((w^lsb*'\\')-lsb))&msb != 0 {
				break
			}
			i += 8
		}
		if i >= len(data) {
			return nil, false, d.syntaxError()
		}
		switch c := data[i]; {
		case c == '"':
			d.i = i + 1
			return data[start:i], plain, nil
		case c == '\\':
			plain = false
			if i+1 >= len(data) {
				return nil, false, d.syntaxError()
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(data) || hex4(data[i+2:i+6]) < 0 {
					return nil, false, d.syntaxError()
				}
				i += 6
			default:
				return nil, false, d.syntaxError()
			}
		case c < ' ':
			return nil, false, d.syntaxError()
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				plain = false // to be replaced by U+FFFD, as encoding/json does
			}
			i += size
		}
	}
}

// hex4 returns the value of four hex digits, or -1.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote returns the string whose bytes between the quotes, checked by
// str, are raw, as encoding/json unquotes it: escapes decoded, a lone
// surrogate and bytes that are not UTF-8 replaced by U+FFFD. The result
// is in d.scratch, until the next call.
func (d *decoder) unquote(raw []byte) []byte {
	b := d.scratch[:0]
	for r := 0; r < len(raw); {
		switch c := raw[r]; {
		case c == '\\':
			switch raw[r+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(raw[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if r+6 <= len(raw) && raw[r] == '\\' && raw[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(raw[r+2:])); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // '"', '\\', '/'
				b = append(b, raw[r+1])
			}
			r += 2
		case c < utf8.RuneSelf:
			// The run of ASCII up to the next escape, at once.
			n := r + 1
			for n < len(raw) && raw[n] != '\\' && raw[n] < utf8.RuneSelf {
				n++
			}
			b = append(b, raw[r:n]...)
			r = n
		default:
			rr, size := utf8.DecodeRune(raw[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	d.scratch = b
	return b
}

// unquoted reads the string at d.i and returns it, in d.scratch or the
// input, until the next call.
func (d *decoder) unquoted() ([]byte, error) {
	raw, plain, err := d.str()
	if err != nil || plain {
		return raw, err
	}
	return d.unquote(raw), nil
}

// string reads the string at d.i and returns it as a string.
func (d *decoder) string() (string, error) {
	b, err := d.unquoted()
	if err != nil {
		return "", err
	}
	return d.keep(b), nil
}

// keep returns b as a string, copied into the current chunk.
func (d *decoder) keep(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case len(b) > maxChunkedString:
		return string(b)
	case cap(d.strs)-len(d.strs) < len(b):
		// Twice the last, from 256 bytes up to stringChunk, and no
		// larger than what is left of the input could fill.
		n := min(max(256, 2*cap(d.strs)), stringChunk, len(d.data)-d.i)
		d.strs = make([]byte, 0, max(n, len(b)))
		d.chunks++
	}
	n := len(d.strs)
	d.strs = append(d.strs, b...)
	// The chunk is only ever appended to, so the string never changes.
	return unsafe.String(&d.strs[n], len(b))
}

// number reads the number at d.i and returns it.
func (d *decoder) number() ([]byte, error) {
	start := d.i
	if !d.numberOK() {
		return nil, d.syntaxError()
	}
	return d.data[start:d.i], nil
}

// numberOK reads the number at d.i, reporting whether there is one.
func (d *decoder) numberOK() bool {
	data, i := d.data, d.i
	digits := func() bool {
		j := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	d.i = i
	return true
}

// storeNumber stores the number num into p, a value of the type of c,
// and reports whether it could: false for a number out of range, or one
// with a fraction for an integer, which encoding/json then reports.
func storeNumber(c *codec, p unsafe.Pointer, num []byte) bool {
	s := unsafe.String(unsafe.SliceData(num), len(num)) // not kept
	switch c.kind {
	case kindInt:
		n, err := strconv.ParseInt(s, 10, 64)
		bits := 8 * c.size
		if err != nil || n<<(64-bits)>>(64-bits) != n {
			return false
		}
		switch c.size {
		case 1:
			*(*int8)(p) = int8(n)
		case 2:
			*(*int16)(p) = int16(n)
		case 4:
			*(*int32)(p) = int32(n)
		default:
			*(*int64)(p) = n
		}
	case kindUint:
		n, err := strconv.ParseUint(s, 10, 64)
		bits := 8 * c.size
		if err != nil || n<<(64-bits)>>(64-bits) != n {
			return false
		}
		switch c.size {
		case 1:
			*(*uint8)(p) = uint8(n)
		case 2:
			*(*uint16)(p) = uint16(n)
		case 4:
			*(*uint32)(p) = uint32(n)
		default:
			*(*uint64)(p) = n
		}
	case kindFloat:
		f, err := strconv.ParseFloat(s, int(8*c.size))
		if err != nil {
			return false
		}
		if c.size == 4 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
	}
	return true
}

// storeEdm parses s as a Date, TimeOfDay or Duration, by kind, into p.
func storeEdm(kind codecKind, p unsafe.Pointer, b []byte) error {
	s := string(b)
	var err error
	switch kind {
	case kindDate:
		*(*Date)(p), err = ParseDate(s)
	case kindTimeOfDay:
		*(*TimeOfDay)(p), err = ParseTimeOfDay(s)
	default:
		*(*Duration)(p), err = ParseDuration(s)
	}
	return err
}

// skip reads the value at d.i, checking its syntax.
func (d *decoder) skip() error {
	d.ws()
	if d.i >= len(d.data) {
		return d.syntaxError()
	}
	switch d.data[d.i] {
	case '"':
		_, _, err := d.str()
		return err
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case '{', '[':
		return d.skipComposite()
	}
	_, err := d.number()
	return err
}

// skipComposite reads the object or array at d.i, checking its syntax.
func (d *decoder) skipComposite() error {
	if err := d.enter(); err != nil {
		return err
	}
	end := byte(']')
	object := d.data[d.i] == '{'
	if object {
		end = '}'
	}
	d.i++
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == end {
		d.i++
		d.depth--
		return nil
	}
	for {
		if object {
			if d.i >= len(d.data) || d.data[d.i] != '"' {
				return d.syntaxError()
			}
			if _, _, err := d.str(); err != nil {
				return err
			}
			d.ws()
			if d.i >= len(d.data) || d.data[d.i] != ':' {
				return d.syntaxError()
			}
			d.i++
		}
		if err := d.skip(); err != nil {
			return err
		}
		d.ws()
		if d.i < len(d.data) {
			switch d.data[d.i] {
			case ',':
				d.i++
				d.ws()
				continue
			case end:
				d.i++
				d.depth--
				return nil
			}
		}
		return d.syntaxError()
	}
}
