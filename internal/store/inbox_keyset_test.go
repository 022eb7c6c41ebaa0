package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// codesOf lists the codes of inbox items in order.
func codesOf(items []store.InboxItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Code
	}
	return out
}

// TestInboxKeyset pages the lists in scope by key, forwards (After) and backwards
// (Before), over several units merged and in both orders, and finds every dossier once in
// the order of the whole list.
func TestInboxKeyset(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		ict := calendar.Zone()
		start := time.Date(2026, 3, 2, 8, 0, 0, 0, ict)
		var codes []string
		for i := range 13 {
			unit := "H26.01"
			if i%3 == 2 {
				unit = "H26.02"
			}
			nd := newDossier(unit, start.Add(time.Duration(i)*time.Minute))
			if i%4 == 1 {
				nd.Applicant.FullName, nd.Applicant.IDNumber = "Trần Thị Đào", "079000000001"
			}
			d, err := s.CreateDossier(ctx, nd, store.Write{})
			if err != nil {
				t.Fatal(err)
			}
			codes = append(codes, d.Record.Code)
		}
		// Seven finish, two of them at the same instant (the key's ID breaks the tie), and
		// not in the order they were received.
		for i, at := range map[int]int{9: 1, 2: 2, 4: 2, 0: 3, 11: 4, 5: 5, 7: 6} {
			withdraw := dossier.Command{Action: dossier.ActionWithdraw, Actor: "c", Role: dossier.RoleApplicant, Reason: "Không cần nữa"}
			if _, err := s.ActOnDossier(ctx, codes[i], withdraw, start.Add(time.Duration(at)*time.Hour), store.Write{}); err != nil {
				t.Fatal(err)
			}
		}
		finished := []dossier.Status{dossier.StatusWithdrawn}
		cases := []struct {
			name string
			q    store.InboxQuery
			want int
			// apart, when set, is how many units a search reads one statement each.
			apart int
		}{
			{"newest in a scope of two units", store.InboxQuery{Scope: "H26", Order: store.Newest}, 13, 0},
			{"newest in one unit", store.InboxQuery{Scope: "H26.01", Order: store.Newest}, 9, 0},
			{"newest everywhere", store.InboxQuery{Order: store.Newest}, 13, 0},
			{"last finished in a scope of two units", store.InboxQuery{Scope: "H26", Order: store.LastFinished, Statuses: finished}, 7, 0},
			{"last finished everywhere", store.InboxQuery{Order: store.LastFinished, Statuses: finished}, 7, 0},
			{"a search by name", store.InboxQuery{Scope: "H26", Order: store.Newest, Q: "nguyen van"}, 10, 0},
			{"a search by another name", store.InboxQuery{Scope: "H26", Order: store.Newest, Q: "TRAN thi dao"}, 3, 0},
			{"a search by name in one unit", store.InboxQuery{Scope: "H26.01", Order: store.Newest, Q: "Đào"}, 2, 0},
			{"a search by name among the finished", store.InboxQuery{Scope: "H26", Order: store.Newest, Q: "nguyen", Statuses: finished}, 5, 0},
			{"a search by ID number", store.InboxQuery{Scope: "H26", Order: store.Newest, Q: "079123456789"}, 10, 0},
			{"a search by name, last finished first", store.InboxQuery{Scope: "H26", Order: store.LastFinished, Q: "nguyen", Statuses: finished}, 5, 0},
			{"a search by part of a code", store.InboxQuery{Scope: "H26", Order: store.Newest, Q: strings.ToLower(codes[5][:len(codes[5])-1])}, -1, 0},
		}
		// The same searches over the scope of two units in one statement, as over a
		// province's many units (InboxTreeSearch).
		for _, c := range slices.Clone(cases) {
			if c.q.Q != "" && c.q.Scope == "H26" {
				c.name += " over the scope at once"
				c.apart = 1
				cases = append(cases, c)
			}
		}
		perUnit := map[string][]string{}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s.SearchUnitsApart(c.apart)
				all := c.q
				all.Limit = 500
				whole, _, err := s.Inbox(ctx, all)
				if err != nil {
					t.Fatal(err)
				}
				if c.want < 0 {
					// Part of a code: the dossiers of the whole list whose code has it.
					everything, _, err := s.Inbox(ctx, store.InboxQuery{Scope: c.q.Scope, Order: c.q.Order, Limit: 500})
					if err != nil {
						t.Fatal(err)
					}
					ref := slices.DeleteFunc(codesOf(everything), func(code string) bool {
						return !strings.Contains(code, strings.ToUpper(c.q.Q))
					})
					if len(ref) == 0 || !slices.Equal(codesOf(whole), ref) {
						t.Fatalf("got %v, want the codes with %q: %v", codesOf(whole), c.q.Q, ref)
					}
					c.want = len(ref)
				}
				if len(whole) != c.want {
					t.Fatalf("got %d dossiers in the whole list, want %d", len(whole), c.want)
				}
				want := codesOf(whole)
				// At once, the same dossiers in the same order as one statement per unit.
				if base, ok := strings.CutSuffix(c.name, " over the scope at once"); !ok {
					perUnit[c.name] = want
				} else if !slices.Equal(want, perUnit[base]) {
					t.Fatalf("at once %v, one statement per unit %v", want, perUnit[base])
				}
				// Forwards, three at a time after the last of the previous page.
				var got []string
				q := c.q
				q.Limit = 3
				for range 10 {
					page, total, err := s.Inbox(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					if total != c.want {
						t.Errorf("after %v: got total %d, want %d", q.After, total, c.want)
					}
					got = append(got, codesOf(page)...)
					if len(page) < q.Limit {
						break
					}
					q.After = page[len(page)-1].Key()
				}
				if !slices.Equal(got, want) {
					t.Errorf("forwards: got %v, want %v", got, want)
				}
				// Backwards from the last dossier, three at a time before the first of the page.
				got = nil
				q = c.q
				q.Limit, q.Before, q.After = 3, true, whole[len(whole)-1].Key()
				for range 10 {
					page, _, err := s.Inbox(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					if len(page) == 0 {
						break
					}
					got = append(codesOf(page), got...)
					q.After = page[0].Key()
				}
				if !slices.Equal(got, want[:len(want)-1]) {
					t.Errorf("backwards: got %v, want %v", got, want[:len(want)-1])
				}
				// Nothing comes before the start.
				q = c.q
				q.Before, q.Limit = true, 3
				if page, _, err := s.Inbox(ctx, q); err != nil || len(page) != 0 {
					t.Errorf("before the start: got %v, %v, want nothing", codesOf(page), err)
				}
			})
		}
	})
}
