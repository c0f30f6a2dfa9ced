package lint

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
)

// Suppression is one line of a suppression file:
//
//	CODE PATH[:LINE] reason…
//
// It drops the findings with that code in that file (on that line, when
// one is given). PATH matches a finding's file exactly or as a trailing
// path ("user.md" matches "spec/beta/user.md"), so one file serves however
// the spec folder is named on the command line.
type Suppression struct {
	Code   diag.Code
	Path   string
	Line   int // 0: any line
	Reason string
	Pos    diag.Pos // the line of the suppression file
}

// ParseSuppressions reads a suppression file. Blank lines and lines
// starting with '#' are ignored. Every bad line is reported, positioned in
// file, in the returned list of errors.
func ParseSuppressions(file string, src []byte) ([]Suppression, diag.List) {
	var sups []Suppression
	var errs diag.List
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := diag.Pos{File: file, Line: n, Col: 1}
		f := strings.Fields(line)
		if len(f) < 3 {
			errs.Report(pos, diag.CodeSuppression, "suppression %q has no reason: want \"CODE PATH[:LINE] reason\"", line)
			continue
		}
		code := diag.Code(f[0])
		if info, ok := diag.Lookup(code); !ok {
			errs.Report(pos, diag.CodeSuppression, "unknown code %q: want a code that \"graphgen codes\" lists", f[0])
			continue
		} else if info.Severity == diag.Error || code == diag.CodeUnusedSuppression {
			errs.Report(pos, diag.CodeSuppression, "code %q cannot be suppressed: want the code of a warning or a note (an error stops generation whatever lint says)", f[0])
			continue
		}
		s := Suppression{Code: code, Path: f[1], Reason: strings.Join(f[2:], " "), Pos: pos}
		if i := strings.LastIndexByte(f[1], ':'); i >= 0 {
			ln, err := strconv.Atoi(f[1][i+1:])
			if err != nil || ln <= 0 {
				errs.Report(pos, diag.CodeSuppression, "bad line number %q in %q: want a positive number", f[1][i+1:], f[1])
				continue
			}
			s.Path, s.Line = f[1][:i], ln
		}
		if s.Path == "" {
			errs.Report(pos, diag.CodeSuppression, "empty path in %q: want PATH[:LINE]", f[1])
			continue
		}
		sups = append(sups, s)
	}
	if err := sc.Err(); err != nil {
		errs.Report(diag.Pos{File: file}, diag.CodeSuppression, "%v", err)
	}
	return sups, errs
}

func (s Suppression) matches(d diag.Diagnostic) bool {
	if d.Code != s.Code || (s.Line != 0 && d.Pos.Line != s.Line) {
		return false
	}
	return d.Pos.File == s.Path || strings.HasSuffix(d.Pos.File, "/"+s.Path)
}

// Apply drops the findings of l that a suppression matches and adds an
// unused-suppression warning for every suppression that matched nothing,
// so stale entries do not pile up. The result is sorted.
func Apply(l diag.List, sups []Suppression) diag.List {
	used := make([]bool, len(sups))
	var out diag.List
	for _, d := range l {
		kept := true
		for i, s := range sups {
			if s.matches(d) {
				used[i], kept = true, false
			}
		}
		if kept {
			out = append(out, d)
		}
	}
	for i, s := range sups {
		if !used[i] {
			where := s.Path
			if s.Line > 0 {
				where = fmt.Sprintf("%s:%d", s.Path, s.Line)
			}
			out.Report(s.Pos, diag.CodeUnusedSuppression, "suppression of %q at %q matches no finding: want it removed or corrected", s.Code, where)
		}
	}
	out.Sort()
	return out
}
