package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/report"
)

// countRowsPerSQL is how many rows of daily counts one statement adds (21 values each).
const countRowsPerSQL = 500

// countStatement is one multi-row DossierCountsAdd: its text and arguments.
type countStatement struct {
	text string
	args []any
}

// countRowSet is rows of one of the counts' tables: n rows, their values one after the
// other in args.
type countRowSet struct {
	n    int
	args []any
}

// countRows turns a change of the daily counts into the rows of DossierCountsAdd at the
// three grains (report.Tallies.AtGrains) and those of DossierUnitCountsAdd, the same
// summed over the procedures, each in key order so that concurrent transactions lock
// shared rows in the same order.
func countRows(t report.Tallies) (byProcedure, byUnit countRowSet) {
	rows := t.AtGrains()
	keys := make([]report.GrainKey, 0, len(rows))
	units := map[report.GrainKey]report.Tally{}
	for k, row := range rows {
		if row.Zero() {
			continue
		}
		keys = append(keys, k)
		u := k
		u.ProcedureCode = ""
		sum := units[u]
		for i, n := range row {
			sum[i] += n
		}
		units[u] = sum
	}
	order := func(a, b report.GrainKey) int {
		return cmp.Or(cmp.Compare(a.UnitCode, b.UnitCode), cmp.Compare(a.Grain, b.Grain),
			a.Start.Compare(b.Start), cmp.Compare(a.ProcedureCode, b.ProcedureCode))
	}
	slices.SortFunc(keys, order)
	byProcedure.args = make([]any, 0, len(keys)*countColumns)
	for _, k := range keys {
		byProcedure.args = append(byProcedure.args, k.UnitCode, string(k.Grain), k.Start.String(), k.ProcedureCode)
		for _, n := range rows[k] {
			byProcedure.args = append(byProcedure.args, n)
		}
	}
	byProcedure.n = len(keys)
	keys = keys[:0]
	for k, row := range units {
		if !row.Zero() {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, order)
	byUnit.args = make([]any, 0, len(keys)*unitCountColumns)
	for _, k := range keys {
		byUnit.args = append(byUnit.args, k.UnitCode, string(k.Grain), k.Start.String())
		for _, n := range units[k] {
			byUnit.args = append(byUnit.args, n)
		}
	}
	byUnit.n = len(keys)
	return byProcedure, byUnit
}

// countColumns and unitCountColumns are the numbers of values in a row of
// DossierCountsAdd and of DossierUnitCountsAdd.
const (
	countColumns     = 4 + int(report.DayMeasures)
	unitCountColumns = 3 + int(report.DayMeasures)
)

// countStatements turns a change of the daily counts into DossierCountsAdd and
// DossierUnitCountsAdd statements of at most countRowsPerSQL rows each (countRows).
func (s *Store) countStatements(t report.Tallies) ([]countStatement, error) {
	byProcedure, byUnit := countRows(t)
	var out []countStatement
	for _, set := range []struct {
		name string
		cols int
		rows countRowSet
	}{{"DossierCountsAdd", countColumns, byProcedure}, {"DossierUnitCountsAdd", unitCountColumns, byUnit}} {
		for start := 0; start < set.rows.n; start += countRowsPerSQL {
			rows := min(countRowsPerSQL, set.rows.n-start)
			args := set.rows.args[start*set.cols : (start+rows)*set.cols]
			head, tail, err := s.bulkText(set.name, rows, set.cols)
			if err != nil {
				return nil, err
			}
			if err := checkArgs(args); err != nil {
				return nil, err
			}
			out = append(out, countStatement{text: head + tail, args: args})
		}
	}
	return out, nil
}

// applyIntakeCounts adds the counts of a group of new dossiers inside tx, with the
// prepared statements of intakeExec: a group's change is a few rows.
func (s *Store) applyIntakeCounts(ctx context.Context, tx *sql.Tx, t report.Tallies) error {
	byProcedure, byUnit := countRows(t)
	if err := s.intakeExec(ctx, tx, "DossierCountsAdd", byProcedure.n, byProcedure.args); err != nil {
		return err
	}
	return s.intakeExec(ctx, tx, "DossierUnitCountsAdd", byUnit.n, byUnit.args)
}

// applyCounts adds the change to the daily counts inside tx.
func (s *Store) applyCounts(ctx context.Context, tx *sql.Tx, t report.Tallies) error {
	stmts, err := s.countStatements(t)
	if err != nil {
		return err
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.text, st.args...); err != nil {
			return s.mapErr("DossierCountsAdd", err)
		}
	}
	return nil
}

// countChange applies, inside tx, the change of the dossier's contribution to the daily
// counts when its state goes from cur's to new (report.ContributionDiff); nothing for
// most actions. The payment marks are the same on both sides, so they matter only when
// the day of receipt changes: then they are read inside tx, after the dossier's row was
// updated (withPaymentMarks).
func (s *Store) countChange(ctx context.Context, tx *sql.Tx, cur StoredDossier, new dossier.State) error {
	var feeDue, paidOnline bool
	if !sameDay(cur.State.ReceivedAt, new.ReceivedAt) {
		var err error
		if feeDue, paidOnline, err = s.storedPaymentMarks(ctx, tx, cur.Record.ID, cur.Record.FeeVND); err != nil {
			return err
		}
	}
	return s.applyCounts(ctx, tx, report.ContributionDiff(countedSummary(cur.Dossier, cur.State, feeDue, paidOnline),
		countedSummary(cur.Dossier, new, feeDue, paidOnline)))
}

// sameDay reports whether two instants (zero for none) fall on the same civil day.
func sameDay(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero() == b.IsZero()
	}
	return calendar.DateOf(a) == calendar.DateOf(b)
}

// importedCounts is the contribution of freshly imported dossiers, with the marks of
// their payments.
func importedCounts(ds []ImportedDossier) report.Tallies {
	t := report.Tallies{}
	for _, d := range ds {
		feeDue, paidOnline := PaymentMarks(d.Record.FeeVND, d.Payments)
		t.Add(countedSummary(d.Dossier, d.State, feeDue, paidOnline), 1)
	}
	return t
}

// RebuildDossierCounts recomputes the maintained daily counts (số liệu thống kê theo
// ngày) of every unit from the dossiers' projection, one unit per transaction, then
// records report.CountsRule as the rule they follow. On PostgreSQL each unit's
// transaction locks the counts against writers, so that an action committed meanwhile
// is either read or applied after. The store runs it at start when the recorded rule
// differs (after migration 017, or a new rule); `motcua bench report --rebuild` runs and
// times it by hand.
func (s *Store) RebuildDossierCounts(ctx context.Context) error {
	rows, err := s.query(ctx, s.read, "DossierCountsUnits")
	if err != nil {
		return err
	}
	var units []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			rows.Close()
			return fmt.Errorf("store: rebuild counts: %w", err)
		}
		units = append(units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: rebuild counts: %w", err)
	}
	for _, u := range units {
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.rebuildUnitCounts(ctx, tx, u) }); err != nil {
			return err
		}
	}
	_, err = s.exec(ctx, s.write, "DossierCountsRuleSet", report.CountsRule)
	return err
}

// rebuildUnitCounts replaces the unit's daily counts with those of its dossiers.
func (s *Store) rebuildUnitCounts(ctx context.Context, tx *sql.Tx, unit string) error {
	if s.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE dossier_counts, dossier_unit_counts IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return fmt.Errorf("store: rebuild counts: %w", err)
		}
	}
	for _, clear := range []string{"DossierCountsClear", "DossierUnitCountsClear"} {
		if _, err := s.exec(ctx, tx, clear, unit); err != nil {
			return err
		}
	}
	rows, err := s.query(ctx, tx, "DossierCountsSource", unit, unit)
	if err != nil {
		return err
	}
	t := report.Tallies{}
	for rows.Next() {
		var (
			proc, channel, status string
			rec, fin, orig, due   sql.NullTime
			supplements           int
			fee                   int64
			waived, online        int
		)
		if err := rows.Scan(&proc, &channel, &status, &rec, &fin, &orig, &due, &supplements, &fee, &waived, &online); err != nil {
			rows.Close()
			return fmt.Errorf("store: rebuild counts: %w", err)
		}
		if orig.Valid {
			due = orig
		}
		feeDue, paidOnline := marksOf(fee, waived == 1, online == 1)
		t.Add(report.Dossier{UnitCode: unit, ProcedureCode: proc, Channel: dossier.Channel(channel),
			Status: dossier.Status(status), ReceivedAt: timeOf(rec), FinishedAt: timeOf(fin), OriginalDueAt: timeOf(due),
			Supplements: supplements, FeeDue: feeDue, PaidOnline: paidOnline}, 1)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: rebuild counts: %w", err)
	}
	return s.applyCounts(ctx, tx, t)
}

// ensureDossierCounts rebuilds the daily counts when they were built by another rule
// than report.CountsRule (0 right after migration 017).
func (s *Store) ensureDossierCounts(ctx context.Context) error {
	var rule int
	if err := s.row(ctx, s.read, "", "DossierCountsRule", nil, &rule); err != nil {
		return err
	}
	if rule == report.CountsRule {
		return nil
	}
	return s.RebuildDossierCounts(ctx)
}

// DossierCounts returns the unit's maintained daily counts, without the rows that are
// all zero.
func (s *Store) DossierCounts(ctx context.Context, unit string) (report.Tallies, error) {
	rows, err := s.query(ctx, s.read, "DossierCountsOfUnit", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := report.Tallies{}
	for rows.Next() {
		var (
			proc, day string
			row       report.Tally
		)
		dest := []any{&proc, &day}
		for i := range row {
			dest = append(dest, &row[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("store: daily counts: %w", err)
		}
		d, err := calendar.ParseDate(day)
		if err != nil {
			return nil, fmt.Errorf("store: daily counts: %w", err)
		}
		if !row.Zero() {
			out[report.DayKey{UnitCode: unit, ProcedureCode: proc, Day: d}] = row
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: daily counts: %w", err)
	}
	return out, nil
}

// DossierCountRows counts the rows of the maintained counts of the unit (and with
// subtree every unit below it) at each grain.
func (s *Store) DossierCountRows(ctx context.Context, unit string, subtree bool) (days, halves, years int, err error) {
	err = s.row(ctx, s.read, "", "DossierCountsRowsInScope", []any{unit, flag(subtree)}, &days, &halves, &years)
	return days, halves, years, err
}

// II06aSums reads the sums of the daily counts that Biểu II.06a needs for the period
// (report.PeriodSums), per field code, for the unit and with subtree every unit below it:
// two prefix sums, each at most a row or two per statutory year, 12 half-months and 8
// days per unit and procedure (report.PrefixBefore).
func (s *Store) II06aSums(ctx context.Context, unit string, subtree bool, p report.Period) (map[string]report.PeriodSums, error) {
	var args []any
	for _, pre := range []report.Prefix{report.PrefixBefore(p.To.AddDays(1)), report.PrefixBefore(p.From)} {
		args = append(args, pre.Args()...)
	}
	rows, err := s.query(ctx, s.read, "II06aSums", append([]any{unit, flag(subtree)}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]report.PeriodSums{}
	for rows.Next() {
		var (
			field string
			n     report.PeriodSums
		)
		if err := rows.Scan(&field, &n.ReceivedOnline, &n.ReceivedDirect, &n.OpenBefore, &n.Early, &n.OnTime,
			&n.Late, &n.Withdrawn, &n.Overdue); err != nil {
			return nil, fmt.Errorf("store: II.06a sums: %w", err)
		}
		out[field] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: II.06a sums: %w", err)
	}
	return out, nil
}
