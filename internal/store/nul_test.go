package store_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestTextWithNULRefused checks that a NUL byte or invalid UTF-8 in any text reaching the
// store is refused as invalid on both databases (PostgreSQL cannot store either), on the
// public paths: procedure search, lookup, login, registration and intake.
func TestTextWithNULRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		for _, bad := range []string{"\x00", "An\x00", "\xff\xfe"} {
			tests := []struct {
				name string
				do   func() error
			}{
				{"procedure field", func() error {
					_, _, err := s.SearchProcedures(ctx, store.ProcedureQuery{Field: bad})
					return err
				}},
				{"procedure unit", func() error {
					_, _, err := s.SearchProcedures(ctx, store.ProcedureQuery{Unit: bad})
					return err
				}},
				{"lookup code", func() error {
					_, err := s.Lookup(ctx, bad, strings.Repeat(dossier.LookupAlphabet[:1], dossier.LookupKeyLength))
					return err
				}},
				{"officer login", func() error {
					_, err := s.Authenticate(ctx, bad, "mật-khẩu-dài")
					return err
				}},
				{"registration", func() error {
					_, err := s.RegisterCitizen(ctx, store.NewCitizen{Login: "0912345678", FullName: "Trần " + bad,
						Email: "hoa@example.vn", Password: "mật-khẩu-dài"}, time.Hour,
						func(c store.Citizen, tok string) store.OutboxMessage {
							return store.OutboxMessage{Recipient: c.Email, Subject: "Xác thực", Body: tok}
						})
					return err
				}},
				{"intake", func() error {
					n := newDossier("H26.01", at)
					n.Applicant.Address = "12 Lê Lợi " + bad
					_, err := s.CreateDossier(ctx, n, store.Write{})
					return err
				}},
			}
			// A bulk load checks every text but the JSON it encodes itself.
			bulk := func(change func(d *store.ImportedDossier)) func() error {
				return func() error {
					d := imported(t, s, "H26.02", at, 1)
					change(&d)
					bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1})
					if err != nil {
						return err
					}
					defer bl.Finish(ctx)
					return bl.Write(ctx, []store.ImportedDossier{d})
				}
			}
			tests = append(tests, []struct {
				name string
				do   func() error
			}{
				{"bulk load code", bulk(func(d *store.ImportedDossier) { d.Record.Code += bad })},
				{"bulk load address", bulk(func(d *store.ImportedDossier) { d.Record.Applicant.Address = bad })},
				{"bulk load creator", bulk(func(d *store.ImportedDossier) { d.Record.CreatedBy = bad })},
				{"bulk load event actor", bulk(func(d *store.ImportedDossier) { d.Dossier.Events[1].Actor = bad })},
			}...)
			for _, tt := range tests {
				t.Run(tt.name+" "+strconv.Quote(bad), func(t *testing.T) {
					err := tt.do()
					if got := fault.CodeOf(err); got != fault.Invalid && got != fault.Unauthorized {
						t.Fatalf("got %q (%v), want invalid", got, err)
					}
				})
			}
		}
		// The refused intakes used up no sequence number.
		d, err := s.CreateDossier(ctx, newDossier("H26.01", at), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		if want := "H26.01-260304-0001"; d.Record.Code != want {
			t.Errorf("got %s after refused creations, want %s", d.Record.Code, want)
		}
	})
}

// TestAuditLogHugeOffset checks that a page number far past the end gives an empty page,
// not an error, on both databases.
func TestAuditLogHugeOffset(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Audit(ctx, store.AuditEntry{Actor: "admin", Action: "thu"}); err != nil {
			t.Fatal(err)
		}
		for _, offset := range []int{-100, 1 << 40, 1<<63 - 1, -1 << 63} {
			entries, err := s.AuditLog(ctx, store.AuditFilter{Limit: 100, Offset: offset})
			if err != nil {
				t.Errorf("offset %d: got %v, want no error", offset, err)
			}
			if offset < 0 && len(entries) != 1 {
				t.Errorf("offset %d: got %d entries, want the first page", offset, len(entries))
			}
			if offset > 0 && len(entries) != 0 {
				t.Errorf("offset %d: got %d entries, want none", offset, len(entries))
			}
		}
	})
}
