package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
)

// The values of -format, which every command takes.
const (
	formatText   = "text"
	formatJSON   = "json"
	formatGitHub = "github"
	// formatSARIF is for the commands whose output is findings only,
	// which SARIF holds; the others print drift, figures or changes too.
	formatSARIF = "sarif"
)

const (
	formatDoc      = "output format: text, json, or github (GitHub Actions workflow commands)"
	formatDocSARIF = "output format: text, json, github (GitHub Actions workflow commands), or sarif (SARIF 2.1.0, for code scanning)"
)

// badFormat returns the usage error for a -format cmd does not print, or "".
func badFormat(cmd *command, format string) string {
	switch {
	case format == formatText || format == formatJSON || format == formatGitHub:
		return ""
	case cmd.sarif && format == formatSARIF:
		return ""
	case cmd.sarif:
		return fmt.Sprintf("graphgen %s: unknown -format %q: want text, json, github or sarif", cmd.name, format)
	}
	return fmt.Sprintf("graphgen %s: unknown -format %q: want text, json or github", cmd.name, format)
}

// finding is one diagnostic in -format json, the same shape for every
// command.
type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

func findings(l diag.List) []finding {
	out := make([]finding, 0, len(l))
	for _, d := range l {
		out = append(out, finding{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), string(d.Code), d.Message})
	}
	return out
}

// filterQuiet drops everything but errors when quiet is set.
func filterQuiet(l diag.List, quiet bool) diag.List {
	if !quiet {
		return l
	}
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// writeJSON prints v indented, with a final newline.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// GitHub Actions levels. GitHub has no "info"; "notice" is its equivalent.
const (
	levelError   = "error"
	levelWarning = "warning"
	levelNotice  = "notice"
)

func ghLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return levelError
	case diag.Warning:
		return levelWarning
	}
	return levelNotice
}

// annotate prints one workflow command, "::error file=F,line=L,col=C::msg".
// Parts of the position that are unknown are left out rather than written
// as 0, which GitHub would show as a line that does not exist.
func annotate(w io.Writer, level string, pos diag.Pos, msg string) {
	var props []string
	if pos.File != "" {
		props = append(props, "file="+ghEscape(pos.File, true))
		if pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(pos.Line))
			if pos.Col > 0 {
				props = append(props, "col="+strconv.Itoa(pos.Col))
			}
		}
	}
	p := strings.Join(props, ",")
	if p != "" {
		p = " " + p
	}
	fmt.Fprintf(w, "::%s%s::%s\n", level, p, ghEscape(msg, false))
}

// annotateDiags prints each diagnostic as a workflow command.
func annotateDiags(w io.Writer, l diag.List) {
	for _, d := range l {
		msg := d.Message
		if d.Code != "" {
			msg += " [" + string(d.Code) + "]"
		}
		annotate(w, ghLevel(d.Severity), d.Pos, msg)
	}
}

// writeDiags prints diagnostics as text lines or workflow commands; JSON is
// left to the caller, which embeds the findings in its own document.
func writeDiags(w io.Writer, format string, l diag.List) {
	if format == formatGitHub {
		annotateDiags(w, l)
		return
	}
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
}

// ghEscape escapes a workflow-command value as the GitHub Actions toolkit
// does; properties also escape ':' and ','.
func ghEscape(s string, property bool) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	if property {
		s = strings.NewReplacer(":", "%3A", ",", "%2C").Replace(s)
	}
	return s
}
