package diff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Revision is a folder at a git revision, written "REV:PATH" as git show
// takes it: PATH is relative to the top of the repository, or to the
// current folder when it starts with "./" or "../".
type Revision struct {
	Rev, Path string
}

// ParseRevision splits "REV:PATH" at its first colon. It reports false when
// either part is empty.
func ParseRevision(s string) (Revision, bool) {
	rev, p, ok := strings.Cut(s, ":")
	if !ok || rev == "" || p == "" {
		return Revision{}, false
	}
	return Revision{rev, p}, true
}

func (r Revision) String() string { return r.Rev + ":" + r.Path }

// Prefix is the path the folder's pages are reported under: PATH as the
// user wrote it, so that positions are paths of the repository, which is
// what GitHub annotations need.
func (r Revision) Prefix() string { return path.Clean(r.Path) }

// Extract writes the files of the folder at r into a new temporary folder,
// using the git command of dir's repository, and returns the folder; the
// caller removes it. Subfolders are created empty: a spec folder is flat,
// and the generator only lists them as not read.
func (r Revision) Extract(ctx context.Context, dir string) (string, error) {
	git := func(stdin io.Reader, args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		cmd.Stdin = stdin
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, errors.New(msg)
		}
		return out, nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return "", fmt.Errorf("%s: reading a folder at a git revision needs the git command, which is not on PATH", r)
	}
	if _, err := git(nil, "rev-parse", "--git-dir"); err != nil {
		return "", fmt.Errorf("%s: not in a git repository, so revision %q cannot be read (%v): want a folder, or REV:PATH inside a repository", r, r.Rev, err)
	}
	if _, err := git(nil, "rev-parse", "--verify", "--quiet", r.Rev+"^{tree}"); err != nil {
		return "", fmt.Errorf("%s: unknown revision %q: want a commit, branch or tag that git rev-parse knows (fetch it first in a shallow clone)", r, r.Rev)
	}
	typ, err := git(nil, "cat-file", "-t", r.String())
	if err != nil {
		return "", fmt.Errorf("%s: no path %q at revision %q: want the path of a folder from the top of the repository, or starting with ./", r, r.Path, r.Rev)
	}
	if t := strings.TrimSpace(string(typ)); t != "tree" {
		return "", fmt.Errorf("%s: %q is not a folder at revision %q (git object type %s): want a folder of pages", r, r.Path, r.Rev, t)
	}
	list, err := git(nil, "ls-tree", "-z", r.String())
	if err != nil {
		return "", fmt.Errorf("%s: listing the folder: %v", r, err)
	}
	type blob struct{ name, oid string }
	var blobs []blob
	var subdirs []string
	for _, entry := range bytes.Split(list, []byte{0}) {
		// "<mode> SP <type> SP <object> TAB <name>"
		meta, name, ok := strings.Cut(string(entry), "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta)
		if len(f) != 3 {
			return "", fmt.Errorf("%s: unexpected git ls-tree line %q", r, entry)
		}
		switch f[1] {
		case "blob":
			blobs = append(blobs, blob{name, f[2]})
		case "tree":
			subdirs = append(subdirs, name)
		}
	}
	tmp, err := os.MkdirTemp("", "graphgen-diff-")
	if err != nil {
		return "", err
	}
	fail := func(err error) (string, error) {
		os.RemoveAll(tmp)
		return "", err
	}
	for _, d := range subdirs {
		if err := os.Mkdir(filepath.Join(tmp, d), 0o755); err != nil {
			return fail(err)
		}
	}
	if len(blobs) == 0 {
		return tmp, nil
	}
	// One git process for every page, not one a page: the corpus has
	// thousands.
	var in bytes.Buffer
	for _, b := range blobs {
		in.WriteString(b.oid)
		in.WriteByte('\n')
	}
	out, err := git(&in, "cat-file", "--batch")
	if err != nil {
		return fail(fmt.Errorf("%s: reading the pages: %v", r, err))
	}
	br := bufio.NewReader(bytes.NewReader(out))
	for _, b := range blobs {
		header, err := br.ReadString('\n')
		if err != nil {
			return fail(fmt.Errorf("%s: reading %s: %v", r, b.name, err))
		}
		// "<oid> SP <type> SP <size> LF <contents> LF"
		f := strings.Fields(header)
		if len(f) != 3 || f[0] != b.oid {
			return fail(fmt.Errorf("%s: reading %s: unexpected git cat-file header %q", r, b.name, header))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return fail(fmt.Errorf("%s: reading %s: bad size in %q", r, b.name, header))
		}
		content := make([]byte, size+1)
		if _, err := io.ReadFull(br, content); err != nil {
			return fail(fmt.Errorf("%s: reading %s: %v", r, b.name, err))
		}
		if err := os.WriteFile(filepath.Join(tmp, b.name), content[:size], 0o644); err != nil {
			return fail(err)
		}
	}
	return tmp, nil
}
