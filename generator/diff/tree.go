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
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/graphgen/graphgen/generator/reader"
)

// Tree is a folder at a git revision, as Revision.Read returns it: an
// fs.FS holding the folder's files, and its subfolders as empty folders, as
// the generator reads a spec folder from disk. Its listing is in memory;
// each file is read from git only when it is opened, so that reading a
// tree costs no more memory than reading the same folder from disk.
// A Tree is safe for concurrent use.
type Tree struct {
	rev     Revision
	ctx     context.Context // bounds the git process started by the first read
	dir     string
	entries []*treeEntry // sorted by name
	byName  map[string]*treeEntry
	notRead []notRead

	mu     sync.Mutex
	batch  *exec.Cmd // git cat-file --batch, started by the first read
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
	err    error // set when the batch can no longer be used
}

var (
	_ fs.ReadDirFS  = (*Tree)(nil)
	_ fs.ReadFileFS = (*Tree)(nil)
	_ fs.StatFS     = (*Tree)(nil)
)

// treeEntry is one file or folder of a Tree; it is its own fs.FileInfo and
// fs.DirEntry.
type treeEntry struct {
	name string
	oid  string
	size int64
	mode fs.FileMode
}

func (e *treeEntry) Name() string               { return e.name }
func (e *treeEntry) Size() int64                { return e.size }
func (e *treeEntry) Mode() fs.FileMode          { return e.mode }
func (e *treeEntry) ModTime() time.Time         { return time.Time{} }
func (e *treeEntry) IsDir() bool                { return e.mode.IsDir() }
func (e *treeEntry) Sys() any                   { return nil }
func (e *treeEntry) Type() fs.FileMode          { return e.mode.Type() }
func (e *treeEntry) Info() (fs.FileInfo, error) { return e, nil }
func (e *treeEntry) String() string             { return fs.FormatDirEntry(e) }

var treeRoot = &treeEntry{name: ".", mode: fs.ModeDir | 0o755}

// entry returns the entry of name, the root for ".".
func (t *Tree) entry(op, name string) (*treeEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return treeRoot, nil
	}
	// Subfolders are empty, so a name with a slash names nothing.
	if e := t.byName[name]; e != nil {
		return e, nil
	}
	return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// Open implements fs.FS.
func (t *Tree) Open(name string) (fs.File, error) {
	e, err := t.entry("open", name)
	if err != nil {
		return nil, err
	}
	if e.IsDir() {
		d := &treeDir{entry: e}
		if e == treeRoot {
			d.list = t.entries
		}
		return d, nil
	}
	b, err := t.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &treeFile{entry: e, Reader: bytes.NewReader(b)}, nil
}

// ReadFile implements fs.ReadFileFS.
func (t *Tree) ReadFile(name string) ([]byte, error) {
	e, err := t.entry("read", name)
	if err != nil {
		return nil, err
	}
	if e.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	b, err := t.read(e)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b, nil
}

// ReadDir implements fs.ReadDirFS.
func (t *Tree) ReadDir(name string) ([]fs.DirEntry, error) {
	e, err := t.entry("readdir", name)
	if err != nil {
		return nil, err
	}
	if !e.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	var list []fs.DirEntry
	if e == treeRoot {
		list = make([]fs.DirEntry, len(t.entries))
		for i, e := range t.entries {
			list[i] = e
		}
	}
	return list, nil
}

// Stat implements fs.StatFS.
func (t *Tree) Stat(name string) (fs.FileInfo, error) {
	e, err := t.entry("stat", name)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// read returns the content of the file e from git. All reads share one
// git process, not one a page: the corpus has thousands.
func (t *Tree) read(e *treeEntry) ([]byte, error) {
	// The size comes from the listing, so a blob too large for a page is
	// refused before any of it is read: the tree of a small repository
	// can name gigabytes that compress to nothing.
	if err := checkSize(e.size, t.rev); err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return nil, t.err
	}
	if t.batch == nil {
		if err := t.start(); err != nil {
			t.err = err
			return nil, err
		}
	}
	b, err := t.fetch(e)
	if err != nil {
		// The stream is at an unknown place: stop using it.
		t.err = err
		t.batch.Process.Kill()
		t.batch.Wait()
	}
	return b, err
}

func (t *Tree) start() error {
	cmd := exec.CommandContext(t.ctx, "git", "cat-file", "--batch")
	cmd.Dir = t.dir
	cmd.Stderr = &t.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	t.batch, t.in, t.out = cmd, in, bufio.NewReader(out)
	return nil
}

// fetch asks the batch for e's blob and reads the answer,
// "<oid> SP <type> SP <size> LF <contents> LF".
func (t *Tree) fetch(e *treeEntry) ([]byte, error) {
	failed := func(err error) error {
		if msg := strings.TrimSpace(t.stderr.String()); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	if _, err := io.WriteString(t.in, e.oid+"\n"); err != nil {
		return nil, failed(err)
	}
	header, err := t.out.ReadString('\n')
	if err != nil {
		return nil, failed(err)
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != e.oid || f[1] != "blob" {
		return nil, fmt.Errorf("unexpected git cat-file header %q", header)
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size != e.size {
		return nil, fmt.Errorf("git cat-file header %q disagrees with the size git ls-tree gave, %d", header, e.size)
	}
	b := make([]byte, size+1)
	if _, err := io.ReadFull(t.out, b); err != nil {
		return nil, failed(err)
	}
	if b[size] != '\n' {
		return nil, fmt.Errorf("git cat-file did not end %s with a newline", e.oid)
	}
	return b[:size:size], nil
}

// Close stops the git process the Tree reads with.
func (t *Tree) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.batch == nil || t.err != nil {
		return nil
	}
	t.err = fs.ErrClosed
	t.in.Close()
	return t.batch.Wait()
}

// checkSize refuses a file larger than a page may be.
func checkSize(size int64, rev Revision) error {
	if size > reader.MaxSize {
		return fmt.Errorf("%d bytes at revision %q, larger than the %d MiB limit of a page", size, rev.Rev, reader.MaxSize>>20)
	}
	return nil
}

// treeDir is an open folder of a Tree.
type treeDir struct {
	entry *treeEntry
	list  []*treeEntry
	off   int
}

func (d *treeDir) Stat() (fs.FileInfo, error) { return d.entry, nil }
func (d *treeDir) Close() error               { return nil }
func (d *treeDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.entry.name, Err: errors.New("is a directory")}
}

// ReadDir implements fs.ReadDirFile.
func (d *treeDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.list[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.off += len(rest)
	list := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		list[i] = e
	}
	return list, nil
}

// treeFile is an open file of a Tree, its content read whole.
type treeFile struct {
	entry *treeEntry
	*bytes.Reader
}

func (f *treeFile) Stat() (fs.FileInfo, error) { return f.entry, nil }
func (f *treeFile) Close() error               { return nil }
