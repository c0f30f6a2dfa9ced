// Package generator runs the whole pipeline: it reads the pages of a spec
// folder (package reader), resolves them into the model (package resolve),
// emits Go files (package emit), and writes or checks an output folder. Each
// stage reports positioned diagnostics; this package only sequences them.
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

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/emit"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
	"github.com/graphgen/graphgen/generator/resolve"
)

// Options controls a run of the generator.
type Options struct {
	// Package is the name of the generated Go package.
	Package string
	// StrictEnums makes generated decoders reject enum values that are not
	// documented members, instead of keeping them for Validate to report.
	StrictEnums bool
	// Jobs is how many pages are read at once; 0 means one per CPU. The
	// output does not depend on it.
	Jobs int
	// ModelOnly stops after resolution: the Result has no Files, and the
	// findings of emission are not looked for. For callers that compare or
	// count the model, such as diff, emission is most of the work.
	ModelOnly bool
}

// Result is what a run produced.
type Result struct {
	Pages []*reader.Page
	Model *model.Package
	Files map[string][]byte // generated file name → content
	// Sources maps a generated file name to the page it comes from, for
	// the files that come from one page.
	Sources map[string]string
	Diags   diag.List // every stage's findings, sorted
	Skipped []string  // entries of the spec folder that are not pages
}

// ErrNoPages is returned when a spec folder holds no Markdown page.
var ErrNoPages = errors.New("no Markdown pages (*.md)")

// Load reads every page of a spec folder. fsys is the folder; prefix is the
// path the user knows it by, used in diagnostics ("spec/beta"). Files that
// are not *.md and subfolders are listed in skipped, not read: a spec
// folder is flat, as the docs' resources folders are.
func Load(fsys fs.FS, prefix string, jobs int) (pages []*reader.Page, skipped []string, diags diag.List, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(path.Ext(e.Name()), ".md") {
			skipped = append(skipped, e.Name())
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, skipped, nil, ErrNoPages
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	pages = make([]*reader.Page, len(names))
	perPage := make([]diag.List, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(jobs, len(names)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				file := path.Join(prefix, names[i])
				src, refused, err := readPage(fsys, names[i], file)
				switch {
				case err != nil:
					errs[i] = err
				case refused != nil:
					// As the reader does with a page over its limit: the
					// page is there, unread, with the error on it.
					pages[i], perPage[i] = &reader.Page{Path: file}, diag.List{*refused}
				default:
					pages[i], perPage[i] = reader.Read(file, src)
				}
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, nil, err
	}
	for _, l := range perPage {
		diags = append(diags, l...)
	}
	return pages, skipped, diags, nil
}

// Generate runs the pipeline over a spec folder and returns the files of
// the package in memory. It writes nothing. An error means the folder could
// not be read; problems in the pages are in Result.Diags, and the files are
// only usable when Diags has no errors.
func Generate(fsys fs.FS, prefix string, opts Options) (*Result, error) {
	if opts.Package == "" {
		return nil, errors.New("no package name given")
	}
	pages, skipped, diags, err := Load(fsys, prefix, opts.Jobs)
	if errors.Is(err, ErrNoPages) && len(skipped) > 0 {
		err = fmt.Errorf("%w; not read: %s", err, strings.Join(skipped, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("reading spec folder %s: %w", prefix, err)
	}
	res := &Result{Pages: pages, Skipped: skipped}
	for _, name := range skipped {
		// Said once, so a page saved with the wrong extension or put in a
		// subfolder is not silently left out of the package.
		diags.Add(diag.Pos{File: path.Join(prefix, name)}, diag.Info, "not-a-page", "not read: a spec folder holds *.md pages only, and subfolders are not read")
	}
	pkg, rdiags := resolve.Resolve(pages, resolve.Options{Package: opts.Package, StrictEnums: opts.StrictEnums})
	diags = append(diags, rdiags...)
	res.Model = pkg
	if opts.ModelOnly {
		diags.Sort()
		res.Diags = diags
		return res, nil
	}
	files, err := emit.Package(pkg)
	var findings diag.List
	switch {
	case errors.As(err, &findings):
		// Each finding keeps its own position.
		diags = append(diags, findings...)
	case err != nil:
		diags = append(diags, diag.Diagnostic{Pos: diag.Pos{File: prefix}, Severity: diag.Error, Code: "emit", Message: err.Error()})
	}
	res.Files = files
	res.Sources = sources(pkg)
	diags.Sort()
	res.Diags = diags
	return res, nil
}

// sources maps each generated file, and its test file, to the page of the
// type or enum it declares.
func sources(pkg *model.Package) map[string]string {
	m := map[string]string{}
	add := func(file, page string) {
		if file == "" || page == "" {
			return
		}
		m[file] = page
		m[strings.TrimSuffix(file, ".go")+"_test.go"] = page
	}
	for _, e := range pkg.Enums {
		add(e.File, e.Source.File)
	}
	// A struct's page wins over an inline enum's, which is the same page.
	for _, s := range pkg.Structs {
		add(s.File, s.Source.File)
	}
	return m
}
