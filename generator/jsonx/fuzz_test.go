package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// FuzzRepairParse pins what the reader relies on: Repair never changes the
// length of its input or moves a newline (so offsets into the repaired text
// are offsets into the page), and Parse of anything never panics and only
// reports offsets inside its input.
func FuzzRepairParse(f *testing.F) {
	for _, seed := range []string{
		``,
		`{}`,
		`[]`,
		`{"a": 1, "b": [true, false, null], "c": {"d": "e"}}`,
		"{\n  \"a\": 1, // a comment\n  \"b\": 2,\n}",
		"{ /* block\n comment */ \"a\": [1, 2, 3,], }",
		"{\"a\":\u00a0007}",
		"\ufeff{\"a\": \"\u202f\"}",
		`{"a": "unterminated`,
		`{"a": "esc\"aped\\", "b": "\u00e9"}`,
		`[[[[[[[[[[[[]]]]]]]]]]]]`,
		`-0.5e+10`,
		`{"a" 1}`,
		"/*",
		"\"\\",
		"00",
		"\xff\xfe",
		`{"a": tru}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := append([]byte(nil), src...)
		fixed := Repair(src)
		if !bytes.Equal(src, orig) {
			t.Fatalf("Repair changed its input")
		}
		if len(fixed) != len(src) {
			t.Fatalf("Repair changed the length from %d to %d", len(src), len(fixed))
		}
		for i := range src {
			if (src[i] == '\n') != (fixed[i] == '\n') {
				t.Fatalf("Repair moved a newline at offset %d: %q → %q", i, src, fixed)
			}
			if src[i] != fixed[i] && fixed[i] != ' ' {
				t.Fatalf("Repair wrote %q at offset %d, want only spaces", fixed[i], i)
			}
		}
		for _, in := range [][]byte{src, fixed} {
			v, err := Parse(in)
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("Parse returned %T, want *SyntaxError", err)
				}
				if se.Offset < 0 || se.Offset > len(in) {
					t.Fatalf("error offset %d outside [0, %d]: %v", se.Offset, len(in), err)
				}
				continue
			}
			checkOffsets(t, v, len(in), 0)
		}
	})
}

// checkOffsets walks v and fails on any offset outside the input.
func checkOffsets(t *testing.T, v *Value, n, depth int) {
	t.Helper()
	if v == nil {
		t.Fatalf("nil value at depth %d", depth)
	}
	if depth > MaxDepth+1 {
		t.Fatalf("value nested %d deep, more than MaxDepth %d", depth, MaxDepth)
	}
	if v.Offset < 0 || v.Offset >= n {
		t.Fatalf("value offset %d outside [0, %d)", v.Offset, n)
	}
	for _, e := range v.Elems {
		checkOffsets(t, e, n, depth+1)
	}
	for _, m := range v.Members {
		if m.KeyOffset < 0 || m.KeyOffset >= n {
			t.Fatalf("key %q offset %d outside [0, %d)", m.Key, m.KeyOffset, n)
		}
		checkOffsets(t, m.Value, n, depth+1)
	}
}

// FuzzStringLiteral holds the shortcut for plain string literals to what
// encoding/json decodes: the same value, and an error whenever it errs.
func FuzzStringLiteral(f *testing.F) {
	for _, seed := range []string{`""`, `"id"`, `"a b"`, `"esc\"aped"`, `"\u00e9"`, "\"caf\u00e9\"", "\"tab\there\"", "\"\xff\"", `"\ud800"`, "\"ctl\x01\""} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, lit []byte) {
		if len(lit) < 2 || lit[0] != '"' || bytes.IndexByte(lit, '\n') >= 0 {
			return
		}
		var want string
		werr := json.Unmarshal(lit, &want)
		v, err := Parse(lit)
		switch {
		case werr != nil:
			if err == nil && v.Kind == String {
				t.Errorf("Parse(%s) = %q, but encoding/json rejects it: %v", lit, v.String, werr)
			}
		case err != nil:
			t.Errorf("Parse(%s): %v, but encoding/json decodes %q", lit, err, want)
		case v.Kind != String || v.String != want:
			t.Errorf("Parse(%s) = %+v, want the string %q", lit, v, want)
		}
	})
}
