package store_test

import (
	"context"
	"testing"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

func TestMigrateTwice(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		n, err := s.Migrate(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("second Migrate applied %d migrations, want 0", n)
		}
	})
}

func TestUnits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		prov, err := s.CreateUnit(ctx, org.Unit{Code: "H26", Name: "UBND tỉnh Thử nghiệm", Level: org.Province})
		if err != nil {
			t.Fatal(err)
		}
		if prov.ID == 0 {
			t.Error("got ID 0, want an ID")
		}
		if _, err := s.CreateUnit(ctx, org.Unit{Code: "H26.01", Name: "UBND thị trấn Tân Hòa", Level: org.Commune, ParentCode: "H26", Hotline: "0251 3888 999"}); err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateUnit(ctx, org.Unit{Code: "H26.01", Name: "Trùng mã", Level: org.Commune})
		if got := fault.CodeOf(err); got != fault.Conflict {
			t.Errorf("duplicate code: got %v, want conflict", err)
		}
		_, err = s.CreateUnit(ctx, org.Unit{Code: "H26.02", Name: "Cha không có", Level: org.Commune, ParentCode: "NOPE"})
		if got := fault.CodeOf(err); got != fault.Invalid {
			t.Errorf("unknown parent: got %v, want invalid", err)
		}
		_, err = s.CreateUnit(ctx, org.Unit{Code: "bad code!", Name: "", Level: "x"})
		if e := fault.As(err); e == nil || len(e.Fields) != 3 {
			t.Errorf("invalid unit: got %v, want 3 field errors", err)
		}
		u, err := s.Unit(ctx, "H26.01")
		if err != nil {
			t.Fatal(err)
		}
		if u.ParentCode != "H26" || u.Name != "UBND thị trấn Tân Hòa" || u.Hotline != "0251 3888 999" {
			t.Errorf("got %+v", u)
		}
		if _, err := s.Unit(ctx, "NOPE"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown unit: got %v, want not_found", err)
		}
		// A unit cannot move under its own child.
		if _, err := s.UpdateUnit(ctx, "H26", org.Unit{Code: "H26", Name: "Tỉnh", Level: org.Province, ParentCode: "H26.01"}); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("cycle: got %v, want invalid", err)
		}
		u.Hotline = "1900 0000"
		if _, err := s.UpdateUnit(ctx, "H26.01", u); err != nil {
			t.Fatal(err)
		}
		units, err := s.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(units) != 2 {
			t.Fatalf("got %d units, want 2", len(units))
		}
		below, err := s.UnitDescendants(ctx, "H26")
		if err != nil {
			t.Fatal(err)
		}
		if len(below) != 2 {
			t.Errorf("descendants: got %v, want 2 codes", below)
		}
	})
}

func TestUsersSessionsTokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.CreateUnit(ctx, org.Unit{Code: "H26", Name: "Tỉnh", Level: org.Province}); err != nil {
			t.Fatal(err)
		}
		u, err := s.CreateUser(ctx, org.User{Username: "tanhoa.motcua", FullName: "Nguyễn Thị Lan", UnitCode: "H26", Roles: []org.Role{org.OneStop}}, "mật-khẩu-dài")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateUser(ctx, org.User{Username: "tanhoa.motcua", FullName: "X", UnitCode: "H26", Roles: []org.Role{org.OneStop}}, "mật-khẩu-dài"); fault.CodeOf(err) != fault.Conflict {
			t.Errorf("duplicate user: got %v, want conflict", err)
		}
		if _, err := s.CreateUser(ctx, org.User{Username: "x.y", FullName: "X", UnitCode: "H26", Roles: []org.Role{org.OneStop}}, "short"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("short password: got %v, want invalid", err)
		}
		if _, err := s.Authenticate(ctx, "tanhoa.motcua", "sai"); fault.CodeOf(err) != fault.Unauthorized {
			t.Errorf("wrong password: got %v, want unauthorized", err)
		}
		if _, err := s.Authenticate(ctx, "nobody", "sai"); fault.CodeOf(err) != fault.Unauthorized {
			t.Errorf("unknown user: got %v, want unauthorized", err)
		}
		got, err := s.Authenticate(ctx, "tanhoa.motcua", "mật-khẩu-dài")
		if err != nil {
			t.Fatal(err)
		}
		if !got.Has(org.OneStop) || got.UnitCode != "H26" {
			t.Errorf("got %+v", got)
		}
		sess, err := s.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if su, err := s.SessionUser(ctx, sess); err != nil || su.Username != "tanhoa.motcua" {
			t.Errorf("session user: got %+v, %v", su, err)
		}
		tok, _, err := s.CreateToken(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, tok); err != nil {
			t.Errorf("token user: %v", err)
		}
		if err := s.RevokeToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, tok); fault.CodeOf(err) != fault.Unauthorized {
			t.Errorf("revoked token: got %v, want unauthorized", err)
		}
		// A new password ends the sessions.
		if err := s.SetPassword(ctx, "tanhoa.motcua", "mật-khẩu-mới-123"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, sess); fault.CodeOf(err) != fault.Unauthorized {
			t.Errorf("session after password change: got %v, want unauthorized", err)
		}
		if n, _, err := s.RecordAttempt(ctx, time.Minute, "login:a", "ip:1"); err != nil || n[0] != 1 || n[1] != 1 {
			t.Errorf("attempts: got %v, %v, want 1 and 1", n, err)
		}
	})
}

func TestAuditAndSettings(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, a := range []string{"login", "unit.update", "login"} {
			if err := s.Audit(ctx, store.AuditEntry{Actor: "admin", Action: a, IP: "127.0.0.1"}); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.AuditLog(ctx, store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 3 {
			t.Errorf("got %d entries, want 3", len(all))
		}
		logins, err := s.AuditLog(ctx, store.AuditFilter{Action: "login"})
		if err != nil {
			t.Fatal(err)
		}
		if len(logins) != 2 {
			t.Errorf("got %d login entries, want 2", len(logins))
		}
		if v, err := s.Setting(ctx, "site_unit", "def"); err != nil || v != "def" {
			t.Errorf("missing setting: got %q, %v", v, err)
		}
		if err := s.PutSetting(ctx, "site_unit", "H26"); err != nil {
			t.Fatal(err)
		}
		if err := s.PutSetting(ctx, "site_unit", "H27"); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.Setting(ctx, "site_unit", ""); v != "H27" {
			t.Errorf("got %q, want H27", v)
		}
	})
}
