package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
)

var generateCommand = &command{
	name:    "generate",
	args:    "-spec DIR -out DIR [-pkg NAME] [-strict-enums] [-tests=false] [-q] [-format F]",
	quiet:   true,
	summary: "write the Go package generated from the pages in -spec to -out",
	doc: `Writes the Go package generated from the pages in -spec to -out. Generated files
no longer produced are removed; files without the generated header are never touched.
On an error before the first file is replaced nothing is changed; a run stopped after
that leaves -out marked incomplete (.graphgen-incomplete) until the next generate
completes it. Runs into one folder take turns.`,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		g := genFlags(fs)
		return func(args []string) int { return c.generate(fs, g, com, args) }
	},
}

var checkCommand = &command{
	name:    "check",
	args:    "-spec DIR -out DIR [-pkg NAME] [-strict-enums] [-tests=false] [-q] [-format F]",
	quiet:   true,
	summary: "write nothing; report how -out differs from what -spec produces",
	doc: `Changes nothing. Exits 0 when -out is exactly what -spec produces, and 1 with a
list naming every stale, missing and extra generated file otherwise, and a generate
that stopped half-way, followed by a unified diff of them, cut at -diff lines.
Waits for a generate writing -out to finish.`,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		g := genFlags(fs)
		limit := fs.Int("diff", defaultDiffLines, "print at most this many lines of unified diff after the list of files (-1: all of it, 0: none)")
		return func(args []string) int { return c.check(fs, g, com, *limit, args) }
	},
}

// generation holds the flags generate and check share.
type generation struct {
	spec, out, pkg string
	strictEnums    bool
	tests          bool
}

func genFlags(fs *flag.FlagSet) *generation {
	g := &generation{}
	fs.StringVar(&g.spec, "spec", "", "folder of Markdown resource pages to read (required)")
	fs.StringVar(&g.out, "out", "", "folder of the generated Go package (required)")
	fs.StringVar(&g.pkg, "pkg", "", "name of the generated Go package (default: the package of the Go files already in -out, else the base name of -out, lower case, letters and digits only)")
	fs.BoolVar(&g.strictEnums, "strict-enums", false, "generate decoders that reject undocumented enum values instead of keeping them for Validate")
	fs.BoolVar(&g.tests, "tests", true, "generate the round-trip and enum tests beside the package (-tests=false: the package alone, which then needs no go-cmp)")
	return g
}

// produce checks the command line and runs the generator. It returns the
// result, or the exit code when there is nothing to write or compare.
func (c *cli) produce(fs *flag.FlagSet, g *generation, com *common, args []string) (*generator.Result, int) {
	if code, ok := c.required(fs, args, "spec", "out"); !ok {
		return nil, code
	}
	name := fs.Name()
	if g.pkg == "" {
		pkg, err := generator.DefaultPackage(g.out)
		if err != nil {
			fmt.Fprintf(c.stderr, "graphgen %s: %v\n", name, err)
			return nil, exitUsage
		}
		g.pkg = pkg
	}
	if !c.specFolder(name, g.spec) {
		return nil, exitUsage
	}
	ownDoc, err := generator.HasPackageDoc(g.out, g.pkg)
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen %s: %v\n", name, err)
		return nil, exitUsage
	}
	res, err := generator.Generate(os.DirFS(g.spec), g.spec, generator.Options{Package: g.pkg, StrictEnums: g.strictEnums, NoTests: !g.tests, NoPackageDoc: ownDoc, SpecName: specName(g.spec)})
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen %s: %v\n", name, err)
		return nil, exitUsage
	}
	diags := filterQuiet(res.Diags, com.quiet)
	switch com.format {
	case formatText:
		writeDiags(c.stderr, formatText, diags)
	case formatGitHub:
		writeDiags(c.stdout, formatGitHub, diags)
	}
	if res.Diags.HasErrors() {
		if com.format == formatJSON {
			c.printGenJSON(name == "check", diags, nil, res.Sources)
		}
		n := res.Diags.Count(diag.Error)
		msg := fmt.Sprintf("graphgen %s: %d %s in the pages of %s", name, n, plural(n, "error", "errors"), g.spec)
		if name == "generate" {
			msg += "; nothing was written"
		}
		fmt.Fprintln(c.stderr, msg)
		return nil, exitFindings
	}
	return res, exitOK
}

func (c *cli) generate(fs *flag.FlagSet, g *generation, com *common, args []string) int {
	res, code := c.produce(fs, g, com, args)
	if res == nil {
		return code
	}
	if com.format == formatJSON {
		c.printGenJSON(false, filterQuiet(res.Diags, com.quiet), nil, nil)
	}
	ch, err := generator.Write(g.out, res.Files)
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen generate: %v\n", err)
		return exitUsage
	}
	if !com.quiet {
		fmt.Fprintln(c.stderr, summary(res, ch, g.out))
	}
	return exitOK
}

// summary is the line generate prints on success: what it read, what it
// did to the folder, and how many findings it printed above.
func summary(res *generator.Result, ch generator.Changes, out string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "graphgen generate: %d %s read, %d files in %s: ", len(res.Pages), plural(len(res.Pages), "page", "pages"), len(res.Files), out)
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{ch.Added, "new"}, {ch.Changed, "changed"}, {ch.Removed, "removed"}, {ch.Unchanged, "unchanged"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	b.WriteString(strings.Join(parts, ", "))
	if n := res.Diags.Count(diag.Warning); n > 0 {
		fmt.Fprintf(&b, "; %d %s", n, plural(n, "warning", "warnings"))
	}
	return b.String()
}

// defaultDiffLines keeps check readable when everything differs (before a
// first generate of a whole corpus the diff has hundreds of thousands of
// lines): the list of files says what differs, the start of the diff how.
const defaultDiffLines = 500

func (c *cli) check(fs *flag.FlagSet, g *generation, com *common, limit int, args []string) int {
	res, code := c.produce(fs, g, com, args)
	if res == nil {
		return code
	}
	drift, err := generator.Check(g.out, res.Files)
	if err != nil {
		fmt.Fprintf(c.stderr, "graphgen check: %v\n", err)
		return exitUsage
	}
	switch com.format {
	case formatJSON:
		c.printGenJSON(true, filterQuiet(res.Diags, com.quiet), drift, res.Sources)
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
		c.writeDiffs(drift, limit)
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
		c.writeDiffs(drift, limit)
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

// writeDiffs prints the unified diffs of drift, at most limit lines of
// them when limit is not negative, and says how much it left out.
func (c *cli) writeDiffs(drift []generator.Drift, limit int) {
	left := limit
	omitted := 0
	for _, d := range drift {
		if limit < 0 {
			c.stdout.Write(d.Diff)
			continue
		}
		lines := bytes.SplitAfter(d.Diff, []byte("\n"))
		if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1]
		}
		n := min(left, len(lines))
		for _, l := range lines[:n] {
			c.stdout.Write(l)
		}
		left -= n
		omitted += len(lines) - n
	}
	if omitted > 0 {
		fmt.Fprintf(c.stdout, "... %d more %s of diff not shown: run graphgen check -diff -1 for all of it, or graphgen generate to update the files\n", omitted, plural(omitted, "line", "lines"))
	}
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

// specName returns how the generated files name the spec folder: as
// given, or, when it is absolute and shares a folder other than the root
// with the working directory, relative to the working directory, so that
// the "// Source:" lines of a package generated with an absolute -spec do
// not change from one checkout or machine to the next. A path that would
// climb to the root ("../../work/docs") is no steadier than the absolute
// one, and is not used. Findings keep the folder as given.
func specName(spec string) string {
	if !filepath.IsAbs(spec) {
		return spec
	}
	wd, err := os.Getwd()
	if err != nil {
		return spec
	}
	// The first folder below the root, which both must share.
	top := func(p string) string {
		p = filepath.ToSlash(strings.TrimPrefix(filepath.Clean(p), filepath.VolumeName(p)))
		return strings.SplitN(strings.TrimPrefix(p, "/"), "/", 2)[0]
	}
	if filepath.VolumeName(wd) != filepath.VolumeName(spec) || top(wd) == "" || top(wd) != top(spec) {
		return spec
	}
	rel, err := filepath.Rel(wd, spec)
	if err != nil {
		return spec
	}
	return rel
}
