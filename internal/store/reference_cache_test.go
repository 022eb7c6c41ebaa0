package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"motcua/internal/catalog"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// The reference data and the verified tokens that intake keeps for a few seconds are
// read afresh at once after a change made through the same store.
func TestReferenceChangesApplyAtOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := loadDemoCatalog(t, s, 40)
		offered, notYet := c.Procedures[0].Code, c.Procedures[30].Code

		// Read everything once, so that it is kept.
		if ok, err := s.OffersProcedure(ctx, demoUnit, notYet); err != nil || ok {
			t.Fatalf("offer before: got %v, %v, want false", ok, err)
		}
		p, err := s.Procedure(ctx, offered)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Unit(ctx, demoUnit); err != nil {
			t.Fatal(err)
		}
		u, err := s.CreateUser(ctx, org.User{Username: "thu.motcua", FullName: "Trần Văn Thử", UnitCode: demoUnit, Roles: []org.Role{org.OneStop}}, "mật-khẩu-dài")
		if err != nil {
			t.Fatal(err)
		}
		tok, _, err := s.CreateToken(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, tok); err != nil {
			t.Fatal(err)
		}

		c.Offers = []catalog.Offer{{UnitCode: demoUnit, ProcedureCodes: []string{offered, notYet}}}
		if _, err := s.ImportCatalog(ctx, c, "test"); err != nil {
			t.Fatal(err)
		}
		if ok, err := s.OffersProcedure(ctx, demoUnit, notYet); err != nil || !ok {
			t.Errorf("offer after import: got %v, %v, want true", ok, err)
		}
		p.Name = "Tên thủ tục đã sửa"
		if _, err := s.SaveProcedure(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Procedure(ctx, offered); err != nil || got.Name != p.Name {
			t.Errorf("procedure after save: got %q, %v, want %q", got.Name, err, p.Name)
		}
		if _, err := s.UpdateUnit(ctx, demoUnit, org.Unit{Code: demoUnit, Name: "UBND xã Đổi tên", Level: org.Commune}); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Unit(ctx, demoUnit); err != nil || got.Name != "UBND xã Đổi tên" {
			t.Errorf("unit after update: got %q, %v", got.Name, err)
		}
		if got, err := s.TokenUser(ctx, tok); err != nil || got.UnitName != "UBND xã Đổi tên" {
			t.Errorf("token user after the unit's update: got %q, %v", got.UnitName, err)
		}
		u.Roles = []org.Role{org.OneStop, org.Specialist}
		if _, err := s.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if got, err := s.TokenUser(ctx, tok); err != nil || !slices.Contains(got.Roles, org.Specialist) {
			t.Errorf("token user after the account's update: got %v, %v", got.Roles, err)
		}
	})
}
