package resolve

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

func TestFileBase(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain name/inviteparticipantsoperation.md", "InviteParticipantsOperation", "inviteparticipantsoperation"},
		{"digits", "Windows10Edition", "windows10edition"},
		{"non-ASCII letter", "Señal", "se-f1-al"},
		{"letters without case", "X日本", "x-65e5-672c"},
		{"non-ASCII first", "Ñandu", "x-f1-andu"},
		{"long s, which the go command folds to s", "Widgetſ", "widget-17f"},
		{"KELVIN SIGN, which lower-cases to k", "\u212Aelvin", "kelvin"},
		{"dotless i stays apart", "Iı", "i-131"},
		{"empty", "", "x"},
		{"long name", strings.Repeat("Ab", 100), strings.Repeat("ab", maxFileBase/2)},
		{"long non-ASCII name ends on a code", strings.Repeat("é", 100), "x" + strings.TrimRight(strings.Repeat("-e9", 40)[:maxFileBase-1], "-")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileBase(tt.in); got != tt.want {
				t.Errorf("fileBase(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFileNamerClaimsInOrder(t *testing.T) {
	n := newFileNamer()
	for _, c := range []struct{ in, want string }{
		{"Widgets", "widgets.go"},
		{"Widgetſ", "widget-17f.go"}, // the go command folds it to widgets.go
		{"WidgetS", "widgets2.go"},
		{"Graphgen", "graphgen2.go"}, // graphgen.go holds the support code
		{"Con", "con2.go"},           // reserved on Windows
		{"AUX", "aux2.go"},
		{"Nul", "nul2.go"},
		{"Prn", "prn2.go"},
		{"Com1", "com12.go"},
		{"Lpt9", "lpt92.go"},
		{"Com", "com.go"},
		{"Com", "com10.go"}, // com2 to com9 are reserved
		{"Console", "console.go"},
	} {
		if got := n.claim(c.in); got != c.want {
			t.Errorf("claim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFileNamerAvoidsWindowsDevices claims every device-like name and
// asks the go command's own check of a module's file paths about each.
func TestFileNamerAvoidsWindowsDevices(t *testing.T) {
	n := newFileNamer()
	for _, stem := range deviceLikeNames() {
		name := n.claim(stem)
		for _, file := range []string{name, strings.TrimSuffix(name, ".go") + "_test.go"} {
			if err := module.CheckFilePath(file); err != nil {
				t.Errorf("claim(%q) = %q: %v", stem, name, err)
			}
		}
	}
}

// deviceLikeNames returns the device names Windows reserves and their
// neighbours, in upper and lower case.
func deviceLikeNames() []string {
	var names []string
	for _, stem := range []string{"con", "prn", "aux", "nul", "co", "conn"} {
		names = append(names, stem, strings.ToUpper(stem))
	}
	for _, stem := range []string{"com", "lpt"} {
		for d := range 10 {
			names = append(names, fmt.Sprint(stem, d), fmt.Sprint(strings.ToUpper(stem), d))
		}
	}
	return names
}

// TestFileNamerIsLinear checks that many types of one file name, which a
// page set can hold (names that differ only in case, or in letters outside
// ASCII), do not each try every suffix before theirs: twice the claims
// must allocate about twice as much.
func TestFileNamerIsLinear(t *testing.T) {
	allocated := func(claims int) uint64 {
		n := newFileNamer()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range claims {
			n.claim("Widget")
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(2000), allocated(4000)
	if r := float64(large) / float64(small); r > 3 {
		t.Errorf("4,000 claims of one name allocate %.1fx what 2,000 do (%d and %d bytes), want about 2x", r, large, small)
	}
}

// FuzzFileNames holds the file names the namer hands out to the go
// command's own rules, which golang.org/x/mod/zip applies when it makes a
// module zip: no two equal under its case folding, none reserved on
// Windows, no character it refuses. types is a list of type names
// separated by commas.
func FuzzFileNames(f *testing.F) {
	for _, s := range []string{
		"Widgets,Widgetſ",    // long s folds to s
		"\u212Aelvin,Kelvin", // KELVIN SIGN folds to k
		"Con,Aux,Nul,Prn,Com1,Lpt1,CON,lpt9",
		"Graphgen,GraphgenTest,Graphgen",
		"Señal,SEÑAL,Σίσυφος,ΣΊΣΥΦΟΣ,ǅ,ǆ,Ǆ",
		"X日本,X日本,X日本",
		"Ab,AB,ab",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, types string) {
		n := newFileNamer()
		files := []zip.File{memFile("graphgen.go"), memFile("graphgen_test.go")}
		for _, typ := range strings.Split(types, ",") {
			name := n.claim(typ)
			files = append(files, memFile(name), memFile(strings.TrimSuffix(name, ".go")+"_test.go"))
		}
		cf, err := zip.CheckFiles(files)
		if err != nil {
			t.Errorf("the go command would not zip the files of types %q: %v", types, err)
		}
		for _, e := range cf.Omitted {
			t.Errorf("the go command would leave %s out of a module zip: %v", e.Path, e.Err)
		}
	})
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
