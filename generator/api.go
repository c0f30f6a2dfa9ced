package generator

import (
	"fmt"
	"io/fs"

	"github.com/graphgen/graphgen/generator/apilint"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/model"
)

// LintAPI reads the method pages of a folder, the *.md files of fsys
// (known to the user as prefix), with package examples, and checks the
// examples of each against the types of pkg with package apilint. It
// returns the findings of reading the examples and of checking them,
// sorted. Pages are read as spec pages are: only regular files, through
// the size limit. Entries that are not *.md pages are not read; a method
// folder holds includes and images beside its pages. An error means the
// folder or a page could not be read.
func LintAPI(fsys fs.FS, prefix string, pkg *model.Package, opts Options) (diag.List, error) {
	names, _, err := pageNames(fsys)
	if err != nil {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, ErrNoPages)
	}
	check := apilint.New(pkg)
	perPage := make([]diag.List, len(names))
	err = eachPage(fsys, prefix, names, opts.Jobs,
		func(i int, file string, src []byte) {
			exs, l := examples.Read(file, src)
			perPage[i] = append(l, check.Check(exs)...)
		},
		func(i int, file string, d diag.Diagnostic) { perPage[i] = diag.List{d} })
	if err != nil {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, err)
	}
	var all diag.List
	for _, l := range perPage {
		all = append(all, l...)
	}
	all.Sort()
	return all, nil
}
