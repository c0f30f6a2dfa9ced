package main

import (
	"bytes"
	"testing"

	"github.com/graphgen/graphgen/generator/diag"
)

// TestAnnotate pins the workflow-command syntax GitHub documents: % CR LF
// escaped in the message, and : , as well in properties; unknown parts of
// a position are left out, not written as 0.
func TestAnnotate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		level string
		pos   diag.Pos
		msg   string
		want  string
	}{
		{"full position", levelError, diag.Pos{File: "spec/a.md", Line: 3, Col: 7}, "bad", "::error file=spec/a.md,line=3,col=7::bad\n"},
		{"file only", levelWarning, diag.Pos{File: "spec/a.md"}, "stale", "::warning file=spec/a.md::stale\n"},
		{"line without column", levelNotice, diag.Pos{File: "a.md", Line: 2}, "m", "::notice file=a.md,line=2::m\n"},
		{"no position", levelError, diag.Pos{}, "m", "::error::m\n"},
		{"message escapes", levelError, diag.Pos{File: "a.md", Line: 1, Col: 1}, "100% sure\r\nnext: a, b", "::error file=a.md,line=1,col=1::100%25 sure%0D%0Anext: a, b\n"},
		{"property escapes", levelError, diag.Pos{File: "we,ird:dir/a%.md", Line: 1}, "m", "::error file=we%2Cird%3Adir/a%25.md,line=1::m\n"},
	} {
		var b bytes.Buffer
		annotate(&b, tc.level, tc.pos, tc.msg)
		if b.String() != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, b.String(), tc.want)
		}
	}
}
