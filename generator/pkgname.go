package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphgen/graphgen/templates"
)

// maxGoFile bounds the Go files of an output folder read for their package
// clause: a generated file of a whole corpus is far smaller.
const maxGoFile = 64 << 20

// DefaultPackage returns the name of the package to generate into dir when
// none is given: the package the Go files already in dir declare, which is
// what "//go:generate … -out ." beside a hand-written file needs, else a
// name derived from the folder's name (see PackageName). It is an error
// when the files of dir declare more than one package, as the go command
// would refuse to build them.
func DefaultPackage(dir string) (string, error) {
	p, err := importDir(dir)
	var multi *build.MultiplePackageError
	var noGo *build.NoGoError
	switch {
	case err == nil && p.Name != "":
		return p.Name, nil
	case errors.As(err, &multi):
		return "", fmt.Errorf("-out %s: its Go files declare more than one package (%q in %s, %q in %s): want one package, or name it with -pkg", dir, multi.Packages[0], multi.Files[0], multi.Packages[1], multi.Files[1])
	case err != nil && !errors.As(err, &noGo) && !errors.Is(err, fs.ErrNotExist) && !os.IsNotExist(err):
		if _, statErr := os.Stat(dir); statErr == nil {
			return "", fmt.Errorf("-out %s: reading the package of its Go files: %v; name the package with -pkg", dir, err)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return PackageName(dir), nil
	}
	return PackageName(abs), nil
}

// importDir reads the package clauses of the Go files of dir as the go
// command does: go/build applies its rules (build constraints,
// "//go:build ignore" tools, the _test packages of external tests).
func importDir(dir string) (*build.Package, error) {
	ctxt := build.Default
	// go/build opens every *.go file of dir to read its package clause:
	// only regular files are, through a bound, so that a FIFO or a link to
	// a device named like a Go file cannot hang or exhaust the run.
	ctxt.OpenFile = func(name string) (io.ReadCloser, error) {
		src, err := ReadFile(name, maxGoFile)
		if err != nil {
			return nil, err
		}
		return io.NopCloser(bytes.NewReader(src)), nil
	}
	return ctxt.ImportDir(dir, build.ImportComment)
}

// HasPackageDoc reports whether a Go file of package pkg in dir that
// graphgen did not write has a package comment, as a hand-written doc.go
// has where "//go:generate … -out ." generates beside it: graphgen's own
// package comment would then be a second one (see Options.NoPackageDoc).
// Test files, and files of other packages (a "//go:build ignore" tool),
// do not count; a folder that cannot be read has none.
func HasPackageDoc(dir, pkg string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		// A folder that does not exist has none; writing the package
		// reports any other reason it cannot be read, in its own words.
		return false, nil
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !e.Type().IsRegular() {
			continue
		}
		src, err := ReadFile(filepath.Join(dir, name), maxGoFile)
		if err != nil {
			return false, err
		}
		if bytes.HasPrefix(src, []byte(templates.Header+"\n")) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), src, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			// The go command reports a file it cannot parse; generating
			// the package comment is the safe side.
			continue
		}
		if f.Name.Name == pkg && f.Doc != nil {
			return true, nil
		}
	}
	return false, nil
}
