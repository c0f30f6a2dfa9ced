package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/lint"
	"github.com/graphgen/graphgen/generator/reader"
)

var lintCommand = &command{
	name:    "lint",
	args:    "-spec DIR [-api DIR] [-strict] [-suppress FILE] [-q] [-format F]",
	quiet:   true,
	sarif:   true,
	summary: "report inconsistencies within and between the pages in -spec",
	doc: `Reports every finding generate would, and the disagreements between property
tables, JSON blocks, annotations and links that generation does not need to
know about. Writes no file. Exits 0 when no finding fails (errors; with -strict,
warnings too), 1 when one does, 2 on a usage or I/O error. "graphgen codes"
lists the codes.

With -api, also reads the request and response examples of the method pages
in that folder and checks each body against the type its annotation names,
as the pages of -spec declare it: undeclared members, members in another
case, collections and single values swapped, values of the wrong type, doc
placeholders, enum values no page lists, and unknown types (codes api-*).`,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		spec := fs.String("spec", "", "folder of Markdown resource pages to read (required)")
		api := fs.String("api", "", "folder of Markdown method pages whose examples to check against -spec")
		strict := fs.Bool("strict", false, "fail on warnings as well as errors")
		suppress := fs.String("suppress", "", "file of suppressions, one \"CODE PATH[:LINE] reason\" a line")
		return func(args []string) int {
			if code, ok := c.required(fs, args, "spec"); !ok {
				return code
			}
			return c.lint(*spec, *api, *suppress, *strict, com)
		}
	},
}

func (c *cli) lint(spec, api, suppress string, strict bool, com *common) int {
	var sups []lint.Suppression
	if suppress != "" {
		// A suppression file is a page's size at most, and read as one.
		src, err := generator.ReadFile(suppress, reader.MaxSize)
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
	if !c.specFolder("lint", spec) {
		return exitUsage
	}
	if api != "" {
		if info, err := os.Stat(api); err != nil || !info.IsDir() {
			fmt.Fprintf(c.stderr, "graphgen lint: -api %s: not a readable folder\n", api)
			return exitUsage
		}
	}
	m, err := generator.Model(os.DirFS(spec), spec, generator.Options{})
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen lint: %v\n", err)
		return exitUsage
	}
	all := append(append(diag.List(nil), m.Diags...), lint.Lint(m.Pages)...)
	if api != "" {
		l, err := generator.LintAPI(os.DirFS(api), api, m.Model, generator.Options{})
		if err != nil {
			fmt.Fprintf(c.stderr, "graphgen lint: %v\n", err)
			return exitUsage
		}
		all = append(all, l...)
	}
	l := lint.Apply(all, sups)
	shown := filterQuiet(l, com.quiet)
	switch com.format {
	case formatJSON, formatSARIF:
		write := func() error { return writeJSON(c.stdout, findings(shown)) }
		if com.format == formatSARIF {
			write = func() error { return writeSARIF(c.stdout, shown) }
		}
		if err := write(); err != nil {
			fmt.Fprintf(c.stderr, "graphgen lint: %v\n", err)
			return exitUsage
		}
	default:
		writeDiags(c.stdout, com.format, shown)
	}
	ne, nw := l.Count(diag.Error), l.Count(diag.Warning)
	if ne > 0 || (strict && nw > 0) {
		where := spec
		if api != "" {
			where += " and " + api
		}
		fmt.Fprintf(c.stderr, "graphgen lint: %d %s and %d %s in %s\n", ne, plural(ne, "error", "errors"), nw, plural(nw, "warning", "warnings"), where)
		return exitFindings
	}
	return exitOK
}
