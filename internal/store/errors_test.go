package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestDriverErrorsMapped provokes constraint violations on the real databases and checks
// their fault code and that the driver's own error stays in the chain for the log.
func TestDriverErrorsMapped(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.CreateUnit(ctx, org.Unit{Code: "T01", Name: "UBND xã Thử nghiệm", Level: org.Commune}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			do   func() error
			want fault.Code
			// wrapped: the store passes the mapped error on, rather than a message of its own
			wrapped bool
		}{
			{"unique", func() error {
				_, err := s.CreateUnit(ctx, org.Unit{Code: "T01", Name: "Trùng mã", Level: org.Commune})
				return err
			}, fault.Conflict, false},
			{"foreign key", func() error {
				_, err := s.CreateSession(ctx, 987654, time.Hour)
				return err
			}, fault.Invalid, true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.do()
				if got := fault.CodeOf(err); got != tt.want {
					t.Fatalf("got %q (%v), want %q", got, err, tt.want)
				}
				var pg *pgconn.PgError
				_, lite := store.SQLiteErrorCode(err)
				if tt.wrapped && !errors.As(err, &pg) && !lite {
					t.Errorf("got %v, want the driver's error wrapped", err)
				}
			})
		}
	})
}
