package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"motcua/internal/report"
)

// ListDossiers returns up to f.Limit dossiers of the filter, newest first, and the ID to
// pass as After for the next page (0 on the last page). With a period, only the
// dossiers that count in a report over it are read (received before it ends and not
// finished before it began), and keep, when not nil, decides which of them are listed
// (the dossiers behind one cell of a report).
//
// Each unit of the filter is read through its own index in order of ID, a chunk at a
// time from the last ID of the previous page, and the units are merged: a page reads
// the rows it shows (and those keep refuses), never the whole history.
func (s *Store) ListDossiers(ctx context.Context, f DossierFilter, p *report.Period, keep func(report.Dossier) bool) ([]report.Dossier, int64, error) {
	if f.Limit < 1 || f.Limit > 1000 {
		return nil, 0, fmt.Errorf("store: dossier list: limit %d out of range", f.Limit)
	}
	codes := []string{f.Unit}
	if f.Subtree {
		var err error
		if codes, err = s.UnitDescendants(ctx, f.Unit); err != nil {
			return nil, 0, err
		}
	}
	chunk := f.Limit + 1
	if keep != nil {
		chunk = 500
	}
	q := strings.ToUpper(strings.TrimSpace(f.Q))
	like := "%" + strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(q) + "%"
	var start, end time.Time
	if p != nil {
		start, end = p.Start().UTC(), p.End().UTC()
	}
	// A period of receipt of up to a quarter is read through the dates (its rows sorted):
	// walking the IDs back to an old quarter would read everything received since.
	from, to := f.ReceivedFrom.UTC(), f.ReceivedTo.UTC()
	if to.IsZero() {
		to = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	received := !f.ReceivedFrom.IsZero() && to.Sub(from) <= receivedSpan
	after := f.After
	if after <= 0 {
		after = math.MaxInt64
	}
	units := make([]*unitCursor, len(codes))
	for i, c := range codes {
		units[i] = &unitCursor{code: c, after: after}
	}
	fill := func(u *unitCursor) error {
		if len(u.buf) > 0 || u.done {
			return nil
		}
		name, lead := "DossierListUnit", []any{u.code}
		if received {
			name, lead = "DossierListUnitReceived", []any{u.code, from, to}
		}
		args := append(lead, u.after,
			flag(!f.ReceivedFrom.IsZero()), f.ReceivedFrom.UTC(), flag(!f.ReceivedTo.IsZero()), f.ReceivedTo.UTC(),
			string(f.Status), string(f.Status), f.FieldCode, f.FieldCode, q, like, q,
			flag(p != nil), end, start, chunk)
		rows, err := s.query(ctx, s.read, name, args...)
		if err != nil {
			return err
		}
		items, ids, err := s.scanSummaries(ctx, rows)
		if err != nil {
			return err
		}
		u.buf, u.ids, u.done = items, ids, len(items) < chunk
		if len(ids) > 0 {
			u.after = ids[len(ids)-1]
		}
		return nil
	}
	out := []report.Dossier{}
	var ids []int64
	for len(out) <= f.Limit {
		var next *unitCursor
		for _, u := range units {
			if err := fill(u); err != nil {
				return nil, 0, err
			}
			if len(u.buf) > 0 && (next == nil || u.ids[0] > next.ids[0]) {
				next = u
			}
		}
		if next == nil {
			break
		}
		d, id := next.buf[0], next.ids[0]
		next.buf, next.ids = next.buf[1:], next.ids[1:]
		if keep == nil || keep(d) {
			out, ids = append(out, d), append(ids, id)
		}
	}
	if len(out) <= f.Limit {
		return out, 0, nil
	}
	return out[:f.Limit], ids[f.Limit-1], nil
}

// receivedSpan is the longest period of receipt a list reads through the dates.
const receivedSpan = 93 * 24 * time.Hour

// unitCursor is where the reading of one unit's dossiers stands: the rows read and not
// yet merged, the last ID read, and whether the unit has no more.
type unitCursor struct {
	code  string
	buf   []report.Dossier
	ids   []int64
	after int64
	done  bool
}
