package store

import (
	"context"
	"database/sql"
	"fmt"
	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// dossierHook runs inside the transaction of every dossier event (CreateDossier and
// ActOnDossier). For an online submission from a citizen's draft it records the citizen
// as the dossier's owner and moves the draft's files to the dossier, deleting the draft
// (a draft is submitted once: a second submission of it is a conflict). Then it enqueues
// the message that w.Notice composes for the owner, if any: so a message exists if and
// only if its event does.
func (s *Store) dossierHook(ctx context.Context, tx *sql.Tx, rec DossierRecord, draftID int64, e dossier.Event, st dossier.State, w Write) error {
	if e.Action == dossier.ActionSubmit {
		if id, ok := CitizenOfActor(e.Actor); ok {
			if err := s.adoptDraft(ctx, tx, rec, id, draftID); err != nil {
				return err
			}
		}
	}
	if w.Notice == nil {
		return nil
	}
	owner, err := s.dossierOwner(ctx, tx, rec.Code)
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	subject, body, ok := w.Notice(rec, e, st, owner.FullName)
	if !ok {
		return nil
	}
	_, err = s.EnqueueTx(ctx, tx, OutboxMessage{Kind: MessageKindEmail, Recipient: owner.Email, Subject: subject, Body: body})
	return err
}

// adoptDraft makes the citizen the owner of a dossier just submitted online and moves the
// files of the citizen's draft draftID (or, when zero, of the citizen's draft for the
// procedure, if any) to it. A named draft that no longer exists — it was just submitted
// by a concurrent request — is a conflict, so that one draft makes one dossier.
func (s *Store) adoptDraft(ctx context.Context, tx *sql.Tx, rec DossierRecord, citizenID, draftID int64) error {
	if _, err := s.exec(ctx, tx, "DossierOwnerInsert", rec.Code, citizenID); err != nil {
		return err
	}
	if draftID == 0 {
		var d Draft
		var form string
		err := s.row(ctx, tx, "", "DraftByProcedure", []any{citizenID, rec.ProcedureCode},
			&d.ID, &d.CitizenID, &d.ProcedureCode, &d.UnitCode, &form, &d.CreatedAt, &d.UpdatedAt)
		if fault.Is(err, fault.NotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		draftID = d.ID
	}
	if _, err := s.exec(ctx, tx, "AttachmentsMoveToDossier", rec.Code, draftID); err != nil {
		return err
	}
	res, err := s.exec(ctx, tx, "DraftDeleteOwned", draftID, citizenID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: draft %d: %w", draftID, err)
	} else if n != 1 {
		return errDraftGone
	}
	return nil
}

// errDraftGone answers a second submission of the same draft.
var errDraftGone = fault.New(fault.Conflict, "Hồ sơ nháp này đã được nộp. Vui lòng xem trong mục “Hồ sơ của tôi”.")
