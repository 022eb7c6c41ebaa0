package store

import "context"

// BulkBatch is a batch of finished dossier histories encoded for a BulkLoad (Encode):
// every row of every table, the daily and receipt sequences to raise and the reports'
// daily counts to add, all but the dossier row ids, which the write assigns. Encoding is
// the part of a bulk write that needs no database, so that it can run on other cores
// while the writer stores the previous batch.
type BulkBatch struct {
	n        int
	last     map[seqKey]int
	dossiers [][]any // the id first, set by the write
	more     importRows
	counts   []countStatement
}

// Len is the number of dossiers in the batch.
func (b *BulkBatch) Len() int { return b.n }

// Events is the number of events in the batch.
func (b *BulkBatch) Events() int { return len(b.more.events) }

// encodeBatch encodes the dossiers for a bulk write (BulkBatch).
func (s *Store) encodeBatch(ds []ImportedDossier) (*BulkBatch, error) {
	b := &BulkBatch{n: len(ds), last: map[seqKey]int{}, dossiers: make([][]any, len(ds))}
	memo := newRowMemo()
	for i, d := range ds {
		k, seq, err := d.check()
		if err != nil {
			return nil, err
		}
		b.last[k] = max(b.last[k], seq)
		row, err := dossierRowWith(d, memo)
		if err != nil {
			return nil, err
		}
		b.dossiers[i] = append(append(make([]any, 0, len(row)+1), nil), row...)
		if err := b.more.add(d, i); err != nil {
			return nil, err
		}
	}
	// Text that a database cannot store is refused here, once, on both databases. The
	// JSON encoded here (the process, the documents, the events' payloads) is valid text
	// by construction — encoding/json and eventJSON escape what is not — and is skipped.
	for _, r := range b.dossiers {
		if err := checkArgs(r[1:1+rowProcess], r[2+rowProcess:1+rowDocuments], r[2+rowDocuments:]); err != nil {
			return nil, err
		}
	}
	for _, r := range b.more.events {
		if err := checkArgs(r[:eventPayload]); err != nil {
			return nil, err
		}
	}
	for _, rows := range [][][]any{b.more.payments, b.more.ledger} {
		for _, r := range rows {
			if err := checkArgs(r); err != nil {
				return nil, err
			}
		}
	}
	counts, err := s.countStatements(importedCounts(ds))
	if err != nil {
		return nil, err
	}
	b.counts = counts
	return b, nil
}

// setIDs gives the i-th dossier of the batch the row id ids(i), in its row and in the
// rows of its events and payments.
func (b *BulkBatch) setIDs(ids func(i int) int64) {
	for i, row := range b.dossiers {
		row[0] = ids(i)
	}
	for j, row := range b.more.events {
		row[0] = ids(b.more.eventOf[j])
	}
	for j, row := range b.more.payments {
		row[1] = ids(b.more.paymentOf[j])
	}
}

// pin makes the batch's dossier rows refer to their shared texts (textPins).
func (b *BulkBatch) pin(ctx context.Context, pins *textPins) error {
	for _, row := range b.dossiers {
		if err := pins.row(ctx, row, 1); err != nil {
			return err
		}
	}
	return nil
}
