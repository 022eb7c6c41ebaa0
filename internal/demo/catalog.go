package demo

import (
	"context"
	"fmt"
	"slices"

	"motcua/internal/catalog"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Catalog returns the demo catalogue with its offers: every commune-level unit of the demo
// offers every commune-level procedure (cấp xã).
func Catalog() (catalog.Catalog, error) {
	c, err := catalog.Demo()
	if err != nil {
		return c, err
	}
	var codes []string
	for _, p := range c.Procedures {
		if slices.Contains(p.Levels, catalog.LevelCommune) {
			codes = append(codes, p.Code)
		}
	}
	c.Offers = nil
	for _, u := range Units() {
		if u.Level == org.Commune {
			c.Offers = append(c.Offers, catalog.Offer{UnitCode: u.Code, ProcedureCodes: slices.Clone(codes)})
		}
	}
	return c, nil
}

// loadCatalog imports the demo catalogue; the units must exist already.
func loadCatalog(ctx context.Context, st *store.Store) error {
	c, err := Catalog()
	if err != nil {
		return fmt.Errorf("demo: catalogue: %w", err)
	}
	res, err := st.ImportCatalog(ctx, c, "demo")
	if err != nil {
		return fmt.Errorf("demo: import catalogue: %w (problems: %v)", err, res.Problems)
	}
	return nil
}
