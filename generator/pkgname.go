package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	// go/build applies the go command's own rules: build constraints,
	// "//go:build ignore" tools, and the _test packages of external tests.
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
	p, err := ctxt.ImportDir(dir, build.ImportComment)
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
