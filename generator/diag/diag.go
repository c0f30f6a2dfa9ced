// Package diag holds the positioned diagnostics that every stage of the
// generator reports. A stage collects all of its findings rather than stopping
// at the first, so a user fixes a page in one pass.
package diag

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; a zero Line
// means the finding concerns the file as a whole, a zero File that it concerns
// no file at all (a missing spec folder, say).
type Pos struct {
	File string
	Line int
	Col  int
}

// String renders p as path:line:col, dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Before reports whether p sorts before q: by file, then line, then column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity ranks a diagnostic. Only errors stop generation.
type Severity int

// The severities, from least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Diagnostic is one finding: where, how bad, a stable code for tools and
// suppression files, and a message in lower case that quotes the bad value
// and says what was wanted.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Message  string
}

// String renders d as "path:line:col: severity: message [code]".
func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Code != "" {
		b.WriteString(" [")
		b.WriteString(string(d.Code))
		b.WriteString("]")
	}
	return b.String()
}

// List is a collection of diagnostics. It is also an error, so a stage can
// return it where a single error is expected.
type List []Diagnostic

// New returns a finding of code at pos, with the code's severity: a
// finding has no other.
func New(pos Pos, code Code, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: SeverityOf(code), Code: code, Message: fmt.Sprintf(format, args...)}
}

// Report appends a finding of code, with the code's severity.
func (l *List) Report(pos Pos, code Code, format string, args ...any) {
	*l = append(*l, New(pos, code, format, args...))
}

// Sort orders the list by position, then severity (most serious first), code
// and message, so that output never depends on the order work was done in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
}

// HasErrors reports whether any diagnostic in l is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns how many diagnostics in l have severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Error renders the list one diagnostic a line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Err returns l as an error when it holds at least one Error, and nil
// otherwise.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Lines maps byte offsets in a file to 1-based line and column numbers. It is
// built once per file; a lookup is a binary search.
type Lines struct {
	file  string
	src   []byte
	start []int // byte offset of the start of each line
}

// NewLines indexes src, the contents of file.
func NewLines(file string, src []byte) *Lines {
	start := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		start = append(start, off)
	}
	return &Lines{file: file, src: src, start: start}
}

// Pos returns the position of byte offset off. Columns count bytes, as
// go/scanner does, so they agree with what editors show for ASCII text.
func (ls *Lines) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(ls.src) {
		off = len(ls.src)
	}
	i := sort.Search(len(ls.start), func(i int) bool { return ls.start[i] > off }) - 1
	return Pos{File: ls.file, Line: i + 1, Col: off - ls.start[i] + 1}
}

// File returns the name the index was built for.
func (ls *Lines) File() string { return ls.file }

// LinePos returns the position of the first column of a 1-based line.
func (ls *Lines) LinePos(line int) Pos {
	return Pos{File: ls.file, Line: line, Col: 1}
}
