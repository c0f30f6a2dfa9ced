package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryCommandBoundsWhatItReads runs every command that reads a spec
// folder on one holding a link to /dev/zero, a FIFO and a sparse 3 GB page
// beside a valid page: each must return, having opened none of the three,
// and those that report the pages' errors name each.
func TestEveryCommandBoundsWhatItReads(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	mkfifo, err := exec.LookPath("mkfifo")
	if err != nil {
		t.Skip("no mkfifo command")
	}
	work := t.TempDir()
	spec, out := filepath.Join(work, "spec"), filepath.Join(work, "out")
	if err := os.Mkdir(spec, 0o755); err != nil {
		t.Fatal(err)
	}
	copyValidPage(t, spec)
	if err := os.Symlink("/dev/zero", filepath.Join(spec, "evil.md")); err != nil {
		t.Skipf("no symbolic link: %v", err)
	}
	if out, err := exec.Command(mkfifo, filepath.Join(spec, "x.md")).CombinedOutput(); err != nil {
		t.Skipf("mkfifo: %v\n%s", err, out)
	}
	big := filepath.Join(spec, "big.md")
	writeFile(t, big, []byte("# big resource type\n"))
	if err := os.Truncate(big, 3<<30); err != nil {
		t.Skipf("no sparse file: %v", err)
	}
	refused := []string{"evil.md: error: page is a link to a character device", "x.md: error: page is a named pipe (FIFO)", "big.md: error: page is 3221225472 bytes"}
	for _, tc := range []struct {
		args  []string
		code  int
		names bool // whether the output names each refused page
	}{
		{[]string{"generate", "-spec", spec, "-out", out}, exitFindings, true},
		{[]string{"check", "-spec", spec, "-out", out}, exitFindings, true},
		{[]string{"report", "-spec", spec, "-format", "json"}, exitFindings, false},
		{[]string{"diff", spec, spec}, exitFindings, true},
		{[]string{"lint", "-spec", spec}, exitFindings, true},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tc.args, &stdout, &stderr)
		all := stdout.String() + stderr.String()
		if code != tc.code {
			t.Errorf("graphgen %s: exit %d, want %d\n%s", tc.args[0], code, tc.code, all)
		}
		for _, r := range refused {
			if tc.names && !strings.Contains(all, r) {
				t.Errorf("graphgen %s does not say %q:\n%s", tc.args[0], r, all)
			}
		}
		if tc.args[0] == "report" && !strings.Contains(all, `"not-regular": 2`) {
			t.Errorf("graphgen report does not count the two pages that are not regular files:\n%s", all)
		}
	}
}

// TestFilesBesideThePagesAreBounded holds the other files a run reads to
// the rule of the pages: a suppression file that is /dev/zero or a FIFO,
// and a FIFO named like a Go file in -out, whose package clause generate
// reads when -pkg is not given, are refused unopened, exit 2, instead of
// exhausting memory or hanging.
func TestFilesBesideThePagesAreBounded(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	mkfifo, err := exec.LookPath("mkfifo")
	if err != nil {
		t.Skip("no mkfifo command")
	}
	work := t.TempDir()
	spec, out := filepath.Join(work, "spec"), filepath.Join(work, "out")
	for _, d := range []string{spec, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyValidPage(t, spec)
	fifo := filepath.Join(work, "fifo.supp")
	if out, err := exec.Command(mkfifo, fifo, filepath.Join(out, "f.go")).CombinedOutput(); err != nil {
		t.Skipf("mkfifo: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "-spec", spec, "-suppress", "/dev/zero"}, "/dev/zero is a character device, not a regular file"},
		{[]string{"lint", "-spec", spec, "-suppress", fifo}, "fifo.supp is a named pipe (FIFO), not a regular file"},
		{[]string{"generate", "-spec", spec, "-out", out}, "f.go is a named pipe (FIFO), not a regular file"},
		{[]string{"check", "-spec", spec, "-out", out}, "f.go is a named pipe (FIFO), not a regular file"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), tc.args, &stdout, &stderr); code != exitUsage {
			t.Errorf("graphgen %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, exitUsage, stderr.String())
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("graphgen %s: stderr does not say %q:\n%s", strings.Join(tc.args, " "), tc.want, stderr.String())
		}
	}
}
