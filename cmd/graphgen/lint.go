package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/lint"
)

// lint runs "graphgen lint": findings on stdout in the chosen format, a
// summary and usage errors on stderr.
func (c *cli) lint(args []string) int {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	spec := fs.String("spec", "", "folder of Markdown resource pages to read (required)")
	strict := fs.Bool("strict", false, "fail on warnings as well as errors")
	format := formatFlag(fs)
	suppress := fs.String("suppress", "", "file of suppressions, one \"CODE PATH[:LINE] reason\" a line")
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: graphgen lint -spec DIR [-strict] [-format text|json|github] [-suppress FILE]\n\nChecks the pages in -spec for disagreements between property tables, JSON\nblocks, annotations and links. Writes no file. Exits 0 when no finding fails\n(errors; with -strict, warnings too), 1 when one does, 2 on a usage or I/O error.\n\nCodes: %s\n\nFlags:\n", strings.Join(lint.Codes, ", "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	switch {
	case *spec == "":
		fmt.Fprintln(c.stderr, "graphgen lint: missing -spec")
	case fs.NArg() > 0:
		fmt.Fprintf(c.stderr, "graphgen lint: unexpected argument %q\n", fs.Arg(0))
	case badFormat("lint", *format) != "":
		fmt.Fprintln(c.stderr, badFormat("lint", *format))
	default:
		return c.runLint(*spec, *suppress, *format, *strict)
	}
	fs.Usage()
	return exitUsage
}

func (c *cli) runLint(spec, suppress, format string, strict bool) int {
	var sups []lint.Suppression
	if suppress != "" {
		src, err := os.ReadFile(suppress)
		if err != nil {
			fmt.Fprintf(c.stderr, "graphgen lint: %v\n", err)
			return exitUsage
		}
		var errs diag.List
		if sups, errs = lint.ParseSuppressions(suppress, src); len(errs) > 0 {
			fmt.Fprintln(c.stderr, errs.Error())
			return exitUsage
		}
	}
	if info, err := os.Stat(spec); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "graphgen lint: -spec %s: not a readable folder\n", spec)
		return exitUsage
	}
	pages, _, _, err := generator.Load(os.DirFS(spec), spec, 0)
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen lint: reading spec folder %s: %v\n", spec, err)
		return exitUsage
	}
	l := lint.Apply(lint.Lint(pages), sups)
	if err := printLint(c, l, format); err != nil {
		fmt.Fprintf(c.stderr, "graphgen lint: %v\n", err)
		return exitUsage
	}
	ne, nw := l.Count(diag.Error), l.Count(diag.Warning)
	if ne > 0 || (strict && nw > 0) {
		fmt.Fprintf(c.stderr, "graphgen lint: %d %s and %d %s in %s\n", ne, plural(ne, "error", "errors"), nw, plural(nw, "warning", "warnings"), spec)
		return exitFindings
	}
	return exitOK
}

func printLint(c *cli, l diag.List, format string) error {
	if format == formatJSON {
		return writeJSON(c.stdout, findings(l))
	}
	writeDiags(c.stdout, format, l)
	return nil
}
