package store_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestCreateDossierForm checks which forms (tờ khai) a new dossier accepts: one JSON
// object, or nothing (stored as {}); anything else is invalid.
func TestCreateDossierForm(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		for _, tc := range []struct {
			name, form, stored string
			ok                 bool
		}{
			{"object", ` {"ten_tre": "Nguyễn Thị Bình", "so": [1, 2]} `, `"ten_tre"`, true},
			{"empty", ``, `{}`, true},
			{"null", `null`, `{}`, true},
			{"array", `[1, 2]`, ``, false},
			{"string", `"tờ khai"`, ``, false},
			{"trailing data", `{"a": 1} {"b": 2}`, ``, false},
			{"malformed", `{"a": }`, ``, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				n := newDossier("H26.01", at)
				n.Form = json.RawMessage(tc.form)
				d, err := s.CreateDossier(ctx, n, store.Write{})
				if !tc.ok {
					if fault.CodeOf(err) != fault.Invalid {
						t.Fatalf("got %v, want invalid", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				read, err := s.Dossier(ctx, d.Record.Code)
				if err != nil {
					t.Fatal(err)
				}
				if got := string(read.Record.Form); !json.Valid(read.Record.Form) || !strings.Contains(got, tc.stored) {
					t.Errorf("got form %s, want one holding %s", got, tc.stored)
				}
			})
		}
	})
}
