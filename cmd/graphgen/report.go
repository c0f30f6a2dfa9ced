package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
)

var reportCommand = &command{
	name:    "report",
	args:    "-spec DIR [-q] [-format F]",
	quiet:   true,
	summary: "print the conformance figures of the pages in -spec",
	doc: `Prints the conformance figures of the pages in -spec: pages by kind, types generated,
properties by kind, enums by source and diagnostics by code. Writes no file.
With -format json the diagnostics are listed too ("findings"); with -format github
they are annotations, followed by the figures as text; in text, the errors are
printed on standard error. The figures count every diagnostic; -q hides all but
errors from the findings. Exits 1 when the pages have errors, as generate does.`,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		spec := fs.String("spec", "", "folder of Markdown resource pages to read (required)")
		return func(args []string) int {
			if code, ok := c.required(fs, args, "spec"); !ok {
				return code
			}
			return c.report(*spec, com)
		}
	},
}

func (c *cli) report(spec string, com *common) int {
	if !c.specFolder("report", spec) {
		return exitUsage
	}
	res, err := generator.Model(os.DirFS(spec), spec, generator.Options{})
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen report: %v\n", err)
		return exitUsage
	}
	r := generator.NewReport(res)
	diags := filterQuiet(res.Diags, com.quiet)
	// The figures count every finding; the errors are also printed, and
	// fail the run, as they fail generate.
	code := exitOK
	if n := res.Diags.Count(diag.Error); n > 0 {
		code = exitFindings
		defer fmt.Fprintf(c.stderr, "graphgen report: %d %s in the pages of %s\n", n, plural(n, "error", "errors"), spec)
	}
	switch com.format {
	case formatJSON:
		doc := struct {
			*generator.Report
			Findings []finding `json:"findings"`
		}{r, findings(diags)}
		if err := writeJSON(c.stdout, doc); err != nil {
			fmt.Fprintf(c.stderr, "graphgen report: %v\n", err)
			return exitUsage
		}
		return code
	case formatGitHub:
		annotateDiags(c.stdout, diags)
	default:
		writeDiags(c.stderr, formatText, filterQuiet(res.Diags, true))
	}
	w := c.stdout
	fmt.Fprintf(w, "spec folder %s\n", spec)
	section(w, "pages", r.Pages)
	fmt.Fprintf(w, "types\n  %-24s %d\n  %-24s %d\n  %-24s %.2f%%\n", "typed pages", r.TypedPages, "types generated", r.TypesGenerated, "coverage", 100*r.Coverage())
	section(w, "properties", r.Properties)
	fmt.Fprintf(w, "enum properties\n  %-24s %d\n  %-24s %d\n  %-24s %.2f%%\n", "values documented", r.EnumProperties, "typed as a named enum", r.NamedEnumProperties, "coverage", 100*r.EnumCoverage())
	section(w, "enums by source", r.Enums)
	section(w, "diagnostics by code", r.Diagnostics)
	for _, p := range r.Untyped {
		fmt.Fprintf(w, "no type: %s\n", p)
	}
	return code
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
