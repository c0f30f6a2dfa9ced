package generator_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/graphgen/graphgen/generator"
)

// Load looks at the size of a page before it reads it: growing a page that
// is over the limit by n bytes must cost far less than n. (A sparse file,
// made with os.Truncate, takes no disk.)
func TestLoadRefusesAnOversizedPageUnread(t *testing.T) {
	const n = 64 << 20
	allocated := func(size int64) uint64 {
		spec := t.TempDir()
		big := filepath.Join(spec, "big.md")
		if err := os.WriteFile(big, []byte("# big resource type\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(big, size); err != nil {
			t.Skipf("no sparse file: %v", err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ld, err := generator.Load(os.DirFS(spec), "spec", generator.Options{Jobs: 1})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		diags := ld.Diags
		if len(diags) != 1 || diags[0].Code != "too-large" {
			t.Fatalf("Load of a %d-byte page: diagnostics %v, want one too-large", size, diags)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(n), allocated(2*n)
	if large > small+n/8 {
		t.Errorf("Load allocates %d bytes for a page of %d MiB and %d for one of %d MiB: it reads what it refuses", small, n>>20, large, 2*n>>20)
	}
}
