package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
)

// Exit codes, documented in the README and in the help text.
const (
	exitOK       = 0 // success; for check, the output is up to date
	exitFindings = 1 // check found drift, or the pages have errors
	exitUsage    = 2 // bad command line, or a file could not be read or written
)

const usage = `graphgen turns Markdown resource pages into a Go package.

Usage:
  graphgen generate -spec DIR -out DIR [-pkg NAME] [-strict-enums] [-q] [-format F]
  graphgen check    -spec DIR -out DIR [-pkg NAME] [-strict-enums] [-q] [-format F]
  graphgen report   -spec DIR [-format F]
  graphgen lint     -spec DIR [-strict] [-suppress FILE] [-format F]
  graphgen diff     [-fail-on breaking|any|none] [-format F] OLD NEW

Commands:
  generate   write the Go package generated from the pages in -spec to -out
  check      write nothing; report how -out differs from what -spec produces
  report     print the conformance figures of the pages in -spec
  lint       report inconsistencies within and between the pages in -spec
  diff       report the API changes from the pages of OLD to those of NEW,
             each a folder or REV:PATH, a folder at a git revision

Every command takes -format text|json|github; github prints GitHub Actions
workflow commands (::error file=...,line=...::message).

Exit status: 0 success (check: up to date; diff: no change that -fail-on
fails), 1 drift, changes or errors in the pages, 2 usage error or a file,
folder or revision that could not be read or written.

Run "graphgen COMMAND -h" for the flags of a command.
`

// cli carries what a command needs; there is no package-level state.
type cli struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "generate":
		return c.generate(args[1:], false)
	case "check":
		return c.generate(args[1:], true)
	case "report":
		return c.report(args[1:])
	case "lint":
		return c.lint(args[1:])
	case "diff":
		return c.diff(args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "graphgen: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// genFlags are the flags generate and check share.
type genFlags struct {
	spec, out, pkg string
	format         string
	strictEnums    bool
	quiet          bool
}

func (c *cli) flags(name, doc string) (*flag.FlagSet, *genFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	g := &genFlags{}
	fs.StringVar(&g.spec, "spec", "", "folder of Markdown resource pages to read (required)")
	fs.StringVar(&g.out, "out", "", "folder of the generated Go package (required)")
	fs.StringVar(&g.pkg, "pkg", "", "name of the generated Go package (default: the base name of -out, lower case, letters and digits only)")
	fs.BoolVar(&g.strictEnums, "strict-enums", false, "generate decoders that reject undocumented enum values instead of keeping them for Validate")
	fs.BoolVar(&g.quiet, "q", false, "print errors only, not warnings")
	fs.StringVar(&g.format, "format", formatText, formatDoc)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: graphgen %s -spec DIR -out DIR [flags]\n\n%s\n\nFlags:\n", name, doc)
		fs.PrintDefaults()
	}
	return fs, g
}

func (c *cli) parse(fs *flag.FlagSet, g *genFlags, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	var missing []string
	if g.spec == "" {
		missing = append(missing, "-spec")
	}
	if g.out == "" {
		missing = append(missing, "-out")
	}
	if len(missing) > 0 || fs.NArg() > 0 || badFormat(fs.Name(), g.format) != "" {
		switch {
		case len(missing) > 0:
			fmt.Fprintf(c.stderr, "graphgen %s: missing %s\n", fs.Name(), strings.Join(missing, " and "))
		case fs.NArg() > 0:
			fmt.Fprintf(c.stderr, "graphgen %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		default:
			fmt.Fprintln(c.stderr, badFormat(fs.Name(), g.format))
		}
		fs.Usage()
		return exitUsage, false
	}
	if g.pkg == "" {
		g.pkg = generator.PackageName(g.out)
	}
	return 0, true
}

func (c *cli) generate(args []string, check bool) int {
	name, doc := "generate", "Writes the Go package generated from the pages in -spec to -out. Generated files\nno longer produced are removed; files without the generated header are never touched.\nOn an error before the first file is replaced nothing is changed; a run stopped after\nthat leaves -out marked incomplete (.graphgen-incomplete) until the next generate\ncompletes it. Runs into one folder take turns."
	if check {
		name, doc = "check", "Changes nothing. Exits 0 when -out is exactly what -spec produces, and 1 with a\nunified diff naming every stale, missing and extra generated file otherwise, and a\ngenerate that stopped half-way. Waits for a generate writing -out to finish."
	}
	fs, g := c.flags(name, doc)
	if code, ok := c.parse(fs, g, args); !ok {
		return code
	}
	info, err := os.Stat(g.spec)
	if err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "graphgen %s: -spec %s: not a readable folder\n", name, g.spec)
		return exitUsage
	}
	res, err := generator.Generate(os.DirFS(g.spec), g.spec, generator.Options{Package: g.pkg, StrictEnums: g.strictEnums})
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen %s: %v\n", name, err)
		return exitUsage
	}
	diags := filterQuiet(res.Diags, g.quiet)
	switch g.format {
	case formatText:
		writeDiags(c.stderr, formatText, diags)
	case formatGitHub:
		writeDiags(c.stdout, formatGitHub, diags)
	}
	if res.Diags.HasErrors() {
		if g.format == formatJSON {
			c.printGenJSON(check, diags, nil, res.Sources)
		}
		n := res.Diags.Count(diag.Error)
		msg := fmt.Sprintf("graphgen %s: %d %s in the pages of %s", name, n, plural(n, "error", "errors"), g.spec)
		if !check {
			msg += "; nothing was written"
		}
		fmt.Fprintln(c.stderr, msg)
		return exitFindings
	}
	if !check {
		if g.format == formatJSON {
			c.printGenJSON(false, diags, nil, nil)
		}
		if err := generator.Write(g.out, res.Files); err != nil {
			fmt.Fprintf(c.stderr, "graphgen %s: %v\n", name, err)
			return exitUsage
		}
		return exitOK
	}
	drift, err := generator.Check(g.out, res.Files)
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen check: %v\n", err)
		return exitUsage
	}
	switch g.format {
	case formatJSON:
		c.printGenJSON(true, diags, drift, res.Sources)
	case formatGitHub:
		// Each file is an annotation on the page behind it, which is what
		// a reviewer edits; an extra file has no page, so it is its own.
		for _, d := range drift {
			page := driftPage(d, res.Sources)
			pos := diag.Pos{File: page}
			if page == "" {
				pos.File = d.File
			}
			annotate(c.stdout, levelError, pos, driftMessage(d, page))
		}
		for _, d := range drift {
			c.stdout.Write(d.Diff)
		}
	default:
		for _, d := range drift {
			switch page := driftPage(d, res.Sources); {
			case page != "":
				fmt.Fprintf(c.stdout, "%s: %s (from %s)\n", d.File, d.Kind, page)
			case d.Kind == "interrupted" || d.Kind == "temporary":
				fmt.Fprintf(c.stdout, "%s: %s (a graphgen generate stopped before it finished)\n", d.File, d.Kind)
			default:
				fmt.Fprintf(c.stdout, "%s: %s\n", d.File, d.Kind)
			}
		}
		for _, d := range drift {
			c.stdout.Write(d.Diff)
		}
	}
	files, stopped := 0, false
	for _, d := range drift {
		if d.Kind == "interrupted" || d.Kind == "temporary" {
			stopped = true
		} else {
			files++
		}
	}
	if stopped {
		fmt.Fprintf(c.stderr, "graphgen check: a graphgen generate into %s stopped before it finished; run graphgen generate (or go generate ./...) to complete it\n", g.out)
	}
	if files > 0 {
		fmt.Fprintf(c.stderr, "graphgen check: %d generated %s in %s %s from what %s produces; run graphgen generate (or go generate ./...) to update them\n", files, plural(files, "file", "files"), g.out, plural(files, "differs", "differ"), g.spec)
	}
	if len(drift) > 0 {
		return exitFindings
	}
	return exitOK
}

// driftPage is the page a stale or missing file comes from; an extra file
// comes from no page.
func driftPage(d generator.Drift, sources map[string]string) string {
	if d.Kind == "extra" {
		return ""
	}
	return sources[filepath.Base(d.File)]
}

func driftMessage(d generator.Drift, page string) string {
	switch {
	case d.Kind == "interrupted":
		return fmt.Sprintf("%s is there: a graphgen generate into %s stopped before it finished, so its generated files may mix two generations; run graphgen generate to complete them", d.File, filepath.Dir(d.File))
	case d.Kind == "temporary":
		return fmt.Sprintf("%s is a temporary file left by a graphgen generate that stopped before it finished; run graphgen generate to remove it", d.File)
	case d.Kind == "extra":
		return fmt.Sprintf("%s is extra: no page produces it; run graphgen generate to remove it", d.File)
	case page != "":
		return fmt.Sprintf("%s is %s: it differs from what %s produces; run graphgen generate to update it", d.File, d.Kind, page)
	}
	return fmt.Sprintf("%s is %s; run graphgen generate to update it", d.File, d.Kind)
}

// driftRecord is one stale, missing or extra file in check -format json.
type driftRecord struct {
	File string `json:"file"`
	Kind string `json:"kind"`
	Page string `json:"page,omitempty"`
	Diff string `json:"diff"`
}

// printGenJSON prints the -format json document of generate (the findings)
// or check (the findings and the drift).
func (c *cli) printGenJSON(check bool, diags diag.List, drift []generator.Drift, sources map[string]string) {
	var v any = findings(diags)
	if check {
		recs := make([]driftRecord, 0, len(drift))
		for _, d := range drift {
			recs = append(recs, driftRecord{d.File, d.Kind, driftPage(d, sources), string(d.Diff)})
		}
		v = struct {
			Findings []finding     `json:"findings"`
			Drift    []driftRecord `json:"drift"`
		}{findings(diags), recs}
	}
	if err := writeJSON(c.stdout, v); err != nil {
		fmt.Fprintf(c.stderr, "graphgen: %v\n", err)
	}
}

func (c *cli) report(args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	spec := fs.String("spec", "", "folder of Markdown resource pages to read (required)")
	format := formatFlag(fs)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: graphgen report -spec DIR [-format text|json|github]\n\nPrints the conformance figures of the pages in -spec: pages by kind, types generated,\nproperties by kind, enums by source and diagnostics by code. Writes no file.\nWith -format json the diagnostics are listed too (\"findings\"); with -format github\nthey are annotations, followed by the figures as text.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *spec == "" || fs.NArg() > 0 || badFormat("report", *format) != "" {
		switch {
		case *spec == "":
			fmt.Fprintln(c.stderr, "graphgen report: missing -spec")
		case fs.NArg() > 0:
			fmt.Fprintf(c.stderr, "graphgen report: unexpected argument %q\n", fs.Arg(0))
		default:
			fmt.Fprintln(c.stderr, badFormat("report", *format))
		}
		fs.Usage()
		return exitUsage
	}
	if info, err := os.Stat(*spec); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "graphgen report: -spec %s: not a readable folder\n", *spec)
		return exitUsage
	}
	res, err := generator.Generate(os.DirFS(*spec), *spec, generator.Options{Package: "report"})
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen report: %v\n", err)
		return exitUsage
	}
	r := generator.NewReport(res)
	switch *format {
	case formatJSON:
		doc := struct {
			*generator.Report
			Findings []finding `json:"findings"`
		}{r, findings(res.Diags)}
		if err := writeJSON(c.stdout, doc); err != nil {
			fmt.Fprintf(c.stderr, "graphgen report: %v\n", err)
			return exitUsage
		}
		return exitOK
	case formatGitHub:
		annotateDiags(c.stdout, res.Diags)
	}
	w := c.stdout
	fmt.Fprintf(w, "spec folder %s\n", *spec)
	section(w, "pages", r.Pages)
	fmt.Fprintf(w, "types\n  %-24s %d\n  %-24s %d\n  %-24s %.2f%%\n", "typed pages", r.TypedPages, "types generated", r.TypesGenerated, "coverage", 100*r.Coverage())
	section(w, "properties", r.Properties)
	fmt.Fprintf(w, "enum properties\n  %-24s %d\n  %-24s %d\n  %-24s %.2f%%\n", "values documented", r.EnumProperties, "typed as a named enum", r.NamedEnumProperties, "coverage", 100*r.EnumCoverage())
	section(w, "enums by source", r.Enums)
	section(w, "diagnostics by code", r.Diagnostics)
	for _, p := range r.Untyped {
		fmt.Fprintf(w, "no type: %s\n", p)
	}
	return exitOK
}

// section prints one block of figures, sorted by name.
func section(w io.Writer, title string, m map[string]int) {
	fmt.Fprintln(w, title)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-24s %d\n", k, m[k])
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
