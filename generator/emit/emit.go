// Package emit is the last stage of the pipeline: it turns a model.Package
// into the files of a Go package. Declarations are built with jennifer, one
// jen.File per Go file; code that is the same in every package (support
// code, test helpers) comes from package templates.
//
// The emitter decides no names: every identifier comes from the model, and
// the only names it makes up are unexported helpers and test functions,
// derived mechanically. Output depends only on the model, never on map
// order, so regenerating an unchanged model changes no byte.
package emit

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/templates"
)

// Package returns the files of the Go package generated from pkg, keyed by
// file name, each formatted with gofmt: one file per model file name holding
// its structs and enums, the package documentation in graphgen_doc.go, the
// support code and its enum table in graphgen_*.go, and, unless pkg.NoTests
// is set, a test file beside each file and the test helpers in
// graphgen_test.go.
//
// It first checks pkg for what would not compile, such as a field named
// Validate, and returns every such finding as a diag.List.
func Package(pkg *model.Package) (map[string][]byte, error) {
	if err := check(pkg); err != nil {
		return nil, err
	}
	return Files(pkg)
}

// Files is Package without the checks, for a caller that has made them
// with Check and found no error; on a package that fails them, it may fail
// or produce code that does not compile.
func Files(pkg *model.Package) (map[string][]byte, error) {
	tmpl, err := templates.Parse()
	if err != nil {
		return nil, fmt.Errorf("emit: %v", err)
	}
	g := &generator{
		pkg:     pkg,
		structs: sortedStructs(pkg),
		enums:   sortedEnums(pkg),
		tmpl:    tmpl,
		out:     map[string][]byte{},
	}
	g.holders = enumHolders(g.structs)
	if err := g.emit(); err != nil {
		return nil, err
	}
	return g.out, nil
}

// generator holds the state of one call of Package.
type generator struct {
	pkg     *model.Package
	structs []*model.Struct // sorted by name
	enums   []*model.Enum   // sorted by name
	tmpl    *template.Template
	// holders holds, for each enum that a field holds, the field whose
	// Validate the enum's test exercises.
	holders map[*model.Enum]holderRef
	out     map[string][]byte
}

// decl is one top-level declaration group, a struct or an enum with its
// methods, placed in a file by name.
type decl struct {
	name  string
	strct *model.Struct
	enum  *model.Enum
}

func (g *generator) emit() error {
	files := map[string][]decl{}
	for _, s := range g.structs {
		files[s.File] = append(files[s.File], decl{name: s.Name, strct: s})
	}
	for _, e := range g.enums {
		files[e.File] = append(files[e.File], decl{name: e.Name, enum: e})
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	// Each file and its test file are built independently of the others,
	// so they are built on every core. Results are stored by index and
	// recorded in name order, so the output and the error reported, the
	// first in name order, do not depend on scheduling.
	type result struct {
		file, test []byte
		err        error
	}
	results := make([]result, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			cache := sampleCache{}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				r := &results[i]
				r.file, r.test, r.err = g.file(names[i], files[names[i]], cache)
			}
		})
	}
	wg.Wait()
	for i, name := range names {
		r := results[i]
		if r.err != nil {
			return r.err
		}
		g.out[name] = r.file
		if r.test != nil {
			g.out[testFileName(name)] = r.test
		}
	}
	table := templates.SupportData{Package: g.pkg.Name}
	for _, e := range g.enums {
		se := templates.SupportEnum{Name: strconv.Quote(e.Name)}
		for _, m := range e.Members {
			se.Members = append(se.Members, strconv.Quote(m.Value))
		}
		table.Enums = append(table.Enums, se)
	}
	for _, s := range g.structs {
		table.Types = append(table.Types, templates.SupportType{WireName: strconv.Quote(s.WireName), Name: s.Name, Open: s.OpenChain()})
	}
	// None of these files is formatted, for the reason the test files are
	// not: the support code is gofmt's already, the templates are laid out
	// as gofmt lays them out, and an enum's row is one line of quoted
	// strings. Formatting the support code took a thirtieth of the whole
	// generation, on one core. TestEmittedFilesAreFormatted pins this down.
	support, err := templates.SupportFiles(g.pkg.Name)
	if err != nil {
		return fmt.Errorf("emit: %v", err)
	}
	maps.Copy(g.out, support)
	if g.out[templates.EnumTableFile], err = g.execute(templates.EnumTableFile, templates.EnumTable, table); err != nil {
		return err
	}
	if g.out[templates.DocFile], err = g.execute(templates.DocFile, templates.Doc, templates.DocData{Package: g.pkg.Name, Spec: cleanText(filepath.ToSlash(g.specName())), Comment: !g.pkg.NoPackageDoc}); err != nil {
		return err
	}
	if g.pkg.NoTests {
		return nil
	}
	g.out[helpersFile], err = g.execute(helpersFile, templates.Helpers, templates.HelpersData{Package: g.pkg.Name, ExtraMember: extraMember})
	return err
}

// file returns the formatted source of the file name, holding decls, and
// of its test file. It only reads g, so that files can be built
// concurrently; cache belongs to the calling goroutine.
func (g *generator) file(name string, decls []decl, cache sampleCache) (src, test []byte, err error) {
	slices.SortFunc(decls, func(a, b decl) int { return cmp.Compare(a.name, b.name) })
	f := jen.NewFile(g.pkg.Name)
	f.HeaderComment(templates.HeaderText)
	for _, page := range g.sourcePages(decls) {
		// A line of the header rather than a doc comment, which would
		// document the package once for each file.
		f.HeaderComment("Source: " + page)
	}
	// Formatting happens in format, for jennifer and template output
	// alike, so that a failure always shows numbered source.
	f.NoFormat = true
	for _, d := range decls {
		if d.strct != nil {
			g.structDecl(f, d.strct)
		} else {
			g.enumDecl(f, d.enum)
		}
		f.Line()
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, nil, fmt.Errorf("emit: rendering %s: %v", name, err)
	}
	if src, err = formatSource(name, buf.Bytes()); err != nil {
		return nil, nil, err
	}
	// The test file is not formatted: gofmt costs as much again as
	// building both files, and would change nothing. The template is laid
	// out as gofmt lays it out, and every value it holds is a one-line
	// literal or a raw string, whose content gofmt leaves alone.
	// TestEmittedFilesAreFormatted pins this down.
	if g.pkg.NoTests {
		return src, nil, nil
	}
	if test, err = g.execute(testFileName(name), templates.FileTest, g.fileTest(decls, cache)); err != nil {
		return nil, nil, err
	}
	return src, test, nil
}

// sourcePages returns the pages the declarations of a file come from,
// sorted and without repeats: a type's page, the pages merged into it, an
// enum's page. Each is the path the pages were read by, relative to where
// generation ran, in slashes, with no graphgen version, so that the line
// changes only when the page does.
func (g *generator) sourcePages(decls []decl) []string {
	var pages []string
	for _, d := range decls {
		if d.strct != nil {
			pages = append(pages, d.strct.Source.File)
			for _, p := range d.strct.MoreSources {
				pages = append(pages, p.File)
			}
		} else {
			pages = append(pages, d.enum.Source.File)
		}
	}
	for i, p := range pages {
		pages[i] = cleanText(filepath.ToSlash(g.renamed(p)))
	}
	slices.Sort(pages)
	pages = slices.Compact(pages)
	return slices.DeleteFunc(pages, func(p string) bool { return p == "" })
}

// testFileName returns the name of the test file that goes with file.
func testFileName(file string) string {
	return strings.TrimSuffix(file, ".go") + "_test.go"
}

// execute executes a template and returns the source of the file name, not
// formatted. Templates are safe to execute concurrently.
func (g *generator) execute(name, tmpl string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := g.tmpl.ExecuteTemplate(&buf, tmpl, data); err != nil {
		return nil, fmt.Errorf("emit: rendering %s from %s: %v", name, tmpl, err)
	}
	return buf.Bytes(), nil
}

// formatSource formats src, the source of the file name, with gofmt.
func formatSource(name string, src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("emit: formatting %s: %v\n%s", name, err, numbered(src))
	}
	return out, nil
}

// numbered returns src with line numbers, for reading a formatting error.
func numbered(src []byte) string {
	var b strings.Builder
	for i, line := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, line)
	}
	return b.String()
}

// sortedStructs returns the structs of pkg sorted by name. The model
// promises that order, but output must not depend on a promise made
// elsewhere.
func sortedStructs(pkg *model.Package) []*model.Struct {
	s := slices.Clone(pkg.Structs)
	slices.SortStableFunc(s, func(a, b *model.Struct) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

// sortedEnums returns the enums of pkg sorted by name.
func sortedEnums(pkg *model.Package) []*model.Enum {
	e := slices.Clone(pkg.Enums)
	slices.SortStableFunc(e, func(a, b *model.Enum) int { return cmp.Compare(a.Name, b.Name) })
	return e
}

// specName is how the generated files name the spec folder.
func (g *generator) specName() string {
	if g.pkg.SpecName != "" {
		return g.pkg.SpecName
	}
	return g.pkg.Spec
}

// renamed returns the path of a page, which starts with the spec folder
// as the pages were read, starting with specName instead.
func (g *generator) renamed(page string) string {
	if g.pkg.SpecName == "" || g.pkg.SpecName == g.pkg.Spec {
		return page
	}
	rel, err := filepath.Rel(g.pkg.Spec, page)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return page
	}
	return filepath.Join(g.pkg.SpecName, rel)
}
