package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"motcua/internal/dossier"
)

// FloorIntake writes one new dossier with only the rows that any intake must write —
// its day's sequence, the dossier and its first event — in a transaction of its own,
// without audit, notices, report counts or group commit. It is the physical floor that
// `motcua bench` compares the real intake with; the product never calls it.
func (s *Store) FloorIntake(ctx context.Context, n NewDossier) error {
	p, err := s.prepareDossier(ctx, n, Write{})
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ps := []*pendingDossier{p}
		if err := s.takeCodes(ctx, tx, ps); err != nil {
			return err
		}
		next, st, err := dossier.Act(p.out.Dossier, p.cmd, p.cal, p.at)
		if err != nil {
			return err
		}
		p.out.Dossier, p.out.State = next, st
		if err := s.insertDossierRows(ctx, tx, ps); err != nil {
			return err
		}
		e := next.Events[0]
		payload, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("store: dossier event: %w", err)
		}
		return s.bulkExec(ctx, tx, "DossierEventInsert", 1,
			[]any{p.out.Record.ID, e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), string(payload)})
	})
}
