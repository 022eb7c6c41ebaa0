package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"motcua/internal/dossier"
)

// Import batching: dossiers per transaction, and rows per INSERT statement (SQLite
// accepts at most 32,766 bound values in one statement; dossiers have 37 columns).
const (
	importTxDossiers = 1000
	importRowsPerSQL = 400
)

// ImportedDossier is a dossier with its whole history, ready for ImportDossiers: the
// record (code, lookup key, applicant, form…), the domain dossier with every event, and
// the state that dossier.Project derives from those events with the unit's calendar.
type ImportedDossier struct {
	Record  DossierRecord
	Dossier dossier.Dossier
	State   dossier.State
	// Payments are the dossier's fee payments (payments_import.go); their events are
	// among the dossier's.
	Payments []Payment
	// SandboxLedger says that the online payments are also the sandbox gateway's own
	// records (the demo, where the sandbox played the gateway).
	SandboxLedger bool
}

// check verifies what the import relies on: a canonical code matching the unit, the
// record and the dossier agreeing, at least one event, and a state projected from all of
// them. It returns the sequence key and number of the code.
func (d ImportedDossier) check() (seqKey, int, error) {
	unit, day, seq, err := dossier.ParseCode(d.Record.Code)
	switch {
	case err != nil:
		return seqKey{}, 0, fmt.Errorf("store: import %q: %w", d.Record.Code, err)
	case unit != d.Record.UnitCode || d.Dossier.Code != d.Record.Code || d.Dossier.UnitCode != unit:
		return seqKey{}, 0, fmt.Errorf("store: import %s: code, record and dossier disagree on the unit", d.Record.Code)
	case len(d.Dossier.Events) == 0 || d.State.Version != len(d.Dossier.Events):
		return seqKey{}, 0, fmt.Errorf("store: import %s: the state must be the projection of at least one event", d.Record.Code)
	case d.Record.LookupKey == "" || !dossier.ValidLookupKey(d.Record.LookupKey):
		return seqKey{}, 0, fmt.Errorf("store: import %s: invalid lookup key", d.Record.Code)
	}
	return seqKey{unit: unit, day: strings.ReplaceAll(day.String(), "-", "")[2:]}, seq, nil
}

// seqKey is a row of dossier_sequences: a unit and a receipt day as YYMMDD.
type seqKey struct{ unit, day string }

// ImportDossiers writes finished histories in bulk (the demo history, a migration from
// another system): the dossiers with their projection, every event, and the daily
// sequence counters raised to the highest imported number of each unit and day, so that
// the next CreateDossier continues after them. It writes the same tables and columns as
// CreateDossier, in one transaction per few thousand dossiers; a duplicate code is a
// fault.Conflict and rolls back the batch it is in. The caller projects the states; the
// store does not recompute them.
func (s *Store) ImportDossiers(ctx context.Context, ds []ImportedDossier) error {
	for start := 0; start < len(ds); start += importTxDossiers {
		batch := ds[start:min(start+importTxDossiers, len(ds))]
		if s.dialect == Postgres {
			if err := s.importBatchCopy(ctx, batch, false); err != nil {
				return err
			}
			continue
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.importBatch(ctx, tx, batch) }); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) importBatch(ctx context.Context, tx *sql.Tx, ds []ImportedDossier) error {
	last := map[seqKey]int{}
	for _, d := range ds {
		k, seq, err := d.check()
		if err != nil {
			return err
		}
		last[k] = max(last[k], seq)
	}
	ids := make(map[string]int64, len(ds))
	for start := 0; start < len(ds); start += importRowsPerSQL {
		if err := s.importDossierRows(ctx, tx, ds[start:min(start+importRowsPerSQL, len(ds))], ids); err != nil {
			return err
		}
	}
	var events []any
	rows := 0
	for _, d := range ds {
		for _, e := range d.Dossier.Events {
			payload, err := eventJSON(e)
			if err != nil {
				return err
			}
			events = append(events, ids[d.Record.Code], e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit,
				e.At.UTC(), payload)
			if rows++; rows == importRowsPerSQL {
				if err := s.bulkExec(ctx, tx, "DossierEventInsert", rows, events); err != nil {
					return err
				}
				events, rows = events[:0], 0
			}
		}
	}
	if rows > 0 {
		if err := s.bulkExec(ctx, tx, "DossierEventInsert", rows, events); err != nil {
			return err
		}
	}
	if err := s.importPayments(ctx, tx, ds, ids); err != nil {
		return err
	}
	if err := s.applyCounts(ctx, tx, importedCounts(ds)); err != nil {
		return err
	}
	var seqs []any
	for k, n := range last {
		seqs = append(seqs, k.unit, k.day, n)
	}
	return s.bulkExec(ctx, tx, "DossierSequenceRaise", len(last), seqs)
}

// importDossierRows inserts the dossier rows of one statement and records their ids.
func (s *Store) importDossierRows(ctx context.Context, tx *sql.Tx, ds []ImportedDossier, ids map[string]int64) error {
	args := make([]any, 0, len(ds)*39)
	pins := s.pinsTx(tx)
	for _, d := range ds {
		row, err := dossierRow(d)
		if err != nil {
			return err
		}
		if err := pins.row(ctx, row, 0); err != nil {
			return err
		}
		args = append(args, row...)
	}
	head, tail, err := s.bulkText("DossierInsert", len(ds), len(args)/len(ds))
	if err != nil {
		return err
	}
	// The single-row query returns the id; several rows need the code to match them.
	if !strings.EqualFold(tail, "RETURNING id") {
		return fmt.Errorf("store: DossierInsert must end with RETURNING id, not %q", tail)
	}
	if err := checkArgs(args); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, head+"RETURNING id, code", args...)
	if err != nil {
		return s.mapErr("DossierImport", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return fmt.Errorf("store: import dossiers: %w", err)
		}
		ids[code] = id
	}
	if err := rows.Err(); err != nil {
		return s.mapErr("DossierImport", err)
	}
	return nil
}

// dossierRow returns the values of the DossierInsert columns for d, with the same
// meanings as insertDossier; updated_at is the instant of the last event.
func dossierRow(d ImportedDossier) ([]any, error) { return dossierRowWith(d, nil) }

// dossierRowWith is dossierRow reusing, when memo is not nil, the encodings of the
// previous dossiers of the same procedure (rowMemo).
func dossierRowWith(d ImportedDossier, memo *rowMemo) ([]any, error) {
	docs := d.Record.Documents
	if docs == nil {
		docs = []DossierDocument{}
	}
	process, documents, err := memo.encode(d.Record.ProcedureCode, d.Dossier.Process, docs)
	if err != nil {
		return nil, err
	}
	return dossierRowEncoded(d, process, documents, memo.fold(d.Record.Applicant.FullName)), nil
}

// dossierRowEncoded is dossierRow with the JSON of the process and the documents and the
// folded applicant's name already made.
func dossierRowEncoded(d ImportedDossier, process, documents, folded string) []any {
	rec, st := d.Record, d.State
	form := string(rec.Form)
	if strings.TrimSpace(form) == "" {
		form = "{}"
	}
	mode := deadlineMode(d.Dossier.Deadline)
	sets := max(rec.Sets, 1)
	a := rec.Applicant
	return []any{
		rec.Code, rec.UnitCode, rec.ProcedureCode, rec.ProcedureName, d.Dossier.Process.Version, process,
		d.Dossier.Deadline.Days, mode, d.Dossier.SupplementRule, string(rec.Channel),
		a.FullName, a.IDNumber, a.Phone, a.Email, a.Address,
		form, documents, sets, rec.FeeVND, rec.LookupKey,
		string(st.Status), st.Step, string(st.StepRole), st.Unit, st.Assignee,
		nullTime(st.SubmittedAt), nullTime(st.ReceivedAt), nullTime(st.DueAt), nullTime(st.FinishedAt),
		nullTime(st.ReturnedAt), st.Supplements,
		st.Version, rec.CreatedBy, rec.CreatedAt.UTC(), st.LastAt.UTC(), nullTime(st.OriginalDueAt), folded,
		nil, nil, // the shared texts' ids, set by textPins.row
	}
}

// bulkExec runs a multi-row version of the named single-row INSERT with n rows of args.
func (s *Store) bulkExec(ctx context.Context, tx *sql.Tx, name string, n int, args []any) error {
	if n == 0 {
		return nil
	}
	head, tail, err := s.bulkText(name, n, len(args)/n)
	if err != nil {
		return err
	}
	if err := checkArgs(args); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, head+tail, args...); err != nil {
		return s.mapErr(name, err)
	}
	return nil
}

// bulkText turns the named single-row INSERT … VALUES (…) … into one that inserts n rows
// of cols values: head is the text up to VALUES followed by n tuples of placeholders, tail
// what followed the single tuple (an ON CONFLICT or RETURNING clause), without its
// semicolon. The column list thus stays written once, in the .sql file.
func (s *Store) bulkText(name string, n, cols int) (head, tail string, err error) {
	type key struct {
		name    string
		n, cols int
	}
	// Only the full chunks of the callers (multiples of 100 rows) are kept, so that the
	// cache stays a few statements per query.
	keep := n%100 == 0
	if t, ok := s.bulkTexts.Load(key{name, n, cols}); ok && keep {
		t := t.([2]string)
		return t[0], t[1], nil
	}
	head, tail, err = s.makeBulkText(name, n, cols)
	if err == nil && keep {
		s.bulkTexts.Store(key{name, n, cols}, [2]string{head, tail})
	}
	return head, tail, err
}

// makeBulkText builds what bulkText returns.
func (s *Store) makeBulkText(name string, n, cols int) (head, tail string, err error) {
	text, err := s.q(name)
	if err != nil {
		return "", "", err
	}
	i := strings.Index(strings.ToUpper(text), "VALUES")
	open := strings.IndexByte(text[max(i, 0):], '(')
	if i < 0 || open < 0 {
		return "", "", fmt.Errorf("store: query %s has no VALUES tuple", name)
	}
	closing := strings.IndexByte(text[i+open:], ')')
	if closing < 0 {
		return "", "", fmt.Errorf("store: query %s has no VALUES tuple", name)
	}
	tail = strings.TrimSuffix(strings.TrimSpace(text[i+open+closing+1:]), ";")
	var b strings.Builder
	b.Grow(i + n*(cols*5+4) + len(tail) + 1)
	b.WriteString(text[:i+len("VALUES")])
	k := 0
	for r := 0; r < n; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteString(" (")
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteString(", ")
			}
			k++
			if s.dialect == Postgres {
				b.WriteString("$" + strconv.Itoa(k))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	b.WriteByte('\n')
	return b.String(), tail, nil
}
