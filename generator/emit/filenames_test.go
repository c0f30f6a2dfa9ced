package emit

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/graphgen/graphgen/generator/model"
)

// FuzzFileNameChecks holds the file name checks to the go command's own
// rules, which golang.org/x/mod/zip applies when it makes a module zip:
// when the checks let two files through, the go command takes both, with
// their test files and the support files, in one module.
func FuzzFileNameChecks(f *testing.F) {
	for _, s := range [][2]string{
		{"widgets.go", "widgetſ.go"},
		{"kelvin.go", "\u212Aelvin.go"},
		{"a.go", "A.go"},
		{"x_TEST.go", "x.go"},
		{"graphGen.go", "y.go"},
		{"con.go", "nul.txt.go"},
		{"Com1.go", "lpt9.go"},
		{"a*b.go", "c:d.go"},
		{"ǅ.go", "ǆ.go"},
		{"se-f1-al.go", "señal.go"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		pkg := &model.Package{Name: "p", Structs: []*model.Struct{
			{Name: "A", WireName: "a", File: a},
			{Name: "B", WireName: "b", File: b},
		}}
		if check(pkg) != nil {
			return
		}
		names := []string{"graphgen.go", "graphgen_codec.go", helpersFile, a, testFileName(a)}
		if b != a {
			// Two types may share a file.
			names = append(names, b, testFileName(b))
		}
		var files []zip.File
		for _, name := range names {
			files = append(files, memFile(name))
		}
		cf, err := zip.CheckFiles(files)
		if err != nil {
			t.Errorf("the checks accept files %q and %q, but the go command would not zip them: %v", a, b, err)
		}
		for _, e := range cf.Omitted {
			t.Errorf("the checks accept files %q and %q, but the go command would leave %s out of a module zip: %v", a, b, e.Path, e.Err)
		}
	})
}

// TestFileChecksRefuseWindowsDevices holds the checks to the go command's
// own check of a module's file paths, on every device name Windows
// reserves and their neighbours: a name is refused if and only if the go
// command refuses it.
func TestFileChecksRefuseWindowsDevices(t *testing.T) {
	var stems []string
	for _, stem := range []string{"con", "prn", "aux", "nul", "co", "conn"} {
		stems = append(stems, stem, strings.ToUpper(stem))
	}
	for _, stem := range []string{"com", "lpt"} {
		for d := range 10 {
			stems = append(stems, fmt.Sprint(stem, d), fmt.Sprint(strings.ToUpper(stem), d))
		}
	}
	for _, stem := range stems {
		for _, name := range []string{stem + ".go", stem + ".x.go"} {
			pkg := &model.Package{Name: "p", Structs: []*model.Struct{{Name: "A", WireName: "a", File: name}}}
			refused := check(pkg) != nil
			if want := module.CheckFilePath(name) != nil; refused != want {
				t.Errorf("file %q: refused %v, want %v as the go command", name, refused, want)
			}
		}
	}
}

// memFile is an empty regular file named name, as zip.CheckFiles reads it.
type memFile string

func (f memFile) Path() string                 { return string(f) }
func (f memFile) Lstat() (fs.FileInfo, error)  { return memInfo(f), nil }
func (f memFile) Open() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("")), nil }

type memInfo string

func (i memInfo) Name() string       { return string(i) }
func (i memInfo) Size() int64        { return 0 }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
