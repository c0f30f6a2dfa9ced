package generator_test

import (
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/graphgen/graphgen/generator"
)

// BenchmarkCorpusPeakHeap generates the beta corpus in memory, as
// BenchmarkCorpus does, and reports the peak of live heap objects seen
// while it ran (peak-heap-B, sampled every millisecond from runtime/metrics,
// so it may miss a peak shorter than that) and the heap the runtime held
// from the system at the end (heap-sys-B, which does not shrink, so it
// bounds the peak from above).
func BenchmarkCorpusPeakHeap(b *testing.B) {
	dir := corpus(b, "beta")
	fsys := os.DirFS(dir)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	for b.Loop() {
		runtime.GC()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				metrics.Read(sample)
				peak = max(peak, sample[0].Value.Uint64())
				select {
				case <-stop:
					return
				case <-tick.C:
				}
			}
		})
		if _, err := generator.Generate(fsys, dir, generator.Options{Package: "corpus"}); err != nil {
			b.Fatal(err)
		}
		close(stop)
		wg.Wait()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(peak), "peak-heap-B")
	b.ReportMetric(float64(ms.HeapSys), "heap-sys-B")
}
