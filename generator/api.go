package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

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
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(path.Ext(e.Name()), ".md") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, ErrNoPages)
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	check := apilint.New(pkg)
	perPage := make([]diag.List, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(jobs, len(names)) {
		wg.Go(func() {
			for i := range next {
				file := path.Join(prefix, names[i])
				src, refused, err := readPage(fsys, names[i], file)
				switch {
				case err != nil:
					errs[i] = err
				case refused != nil:
					perPage[i] = diag.List{*refused}
				default:
					exs, l := examples.Read(file, src)
					perPage[i] = append(l, check.Check(exs)...)
				}
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("reading method folder %s: %w", prefix, err)
	}
	var all diag.List
	for _, l := range perPage {
		all = append(all, l...)
	}
	all.Sort()
	return all, nil
}
