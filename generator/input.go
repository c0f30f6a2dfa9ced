package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/reader"
)

// Every file graphgen reads is read through a bound, and only when it is a
// regular file. A spec or output folder may come from a repository someone
// else wrote: a page that links to /dev/zero would otherwise be read until
// memory runs out, a sparse file of gigabytes would be read in full before
// its size is refused, and opening a FIFO blocks until something writes to
// it, which may be never.
//
// The file is looked at before it is opened, so what is refused is never
// opened, and read through a limit, in case it grows in between. A file
// swapped for a FIFO between the look and the open is not guarded against:
// that takes someone racing the run on the same machine, not a repository.

// readPage reads the page name of fsys, known to the user as file. A page
// that is not a regular file, or a link to one, or that is larger than
// reader.MaxSize, is not read: refused is then the error that says so, on
// the file. err is for a page that could not be read at all.
func readPage(fsys fs.FS, name, file string) (src []byte, refused *diag.Diagnostic, err error) {
	refuse := func(code diag.Code, format string, args ...any) ([]byte, *diag.Diagnostic, error) {
		var l diag.List
		l.Report(diag.Pos{File: file}, code, format, args...)
		return nil, &l[0], nil
	}
	// fs.Stat follows links, as reading does: a link to a page is a page.
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		what := describeMode(info.Mode())
		if target, err := fs.ReadLink(fsys, name); err == nil {
			what = fmt.Sprintf("a link to %s (%q)", what, target)
		}
		return refuse(diag.CodeNotRegular, "page is %s, not a regular file: want a Markdown file, or a link to one", what)
	}
	if info.Size() > reader.MaxSize {
		return refuse(diag.CodeTooLarge, "page is %d bytes, larger than the 8 MiB limit", info.Size())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// A device put in the page's place since the look is refused here;
	// one put there after this, the limit below bounds.
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return refuse(diag.CodeNotRegular, "page is %s, not a regular file: want a Markdown file, or a link to one", describeMode(info.Mode()))
	}
	src, err = readAtMost(f, reader.MaxSize, int(info.Size()))
	if errors.Is(err, errTooLarge) {
		return refuse(diag.CodeTooLarge, "page grew past the 8 MiB limit while it was read")
	}
	if err != nil {
		return nil, nil, err
	}
	return src, nil, nil
}

// errTooLarge is returned by readAtMost for a file over its limit.
var errTooLarge = errors.New("larger than the limit")

// readAtMost reads r to its end if that is at most limit bytes, and returns
// errTooLarge otherwise, having read limit+1 bytes at most. sizeHint, the
// size the file had when looked at, saves growing the buffer.
func readAtMost(r io.Reader, limit, sizeHint int) ([]byte, error) {
	var buf bytes.Buffer
	// One byte more than the hint lets the read see the end of the file
	// without growing the buffer.
	buf.Grow(min(sizeHint, limit) + 1)
	n, err := buf.ReadFrom(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if n > int64(limit) {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// describeMode names a kind of file for a message: "a folder", "a named
// pipe (FIFO)".
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return fmt.Sprintf("an irregular file (mode %s)", m)
}

// openRegular opens the file at name for reading if it is a regular file,
// not following a final link. It returns the opened file and what Lstat
// saw; ok is false, with no error, for anything else, which is not opened.
func openRegular(name string) (f *os.File, info fs.FileInfo, ok bool, err error) {
	info, err = os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, info, false, err
	}
	f, err = os.Open(name)
	if err != nil {
		return nil, nil, false, err
	}
	// A file swapped for something else since the Lstat is not ours to read.
	now, err := f.Stat()
	if err != nil || !os.SameFile(info, now) {
		f.Close()
		return nil, info, false, err
	}
	return f, now, true, nil
}

// readHead reads the first bytes of the regular file name, at most n of
// them. ok is false for anything that is not a regular file.
func readHead(name string, n int) (head []byte, ok bool, err error) {
	f, _, ok, err := openRegular(name)
	if !ok || err != nil {
		return nil, false, err
	}
	defer f.Close()
	head = make([]byte, n)
	m, err := io.ReadFull(f, head)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return head[:m], true, err
}

// readRegular reads the regular file name whole if it holds at most limit
// bytes, and returns errTooLarge otherwise, without reading more than
// limit+1 of them. ok is false for anything that is not a regular file.
func readRegular(name string, limit int) (content []byte, ok bool, err error) {
	f, info, ok, err := openRegular(name)
	if !ok || err != nil {
		return nil, false, err
	}
	defer f.Close()
	if info.Size() > int64(limit) {
		return nil, true, errTooLarge
	}
	content, err = readAtMost(f, limit, int(info.Size()))
	return content, true, err
}

// ReadFile reads the file name, known to the user by that name, if it is a
// regular file or a link to one of at most limit bytes; anything else (a
// FIFO, a device, /dev/zero) is refused unopened, and a file over the limit
// unread, with an error that says what it is.
func ReadFile(name string, limit int) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file: want a text file", name, describeMode(info.Mode()))
	}
	if info.Size() > int64(limit) {
		return nil, fmt.Errorf("%s is %d bytes, larger than the %d-byte limit", name, info.Size(), limit)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file: want a text file", name, describeMode(info.Mode()))
	}
	src, err := readAtMost(f, limit, int(info.Size()))
	if errors.Is(err, errTooLarge) {
		return nil, fmt.Errorf("%s grew past the %d-byte limit while it was read", name, limit)
	}
	return src, err
}
