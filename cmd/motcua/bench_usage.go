package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// processMemory describes the resident memory of the process from /proc/self/status:
// now (VmRSS) and at its highest (VmHWM), or "" where there is no such file. It is the
// memory of the server and of the benchmark's clients together.
func processMemory() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return ""
	}
	defer f.Close()
	var rss, hwm string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch k {
		case "VmRSS":
			rss = strings.TrimSpace(v)
		case "VmHWM":
			hwm = strings.TrimSpace(v)
		}
	}
	if rss == "" {
		return ""
	}
	return fmt.Sprintf("resident memory (server and clients, one process): %s now, %s at most", rss, hwm)
}
