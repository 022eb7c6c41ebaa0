package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/report"
)

// pendingDossier is a new dossier waiting for its transaction: everything CreateDossier
// decided before it (record, first command, calendar, instant, audit), and, once written,
// the dossier as stored. Its code is allocated inside the transaction that writes it.
type pendingDossier struct {
	rec     DossierRecord // without its code and ID
	cmd     dossier.Command
	at      time.Time
	draftID int64
	w       Write

	// What decide worked out before the transaction, in the caller's goroutine, so that
	// the group committer — one goroutine, the one thing every intake waits for — only
	// numbers the dossiers and runs the statements.
	next  dossier.Dossier // with its first event, without its code
	state dossier.State
	row   []any          // the dossier's row (dossierRow); row[0] is its code
	event []any          // the first event's row; event[0] is the dossier's ID
	tally report.Tallies // its contribution to the daily counts

	// out is what insertNewDossiers wrote; valid only once its transaction committed.
	out StoredDossier
}

// decide applies the first command (receive or submit) to the new dossier d and encodes
// the rows to write: none of it depends on the code or the ID, which the transaction
// fills in (takeCodes, insertDossierRows).
func (s *Store) decide(p *pendingDossier, d dossier.Dossier, cal *calendar.Calendar) error {
	next, st, err := dossier.Act(d, p.cmd, cal, p.at)
	if err != nil {
		return err
	}
	p.next, p.state = next, st
	if p.row, err = s.intakeRow(ImportedDossier{Record: p.rec, Dossier: next, State: st}); err != nil {
		return err
	}
	e := next.Events[0]
	payload, err := eventJSON(e)
	if err != nil {
		return err
	}
	p.event = []any{int64(0), e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), payload}
	p.tally = report.Tallies{}
	// A new dossier has no payment yet: its fee, if any, is due.
	p.tally.Add(countedSummary(next, st, p.rec.FeeVND > 0, false), 1)
	return nil
}

// insertNewDossiers writes new dossiers inside tx, for one caller or for a whole group
// of the group committer (batch.go): the same statements either way, so there is one
// write path for intake. Per group it runs
//
//  1. one sequence upsert for the group, with a row per (unit, day) taking as many
//     numbers as that pair has dossiers (DossierSequenceTake): codes stay gapless and
//     unique, each sequence row is locked once per group, not once per dossier, and a
//     group spread over many units is still one statement;
//  2. one multi-row INSERT of the dossiers, RETURNING their IDs;
//  3. one multi-row INSERT of their first events;
//  4. the daily counts of the reports (counts.go), one upsert for the rows the group touches;
//  5. the applicant's hooks, only for dossiers submitted by a citizen (draft adoption,
//     owner's message): no other new dossier can have an owner yet;
//  6. one multi-row INSERT of the audit lines.
//
// Statements that every new dossier needs (counters, projections) belong here, as one
// statement for the group. Any error fails the whole call: the group committer then
// rolls it back and writes each dossier alone, so that one bad dossier fails alone.
func (s *Store) insertNewDossiers(ctx context.Context, tx *sql.Tx, ps []*pendingDossier) error {
	if err := s.takeCodes(ctx, tx, ps); err != nil {
		return err
	}
	if err := s.insertDossierRows(ctx, tx, ps); err != nil {
		return err
	}
	eventArgs := make([]any, 0, len(ps)*len(ps[0].event))
	for _, p := range ps {
		p.event[0] = p.out.Record.ID
		eventArgs = append(eventArgs, p.event...)
	}
	if err := s.intakeExec(ctx, tx, "DossierEventInsert", len(ps), eventArgs); err != nil {
		return err
	}
	// The daily counts of the reports (counts.go), for the whole group at once.
	counts := report.Tallies{}
	for _, p := range ps {
		counts.Merge(p.tally)
	}
	if err := s.applyIntakeCounts(ctx, tx, counts); err != nil {
		return err
	}
	var auditArgs []any
	now := s.Now()
	for _, p := range ps {
		e := p.out.Dossier.Events[0]
		if _, citizen := CitizenOfActor(e.Actor); citizen && e.Action == dossier.ActionSubmit {
			if err := s.dossierHook(ctx, tx, p.out.Record, p.draftID, e, p.out.State, p.w); err != nil {
				return err
			}
		}
		if a := p.w.Audit; a.Action != "" {
			if a.Target == "" {
				a.Target = p.out.Record.Code
			}
			auditArgs = append(auditArgs, now, a.Actor, a.UnitCode, a.Action, a.Target, a.Detail, a.IP, a.RequestID)
		}
	}
	return s.intakeExec(ctx, tx, "AuditInsert", len(auditArgs)/8, auditArgs)
}

// takeCodes allocates the codes of the pending dossiers: the next numbers of each
// receiving unit's daily sequence (by the civil date of receipt, UTC+7), in order. Every
// (unit, day) of the group is taken in one statement, the rows in a fixed order (by unit,
// then day), so that two writers locking several sequence rows lock them in the same
// order and never deadlock.
func (s *Store) takeCodes(ctx context.Context, tx *sql.Tx, ps []*pendingDossier) error {
	type key struct{ unit, day string }
	var order []key
	count := map[key]int{}
	days := make([]string, len(ps))
	for i, p := range ps {
		days[i] = p.at.In(calendar.Zone()).Format("060102")
		k := key{p.rec.UnitCode, days[i]}
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	slices.SortFunc(order, func(a, b key) int {
		return cmp.Or(strings.Compare(a.unit, b.unit), strings.Compare(a.day, b.day))
	})
	args := make([]any, 0, 3*len(order))
	for _, k := range order {
		args = append(args, k.unit, k.day, count[k])
	}
	next := make(map[key]int, len(order))
	err := s.intakeQuery(ctx, tx, "DossierSequenceTake", len(order), args, func(rows *sql.Rows) error {
		var k key
		var last int
		if err := rows.Scan(&k.unit, &k.day, &last); err != nil {
			return err
		}
		next[k] = last - count[k] + 1
		return nil
	})
	if err != nil {
		return err
	}
	for i, p := range ps {
		k := key{p.rec.UnitCode, days[i]}
		if next[k] == 0 {
			return fmt.Errorf("store: dossier sequence %s/%s: no number returned", k.unit, k.day)
		}
		d := p.next
		d.Code = dossier.FormatCode(p.rec.UnitCode, p.at, next[k])
		next[k]++
		rec := p.rec
		rec.Code = d.Code
		p.row[0] = d.Code
		p.out = StoredDossier{Record: rec, Dossier: d, State: p.state}
	}
	return nil
}

// insertDossierRows inserts the rows of the pending dossiers (decide, with the codes of
// takeCodes) in one statement and records their IDs; the columns are those of an import
// (dossierRow).
func (s *Store) insertDossierRows(ctx context.Context, tx *sql.Tx, ps []*pendingDossier) error {
	args := make([]any, 0, len(ps)*len(ps[0].row))
	for _, p := range ps {
		args = append(args, p.row...)
	}
	if err := checkArgs(args); err != nil {
		return err
	}
	// Several rows need the code to match each ID to its dossier.
	ids := make(map[string]int64, len(ps))
	cols := len(args) / len(ps)
	sizes := []int{len(ps)}
	if s.dialect == SQLite {
		sizes = bulkChunks(len(ps))
	}
	for _, size := range sizes {
		part := args[:size*cols]
		args = args[size*cols:]
		if err := s.insertDossierPart(ctx, tx, size, cols, part, ids); err != nil {
			return err
		}
	}
	for _, p := range ps {
		id, ok := ids[p.out.Record.Code]
		if !ok {
			return fmt.Errorf("store: dossier %s: no ID returned", p.out.Record.Code)
		}
		p.out.Record.ID = id
	}
	return nil
}

// insertDossierPart inserts size dossier rows of cols values in one statement (prepared
// once per size on SQLite, see bulkStmt) and notes their IDs by code.
func (s *Store) insertDossierPart(ctx context.Context, tx *sql.Tx, size, cols int, args []any, ids map[string]int64) error {
	const returning = "RETURNING id, code"
	st, err := s.bulkStmt(ctx, tx, "DossierInsert", size, cols, returning)
	if err != nil {
		return err
	}
	var rows *sql.Rows
	if st != nil {
		rows, err = st.QueryContext(ctx, args...)
	} else {
		head, _, terr := s.bulkText("DossierInsert", size, cols)
		if terr != nil {
			return terr
		}
		rows, err = tx.QueryContext(ctx, head+returning, args...)
	}
	if err != nil {
		return s.mapErr("DossierInsert", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return s.mapErr("DossierInsert", err)
		}
		ids[code] = id
	}
	if err := rows.Err(); err != nil {
		return s.mapErr("DossierInsert", err)
	}
	return nil
}
