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
	"strings"
	"unicode/utf8"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/emit"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/generator/reader"
	"github.com/graphgen/graphgen/generator/resolve"
)

// Options controls a run of the generator.
type Options struct {
	// Package is the name of the generated Go package. Generate needs it;
	// Model, which emits nothing, uses "model" when it is empty.
	Package string
	// StrictEnums makes generated decoders reject enum values that are not
	// documented members, instead of keeping them for Validate to report.
	StrictEnums bool
	// Jobs is how many pages are read at once; 0 means one per CPU. The
	// output does not depend on it.
	Jobs int
}

// Loaded is what Load read from a spec folder.
type Loaded struct {
	Pages   []*reader.Page // sorted by path
	Skipped []string       // entries of the spec folder that are not pages
	// Diags are the findings of reading, including one for each skipped
	// entry; sorted.
	Diags diag.List
}

// Modeled is what Model made of a spec folder: the pages and the model,
// with the findings of reading, resolving and of the checks that emission
// would make.
type Modeled struct {
	Loaded
	Model *model.Package
}

// Result is what Generate produced: the model and the files.
type Result struct {
	Modeled
	Files map[string][]byte // generated file name → content
	// Sources maps a generated file name to the page it comes from, for
	// the files that come from one page.
	Sources map[string]string
}

// ErrNoPages is returned when a spec folder holds no Markdown page.
var ErrNoPages = errors.New("no Markdown pages (*.md)")

// Load reads every page of a spec folder. fsys is the folder; prefix is the
// path the user knows it by, used in diagnostics ("spec/beta"). Files that
// are not *.md and subfolders are listed in Skipped, not read: a spec
// folder is flat, as the docs' resources folders are. An error means the
// folder could not be read; problems in the pages are in Diags.
func Load(fsys fs.FS, prefix string, opts Options) (*Loaded, error) {
	names, skipped, err := pageNames(fsys)
	if err != nil {
		return nil, fmt.Errorf("reading spec folder %s: %w", prefix, err)
	}
	if len(names) == 0 {
		err := ErrNoPages
		if len(skipped) > 0 {
			err = fmt.Errorf("%w; not read: %s", err, strings.Join(skipped, ", "))
		}
		return nil, fmt.Errorf("reading spec folder %s: %w", prefix, err)
	}
	ld := &Loaded{Pages: make([]*reader.Page, len(names)), Skipped: skipped}
	perPage := make([]diag.List, len(names))
	err = eachPage(fsys, prefix, names, opts.Jobs,
		func(i int, file string, src []byte) { ld.Pages[i], perPage[i] = reader.Read(file, src) },
		// As the reader does with a page over its limit: the page is
		// there, unread, with the error on it.
		func(i int, file string, d diag.Diagnostic) {
			ld.Pages[i], perPage[i] = &reader.Page{Path: file}, diag.List{d}
		})
	if err != nil {
		return nil, fmt.Errorf("reading spec folder %s: %w", prefix, err)
	}
	for _, l := range perPage {
		ld.Diags = append(ld.Diags, l...)
	}
	for _, name := range ld.Skipped {
		// Said once, so a page saved with the wrong extension or put in a
		// subfolder is not silently left out of the package.
		if !utf8.ValidString(name) {
			ld.Diags.Report(diag.Pos{File: path.Join(prefix, strings.ToValidUTF8(name, "\uFFFD"))}, diag.CodeNameNotUTF8, "not read: the file name %q is not valid UTF-8: want a UTF-8 name", name)
			continue
		}
		ld.Diags.Report(diag.Pos{File: path.Join(prefix, name)}, diag.CodeNotAPage, "not read: a spec folder holds *.md pages only, and subfolders are not read")
	}
	ld.Diags.Sort()
	return ld, nil
}

// Model loads a spec folder and resolves its pages into the model, and
// makes the checks that emission would make, so that its findings are those
// of Generate. It emits nothing: for callers that compare or count the
// model, such as diff and report, emission is most of the work.
func Model(fsys fs.FS, prefix string, opts Options) (*Modeled, error) {
	ld, err := Load(fsys, prefix, opts)
	if err != nil {
		return nil, err
	}
	return buildModel(ld, opts), nil
}

func buildModel(ld *Loaded, opts Options) *Modeled {
	name := opts.Package
	if name == "" {
		name = "model"
	}
	pkg, rdiags := resolve.Resolve(ld.Pages, resolve.Options{Package: name, StrictEnums: opts.StrictEnums})
	m := &Modeled{Loaded: *ld, Model: pkg}
	m.Diags = append(append(append(diag.List(nil), ld.Diags...), rdiags...), emit.Check(pkg)...)
	m.Diags.Sort()
	return m
}

// Generate runs the whole pipeline over a spec folder and returns the files
// of the package in memory. It writes nothing. An error means the folder
// could not be read; problems in the pages are in Diags, and when Diags has
// errors there are no Files.
func Generate(fsys fs.FS, prefix string, opts Options) (*Result, error) {
	if opts.Package == "" {
		return nil, errors.New("no package name given")
	}
	m, err := Model(fsys, prefix, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Modeled: *m}
	if m.Diags.HasErrors() {
		return res, nil
	}
	files, err := emit.Files(m.Model)
	if err != nil {
		res.Diags = append(res.Diags, diag.New(diag.Pos{File: prefix}, diag.CodeEmit, "%v", err))
		return res, nil
	}
	res.Files = files
	res.Sources = sources(m.Model)
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
