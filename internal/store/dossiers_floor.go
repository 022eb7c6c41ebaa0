package store

import (
	"context"
	"database/sql"
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
		if err := s.insertDossierRows(ctx, tx, ps); err != nil {
			return err
		}
		p.event[0] = p.out.Record.ID
		return s.bulkExec(ctx, tx, "DossierEventInsert", 1, p.event)
	})
}
