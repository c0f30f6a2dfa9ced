// Package jsonx reads the JSON representation blocks of resource pages. Those
// blocks are examples written by hand, so it repairs the defects the corpus
// has (comments, trailing commas, non-ASCII spaces, zero-padded numbers) and
// keeps what encoding/json throws away: member order, and the byte offset of
// every value, so a finding can point at its line.
package jsonx

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of arrays and objects. Real pages nest a few
// levels; the bound keeps a pathological page from exhausting the stack.
const MaxDepth = 200

// Kind is the JSON type of a Value.
type Kind int

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Value is a parsed JSON value.
type Value struct {
	Kind    Kind
	Bool    bool
	Number  string // the literal, as written
	String  string
	Elems   []*Value
	Members []Member
	Offset  int // byte offset of the value's first character
}

// Member is one key of an object, in source order.
type Member struct {
	Key       string
	KeyOffset int
	Value     *Value
}

// Get returns the value of key in an object, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// SyntaxError is a JSON error at a byte offset of the input.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Repair returns a copy of src with the defects of hand-written examples
// blanked out: // and /* */ comments, commas before a closing bracket,
// non-ASCII white space outside strings, and the extra leading zeros of a
// number. Every change replaces bytes with spaces, so offsets into the result
// are offsets into src.
func Repair(src []byte) []byte {
	b := append([]byte(nil), src...)
	blank := func(i, j int) {
		for ; i < j; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	lastComma := -1 // offset of a comma that may turn out to be trailing
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			lastComma = -1
			i = j + 1
			continue
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			j := i
			for j < len(b) && b[j] != '\n' {
				j++
			}
			blank(i, j)
			i = j
			continue
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			j := i + 2
			for j+1 < len(b) && !(b[j] == '*' && b[j+1] == '/') {
				j++
			}
			j = min(j+2, len(b))
			blank(i, j)
			i = j
			continue
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				b[lastComma] = ' '
			}
			lastComma = -1
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if r == '\u00a0' || r == '\u202f' || r == '\u200b' || r == '\ufeff' || r == '\u2007' {
				blank(i, i+n)
			} else {
				lastComma = -1
			}
			i += n
			continue
		case c == '0' && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9' && (i == 0 || !isNumByte(b[i-1])):
			j := i
			for j+1 < len(b) && b[j] == '0' && b[j+1] >= '0' && b[j+1] <= '9' {
				j++
			}
			blank(i, j)
			lastComma = -1
			i = j
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastComma = -1
		}
		i++
	}
	return b
}

func isNumByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
}

// Parse parses one JSON value, which must be all of src but for white space.
// Duplicate keys are kept, in order, for a linter to report.
func Parse(src []byte) (*Value, error) {
	p := &parser{src: src}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.src) {
		return nil, p.errorf("unexpected %s after the JSON value", p.what())
	}
	return v, nil
}

type parser struct {
	src []byte
	i   int
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.i, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) what() string {
	if p.i >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[p.i:])
	return fmt.Sprintf("%q", r)
}

func (p *parser) space() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (*Value, error) {
	if depth > MaxDepth {
		return nil, p.errorf("JSON nested more than %d levels deep", MaxDepth)
	}
	if p.i >= len(p.src) {
		return nil, p.errorf("unexpected end of input, want a JSON value")
	}
	start := p.i
	switch c := p.src[p.i]; {
	case c == '{':
		p.i++
		v := &Value{Kind: Object, Offset: start, Members: []Member{}}
		p.space()
		if p.i < len(p.src) && p.src[p.i] == '}' {
			p.i++
			return v, nil
		}
		for {
			p.space()
			if p.i >= len(p.src) || p.src[p.i] != '"' {
				return nil, p.errorf("unexpected %s, want a quoted object key", p.what())
			}
			koff := p.i
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.space()
			if p.i >= len(p.src) || p.src[p.i] != ':' {
				return nil, p.errorf("unexpected %s after object key %q, want ':'", p.what(), k)
			}
			p.i++
			p.space()
			e, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.Members = append(v.Members, Member{Key: k, KeyOffset: koff, Value: e})
			p.space()
			if p.i < len(p.src) && p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.src) && p.src[p.i] == '}' {
				p.i++
				return v, nil
			}
			return nil, p.errorf("unexpected %s in object, want ',' or '}'", p.what())
		}
	case c == '[':
		p.i++
		v := &Value{Kind: Array, Offset: start, Elems: []*Value{}}
		p.space()
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return v, nil
		}
		for {
			p.space()
			e, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.Elems = append(v.Elems, e)
			p.space()
			if p.i < len(p.src) && p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.src) && p.src[p.i] == ']' {
				p.i++
				return v, nil
			}
			return nil, p.errorf("unexpected %s in array, want ',' or ']'", p.what())
		}
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &Value{Kind: String, String: s, Offset: start}, nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	default:
		for _, lit := range []struct {
			word string
			v    Value
		}{{"true", Value{Kind: Bool, Bool: true}}, {"false", Value{Kind: Bool}}, {"null", Value{Kind: Null}}} {
			if strings.HasPrefix(string(p.src[p.i:min(len(p.src), p.i+len(lit.word))]), lit.word) {
				p.i += len(lit.word)
				v := lit.v
				v.Offset = start
				return &v, nil
			}
		}
		return nil, p.errorf("unexpected %s, want a JSON value", p.what())
	}
}

func (p *parser) str() (string, error) {
	start := p.i
	p.i++
	// plain is whether the literal is printable ASCII without escapes,
	// which is its own value: most are, and they skip encoding/json.
	plain := true
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '\\':
			plain = false
			p.i += 2
			continue
		case c == '"':
			p.i++
			if plain {
				return string(p.src[start+1 : p.i-1]), nil
			}
			var s string
			if err := json.Unmarshal(p.src[start:p.i], &s); err != nil {
				p.i = start
				return "", p.errorf("invalid string literal: %v", err)
			}
			return s, nil
		case c == '\n':
			p.i = start
			return "", p.errorf("string literal not terminated before the end of the line")
		case c < 0x20 || c >= utf8.RuneSelf:
			plain = false
		}
		p.i++
	}
	p.i = start
	return "", p.errorf("string literal not terminated")
}

func (p *parser) number() (*Value, error) {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.src[p.i] == '-' {
		p.i++
	}
	if digits() == 0 {
		return nil, p.errorf("invalid number, want digits")
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, p.errorf("invalid number, want digits after '.'")
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.errorf("invalid number, want digits in the exponent")
		}
	}
	lit := string(p.src[start:p.i])
	if len(lit) > 1 && (lit[0] == '0' && lit[1] >= '0' && lit[1] <= '9' || strings.HasPrefix(lit, "-0") && len(lit) > 2 && lit[2] >= '0' && lit[2] <= '9') {
		p.i = start
		return nil, p.errorf("invalid number %q: leading zero", lit)
	}
	return &Value{Kind: Number, Number: lit, Offset: start}, nil
}
