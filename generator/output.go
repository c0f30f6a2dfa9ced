package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/graphgen/graphgen/templates"
)

// Header is the first line of every generated file. It is how Write and
// Check tell generated files from hand-written ones, which they never touch.
const Header = templates.Header

// IsGenerated reports whether the first line of content is Header, ended
// by LF, CRLF or the end of content.
func IsGenerated(content []byte) bool {
	rest, ok := bytes.CutPrefix(content, []byte(Header))
	if !ok {
		return false
	}
	return len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' && (len(rest) == 1 || rest[1] == '\n')
}

// headSize is as much of a file as IsGenerated needs to look at: the header
// and its line ending.
const headSize = len(Header) + 2

// MarkerName is the file Write puts in an output folder before it replaces
// or removes the first generated file, and removes after the last: while a
// Write runs, and after one was killed half-way, it is there, and a folder
// holding it may mix two generations. Check reports it, and the next Write
// completes the folder and removes it. Its name starts with a dot, so the go
// command ignores it.
const MarkerName = ".graphgen-incomplete"

// markerText says what the marker means to whoever opens it.
const markerText = "graphgen was replacing the generated files of this folder when it stopped;\nthey may mix two generations. Run graphgen generate (or go generate) to complete them.\n"

// maxDiffSize bounds how much of a stale or extra generated file Check reads
// to show its diff. Generated files are far smaller; a larger file is
// reported without one.
const maxDiffSize = 64 << 20

// folder is what an output folder holds, as Write and Check see it.
type folder struct {
	generated map[string]bool // regular files whose first line is Header
	all       map[string]bool // every entry, generated or not
	temps     []string        // temporary files a Write left behind
	marker    bool            // MarkerName is there
}

// scan looks at dir without reading more of any file than its first line:
// a folder may hold large hand-written files, or a link to a device, which
// is never opened. Every entry counts in all: a folder or a link named
// like a generated file is in its way as much as a hand-written file is,
// and must be found before anything is written, not when its rename fails
// half-way. A missing dir holds nothing.
func scan(dir string) (*folder, error) {
	f := &folder{generated: map[string]bool{}, all: map[string]bool{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		f.all[name] = true
		switch {
		case name == MarkerName:
			f.marker = true
			continue
		case name == LockName:
			continue
		case isTemp(name):
			f.temps = append(f.temps, name)
			continue
		case !e.Type().IsRegular():
			continue
		}
		head, ok, err := readHead(filepath.Join(dir, name), headSize)
		if err != nil {
			return nil, err
		}
		if ok && IsGenerated(head) {
			f.generated[name] = true
		}
	}
	return f, nil
}

// tempPattern is the name os.CreateTemp gives the temporary file of the
// generated file (or marker) NAME: ".NAME.tmp" and digits.
func tempPattern(name string) string { return "." + name + ".tmp*" }

// isTemp reports whether name is a temporary file of Write's: a generated
// Go file's or the marker's, named by tempPattern.
func isTemp(name string) bool {
	i := strings.LastIndex(name, ".tmp")
	if i < 0 || !strings.HasPrefix(name, ".") || i+len(".tmp") == len(name) {
		return false
	}
	for _, c := range name[i+len(".tmp"):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	target := name[1:i]
	return strings.HasSuffix(target, ".go") || target == MarkerName
}

// sameContent reports whether the regular file name holds exactly want,
// reading no more of it than one byte past len(want).
func sameContent(name string, want []byte) (bool, error) {
	have, _, err := readRegular(name, len(want))
	if errors.Is(err, errTooLarge) {
		return false, nil
	}
	return err == nil && bytes.Equal(have, want), err
}

// Write makes dir hold exactly files, as far as generated files go: it
// writes new and changed files, leaves unchanged ones alone (so their
// modification times and the build cache survive), and removes generated
// files that are no longer produced, and temporary files an earlier Write
// left. A file without Header is never touched; if one is in the way of a
// generated file, Write fails before writing.
//
// Write holds the lock of dir (LockName) throughout, so concurrent Writes,
// in one process or several, run one after the other. Every new content is
// first written to a temporary file in dir; only when all of them are on
// disk is MarkerName written and are they renamed into place, so a failure
// before that (a full disk, a read-only folder) leaves dir as it was. A
// Write stopped after that, even by SIGKILL, leaves the marker, which Check
// reports and the next Write removes once it has completed the folder.
// Nothing is synced to disk: a power loss may leave anything.
func Write(dir string, files map[string][]byte) (Changes, error) {
	return writeOut(dir, files, nil)
}

// Changes counts what a Write did to the generated files of a folder.
type Changes struct {
	Added, Changed, Unchanged, Removed int
}

// writeOut is Write with a failure point for tests: failPoint, when not
// nil, is called before each step of the commit, named "marker", "rename
// NAME", "remove NAME" or "unmark", and may stop the Write there, by an
// error or by killing the process, as a crash would.
func writeOut(dir string, files map[string][]byte, failPoint func(step string) error) (Changes, error) {
	_, statErr := os.Stat(dir)
	created := errors.Is(statErr, fs.ErrNotExist)
	lock, err := lockOut(dir, true)
	if err != nil {
		if created {
			os.Remove(dir)
		}
		return Changes{}, err
	}
	failed := true
	defer func() {
		lock.unlock()
		// A failed first run leaves no empty package folder behind.
		// (Parents MkdirAll made stay; they hold nothing.)
		if failed && created {
			os.Remove(dir)
		}
	}()
	ch, err := write(dir, files, failPoint)
	if err != nil {
		return Changes{}, err
	}
	failed = false
	return ch, nil
}

// write does the work of Write, under its lock.
func write(dir string, files map[string][]byte, failPoint func(step string) error) (ch Changes, err error) {
	cur, err := scan(dir)
	if err != nil {
		return ch, err
	}
	names := sortedNames(files)
	for _, name := range names {
		if cur.all[name] && !cur.generated[name] {
			return ch, fmt.Errorf("%s exists and was not generated by graphgen (it is not a regular file whose first line is %q); move it away or choose another output folder", filepath.Join(dir, name), Header)
		}
	}
	type pending struct{ tmp, dst string }
	var todo []pending
	// If any step fails, the temporary files of this Write are removed;
	// the marker, once written, stays, as the folder may be mixed.
	committed := false
	defer func() {
		if !committed {
			for _, p := range todo {
				os.Remove(p.tmp)
			}
		}
	}()
	for _, name := range names {
		if cur.generated[name] {
			same, err := sameContent(filepath.Join(dir, name), files[name])
			if err != nil {
				return ch, err
			}
			if same {
				ch.Unchanged++
				continue
			}
			ch.Changed++
		} else {
			ch.Added++
		}
		tmp, err := writeTemp(dir, name, files[name])
		if tmp != "" {
			todo = append(todo, pending{tmp, filepath.Join(dir, name)})
		}
		if err != nil {
			return ch, writeError(dir, name, err)
		}
	}
	var gone []string
	for _, name := range sortedKeys(cur.generated) {
		if _, ok := files[name]; !ok {
			gone = append(gone, name)
		}
	}
	ch.Removed = len(gone)
	if len(todo) == 0 && len(gone) == 0 && len(cur.temps) == 0 && !cur.marker {
		return ch, nil
	}
	step := func(s string) error {
		if failPoint != nil {
			return failPoint(s)
		}
		return nil
	}
	if err := step("marker"); err != nil {
		return ch, err
	}
	if err := mark(dir); err != nil {
		return ch, fmt.Errorf("writing %s: %w; nothing was changed", filepath.Join(dir, MarkerName), err)
	}
	for i, p := range todo {
		err := step("rename " + filepath.Base(p.dst))
		if err == nil {
			err = os.Rename(p.tmp, p.dst)
		}
		if err != nil {
			return ch, fmt.Errorf("%w (%d of %d files were replaced; %s marks the folder as incomplete until graphgen generate completes it)", err, i, len(todo), filepath.Join(dir, MarkerName))
		}
	}
	committed = true
	for _, name := range append(gone, cur.temps...) {
		err := step("remove " + name)
		if err == nil {
			err = os.Remove(filepath.Join(dir, name))
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return ch, err
		}
	}
	if err := step("unmark"); err != nil {
		return ch, err
	}
	return ch, os.Remove(filepath.Join(dir, MarkerName))
}

// writeTemp writes content to a new temporary file for the generated file
// name in dir, and returns its path, also on failure, for removal.
func writeTemp(dir, name string, content []byte) (string, error) {
	f, err := os.CreateTemp(dir, tempPattern(name))
	if err != nil {
		return "", err
	}
	_, err = f.Write(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	return f.Name(), err
}

// mark puts MarkerName in dir. It is renamed into place, so that it
// replaces whatever has the name, a link included, rather than write
// through it, and so that an earlier marker stays until it does.
func mark(dir string) error {
	tmp, err := writeTemp(dir, MarkerName, []byte(markerText))
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, MarkerName))
	}
	if err != nil && tmp != "" {
		os.Remove(tmp)
	}
	return err
}

// writeError reports a failure to write the generated file name in dir by
// that file's name, not by the temporary file's, which the user never sees.
func writeError(dir, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("writing %s: %w; nothing was changed", filepath.Join(dir, name), err)
}

// Drift is one difference between an output folder and what its spec
// folder produces.
type Drift struct {
	File string // path of the generated file
	// Kind is "stale", "missing" or "extra" for a generated file;
	// "interrupted" for MarkerName, left by a Write that did not finish;
	// "temporary" for a temporary file a Write left behind.
	Kind string
	Diff []byte // unified diff, from what is on disk to what should be
}

// Check compares dir with files and returns every difference, sorted by
// file name. Hand-written files in dir are ignored. It waits for a Write
// to dir that is running, so what it reads is a folder no Write is
// changing.
func Check(dir string, files map[string][]byte) ([]Drift, error) {
	lock, err := lockForCheck(dir)
	if err != nil {
		return nil, err
	}
	defer lock.unlock()
	cur, err := scan(dir)
	if err != nil {
		return nil, err
	}
	var out []Drift
	for _, name := range sortedNames(files) {
		p := filepath.Join(dir, name)
		if !cur.generated[name] {
			out = append(out, Drift{p, "missing", diff.Diff("/dev/null", nil, p, files[name])})
			continue
		}
		same, err := sameContent(p, files[name])
		if err != nil {
			return nil, err
		}
		if !same {
			out = append(out, Drift{p, "stale", oldDiff(p, files[name])})
		}
	}
	for _, name := range sortedKeys(cur.generated) {
		if _, ok := files[name]; !ok {
			p := filepath.Join(dir, name)
			out = append(out, Drift{p, "extra", oldDiff(p, nil)})
		}
	}
	if cur.marker {
		out = append(out, Drift{File: filepath.Join(dir, MarkerName), Kind: "interrupted"})
	}
	for _, name := range cur.temps {
		out = append(out, Drift{File: filepath.Join(dir, name), Kind: "temporary"})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// oldDiff is the diff from the file at p to want, or to /dev/null when want
// is nil. The file is read up to maxDiffSize; over that, or unreadable, the
// diff says why it is not shown.
func oldDiff(p string, want []byte) []byte {
	to := p
	if want == nil {
		to = "/dev/null"
	}
	have, _, err := readRegular(p, maxDiffSize)
	if errors.Is(err, errTooLarge) {
		return []byte(fmt.Sprintf("diff %s %s: not shown, %s is larger than %d MiB\n", p, to, p, maxDiffSize>>20))
	}
	if err != nil {
		return []byte(fmt.Sprintf("diff %s %s: not shown: %v\n", p, to, err))
	}
	return diff.Diff(p, have, to, want)
}

func sortedKeys(m map[string]bool) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// PackageName derives a Go package name from an output folder: its base
// name, lower case, without characters Go does not allow ("v1.0" → "v10").
func PackageName(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	var b strings.Builder
	for _, c := range strings.ToLower(base) {
		if c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && b.Len() > 0 {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "generated"
	}
	return b.String()
}
