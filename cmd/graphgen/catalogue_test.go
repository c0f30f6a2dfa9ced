package main

import (
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/zip"
)

// catalogueDir holds the bad-input catalogue: one folder per case, with the
// pages in input/ and, in want.golden, the exit code of "graphgen generate"
// on its first line and its stderr after it. The path of the temporary work
// folder is written as $WORK.
//
// A case may also hold:
//   - out/, copied into the output folder before the run (hand-written files);
//   - out-is-a-file, which makes -out a path below a regular file.
//
// Inputs too large to commit are made by the generators in generatedInputs.
const catalogueDir = "../../testdata/catalogue"

// generatedInputs makes the input of the cases whose pages are made here
// rather than committed.
var generatedInputs = map[string]func(t *testing.T, spec string){
	"empty-spec": func(t *testing.T, spec string) {},
	"inheritance-chain-without-properties": func(t *testing.T, spec string) {
		// Types that declare no property were named again with all their
		// bases on every call: 25 levels took over 30 s, 500 never ended.
		for i := range 500 {
			page := fmt.Sprintf("# t%d resource type\n\nNamespace: microsoft.graph\n\n", i)
			if i > 0 {
				page += fmt.Sprintf("Inherits from [t%d](t%d.md).\n\n", i-1, i-1)
			}
			page += "## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n"
			writeFile(t, filepath.Join(spec, fmt.Sprintf("t%d.md", i)), []byte(page))
		}
	},
	"large-page": func(t *testing.T, spec string) {
		var b bytes.Buffer
		b.WriteString("# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n\n")
		line := strings.Repeat("lorem ipsum dolor sit amet ", 3) + "\n"
		for b.Len() < 10<<20 {
			b.WriteString(line)
		}
		writeFile(t, filepath.Join(spec, "widget.md"), b.Bytes())
	},
	// The size of a page is looked at before it is read: a sparse file of
	// 3 GB costs nothing to make and, read, would cost 3 GB.
	"sparse-page": func(t *testing.T, spec string) {
		copyValidPage(t, spec)
		big := filepath.Join(spec, "big.md")
		writeFile(t, big, []byte("# big resource type\n"))
		if err := os.Truncate(big, 3<<30); err != nil {
			t.Skipf("no sparse file: %v", err)
		}
	},
	// A link to a device is not followed into it: /dev/zero never ends.
	"link-to-dev-zero": func(t *testing.T, spec string) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero")
		}
		copyValidPage(t, spec)
		if err := os.Symlink("/dev/zero", filepath.Join(spec, "evil.md")); err != nil {
			t.Skipf("no symbolic link: %v", err)
		}
	},
	// A link to a regular file is a page like any other.
	"link-to-page": func(t *testing.T, spec string) {
		elsewhere := filepath.Join(filepath.Dir(spec), "elsewhere")
		if err := os.Mkdir(elsewhere, 0o755); err != nil {
			t.Fatal(err)
		}
		copyValidPage(t, elsewhere)
		if err := os.Symlink(filepath.Join("..", "elsewhere", "widget.md"), filepath.Join(spec, "widget.md")); err != nil {
			t.Skipf("no symbolic link: %v", err)
		}
	},
	// A page whose file name is not UTF-8 cannot be opened through an
	// fs.FS, nor named in a diagnostic: it is left out with a warning, and
	// the other pages are read.
	"file-name-not-utf8": func(t *testing.T, spec string) {
		copyValidPage(t, spec)
		src, err := os.ReadFile(filepath.Join(spec, "widget.md"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(spec, "gad\xffget.md"), src, 0o644); err != nil {
			t.Skipf("no file name that is not UTF-8 here: %v", err)
		}
	},
	// A FIFO is never opened: opening one waits for a writer.
	"fifo-page": func(t *testing.T, spec string) {
		mkfifo, err := exec.LookPath("mkfifo")
		if err != nil {
			t.Skip("no mkfifo command")
		}
		copyValidPage(t, spec)
		if out, err := exec.Command(mkfifo, filepath.Join(spec, "x.md")).CombinedOutput(); err != nil {
			t.Skipf("mkfifo: %v\n%s", err, out)
		}
	},
	// Each '_' walks back over every '*' before it: minutes in goldmark.
	"emphasis-never-closes": func(t *testing.T, spec string) {
		var b bytes.Buffer
		b.WriteString("# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n\n")
		b.WriteString(strings.Repeat("*a_ ", 100000))
		writeFile(t, filepath.Join(spec, "widget.md"), b.Bytes())
	},
	// Each run of backticks is followed to the end of the paragraph.
	"growing-backtick-runs": func(t *testing.T, spec string) {
		var b bytes.Buffer
		b.WriteString("# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n\n")
		for k := 1; b.Len() < 8_000_000; k++ {
			b.WriteString("a ")
			b.WriteString(strings.Repeat("`", k))
			b.WriteString("\n")
		}
		writeFile(t, filepath.Join(spec, "widget.md"), b.Bytes())
	},
	"deep-json": func(t *testing.T, spec string) {
		const depth = 10000
		var b bytes.Buffer
		b.WriteString("# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n}-->\n```json\n{\"name\": ")
		b.WriteString(strings.Repeat(`{"a":[`, depth/2))
		b.WriteString("0")
		b.WriteString(strings.Repeat("]}", depth/2))
		b.WriteString("}\n```\n")
		writeFile(t, filepath.Join(spec, "widget.md"), b.Bytes())
	},
}

// copyValidPage puts the page of the valid-page case in spec, so that a
// case shows the one page it is about refused beside pages that are read.
func copyValidPage(t *testing.T, spec string) {
	t.Helper()
	if err := os.CopyFS(spec, os.DirFS(filepath.Join(catalogueDir, "valid-page", "input"))); err != nil {
		t.Fatal(err)
	}
}

// diagLine is the shape of a diagnostic: a path with, where known, a line
// and a column, a severity, a message and a code.
var diagLine = regexp.MustCompile(`^\$WORK/spec/[^:]+?(:\d+:\d+)?: (error|warning|info): .+ \[([a-z0-9-]+)\]$`)

// fileLevel are the diagnostic codes that concern a page as a whole and so
// carry no line: every other diagnostic must say path:line:col.
var fileLevel = map[string]bool{
	"name-not-utf8": true, // a file that is not read
	"too-large":     true, // the page is not parsed at all
	"not-regular":   true, // the page is not even opened
	"no-h1":         true, // about something absent
	"not-a-page":    true, // a file that is not read, or a folder
}

func TestCatalogue(t *testing.T) {
	entries, err := os.ReadDir(catalogueDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCatalogueCase(t, name)
		})
	}
	if n < 25 {
		t.Errorf("catalogue has %d cases, want at least 25", n)
	}
}

func runCatalogueCase(t *testing.T, name string) {
	dir := filepath.Join(catalogueDir, name)
	work := t.TempDir()
	spec := filepath.Join(work, "spec")
	out := filepath.Join(work, "out")
	if err := os.Mkdir(spec, 0o755); err != nil {
		t.Fatal(err)
	}
	if gen, ok := generatedInputs[name]; ok {
		gen(t, spec)
	} else if err := os.CopyFS(spec, os.DirFS(filepath.Join(dir, "input"))); err != nil {
		t.Fatalf("copying the input of %s: %v", name, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		if err := os.CopyFS(out, os.DirFS(filepath.Join(dir, "out"))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out-is-a-file")); err == nil {
		writeFile(t, filepath.Join(work, "afile"), []byte("a regular file\n"))
		out = filepath.Join(work, "afile", "out")
	}

	before := snapshot(t, work)
	var stdout, stderr bytes.Buffer
	code := func() (code int) {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("graphgen generate panicked: %v", r)
			}
		}()
		return run(context.Background(), []string{"generate", "-spec", spec, "-out", out}, &stdout, &stderr)
	}()
	got := fmt.Sprintf("exit %d\n%s", code, strings.ReplaceAll(stderr.String(), work, "$WORK"))

	golden := filepath.Join(dir, "want.golden")
	if *update {
		writeFile(t, golden, []byte(got))
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("missing golden (run go test -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("graphgen generate on %s: exit code and stderr differ from %s (-want +got):\n%s", name, golden, diff)
	}
	if stdout.Len() > 0 {
		t.Errorf("generate printed to stdout: %q", stdout.String())
	}
	if code != exitOK && code != exitFindings && code != exitUsage {
		t.Errorf("exit code %d is not one of the documented 0, 1, 2", code)
	}
	agreeWithGenerate(t, spec, code, stderr.String())

	// Every diagnostic has the documented shape.
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n")[1:] {
		if strings.HasPrefix(line, "graphgen generate: ") {
			continue
		}
		m := diagLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("diagnostic %q is not path[:line:col]: severity: message [code]", line)
			continue
		}
		if m[1] == "" && !fileLevel[m[3]] {
			t.Errorf("diagnostic %q has no line and column", line)
		}
	}

	if code != exitOK {
		// No partial output: the work folder is exactly as it was.
		if diff := cmp.Diff(before, snapshot(t, work)); diff != "" {
			t.Errorf("generate failed with exit %d but changed the work folder (-before +after):\n%s", code, diff)
		}
		return
	}
	// The generated package at least parses, and hand-written files survive.
	goFiles := 0
	gen, err := filepath.Glob(filepath.Join(out, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range gen {
		goFiles++
		if _, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.AllErrors); err != nil {
			t.Errorf("generated %s does not parse: %v", f, err)
		}
	}
	if goFiles == 0 {
		t.Errorf("generate exited 0 but wrote no Go file")
	}
	// The go command takes every file in a module: golang.org/x/mod/zip
	// applies its rules (no names that differ only in case as it folds
	// them, none reserved on Windows, no character it refuses).
	cf, err := zip.CheckDir(out)
	if err != nil {
		t.Errorf("the go command would not zip the generated package: %v", err)
	}
	for _, e := range cf.Omitted {
		t.Errorf("the go command would leave %s out of a module zip: %v", e.Path, e.Err)
	}
	// A second run changes nothing, and check agrees the output is fresh.
	written := snapshot(t, work)
	for _, cmd := range []string{"generate", "check"} {
		var o, e bytes.Buffer
		if code := run(context.Background(), []string{cmd, "-spec", spec, "-out", out}, &o, &e); code != exitOK {
			t.Errorf("%s after a successful generate: exit %d, want 0\n%s%s", cmd, code, o.String(), e.String())
		}
	}
	if diff := cmp.Diff(written, snapshot(t, work)); diff != "" {
		t.Errorf("a second generate changed the output (-first +second):\n%s", diff)
	}
	for f, content := range before {
		rel, err := filepath.Rel("out", f)
		if err != nil || strings.HasPrefix(rel, "..") || strings.HasSuffix(f, "/") {
			continue
		}
		if after := snapshot(t, out)[rel]; after != content {
			t.Errorf("hand-written %s was changed", f)
		}
	}
}

// snapshot returns every file under root with its mode and content, keyed
// by slash path relative to root. A missing root is empty. What is not a
// regular file, a link to /dev/zero or a FIFO, is not read but described,
// as are files too large to read whole (sparse ones), by their size.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == root {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			m[rel+"/"] = info.Mode().String()
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			m[rel] = info.Mode().String() + " -> " + target
			return nil
		}
		if !d.Type().IsRegular() || info.Size() > 64<<20 {
			m[rel] = info.Mode().String() + " " + strconv.FormatInt(info.Size(), 10) + " " + info.ModTime().String()
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[rel] = info.Mode().String() + " " + strconv.Itoa(len(b)) + "\n" + string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
