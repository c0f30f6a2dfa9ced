package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/lockedfile"
)

// LockName is the file in an output folder that Write holds locked while
// it changes the folder, and Check while it reads it, so that two runs never
// interleave their files and Check never reads a folder half-way through a
// Write. It exists only while a run holds it. Its name starts with a dot,
// so the go command ignores it.
const LockName = ".graphgen.lock"

// outLock is a held lock on an output folder.
type outLock struct {
	f         *lockedfile.File
	name      string
	exclusive bool
}

// lockOut takes the exclusive lock of dir, waiting for any other holder.
// With mkdir, dir is made first, and again if a holder that made it removed
// it while this one waited.
//
// The lock file is removed when the lock is released, so a run leaves no
// trace in the folder. Removing it is safe because a lock is only held
// once the file locked is still the one at the lock's path: a run that
// locked a file another run has since removed tries again.
func lockOut(dir string, mkdir bool) (*outLock, error) {
	name := filepath.Join(dir, LockName)
	for range 1000 {
		if mkdir {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
		}
		if err := notOurs(name); err != nil {
			return nil, err
		}
		f, err := lockedfile.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
		if err != nil {
			return nil, err
		}
		if ok, err := current(f, name); ok || err != nil {
			if err != nil {
				f.Close()
				return nil, err
			}
			return &outLock{f, name, true}, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("locking %s: it was replaced every time it was locked", name)
}

// lockForCheck locks dir for reading. It takes the exclusive lock where it
// may make the lock file; where it may not (a read-only folder), it takes a
// shared lock on the file of a Write that is running, if one is. A folder
// that does not exist, or that nothing can write, needs no lock: no Write
// can be changing it. The lock is nil then.
func lockForCheck(dir string) (*outLock, error) {
	// What is not a folder is left for the reading to report.
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, nil
	}
	l, err := lockOut(dir, false)
	if err == nil {
		return l, nil
	}
	if errors.Is(err, errNotOurs) {
		return nil, err
	}
	name := filepath.Join(dir, LockName)
	for range 1000 {
		f, err2 := lockedfile.Open(name)
		if errors.Is(err2, fs.ErrNotExist) {
			return nil, nil
		}
		if err2 != nil {
			return nil, err
		}
		if ok, err := current(f, name); ok || err != nil {
			if err != nil {
				f.Close()
				return nil, err
			}
			return &outLock{f, name, false}, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("locking %s: it was replaced every time it was locked", name)
}

var errNotOurs = errors.New("not a regular file")

// notOurs refuses a lock path that holds something graphgen did not make:
// opening it would follow a link out of the folder.
func notOurs(name string) error {
	info, err := os.Lstat(name)
	if err != nil || info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("%s is %s, not the lock file graphgen makes: %w; remove it", name, describeMode(info.Mode()), errNotOurs)
}

// current reports whether the locked file f is still the file at name.
func current(f *lockedfile.File, name string) (bool, error) {
	held, err := f.Stat()
	if err != nil {
		return false, err
	}
	now, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return os.SameFile(held, now), nil
}

// unlock releases the lock. The holder of the exclusive lock removes the
// file first, while it still holds it; where the system does not let an
// open file be removed (Windows), it tries again once the file is closed,
// which fails, harmlessly, if another run has opened it since.
func (l *outLock) unlock() {
	if l == nil {
		return
	}
	removed := !l.exclusive || os.Remove(l.name) == nil
	l.f.Close()
	if !removed {
		os.Remove(l.name)
	}
}
