package generator

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
)

// DefaultPackage returns the name of the package to generate into dir when
// none is given: the package the Go files already in dir declare, which is
// what "//go:generate … -out ." beside a hand-written file needs, else a
// name derived from the folder's name (see PackageName). It is an error
// when the files of dir declare more than one package, as the go command
// would refuse to build them.
func DefaultPackage(dir string) (string, error) {
	// go/build applies the go command's own rules: build constraints,
	// "//go:build ignore" tools, and the _test packages of external tests.
	p, err := build.ImportDir(dir, build.ImportComment)
	var multi *build.MultiplePackageError
	var noGo *build.NoGoError
	switch {
	case err == nil && p.Name != "":
		return p.Name, nil
	case errors.As(err, &multi):
		return "", fmt.Errorf("-out %s: its Go files declare more than one package (%q in %s, %q in %s): want one package, or name it with -pkg", dir, multi.Packages[0], multi.Files[0], multi.Packages[1], multi.Files[1])
	case err != nil && !errors.As(err, &noGo) && !errors.Is(err, fs.ErrNotExist) && !os.IsNotExist(err):
		if _, statErr := os.Stat(dir); statErr == nil {
			return "", fmt.Errorf("-out %s: reading the package of its Go files: %v: want a folder of one Go package, or name it with -pkg", dir, err)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return PackageName(dir), nil
	}
	return PackageName(abs), nil
}
