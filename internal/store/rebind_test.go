package store

import "testing"

func TestRebind(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"placeholders", "SELECT ? WHERE a = ?", "SELECT $1 WHERE a = $2"},
		{"a string literal", "SELECT '?' WHERE a = ?", "SELECT '?' WHERE a = $1"},
		{"an apostrophe in a comment", "-- the unit's list\nSELECT ? -- it's ?\nWHERE a = ?", "-- the unit's list\nSELECT $1 -- it's ?\nWHERE a = $2"},
		{"dashes in a string", "SELECT '--' WHERE a = ?", "SELECT '--' WHERE a = $1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := rebind(c.in); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
