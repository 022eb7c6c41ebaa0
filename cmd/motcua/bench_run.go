package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// benchResult is one measured run: the latencies of the successful calls, the number of
// errors and the first of them, the wall time, and the heap allocations of the whole
// process during the run (server and benchmark client alike).
type benchResult struct {
	latencies []time.Duration
	errors    int
	first     error
	elapsed   time.Duration
	allocs    uint64
	// cpu is the CPU time (user and system) the whole process spent during the run: a
	// figure that, unlike the rate, holds on a machine busy with other work.
	cpu time.Duration
}

// benchAllocs is the number of heap allocations the process has made so far.
func benchAllocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// benchWriteAllocs writes the allocation profile (pprof "allocs") to the file path.
func benchWriteAllocs(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// benchRun calls fn(0…n-1) from c goroutines and measures each call.
func benchRun(n, c int, fn func(i int) error) benchResult {
	var (
		next atomic.Int64
		mu   sync.Mutex
		res  benchResult
		wg   sync.WaitGroup
	)
	cpu0 := processCPU()
	start := time.Now()
	for range c {
		wg.Go(func() {
			var lat []time.Duration
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					break
				}
				t := time.Now()
				err := fn(i)
				if err != nil {
					mu.Lock()
					res.errors++
					if res.first == nil {
						res.first = err
					}
					mu.Unlock()
					continue
				}
				lat = append(lat, time.Since(t))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.cpu = processCPU() - cpu0
	slices.Sort(res.latencies)
	return res
}

// rate is the number of successful calls per second.
func (r benchResult) rate() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

// quantile returns the q-quantile of the latencies.
func (r benchResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

func (r benchResult) print(w io.Writer, what string) {
	perCall := 0.0
	if n := len(r.latencies) + r.errors; n > 0 {
		perCall = float64(r.allocs) / float64(n)
	}
	cpuPerCall := 0.0
	if n := len(r.latencies) + r.errors; n > 0 {
		cpuPerCall = float64(r.cpu.Microseconds()) / float64(n)
	}
	fmt.Fprintf(w, "%s: %d in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d, %.0f allocs/op, CPU %.0f µs/op\n", what,
		len(r.latencies), r.elapsed.Seconds(), r.rate(),
		float64(r.quantile(0.50).Microseconds())/1000, float64(r.quantile(0.99).Microseconds())/1000, r.errors, perCall, cpuPerCall)
	if r.first != nil {
		fmt.Fprintf(w, "  first error: %v\n", r.first)
	}
}
