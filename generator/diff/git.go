package diff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
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
// would refuse to check out. A symbolic link is followed within the
// revision, as a folder on disk follows it; one that cannot be, and a
// submodule, are listed by Tree.NotRead. The caller closes the Tree.
func (r Revision) Read(ctx context.Context, dir string) (*Tree, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%s: reading a folder at a git revision needs the git command, which is not on PATH", r)
	}
	git := func(args ...string) ([]byte, error) {
		return runGit(ctx, dir, nil, args...)
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
	var links []string
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
			// Followed below, all at once, as a folder on disk would be.
			links = append(links, name)
			continue
		case mode == "160000":
			t.notRead = append(t.notRead, notRead{name, "a submodule", false})
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
	if err := t.follow(links); err != nil {
		return nil, err
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
// runGit runs git with args in dir, stdin as its input, and returns what
// it printed, or an error holding what it said on standard error.
func runGit(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError(err, &stderr)
	}
	return out, nil
}

func gitError(err error, stderr *bytes.Buffer) error {
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	return errors.New(msg)
}

// follow adds to t the files that the symbolic links names of its folder
// lead to within the revision, as reading the folder on disk follows them:
// a page kept elsewhere in the repository and linked into the folder is a
// page of both. git resolves the links (cat-file --follow-symlinks), so
// nothing is read outside the revision's tree; a link that leads out of
// it, nowhere, into a loop or to a folder cannot be followed, which
// NotRead reports as an error, since the page would otherwise seem to have
// been removed.
func (t *Tree) follow(links []string) error {
	if len(links) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, name := range links {
		fmt.Fprintf(&in, "%s:%s\n", t.rev.Rev, joinRevPath(t.rev.Path, name))
	}
	out, err := runGit(t.ctx, t.dir, &in, "cat-file", "--batch-check", "--follow-symlinks")
	if err != nil {
		return fmt.Errorf("%s: following its symbolic links: %v", t.rev, err)
	}
	br := bufio.NewReader(bytes.NewReader(out))
	for _, name := range links {
		// "<oid> blob <size>", or "<what> <size>" and a line of the path,
		// or "<name> missing".
		line, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("%s: following the symbolic link %q: unexpected end of git's answer", t.rev, name)
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[1] == "blob":
			size, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil || size < 0 {
				return fmt.Errorf("%s: following the symbolic link %q: unexpected answer %q", t.rev, name, line)
			}
			e := &treeEntry{name: name, oid: f[0], size: size, mode: 0o644}
			t.byName[name] = e
			t.entries = append(t.entries, e)
			continue
		case len(f) == 2 && f[1] == "missing":
			t.notRead = append(t.notRead, notRead{name, "a symbolic link to nothing", true})
			continue
		case len(f) == 2:
			target, _ := br.ReadString('\n')
			what := map[string]string{
				"symlink":  "a symbolic link out of the repository",
				"dangling": "a symbolic link to nothing",
				"loop":     "a symbolic link in a loop",
				"notdir":   "a symbolic link through a file",
			}[f[0]]
			if what == "" {
				what = "a symbolic link to a " + f[0]
			}
			if f[0] == "symlink" {
				// git names the link's target, out of the tree.
				what = fmt.Sprintf("%s (%q)", what, strings.TrimSpace(target))
			}
			t.notRead = append(t.notRead, notRead{name, what, true})
			continue
		}
		return fmt.Errorf("%s: following the symbolic link %q: unexpected answer %q", t.rev, name, line)
	}
	return nil
}

// joinRevPath joins name to the folder p of a REV:PATH, keeping a leading
// "./" or "../", which make git read p from the current folder rather than
// from the top of the repository.
func joinRevPath(p, name string) string {
	j := path.Join(p, name)
	if (strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || p == "." || p == "..") && !strings.HasPrefix(j, "../") {
		j = "./" + j
	}
	return j
}

// notRead is an entry of the folder that is neither a file nor a folder;
// broken says it is a page git cannot follow.
type notRead struct {
	name, what string
	broken     bool
}

// NotRead returns one diagnostic for each entry of the folder that is
// neither a file nor a folder, and so is left out of the Tree: symbolic
// links and submodules. prefix is the path the folder is reported under.
func (t *Tree) NotRead(prefix string) diag.List {
	var l diag.List
	for _, n := range t.notRead {
		if n.broken {
			l.Report(diag.Pos{File: path.Join(prefix, n.name)}, diag.CodeLinkNotFollowed, "not read: %s at revision %q: want a link to a file of the same revision", n.what, t.rev.Rev)
			continue
		}
		l.Report(diag.Pos{File: path.Join(prefix, n.name)}, diag.CodeNotAPage, "not read: %s at revision %q is not a page", n.what, t.rev.Rev)
	}
	return l
}
