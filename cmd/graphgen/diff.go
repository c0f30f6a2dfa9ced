package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/diff"
)

const diffDoc = `Compares the API described by the pages of OLD with that of NEW: types and
enums added or removed, properties added, removed, retyped or turned into or out
of collections, enum members added, removed or respelled in case, base types
changed. Descriptions, prose and front matter are not compared.

OLD and NEW are spec folders, or a folder at a git revision written REV:PATH
(origin/main:spec/beta); PATH is relative to the top of the repository, as in
git show, or to the current folder when it starts with ./

Each change is breaking-go (Go code using the old package may not compile),
breaking-wire (a client built from the old pages may misread new JSON), both,
or compatible. -fail-on says which changes make the exit status 1:
breaking (either kind), any, or none. Errors in the pages of either side are
printed and exit 1 without a comparison; usage errors and unreadable folders
or revisions exit 2.`

var diffCommand = &command{
	name:    "diff",
	args:    "[-fail-on breaking|any|none] [-q] [-format F] OLD NEW",
	quiet:   true,
	summary: "report the API changes from the pages of OLD to those of NEW,\neach a folder or REV:PATH, a folder at a git revision",
	doc:     diffDoc,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		failOn := fs.String("fail-on", "breaking", "which changes fail the run: breaking, any or none")
		return func(sides []string) int {
			switch {
			case len(sides) != 2:
				return c.usageError(fs, "want two arguments, OLD and NEW, got %d", len(sides))
			case *failOn != "breaking" && *failOn != "any" && *failOn != "none":
				return c.usageError(fs, "unknown -fail-on %q: want breaking, any or none", *failOn)
			}
			return c.diff(sides, *failOn, com)
		}
	},
}

// diff runs "graphgen diff": the changes on stdout in the chosen format, a
// summary and errors on stderr.
func (c *cli) diff(sides []string, failOn string, com *common) int {
	var results [2]*generator.Modeled
	for i, arg := range sides {
		res, err := c.loadSide(arg)
		if err != nil {
			fmt.Fprintf(c.stderr, "graphgen diff: %v\n", err)
			return exitUsage
		}
		results[i] = res
	}
	// Warnings are generate's and lint's business; an error means the
	// model is incomplete, and comparing it would report changes that are
	// not there.
	var errs diag.List
	for _, res := range results {
		errs = append(errs, filterQuiet(res.Diags, true)...)
	}
	var changes []diff.Change
	if len(errs) == 0 {
		changes = diff.Compare(results[0].Model, results[1].Model)
	}
	fails := func(ch diff.Change) bool {
		return failOn == "any" || failOn == "breaking" && ch.Class.Breaking()
	}
	if err := c.printChanges(com.format, errs, changes, fails); err != nil {
		fmt.Fprintf(c.stderr, "graphgen diff: %v\n", err)
		return exitUsage
	}
	if len(errs) > 0 {
		fmt.Fprintf(c.stderr, "graphgen diff: %d %s in the pages; nothing was compared\n", len(errs), plural(len(errs), "error", "errors"))
		return exitFindings
	}
	failed, breaking := 0, 0
	for _, ch := range changes {
		if fails(ch) {
			failed++
		}
		if ch.Class.Breaking() {
			breaking++
		}
	}
	if len(changes) == 0 {
		fmt.Fprintf(c.stderr, "graphgen diff: no API change from %s to %s\n", sides[0], sides[1])
	} else {
		fmt.Fprintf(c.stderr, "graphgen diff: %d %s from %s to %s, %d breaking\n", len(changes), plural(len(changes), "change", "changes"), sides[0], sides[1], breaking)
	}
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

// loadSide reads one side of a diff: a folder, or a folder at a git
// revision, read from git into memory. A folder wins over a revision, so a
// folder whose name has a colon in it is still read as a folder.
func (c *cli) loadSide(arg string) (*generator.Modeled, error) {
	var fsys fs.FS
	prefix := arg
	var notRead diag.List
	info, err := os.Stat(arg)
	switch rev, isRev := diff.ParseRevision(arg); {
	case err == nil && !info.IsDir():
		return nil, fmt.Errorf("%s: not a folder: want a spec folder, or REV:PATH for a folder at a git revision", arg)
	case err == nil:
		fsys = os.DirFS(arg)
	case isRev:
		tree, err := rev.Read(c.ctx, ".")
		if err != nil {
			return nil, err
		}
		defer tree.Close()
		fsys, prefix = tree, rev.Prefix()
		notRead = tree.NotRead(prefix)
	default:
		return nil, fmt.Errorf("%s: not a readable folder: want a spec folder, or REV:PATH for a folder at a git revision", arg)
	}
	res, err := generator.Model(fsys, prefix, generator.Options{})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", arg, err)
	}
	res.Diags = append(res.Diags, notRead...)
	res.Diags.Sort()
	return res, nil
}

// changeRecord is one change in -format json.
type changeRecord struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Kind     string   `json:"kind"`
	Classes  []string `json:"classes"`
	Breaking bool     `json:"breaking"`
	Fails    bool     `json:"fails"` // whether it meets -fail-on
	Type     string   `json:"type"`
	Property string   `json:"property,omitempty"`
	Member   string   `json:"member,omitempty"`
	Message  string   `json:"message"`
}

func (c *cli) printChanges(format string, errs diag.List, changes []diff.Change, fails func(diff.Change) bool) error {
	switch format {
	case formatJSON:
		recs := make([]changeRecord, 0, len(changes))
		for _, ch := range changes {
			recs = append(recs, changeRecord{
				ch.Pos.File, ch.Pos.Line, ch.Pos.Col, string(ch.Kind), ch.Class.Names(), ch.Class.Breaking(), fails(ch),
				ch.Type, ch.Property, ch.Member, ch.Message,
			})
		}
		return writeJSON(c.stdout, struct {
			Findings []finding      `json:"findings"`
			Changes  []changeRecord `json:"changes"`
		}{findings(errs), recs})
	case formatGitHub:
		annotateDiags(c.stdout, errs)
		for _, ch := range changes {
			// The level follows -fail-on: what fails the run is an error,
			// a breaking change that does not is a warning.
			level := levelNotice
			switch {
			case fails(ch):
				level = levelError
			case ch.Class.Breaking():
				level = levelWarning
			}
			annotate(c.stdout, level, ch.Pos, fmt.Sprintf("%s: %s [%s]", ch.Class, ch.Message, ch.Kind))
		}
		return nil
	}
	writeDiags(c.stderr, formatText, errs)
	for _, ch := range changes {
		fmt.Fprintln(c.stdout, ch.String())
	}
	return nil
}
