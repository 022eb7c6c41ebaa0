package demo

import (
	"context"
	"errors"
	"testing"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestGenerateWithoutDemo: on a database where the demo was never loaded, Generate says
// so (ErrNoDemo, which tells the user to start motcua serve once) and writes nothing.
func TestGenerateWithoutDemo(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := Generate(ctx, st, GenerateOptions{Dossiers: 10}); !errors.Is(err, ErrNoDemo) {
			t.Fatalf("got %v, want ErrNoDemo", err)
		}
		for _, u := range Units() {
			if _, err := st.CreateUnit(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		if err := RequireDemo(ctx, st); !errors.Is(err, ErrNoDemo) {
			t.Fatalf("units without the catalogue: got %v, want ErrNoDemo", err)
		}
		if err := loadCatalog(ctx, st); err != nil {
			t.Fatal(err)
		}
		if err := RequireDemo(ctx, st); err != nil {
			t.Fatalf("with units and catalogue: got %v, want nil", err)
		}
	})
}
