package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diag"
)

// TestREADMECodes checks that the README's table of codes is the registry
// of diag, code for code; -update rewrites it.
func TestREADMECodes(t *testing.T) {
	const (
		readme = "../../README.md"
		begin  = "<!-- codes: written by go test ./cmd/graphgen -run TestREADMECodes -update -->\n"
		end    = "<!-- end of codes -->\n"
	)
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(src, []byte(begin)), bytes.Index(src, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no codes table between %q and %q", begin, end)
	}
	var b strings.Builder
	b.WriteString("| code | severity | stage | meaning |\n|---|---|---|---|\n")
	for _, c := range diag.Codes() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Code, c.Severity, c.Stage, strings.ReplaceAll(c.Doc, "|", `\|`))
	}
	got := string(src[i+len(begin) : j])
	if *update {
		out := append(append(append([]byte(nil), src[:i+len(begin)]...), b.String()...), src[j:]...)
		if err := os.WriteFile(readme, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(b.String(), got); diff != "" {
		t.Errorf("README.md's codes table differs from diag.Codes() (-registry +README); run go test ./cmd/graphgen -run TestREADMECodes -update:\n%s", diff)
	}
}
