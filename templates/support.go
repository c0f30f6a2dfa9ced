package templates

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// supportDir is the folder of package support, the support code written
// into every generated package.
const supportDir = "support"

// notCopied are the files of package support that are not written into a
// generated package: its documentation, which is for the maintainers of
// graphgen, and the stand-in for the enum table, which graphgen writes from
// the EnumTable template instead.
var notCopied = map[string]bool{"doc.go": true, "enumtable.go": true}

// EnumTableFile is the name, in a generated package, of the file the
// EnumTable template renders.
const EnumTableFile = "graphgen_enumtable.go"

// generatedHeader starts every file written from package support, as it
// starts every template.
const generatedHeader = Header + "\n\n"

// IsSupportFileName reports whether the file name of a generated package is
// one that the support code, the enum table or the test helpers take, or
// may take as package support grows: graphgen.go and every graphgen_*.go.
func IsSupportFileName(name string) bool {
	return name == "graphgen.go" || strings.HasPrefix(name, "graphgen_") && strings.HasSuffix(name, ".go")
}

// supportFileName returns the name, in a generated package, of the file
// name of package support.
func supportFileName(name string) string { return "graphgen_" + name }

// support is what package support holds, read once from its source.
type support struct {
	// bodies holds, by file name in a generated package, the source of
	// each copied file after its package name.
	bodies map[string][]byte
	// names are the top-level identifiers package support declares,
	// sorted.
	names []string
	// members are the names of the methods of object and the fields of
	// objectFields, sorted.
	members []string
}

// readSupport reads the source of package support once. The source is
// embedded and compiled with this module, so an error here is a defect of
// graphgen, not of its input; it is returned rather than panicking so that
// the caller reports it as such.
var readSupport = sync.OnceValues(func() (*support, error) { return parseSupport(files) })

// parseSupport reads package support from fsys.
func parseSupport(fsys fs.FS) (*support, error) {
	entries, err := fs.ReadDir(fsys, supportDir)
	if err != nil {
		return nil, err
	}
	s := &support{bodies: map[string][]byte{}}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(supportDir, name))
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("support code: %v", err)
		}
		s.names = append(s.names, declaredNames(f)...)
		s.members = append(s.members, objectMembers(f)...)
		if notCopied[name] {
			continue
		}
		// The package clause must open the file, so that the header and
		// the new clause replace exactly it: a comment before it would be
		// a package doc or a build constraint, which a copy must not carry.
		if f.Package != f.FileStart || f.Doc != nil {
			return nil, fmt.Errorf("support code: %s: want the package clause on the first line, with nothing before it", name)
		}
		s.bodies[supportFileName(name)] = src[fset.Position(f.Name.End()).Offset:]
	}
	slices.Sort(s.names)
	s.names = slices.Compact(s.names)
	slices.Sort(s.members)
	if len(s.members) == 0 {
		return nil, fmt.Errorf("support code: no object interface or objectFields struct declared: want the names of the members of generated structs")
	}
	return s, nil
}

// declaredNames returns the identifiers f declares at package level.
func declaredNames(f *ast.File) []string {
	var names []string
	add := func(id *ast.Ident) {
		if id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				add(d.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					add(spec.Name)
				case *ast.ValueSpec:
					for _, id := range spec.Names {
						add(id)
					}
				}
			}
		}
	}
	return names
}

// objectMembers returns the names of the methods of the interface object
// and of the fields of the struct objectFields, if f declares them.
func objectMembers(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range g.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok {
				continue
			}
			var list *ast.FieldList
			switch t := ts.Type.(type) {
			case *ast.InterfaceType:
				if ts.Name.Name == "object" {
					list = t.Methods
				}
			case *ast.StructType:
				if ts.Name.Name == "objectFields" {
					list = t.Fields
				}
			}
			if list == nil {
				continue
			}
			for _, field := range list.List {
				for _, id := range field.Names {
					names = append(names, id.Name)
				}
			}
		}
	}
	return names
}

// SupportFiles returns the support code written into the package pkg, by
// file name: each file of package support but doc.go and enumtable.go,
// named graphgen_ and its name, as it is but for the generated-code header
// and the package clause. The files are not formatted, as the source is
// gofmt's already.
func SupportFiles(pkg string) (map[string][]byte, error) {
	s, err := readSupport()
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(s.bodies))
	for name, body := range s.bodies {
		var b bytes.Buffer
		b.Grow(len(generatedHeader) + len("package ") + len(pkg) + len(body))
		b.WriteString(generatedHeader)
		b.WriteString("package ")
		b.WriteString(pkg)
		b.Write(body)
		out[name] = b.Bytes()
	}
	return out, nil
}

// SupportNames returns the top-level identifiers, exported or not, that the
// support code declares in every generated package, sorted, in a new slice.
func SupportNames() ([]string, error) {
	s, err := readSupport()
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.names), nil
}

// SupportMembers returns the field and method names that graphgen gives
// every generated struct, or may, besides the fields of its properties: the
// methods of the interface object and the fields of the struct objectFields
// of package support. No property may take them. The slice is sorted and
// new on each call.
func SupportMembers() ([]string, error) {
	s, err := readSupport()
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.members), nil
}
