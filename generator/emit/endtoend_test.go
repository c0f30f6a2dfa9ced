package emit_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/emit"
	"github.com/graphgen/graphgen/generator/model"
)

// TestGeneratedPackages emits packages from hand-built models into a module
// of their own, adds a hand-written test file from testdata/endtoend, and
// runs go vet and go test on them. This proves that the generated code
// compiles, that its generated tests pass, and that it behaves as the
// hand-written tests expect: the whole point of the emitter, which no
// comparison of text can show.
func TestGeneratedPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds and tests generated packages, which takes seconds")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("skipping: the go command is not on PATH, so generated packages cannot be built")
	}
	sum := goCmpSum(t)
	tests := []struct {
		name string
		pkg  *model.Package
		spec string // file in testdata/endtoend
	}{
		{"calls", callsPackage(t), "calls_spec_test.go"},
		{"strict enums", strictPackage(), "paint_spec_test.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files, err := emit.Package(tt.pkg)
			if err != nil {
				t.Fatal(err)
			}
			spec, err := os.ReadFile(filepath.Join("testdata", "endtoend", tt.spec))
			if err != nil {
				t.Fatal(err)
			}
			files[tt.spec] = spec
			files["go.mod"] = []byte("module example.com/gen\n\ngo 1.24\n\nrequire github.com/google/go-cmp v0.7.0\n")
			files["go.sum"] = sum
			dir := t.TempDir()
			for name, src := range files {
				if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			goCommand(t, dir, "vet", ".")
			out := goCommand(t, dir, "test", "-count=1", "-v", ".")
			// A package whose tests were all skipped or missing would pass
			// too; the generated round-trip tests must have run.
			if !strings.Contains(out, "--- PASS: TestRoundTrip") || !strings.Contains(out, "--- PASS: TestEnum") || !strings.Contains(out, "--- PASS: TestSpec") {
				t.Errorf("go test ran no generated or spec test:\n%s", out)
			}
		})
	}
}

// goCommand runs the go command in dir, offline, and fails the test with
// its output when it fails.
func goCommand(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	// Offline: go-cmp must come from the module cache, where building this
	// module put it. GOFLAGS is cleared so that flags meant for this module
	// do not apply to the generated one.
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// goCmpSum returns the go.sum lines of go-cmp from this module, so that the
// generated module verifies the same version this one does.
func goCmpSum(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "github.com/google/go-cmp v0.7.0") {
			b.WriteString(sc.Text() + "\n")
		}
	}
	if err := sc.Err(); err != nil || b.Len() == 0 {
		t.Fatalf("no go-cmp v0.7.0 lines in go.sum (%v)", err)
	}
	return b.Bytes()
}
