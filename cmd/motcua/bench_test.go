package main

import (
	"context"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestBenchCommand(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		units string
	}{
		{"one unit", []string{"--n", "40", "--c", "4", "--lookups", "80"}, "1"},
		// Three units, each dossier received by its own unit's officer.
		{"three units", []string{"--n", "40", "--c", "4", "--lookups", "80", "--units", "3", "--raw-c", "2"}, "3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			args := append([]string{"motcua", "bench"}, tc.args...)
			if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, io.Discard); err != nil {
				t.Fatalf("bench: %v\n%s", err, out.String())
			}
			for _, want := range []*regexp.Regexp{
				regexp.MustCompile(`(?m)^motcua bench: .*, units=` + tc.units + `, raw-c=\d+$`),
				regexp.MustCompile(`(?m)^intake \(HTTP POST /api/v1/dossiers\): 40 in .* errors 0, \d+ allocs/op, CPU \d+ µs/op$`),
				regexp.MustCompile(`(?m)^lookup \(HTTP GET /api/v1/lookup/\{code\}\): 80 in .* errors 0, \d+ allocs/op, CPU \d+ µs/op$`),
				regexp.MustCompile(`(?m)^raw limit \(store.CreateDossier.*\): 40 in .* errors 0, \d+ allocs/op, CPU \d+ µs/op$`),
				regexp.MustCompile(`(?m)^intake / raw limit = \d+%$`),
				regexp.MustCompile(`(?m)^floor \(sequence, dossier and first event only.*\): 40 in .* errors 0, \d+ allocs/op, CPU \d+ µs/op$`),
				regexp.MustCompile(`(?m)^intake / floor = \d+%$`),
			} {
				if !want.MatchString(out.String()) {
					t.Errorf("got output\n%s\nwant a line matching %s", out.String(), want)
				}
			}
			rss := regexp.MustCompile(`(?m)^resident memory \(server and clients, one process\): \d+ kB now, \d+ kB at most$`)
			if _, err := os.Stat("/proc/self/status"); err == nil && !rss.MatchString(out.String()) {
				t.Errorf("got output\n%s\nwant a line matching %s", out.String(), rss)
			}
		})
	}
}
