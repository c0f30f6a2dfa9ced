package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// agreeWithGenerate runs lint, report and diff on the pages of a catalogue
// case and checks that each says of them what generate said: the same
// errors, an exit of 1 exactly when the pages have errors, and 2 when the
// folder cannot be read. genCode and genStderr are generate's.
func agreeWithGenerate(t *testing.T, spec string, genCode int, genStderr string) {
	t.Helper()
	var genErrs []string
	for _, line := range strings.Split(genStderr, "\n") {
		if strings.Contains(line, ": error: ") {
			genErrs = append(genErrs, line)
		}
	}
	// Generate also exits 2 for an output folder it cannot write; only a
	// spec folder it cannot read concerns the other commands.
	unreadable := genCode == exitUsage && strings.Contains(genStderr, "reading spec folder")
	want := exitOK
	switch {
	case unreadable:
		want = exitUsage
	case len(genErrs) > 0:
		want = exitFindings
	}
	runCmd := func(args ...string) (int, string, string) {
		var o, e bytes.Buffer
		code := func() int {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("graphgen %s panicked: %v", args[0], r)
				}
			}()
			return run(context.Background(), args, &o, &e)
		}()
		return code, o.String(), e.String()
	}
	errorLines := func(s string) []string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if strings.Contains(line, ": error: ") {
				out = append(out, line)
			}
		}
		return out
	}

	code, stdout, stderr := runCmd("lint", "-spec", spec)
	if code != want {
		t.Errorf("lint exited %d where generate exited %d, want %d\n%s%s", code, genCode, want, stdout, stderr)
	}
	if diff := cmp.Diff(genErrs, errorLines(stdout)); diff != "" {
		t.Errorf("lint's errors differ from generate's (-generate +lint):\n%s", diff)
	}

	code, stdout, stderr = runCmd("report", "-spec", spec, "-format", "json")
	if code != want {
		t.Errorf("report exited %d, want %d\n%s", code, want, stderr)
	}
	if code != exitUsage {
		var doc struct {
			Findings []finding `json:"findings"`
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("report -format json: %v\n%s", err, stdout)
		}
		var got []string
		for _, f := range doc.Findings {
			if f.Severity == "error" {
				got = append(got, f.Message)
			}
		}
		var wantMsgs []string
		for _, line := range genErrs {
			msg := line[strings.Index(line, ": error: ")+len(": error: "):]
			wantMsgs = append(wantMsgs, msg[:strings.LastIndex(msg, " [")])
		}
		if diff := cmp.Diff(wantMsgs, got); diff != "" {
			t.Errorf("report's errors differ from generate's (-generate +report):\n%s", diff)
		}
	}

	code, stdout, stderr = runCmd("diff", spec, spec)
	if code != want {
		t.Errorf("diff of the pages with themselves exited %d, want %d\n%s%s", code, want, stdout, stderr)
	}
	if want == exitOK && (stdout != "" || !strings.Contains(stderr, "no API change")) {
		t.Errorf("diff of the pages with themselves found changes:\n%s%s", stdout, stderr)
	}
	if want == exitFindings {
		// Each side's errors, and both sides are these pages.
		both := append(append([]string(nil), genErrs...), genErrs...)
		if diff := cmp.Diff(both, errorLines(stderr)); diff != "" {
			t.Errorf("diff's errors differ from generate's (-generate +diff):\n%s", diff)
		}
	}
}
