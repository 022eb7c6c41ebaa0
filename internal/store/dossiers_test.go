package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// dossierUnits creates a province and two communes.
func dossierUnits(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, u := range []org.Unit{
		{Code: "H26", Name: "UBND tỉnh Thử nghiệm", Level: org.Province},
		{Code: "H26.01", Name: "UBND thị trấn Tân Hòa", Level: org.Commune, ParentCode: "H26"},
		{Code: "H26.02", Name: "UBND xã Phước An", Level: org.Commune, ParentCode: "H26"},
	} {
		if _, err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
}

// newDossier is a counter dossier of a 3-step, 3-day procedure received at unit at at.
func newDossier(unit string, at time.Time) store.NewDossier {
	return store.NewDossier{
		UnitCode: unit, ProcedureCode: "1.001193", ProcedureName: "Đăng ký khai sinh",
		Process: dossier.Process{Version: 1, Steps: []dossier.Step{
			{Name: "Tiếp nhận", Role: dossier.RoleOneStop, Days: 0.5},
			{Name: "Thẩm định", Role: dossier.RoleSpecialist, Days: 2},
			{Name: "Ký duyệt", Role: dossier.RoleLeader, Days: 0.5},
		}},
		Deadline: calendar.Deadline{Days: 3}, SupplementRule: dossier.SupplementPause,
		Channel: dossier.ChannelCounter,
		Applicant: dossier.Applicant{FullName: "Nguyễn Văn An", IDNumber: "079123456789",
			Phone: "0912345678", Email: "an@example.vn", Address: "12 Lê Lợi, thị trấn Tân Hòa"},
		Form:      json.RawMessage(`{"ten_tre":"Nguyễn Thị Bình"}`),
		Documents: []store.DossierDocument{{Name: "Tờ khai đăng ký khai sinh", Originals: 1}},
		Actor:     unit + ".motcua", Role: dossier.RoleOneStop, ActorUnit: unit, At: at,
	}
}

func TestCreateDossierSequence(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		ict := calendar.Zone()
		lastOfDay := time.Date(2026, 3, 2, 23, 59, 59, 0, ict)
		midnight := time.Date(2026, 3, 3, 0, 0, 0, 0, ict)
		cases := []struct {
			name, unit string
			at         time.Time
			want       string
		}{
			{"first of the day", "H26.01", time.Date(2026, 3, 2, 8, 0, 0, 0, ict), "H26.01-260302-0001"},
			{"second of the day", "H26.01", lastOfDay, "H26.01-260302-0002"},
			{"other unit, same day", "H26.02", lastOfDay, "H26.02-260302-0001"},
			{"next day at 00:00 UTC+7", "H26.01", midnight, "H26.01-260303-0001"},
			{"next day, other unit", "H26.02", midnight.Add(time.Hour), "H26.02-260303-0001"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.CreateDossier(ctx, newDossier(c.unit, c.at), store.Write{})
				if err != nil {
					t.Fatal(err)
				}
				if got.Record.Code != c.want {
					t.Errorf("got code %s, want %s", got.Record.Code, c.want)
				}
				if got.State.Status != dossier.StatusReceived {
					t.Errorf("got status %s, want received", got.State.Status)
				}
				if !dossier.ValidLookupKey(got.Record.LookupKey) {
					t.Errorf("got lookup key %q, want a valid key", got.Record.LookupKey)
				}
			})
		}
	})
}

func TestCreateDossierConcurrent(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		const n = 50
		codes := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d, err := s.CreateDossier(ctx, newDossier("H26.01", at.Add(time.Duration(i)*time.Second)), store.Write{})
				codes[i], errs[i] = d.Record.Code, err
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("creation %d: %v", i, errs[i])
			}
			seen[codes[i]] = true
		}
		for i := 1; i <= n; i++ {
			want := fmt.Sprintf("H26.01-260304-%04d", i)
			if !seen[want] {
				t.Errorf("got no dossier %s, want codes 0001…%04d without gaps", want, n)
			}
		}
		if len(seen) != n {
			t.Errorf("got %d distinct codes, want %d", len(seen), n)
		}
	})
}

func TestCreateDossierInvalid(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		cases := []struct {
			name  string
			edit  func(n *store.NewDossier)
			code  fault.Code
			field string
		}{
			{"empty applicant name", func(n *store.NewDossier) { n.Applicant.FullName = "  " }, fault.Invalid, "applicant.full_name"},
			{"unknown channel", func(n *store.NewDossier) { n.Channel = "fax" }, fault.Invalid, "channel"},
			{"form not an object", func(n *store.NewDossier) { n.Form = json.RawMessage(`[1]`) }, fault.Invalid, "form"},
			{"unknown unit", func(n *store.NewDossier) { n.UnitCode = "H99" }, fault.NotFound, ""},
			{"specialist cannot receive", func(n *store.NewDossier) { n.Role = dossier.RoleSpecialist }, fault.Forbidden, ""},
			{"officer of another unit", func(n *store.NewDossier) { n.ActorUnit = "H26.02" }, fault.Forbidden, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				n := newDossier("H26.01", at)
				c.edit(&n)
				_, err := s.CreateDossier(ctx, n, store.Write{})
				if got := fault.CodeOf(err); got != c.code {
					t.Fatalf("got %v, want %s", err, c.code)
				}
				if c.field != "" {
					if e := fault.As(err); e.Fields[c.field] == "" {
						t.Errorf("got fields %v, want a message for %s", e.Fields, c.field)
					}
				}
			})
		}
		// A failed creation must not use up a sequence number.
		d, err := s.CreateDossier(ctx, newDossier("H26.01", at), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		if want := "H26.01-260304-0001"; d.Record.Code != want {
			t.Errorf("got %s after failed creations, want %s", d.Record.Code, want)
		}
	})
}

func TestActOnDossierFlow(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		d, err := s.CreateDossier(ctx, newDossier("H26.01", at), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		code := d.Record.Code
		steps := []struct {
			role       dossier.Role
			action     dossier.Action
			wantStatus dossier.Status
			wantCode   fault.Code
		}{
			{dossier.RoleSpecialist, dossier.ActionForward, "", fault.Forbidden},
			{dossier.RoleOneStop, dossier.ActionReturnResult, "", fault.Conflict},
			{dossier.RoleOneStop, dossier.ActionForward, dossier.StatusProcessing, ""},
			{dossier.RoleSpecialist, dossier.ActionForward, dossier.StatusProcessing, ""},
			{dossier.RoleLeader, dossier.ActionForward, dossier.StatusResultReady, ""},
			{dossier.RoleOneStop, dossier.ActionReturnResult, dossier.StatusReturned, ""},
		}
		version := 1
		for i, st := range steps {
			t.Run(fmt.Sprintf("%d %s %s", i, st.role, st.action), func(t *testing.T) {
				cmd := dossier.Command{Action: st.action, Actor: "u." + string(st.role), Role: st.role, Unit: "H26.01"}
				got, err := s.ActOnDossier(ctx, code, cmd, at.Add(time.Duration(i+1)*time.Hour), store.Write{})
				if st.wantCode != "" {
					if fault.CodeOf(err) != st.wantCode {
						t.Fatalf("got %v, want %s", err, st.wantCode)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				version++
				if got.State.Status != st.wantStatus || got.State.Version != version {
					t.Errorf("got %s v%d, want %s v%d", got.State.Status, got.State.Version, st.wantStatus, version)
				}
			})
		}
		back, err := s.Dossier(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		if back.State.Status != dossier.StatusReturned || len(back.Dossier.Events) != 5 {
			t.Errorf("reloaded: got %s with %d events, want returned with 5", back.State.Status, len(back.Dossier.Events))
		}
		if back.Record.Applicant.FullName != "Nguyễn Văn An" || string(back.Record.Form) != `{"ten_tre":"Nguyễn Thị Bình"}` {
			t.Errorf("reloaded record: got %+v", back.Record)
		}
		if tl := back.State.Timeliness(at); tl != dossier.Early {
			t.Errorf("got timeliness %s, want early", tl)
		}
		if _, err := s.Dossier(ctx, "H26.01-260304-9999"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown code: got %v, want not_found", err)
		}
	})
}

func TestActOnDossierConcurrent(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		cases := []struct {
			name   string
			cmd    dossier.Command
			n      int
			status dossier.Status
		}{
			// Assignments can follow each other without end: every one that does not
			// give up must be kept.
			{"assign", dossier.Command{Action: dossier.ActionAssign, Actor: "lead", Role: dossier.RoleLeader, Unit: "H26.01", Assignee: "cv"}, 16, dossier.StatusReceived},
			// Only three forwards fit a three-step process; the others must fail cleanly.
			{"forward", dossier.Command{Action: dossier.ActionForward, Actor: "admin", Role: dossier.RoleAdmin, Unit: "H26"}, 12, dossier.StatusResultReady},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d, err := s.CreateDossier(ctx, newDossier("H26.01", at), store.Write{})
				if err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				errs := make([]error, c.n)
				for i := range c.n {
					wg.Add(1)
					go func() {
						defer wg.Done()
						_, errs[i] = s.ActOnDossier(ctx, d.Record.Code, c.cmd, at.Add(time.Minute), store.Write{})
					}()
				}
				wg.Wait()
				ok := 0
				for _, err := range errs {
					switch fault.CodeOf(err) {
					case "":
						ok++
					case fault.Conflict:
					default:
						t.Errorf("got %v, want success or conflict", err)
					}
				}
				back, err := s.Dossier(ctx, d.Record.Code)
				if err != nil {
					t.Fatal(err)
				}
				if got := len(back.Dossier.Events); got != 1+ok {
					t.Errorf("got %d events, want %d (1 + %d successes)", got, 1+ok, ok)
				}
				if c.cmd.Action == dossier.ActionForward && ok != 3 {
					t.Errorf("got %d forwards, want 3", ok)
				}
				if back.State.Status != c.status {
					t.Errorf("got status %s, want %s", back.State.Status, c.status)
				}
			})
		}
	})
}

func TestLookup(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		at := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		d, err := s.CreateDossier(ctx, newDossier("H26.01", at), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ActOnDossier(ctx, d.Record.Code, dossier.Command{Action: dossier.ActionRequestSupplement,
			Actor: "H26.01.motcua", Role: dossier.RoleOneStop, Unit: "H26.01", Note: "Thiếu bản sao giấy chứng nhận kết hôn"}, at.Add(time.Hour), store.Write{}); err != nil {
			t.Fatal(err)
		}
		p, err := s.Lookup(ctx, d.Record.Code, strings.ToLower(d.Record.LookupKey))
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != dossier.StatusSupplementRequested || len(p.Timeline) != 2 || p.DueAt.IsZero() {
			t.Errorf("got %+v, want supplement_requested with 2 events and a due date", p)
		}
		b, _ := json.Marshal(p)
		for _, secret := range []string{"Nguyễn Văn An", "079123456789", "0912345678", "an@example.vn", "Lê Lợi", "motcua", "Thiếu bản sao"} {
			if strings.Contains(string(b), secret) {
				t.Errorf("lookup JSON %s contains %q", b, secret)
			}
		}
		_, wrongKey := s.Lookup(ctx, d.Record.Code, "ZZZZZZZZ")
		_, unknown := s.Lookup(ctx, "H26.01-260304-0099", d.Record.LookupKey)
		for name, err := range map[string]error{"wrong key": wrongKey, "unknown code": unknown} {
			if fault.CodeOf(err) != fault.NotFound {
				t.Errorf("%s: got %v, want not_found", name, err)
			}
		}
		if wrongKey.Error() != unknown.Error() {
			t.Errorf("got %q for a wrong key and %q for an unknown code, want the same answer", wrongKey, unknown)
		}
	})
}

func TestInboxAndBook(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		ict := calendar.Zone()
		// Received later but with a shorter deadline: due first.
		late := newDossier("H26.01", time.Date(2026, 3, 4, 9, 0, 0, 0, ict))
		short := newDossier("H26.01", time.Date(2026, 3, 4, 10, 0, 0, 0, ict))
		short.Deadline = calendar.Deadline{Days: 1}
		short.Process.Steps = []dossier.Step{{Name: "Tiếp nhận", Role: dossier.RoleOneStop, Days: 1}}
		other := newDossier("H26.02", time.Date(2026, 3, 4, 8, 0, 0, 0, ict))
		var codes []string
		for _, n := range []store.NewDossier{late, short, other} {
			d, err := s.CreateDossier(ctx, n, store.Write{})
			if err != nil {
				t.Fatal(err)
			}
			codes = append(codes, d.Record.Code)
		}
		items, total, err := s.Inbox(ctx, store.InboxQuery{Unit: "H26.01",
			Statuses: []dossier.Status{dossier.StatusReceived, dossier.StatusSubmitted}})
		if err != nil {
			t.Fatal(err)
		}
		if total != 2 || len(items) != 2 || items[0].Code != codes[1] || items[1].Code != codes[0] {
			t.Fatalf("got %d items (total %d): %+v, want %s then %s", len(items), total, items, codes[1], codes[0])
		}
		if _, err := s.ActOnDossier(ctx, codes[0], dossier.Command{Action: dossier.ActionForward, Actor: "m", Role: dossier.RoleOneStop, Unit: "H26.01"},
			time.Date(2026, 3, 4, 11, 0, 0, 0, ict), store.Write{}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			q    store.InboxQuery
			want int
		}{
			{"specialist", store.InboxQuery{Unit: "H26.01", Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.RoleSpecialist}, 1},
			{"leader", store.InboxQuery{Unit: "H26.01", Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.RoleLeader}, 0},
			{"desk", store.InboxQuery{Unit: "H26.01", Statuses: []dossier.Status{dossier.StatusReceived}}, 1},
			{"all of the other unit", store.InboxQuery{Unit: "H26.02"}, 1},
			{"scope of the province", store.InboxQuery{Scope: "H26"}, 3},
			{"scope of a commune", store.InboxQuery{Scope: "H26.02"}, 1},
			{"name without accents", store.InboxQuery{Scope: "H26.01", Q: "nguyen VAN an"}, 2},
			{"name with accents", store.InboxQuery{Scope: "H26", Q: "Văn An"}, 3},
			{"ID number", store.InboxQuery{Scope: "H26.02", Q: "079123456789"}, 1},
			{"part of an ID number", store.InboxQuery{Scope: "H26", Q: "0791234"}, 0},
			{"part of a code", store.InboxQuery{Q: "h26.02-"}, 1},
			{"LIKE wildcards are text", store.InboxQuery{Q: "%"}, 0},
			{"procedure", store.InboxQuery{Scope: "H26", ProcedureCode: "1.001193"}, 3},
			{"other procedure", store.InboxQuery{Scope: "H26", ProcedureCode: "1.000000"}, 0},
			{"received in the period", store.InboxQuery{Scope: "H26", ReceivedFrom: time.Date(2026, 3, 4, 8, 30, 0, 0, ict),
				ReceivedTo: time.Date(2026, 3, 4, 10, 0, 0, 0, ict)}, 1},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, total, err := s.Inbox(ctx, c.q)
				if err != nil {
					t.Fatal(err)
				}
				if total != c.want {
					t.Errorf("got %d, want %d", total, c.want)
				}
			})
		}
		if _, _, err := s.Inbox(ctx, store.InboxQuery{Unit: "H26.01", Limit: 501}); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("limit 501: got %v, want invalid", err)
		}
		book, err := s.DossierBook(ctx, "H26.01", time.Date(2026, 3, 4, 0, 0, 0, 0, ict), time.Date(2026, 3, 5, 0, 0, 0, 0, ict))
		if err != nil {
			t.Fatal(err)
		}
		if len(book) != 2 || book[0].Code != codes[0] || book[0].Applicant.FullName != "Nguyễn Văn An" || book[0].DueAt.IsZero() {
			t.Errorf("got book %+v, want the 2 dossiers of H26.01 in order of receipt", book)
		}
	})
}

func TestFoldedNamesFilled(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		if _, err := s.CreateDossier(ctx, newDossier("H26.01", time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())), store.Write{}); err != nil {
			t.Fatal(err)
		}
		// A dossier created before migration 7 has no search name.
		if _, err := s.WriteDB().ExecContext(ctx, "UPDATE dossiers SET applicant_folded = ''"); err != nil {
			t.Fatal(err)
		}
		q := store.InboxQuery{Scope: "H26", Q: "nguyen van"}
		if _, total, err := s.Inbox(ctx, q); err != nil || total != 0 {
			t.Fatalf("before the fill: got %d, %v; want 0", total, err)
		}
		if err := s.FillFoldedNames(ctx); err != nil {
			t.Fatal(err)
		}
		if _, total, err := s.Inbox(ctx, q); err != nil || total != 1 {
			t.Errorf("after the fill: got %d, %v; want 1", total, err)
		}
	})
}
