package examples

import (
	"bytes"

	"github.com/graphgen/graphgen/generator/diag"
)

// maxPrefix is the widest run of indentation, block-quote markers and list
// markers a line may start with, the page reader's limit: goldmark takes
// time quadratic in the depth of nested block quotes and lists (a line of
// 40,000 '>' takes seconds), and real pages reach 74 bytes, in indented JSON.
// Inline parsing, the page reader's other costly case, is not done here.
const maxPrefix = 256

// tooDeep returns a finding for the first line of src that starts with more
// than maxPrefix bytes of nesting, if any.
func tooDeep(src []byte, lines *diag.Lines) (diag.Diagnostic, bool) {
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		if w := prefixWidth(src[off:end]); w > maxPrefix {
			return diag.New(lines.Pos(off), diag.CodeExampleTooDeep, "line starts with %d bytes of indentation and block-quote or list markers, more than the limit of %d; the page is not read", w, maxPrefix), true
		}
		off = end + 1
	}
	return diag.Diagnostic{}, false
}

// prefixWidth returns the length of the run of spaces, tabs, '>' and list
// markers ("-", "*", "+", "1.", "1)" followed by a space) at the start of
// line: the bytes goldmark reads to decide how deep the line is nested.
func prefixWidth(line []byte) int {
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
			continue
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
				i += 2
				continue
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				i = j + 2
				continue
			}
		}
		break
	}
	return i
}
