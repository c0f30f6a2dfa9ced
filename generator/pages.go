package generator

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/graphgen/graphgen/generator/diag"
)

// pageNames lists the *.md pages of fsys, sorted, and the other entries,
// which are not read: a spec folder is flat, as the docs' folders are. A
// name that is not valid UTF-8 is not read either: an fs.FS cannot open it
// (fs.ValidPath), and no diagnostic could print it.
func pageNames(fsys fs.FS) (names, skipped []string, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(path.Ext(e.Name()), ".md") || !utf8.ValidString(e.Name()) {
			skipped = append(skipped, e.Name())
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, skipped, nil
}

// eachPage reads the pages names of fsys, known to the user as prefix,
// jobs at a time (0: one per CPU), each through readPage, and calls read
// with the index, the path and the content of each page it could read, or
// refused with the finding of each it refused. Results are kept by index,
// so the order of the work does not show. The error joins those of the
// pages that could not be read at all.
func eachPage(fsys fs.FS, prefix string, names []string, jobs int, read func(i int, file string, src []byte), refused func(i int, file string, d diag.Diagnostic)) error {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(jobs, len(names)) {
		wg.Go(func() {
			for i := range next {
				file := path.Join(prefix, names[i])
				src, refusal, err := readPage(fsys, names[i], file)
				switch {
				case err != nil:
					// fs errors name the file as fsys knows it, without the
					// folder the user named.
					var pe *fs.PathError
					if errors.As(err, &pe) {
						pe.Path = file
					}
					errs[i] = err
				case refusal != nil:
					refused(i, file, *refusal)
				default:
					read(i, file, src)
				}
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
