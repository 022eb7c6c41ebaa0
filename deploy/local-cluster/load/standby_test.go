package main

import "testing"

// TestReadsBetween checks how the drill tells from two samples of the standby whether the
// lookups reached it.
func TestReadsBetween(t *testing.T) {
	sb := func(port int, xacts int64) standbySample {
		return standbySample{ok: true, port: port, xacts: xacts, readConns: 3}
	}
	for _, tc := range []struct {
		name string
		a, b standbySample
		want bool
	}{
		{"lookups on the same standby", sb(5434, 100), sb(5434, 250), true},
		{"only the probe's own transaction", sb(5434, 100), sb(5434, 101), false},
		{"no standby at the start", standbySample{}, sb(5434, 250), false},
		{"no standby at the end", sb(5434, 100), standbySample{}, false},
		{"another standby", sb(5433, 100), sb(5434, 250), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg, got := readsBetween(tc.a, tc.b)
			if got != tc.want {
				t.Errorf("readsBetween = %v (%s), want %v", got, msg, tc.want)
			}
			if msg == "" {
				t.Error("no description")
			}
		})
	}
}
