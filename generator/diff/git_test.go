package diff_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diff"
	"github.com/graphgen/graphgen/generator/reader"
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

// git runs git in dir and returns what it printed, without the final
// newline.
func git(t *testing.T, dir string, stdin []byte, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return strings.TrimSuffix(string(out), "\n")
}

// treeEntry is one entry of a tree object written byte for byte.
type treeEntry struct {
	mode, name, content string
}

// craftTree writes a tree holding a folder "spec" of the given entries,
// which may have names that git add and git mktree refuse, as a hostile
// repository would, and returns the tree's object name: a revision that
// git rev-parse takes as REV in REV:spec.
func craftTree(t *testing.T, repo string, entries []treeEntry) string {
	t.Helper()
	var raw bytes.Buffer
	for _, e := range entries {
		oid := git(t, repo, []byte(e.content), "hash-object", "-w", "--stdin")
		bin, err := hex.DecodeString(oid)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&raw, "%s %s\x00%s", e.mode, e.name, bin)
	}
	spec := git(t, repo, raw.Bytes(), "hash-object", "--literally", "-t", "tree", "-w", "--stdin")
	return git(t, repo, []byte("040000 tree "+spec+"\tspec\n"), "mktree")
}

// readAll reads every file of tree and lists its folders with a final
// slash.
func readAll(t *testing.T, tree fs.FS) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := fs.WalkDir(tree, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		if d.IsDir() {
			got[p+"/"] = ""
			return nil
		}
		b, err := fs.ReadFile(tree, p)
		got[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestRead(t *testing.T) {
	repo := gitRepo(t, map[string]string{
		"spec/widget.md":     "# widget resource type\n",
		"spec/notes.txt":     "not a page\n",
		"spec/empty.md":      "",
		"spec/sub/nested.md": "# nested\n",
		"README.md":          "readme\n",
	})
	tree, err := diff.Revision{Rev: "HEAD", Path: "spec"}.Read(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if err := fstest.TestFS(tree, "widget.md", "notes.txt", "empty.md", "sub"); err != nil {
		t.Error(err)
	}
	want := map[string]string{
		"widget.md": "# widget resource type\n",
		"notes.txt": "not a page\n",
		"empty.md":  "",
		// A subfolder is there, empty, so the generator says it is not read.
		"sub/": "",
	}
	if d := cmp.Diff(want, readAll(t, tree)); d != "" {
		t.Errorf("folder read differs (-want +got):\n%s", d)
	}
	if err := tree.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := tree.ReadFile("widget.md"); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("ReadFile after Close = %v; want fs.ErrClosed", err)
	}
}

// A tree object can name its entries anything; one whose name is a path
// must not lead the reading of a revision anywhere but into memory.
func TestReadRefusesEntriesThatAreNotFileNames(t *testing.T) {
	repo := gitRepo(t, map[string]string{"spec/widget.md": "# widget\n"})
	for _, name := range []string{"../../x", "../x.md", "sub/x.md", "/x.md", ".", "..", `..\x.md`, "x\n.md"} {
		t.Run(name, func(t *testing.T) {
			rev := craftTree(t, repo, []treeEntry{
				{"100644", name, "escaped\n"},
				{"100644", "widget.md", "# widget\n"},
			})
			// Anything written under the temporary folder or beside the
			// repository would land here.
			top := t.TempDir()
			t.Setenv("TMPDIR", filepath.Join(top, "a", "b"))
			r := diff.Revision{Rev: rev, Path: "spec"}
			tree, err := r.Read(context.Background(), repo)
			if err == nil {
				readAll(t, tree)
				tree.Close()
				t.Fatalf("Read of a folder with an entry named %q succeeded; want an error", name)
			}
			want := fmt.Sprintf("%s: entry %q at revision %q is not a plain file name", r, name, rev)
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Read = %q; want it to start with %q", err, want)
			}
			if entries, _ := os.ReadDir(top); len(entries) > 0 {
				t.Errorf("Read wrote %s into the temporary folder; want nothing written", entries[0].Name())
			}
			if got := git(t, repo, nil, "status", "--porcelain", "--ignored"); got != "" {
				t.Errorf("Read changed the repository's work tree:\n%s", got)
			}
		})
	}
}

// Symbolic links and submodules are not pages: listed as not read, never
// followed or opened.
func TestReadListsLinksAndSubmodulesAsNotRead(t *testing.T) {
	repo := gitRepo(t, map[string]string{"spec/widget.md": "# widget\n"})
	rev := craftTree(t, repo, []treeEntry{
		{"100644", "widget.md", "# widget\n"},
		{"120000", "evil.md", "/dev/zero"},
		{"160000", "module.md", "not really a commit\n"},
	})
	tree, err := diff.Revision{Rev: rev, Path: "spec"}.Read(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if d := cmp.Diff(map[string]string{"widget.md": "# widget\n"}, readAll(t, tree)); d != "" {
		t.Errorf("folder read differs (-want +got):\n%s", d)
	}
	var got []string
	for _, d := range tree.NotRead("spec") {
		got = append(got, d.String())
	}
	want := []string{
		fmt.Sprintf("spec/evil.md: error: not read: a symbolic link out of the repository (\"/dev/zero\") at revision %q: want a link to a file of the same revision [link-not-followed]", rev),
		fmt.Sprintf("spec/module.md: info: not read: a submodule at revision %q is not a page [not-a-page]", rev),
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("NotRead differs (-want +got):\n%s", d)
	}
}

// A blob larger than a page may be is refused from the size git lists,
// and the pages around it are still read.
func TestReadRefusesPagesOverTheLimit(t *testing.T) {
	repo := gitRepo(t, map[string]string{"spec/widget.md": "# widget\n"})
	big := strings.Repeat("a", reader.MaxSize+1)
	rev := craftTree(t, repo, []treeEntry{
		{"100644", "big.md", big},
		{"100644", "widget.md", "# widget\n"},
	})
	tree, err := diff.Revision{Rev: rev, Path: "spec"}.Read(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	_, err = tree.ReadFile("big.md")
	want := fmt.Sprintf("read big.md: %d bytes at revision %q, larger than the 8 MiB limit of a page", len(big), rev)
	if err == nil || err.Error() != want {
		t.Errorf("ReadFile(big.md) = %v; want %q", err, want)
	}
	if info, err := fs.Stat(tree, "big.md"); err != nil || info.Size() != int64(len(big)) {
		t.Errorf("Stat(big.md) = %v, %v; want its size, %d", info, err, len(big))
	}
	if b, err := tree.ReadFile("widget.md"); string(b) != "# widget\n" || err != nil {
		t.Errorf("ReadFile(widget.md) = %q, %v; want the page", b, err)
	}
}

func TestReadErrors(t *testing.T) {
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
		// git would take it for an option.
		{repo, diff.Revision{Rev: "--output=x", Path: "spec"}, `unknown revision "--output=x": want a commit, branch or tag, which cannot start with "-"`},
		{repo, diff.Revision{Rev: "HEAD", Path: "nowhere"}, `no path "nowhere" at revision "HEAD"`},
		{repo, diff.Revision{Rev: "HEAD", Path: "spec/widget.md"}, `"spec/widget.md" is not a folder at revision "HEAD"`},
		{notRepo, diff.Revision{Rev: "HEAD", Path: "spec"}, "not in a git repository"},
	} {
		tree, err := tc.rev.Read(context.Background(), tc.dir)
		if err == nil {
			tree.Close()
			t.Errorf("Read(%s) succeeded; want an error containing %q", tc.rev, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.rev.String()+": ") {
			t.Errorf("Read(%s) = %q; want it to start with %q and contain %q", tc.rev, err, tc.rev.String()+": ", tc.want)
		}
	}
}

func TestReadWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := diff.Revision{Rev: "HEAD", Path: "spec"}.Read(context.Background(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "needs the git command, which is not on PATH") {
		t.Errorf("Read without git = %v; want an error saying git is not on PATH", err)
	}
}

// A page linked into the folder from elsewhere in the repository is read
// through its link, as the folder on disk reads it; a link git cannot
// follow within the revision is an error, not a page that seems removed.
func TestReadFollowsLinksWithinTheRevision(t *testing.T) {
	repo := gitRepo(t, map[string]string{"shared/widget.md": "# widget\n", "spec/own.md": "# own\n"})
	for link, target := range map[string]string{
		"spec/widget.md": "../shared/widget.md",
		"spec/out.md":    "/dev/zero",
		"spec/gone.md":   "nothing.md",
		"spec/up.md":     "../../outside.md",
	} {
		if err := os.Symlink(target, filepath.Join(repo, filepath.FromSlash(link))); err != nil {
			t.Skipf("no symbolic link: %v", err)
		}
	}
	git(t, repo, nil, "add", ".")
	git(t, repo, nil, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "links")
	for _, p := range []string{"spec", "./spec"} {
		tree, err := diff.Revision{Rev: "HEAD", Path: p}.Read(context.Background(), repo)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(map[string]string{"own.md": "# own\n", "widget.md": "# widget\n"}, readAll(t, tree)); d != "" {
			t.Errorf("%s: folder read differs (-want +got):\n%s", p, d)
		}
		var got []string
		for _, d := range tree.NotRead("spec") {
			got = append(got, d.String())
		}
		tree.Close()
		want := []string{
			`spec/gone.md: error: not read: a symbolic link to nothing at revision "HEAD": want a link to a file of the same revision [link-not-followed]`,
			`spec/out.md: error: not read: a symbolic link out of the repository ("/dev/zero") at revision "HEAD": want a link to a file of the same revision [link-not-followed]`,
			`spec/up.md: error: not read: a symbolic link out of the repository ("../outside.md") at revision "HEAD": want a link to a file of the same revision [link-not-followed]`,
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: NotRead differs (-want +got):\n%s", p, d)
		}
	}
}
