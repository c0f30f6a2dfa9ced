package diff_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diff"
)

func TestParseRevision(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want diff.Revision
		ok   bool
	}{
		{"origin/main:spec/beta", diff.Revision{Rev: "origin/main", Path: "spec/beta"}, true},
		{"HEAD~1:./spec", diff.Revision{Rev: "HEAD~1", Path: "./spec"}, true},
		{"spec/beta", diff.Revision{}, false},
		{":spec", diff.Revision{}, false},
		{"HEAD:", diff.Revision{}, false},
	} {
		got, ok := diff.ParseRevision(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRevision(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// gitRepo makes a repository in a temporary folder with files committed,
// and skips the test when git is not installed.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH; reading a folder at a git revision needs it")
	}
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "pages"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		// The user's git configuration (signing, hooks) is not the test's.
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir
}

func TestExtract(t *testing.T) {
	repo := gitRepo(t, map[string]string{
		"spec/widget.md":     "# widget resource type\n",
		"spec/notes.txt":     "not a page\n",
		"spec/sub/nested.md": "# nested\n",
		"README.md":          "readme\n",
	})
	tmp, err := diff.Revision{Rev: "HEAD", Path: "spec"}.Extract(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	got := map[string]string{}
	err = filepath.WalkDir(tmp, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == tmp {
			return err
		}
		rel, _ := filepath.Rel(tmp, p)
		if d.IsDir() {
			got[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"widget.md": "# widget resource type\n",
		"notes.txt": "not a page\n",
		// A subfolder is made, empty, so the generator says it is not read.
		"sub/": "",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("extracted folder differs (-want +got):\n%s", d)
	}
}

func TestExtractErrors(t *testing.T) {
	repo := gitRepo(t, map[string]string{"spec/widget.md": "# widget\n"})
	notRepo := t.TempDir()
	// Stop git looking for a repository above the folder, in case the
	// temporary folder is inside one.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(notRepo))
	for _, tc := range []struct {
		dir  string
		rev  diff.Revision
		want string
	}{
		{repo, diff.Revision{Rev: "nosuchbranch", Path: "spec"}, `unknown revision "nosuchbranch"`},
		{repo, diff.Revision{Rev: "HEAD", Path: "nowhere"}, `no path "nowhere" at revision "HEAD"`},
		{repo, diff.Revision{Rev: "HEAD", Path: "spec/widget.md"}, `"spec/widget.md" is not a folder at revision "HEAD"`},
		{notRepo, diff.Revision{Rev: "HEAD", Path: "spec"}, "not in a git repository"},
	} {
		tmp, err := tc.rev.Extract(context.Background(), tc.dir)
		if err == nil {
			os.RemoveAll(tmp)
			t.Errorf("Extract(%s) succeeded; want an error containing %q", tc.rev, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.rev.String()+": ") {
			t.Errorf("Extract(%s) = %q; want it to start with %q and contain %q", tc.rev, err, tc.rev.String()+": ", tc.want)
		}
	}
}

func TestExtractWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := diff.Revision{Rev: "HEAD", Path: "spec"}.Extract(context.Background(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "needs the git command, which is not on PATH") {
		t.Errorf("Extract without git = %v; want an error saying git is not on PATH", err)
	}
}
