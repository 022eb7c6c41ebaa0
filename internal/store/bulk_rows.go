package store

// The rows of one imported dossier besides its own, shared by the statement and the COPY
// paths of the bulk writers: its events, its payments, the sandbox gateway's ledger
// entries and the highest receipt number of each unit and year.

// eventColumns are the columns of dossier_events that an import writes.
var eventColumns = []string{"dossier_id", "seq", "action", "actor", "role", "unit", "at", "payload"}

// eventPayload is the index of the payload in eventColumns.
const eventPayload = 7

// paymentColumns are the columns of PaymentInsert, in its order.
var paymentColumns = []string{"id", "dossier_id", "dossier_code", "unit_code", "amount_vnd", "method", "provider",
	"status", "txn_ref", "provider_ref", "receipt_year", "receipt_no", "reason", "created_by", "created_at",
	"paid_at", "updated_at"}

// receiptKey is a row of receipt_sequences: a unit and a year.
type receiptKey struct {
	unit string
	year int
}

// importRows collects the rows of a batch of imported dossiers. The dossier id of the
// events' and payments' rows is left empty, to be set once known (BulkBatch.setIDs):
// eventOf and paymentOf say which dossier of the batch each row belongs to.
type importRows struct {
	events, payments, ledger [][]any
	eventOf, paymentOf       []int
	receipts                 map[receiptKey]int
}

// add appends the rows of d, the i-th dossier of the batch.
func (r *importRows) add(d ImportedDossier, i int) error {
	var id any
	for _, e := range d.Dossier.Events {
		payload, err := eventJSON(e)
		if err != nil {
			return err
		}
		r.events = append(r.events, []any{id, e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), payload})
		r.eventOf = append(r.eventOf, i)
	}
	for _, p := range d.Payments {
		if p.ID == "" {
			p.ID = newPaymentID()
		}
		if p.TxnRef == "" {
			p.TxnRef = p.ID
		}
		if p.ReceiptNo > 0 {
			if r.receipts == nil {
				r.receipts = map[receiptKey]int{}
			}
			k := receiptKey{d.Record.UnitCode, p.ReceiptYear}
			r.receipts[k] = max(r.receipts[k], p.ReceiptNo)
		}
		r.payments = append(r.payments, []any{p.ID, id, d.Record.Code, d.Record.UnitCode, p.AmountVND, p.Method, p.Provider,
			p.Status, p.TxnRef, p.ProviderRef, p.ReceiptYear, p.ReceiptNo, p.Reason, p.CreatedBy, p.CreatedAt.UTC(),
			nullTime(p.PaidAt), p.CreatedAt.UTC()})
		r.paymentOf = append(r.paymentOf, i)
		if d.SandboxLedger && p.Method == MethodOnline && p.Status == PaymentPaid {
			r.ledger = append(r.ledger, []any{p.ProviderRef, p.TxnRef, p.AmountVND, 1, "00", p.PaidAt.UTC()})
		}
	}
	return nil
}

// flat returns rows as one argument list.
func flat(rows [][]any) []any {
	if len(rows) == 0 {
		return nil
	}
	out := make([]any, 0, len(rows)*len(rows[0]))
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
