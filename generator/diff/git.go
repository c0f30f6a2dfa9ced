package diff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
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

// Read lists the folder at r with the git command of dir's repository and
// returns it as a Tree. Nothing is written to disk: the listing is held in
// memory and each file is read from git when it is opened. A tree entry
// whose name is not a plain file name makes Read fail, as a tree git itself
// would refuse to check out; symbolic links and submodules are not pages,
// and are listed by Tree.NotRead. The caller closes the Tree.
func (r Revision) Read(ctx context.Context, dir string) (*Tree, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%s: reading a folder at a git revision needs the git command, which is not on PATH", r)
	}
	git := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, gitError(err, &stderr)
		}
		return out, nil
	}
	if _, err := git("rev-parse", "--git-dir"); err != nil {
		return nil, fmt.Errorf("%s: not in a git repository, so revision %q cannot be read (%v): want a folder, or REV:PATH inside a repository", r, r.Rev, err)
	}
	// git would take a revision starting with "-" as one of its options.
	if strings.HasPrefix(r.Rev, "-") {
		return nil, fmt.Errorf("%s: unknown revision %q: want a commit, branch or tag, which cannot start with \"-\"", r, r.Rev)
	}
	if _, err := git("rev-parse", "--verify", "--quiet", r.Rev+"^{tree}"); err != nil {
		return nil, fmt.Errorf("%s: unknown revision %q: want a commit, branch or tag that git rev-parse knows (fetch it first in a shallow clone)", r, r.Rev)
	}
	typ, err := git("cat-file", "-t", r.String())
	if err != nil {
		return nil, fmt.Errorf("%s: no path %q at revision %q: want the path of a folder from the top of the repository, or starting with ./", r, r.Path, r.Rev)
	}
	if t := strings.TrimSpace(string(typ)); t != "tree" {
		return nil, fmt.Errorf("%s: %q is not a folder at revision %q (git object type %s): want a folder of pages", r, r.Path, r.Rev, t)
	}
	list, err := git("ls-tree", "-z", "-l", r.String())
	if err != nil {
		return nil, fmt.Errorf("%s: listing the folder: %v", r, err)
	}
	t := &Tree{rev: r, ctx: ctx, dir: dir, byName: map[string]*treeEntry{}}
	for len(list) > 0 {
		// "<mode> SP <type> SP <object> SP+ <size> TAB <name> NUL"; a
		// name cannot hold a NUL, which ends it in the tree object too.
		line, rest, _ := bytes.Cut(list, []byte{0})
		list = rest
		meta, name, ok := strings.Cut(string(line), "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 {
			return nil, fmt.Errorf("%s: unexpected git ls-tree line %q", r, line)
		}
		if why := notPlainName(name); why != "" {
			return nil, fmt.Errorf("%s: entry %q at revision %q is not a plain file name (%s): want the name of a file in the folder", r, name, r.Rev, why)
		}
		if t.byName[name] != nil {
			return nil, fmt.Errorf("%s: entry %q appears twice in the folder at revision %q: want each name once", r, name, r.Rev)
		}
		e := &treeEntry{name: name, oid: f[2]}
		switch mode := f[0]; {
		case mode == "040000" && f[1] == "tree":
			// Listed, empty, so that the generator says it does not read
			// subfolders.
			e.mode = fs.ModeDir | 0o755
		case mode == "120000":
			t.notRead = append(t.notRead, notRead{name, "a symbolic link"})
			continue
		case mode == "160000":
			t.notRead = append(t.notRead, notRead{name, "a submodule"})
			continue
		case strings.HasPrefix(mode, "100") && f[1] == "blob":
			size, err := strconv.ParseInt(f[3], 10, 64)
			if err != nil || size < 0 {
				return nil, fmt.Errorf("%s: unexpected size in git ls-tree line %q", r, line)
			}
			e.size, e.mode = size, 0o644
			if mode == "100755" {
				e.mode = 0o755
			}
		default:
			return nil, fmt.Errorf("%s: entry %q at revision %q has git mode %s, which is neither a file, a folder, a symbolic link nor a submodule", r, name, r.Rev, mode)
		}
		t.byName[name] = e
		t.entries = append(t.entries, e)
	}
	sort.Slice(t.entries, func(i, j int) bool { return t.entries[i].name < t.entries[j].name })
	sort.Slice(t.notRead, func(i, j int) bool { return t.notRead[i].name < t.notRead[j].name })
	return t, nil
}

// notPlainName says why name, the name of a tree entry, cannot be used as
// the name of a file in a folder, or returns "" when it can. A tree object
// can hold any name (git hash-object --literally writes what it is given),
// and the name becomes part of every path diagnostics print.
func notPlainName(name string) string {
	switch {
	case name == "" || name == "." || name == "..":
		return "empty, or a dot folder"
	case strings.ContainsAny(name, `/\`):
		return "has a slash or a backslash"
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "has a control character"
	case !fs.ValidPath(name):
		return "not a valid path"
	}
	return ""
}

// gitError turns a failed git command into the error git printed.
func gitError(err error, stderr *bytes.Buffer) error {
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	return errors.New(msg)
}

// notRead is an entry of the folder that is not a file or a folder.
type notRead struct{ name, what string }

// NotRead returns one diagnostic for each entry of the folder that is
// neither a file nor a folder, and so is left out of the Tree: symbolic
// links and submodules. prefix is the path the folder is reported under.
func (t *Tree) NotRead(prefix string) diag.List {
	var l diag.List
	for _, n := range t.notRead {
		l.Report(diag.Pos{File: path.Join(prefix, n.name)}, diag.CodeNotAPage, "not read: %s at revision %q is not a page", n.what, t.rev.Rev)
	}
	return l
}
