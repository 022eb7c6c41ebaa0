package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/fold"
)

// Deadline modes stored in dossiers.deadline_mode.
const (
	deadlineWorking  = "working"
	deadlineCalendar = "calendar"
	deadlineSameDay  = "same_day"
)

// deadlineMode is how a deadline's kind is stored in dossiers.deadline_mode.
func deadlineMode(d calendar.Deadline) string {
	switch {
	case d.IsSameDay():
		return deadlineSameDay
	case d.CalendarDays:
		return deadlineCalendar
	}
	return deadlineWorking
}

// deadlineOf rebuilds a dossier's deadline from its stored columns.
func deadlineOf(days float64, mode string) calendar.Deadline {
	return calendar.Deadline{Days: days, CalendarDays: mode == deadlineCalendar, SameDay: mode == deadlineSameDay}
}

// DossierDocument is one thành phần hồ sơ handed in with a dossier: its name and the
// number of originals (bản chính), certified copies (bản sao chứng thực) and copies (bản
// photo).
type DossierDocument struct {
	Name      string `json:"name"`
	Originals int    `json:"originals"`
	Certified int    `json:"certified"`
	Copies    int    `json:"copies"`
}

// NewDossier is what CreateDossier needs to open a hồ sơ: the receiving unit, the
// procedure with the process version, deadline and supplement rule pinned from the
// catalogue, the channel, the applicant, the e-form, the documents received, and who
// creates it. The caller resolves the procedure (and checks that the unit offers it).
type NewDossier struct {
	UnitCode       string
	ProcedureCode  string
	ProcedureName  string
	Process        dossier.Process
	Deadline       calendar.Deadline
	SupplementRule string
	Channel        dossier.Channel
	Applicant      dossier.Applicant
	// Form is the tờ khai: a JSON object, or empty for none.
	Form      json.RawMessage
	Documents []DossierDocument
	// Sets is the number of sets (số bộ hồ sơ); 1 when zero.
	Sets   int
	FeeVND int64
	// Actor, Role and ActorUnit identify the officer receiving at the counter, or the
	// applicant's account submitting online (RoleApplicant).
	Actor     string
	Role      dossier.Role
	ActorUnit string
	// At is the instant of receipt or submission; the store's clock when zero.
	At time.Time
	// DraftID is the citizen's draft (hồ sơ nháp) being submitted: its files move to the
	// dossier and it is deleted in the same transaction; a draft already submitted makes
	// CreateDossier answer fault.Conflict. Zero for dossiers not made from a draft.
	DraftID int64
}

// DossierRecord is what the store keeps about a dossier besides its events: the
// procedure, the applicant's personal data, the form, the documents and the lookup key.
type DossierRecord struct {
	ID            int64             `json:"-"`
	Code          string            `json:"code"`
	UnitCode      string            `json:"unit_code"`
	ProcedureCode string            `json:"procedure_code"`
	ProcedureName string            `json:"procedure_name"`
	Channel       dossier.Channel   `json:"channel"`
	Applicant     dossier.Applicant `json:"applicant"`
	Form          json.RawMessage   `json:"form"`
	Documents     []DossierDocument `json:"documents"`
	Sets          int               `json:"sets"`
	FeeVND        int64             `json:"fee_vnd"`
	// LookupKey is the mã tra cứu printed on the receipt.
	LookupKey string    `json:"lookup_key"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// StoredDossier is a dossier as read from the store: its record, the domain dossier with
// every event, and the state projected from the events with the unit's calendar.
type StoredDossier struct {
	Record  DossierRecord
	Dossier dossier.Dossier
	State   dossier.State
}

// valid checks the input that the domain rules do not: channel, applicant, form,
// documents and sets. Field names follow the API.
func (n *NewDossier) valid() error {
	f := map[string]string{}
	if _, err := dossier.ParseChannel(string(n.Channel)); err != nil {
		f["channel"] = "Kênh nộp hồ sơ phải là counter, online hoặc postal."
	}
	n.Applicant = n.Applicant.Trimmed()
	for k, v := range n.Applicant.Valid() {
		f["applicant."+k] = v
	}
	if len(strings.TrimSpace(string(n.Form))) == 0 || string(n.Form) == "null" {
		n.Form = json.RawMessage("{}")
	} else {
		var obj map[string]any
		if err := json.Unmarshal(n.Form, &obj); err != nil {
			f["form"] = "Tờ khai phải là một đối tượng JSON."
		}
	}
	if len(n.Documents) > 100 {
		f["documents"] = "Hồ sơ có quá nhiều thành phần (tối đa 100)."
	}
	for i, d := range n.Documents {
		d.Name = strings.TrimSpace(d.Name)
		n.Documents[i] = d
		switch {
		case d.Name == "" || utf8.RuneCountInString(d.Name) > 500:
			f["documents"] = "Mỗi thành phần hồ sơ cần có tên (tối đa 500 ký tự)."
		case d.Originals < 0 || d.Certified < 0 || d.Copies < 0 || d.Originals+d.Certified+d.Copies > 1000:
			f["documents"] = "Số bản của thành phần hồ sơ không hợp lệ."
		}
	}
	if n.Sets == 0 {
		n.Sets = 1
	}
	if n.Sets < 0 || n.Sets > 1000 {
		f["sets"] = "Số bộ hồ sơ không hợp lệ."
	}
	if strings.TrimSpace(n.ProcedureCode) == "" || strings.TrimSpace(n.ProcedureName) == "" {
		f["procedure_code"] = "Cần chọn thủ tục hành chính."
	}
	if len(f) > 0 {
		return fault.WithFields("Thông tin hồ sơ chưa hợp lệ.", f)
	}
	return nil
}

// CreateDossier opens a dossier: in one write transaction it allocates the next daily
// sequence number of the unit for the receipt date (UTC+7), formats the code
// {unit}-{YYMMDD}-{NNNN}, and stores the dossier with its first event (receive at the
// counter or by post, submit online) and its projection. Codes have no gaps and no
// duplicates, also under concurrent intake. The audit line and the owner's message of w
// are written in the same transaction.
func (s *Store) CreateDossier(ctx context.Context, n NewDossier, w Write) (StoredDossier, error) {
	if err := n.valid(); err != nil {
		return StoredDossier{}, err
	}
	if _, err := s.Unit(ctx, n.UnitCode); err != nil {
		return StoredDossier{}, err
	}
	cal, err := s.UnitCalendar(ctx, n.UnitCode)
	if err != nil {
		return StoredDossier{}, err
	}
	at := n.At
	if at.IsZero() {
		at = s.Now()
	}
	at = at.UTC()
	key, err := dossier.NewLookupKey()
	if err != nil {
		return StoredDossier{}, err
	}
	action := dossier.ActionReceive
	if n.Channel == dossier.ChannelOnline {
		action = dossier.ActionSubmit
	}
	d := dossier.Dossier{
		ProcedureCode: n.ProcedureCode, UnitCode: n.UnitCode, Channel: n.Channel,
		Deadline: n.Deadline, SupplementRule: n.SupplementRule, Process: n.Process.Copy(),
	}
	rec := DossierRecord{
		UnitCode: n.UnitCode, ProcedureCode: n.ProcedureCode, ProcedureName: n.ProcedureName,
		Channel: n.Channel, Applicant: n.Applicant, Form: n.Form, Documents: n.Documents,
		Sets: n.Sets, FeeVND: n.FeeVND, LookupKey: key, CreatedBy: n.Actor, CreatedAt: at,
	}
	cmd := dossier.Command{Action: action, Actor: n.Actor, Role: n.Role, Unit: n.ActorUnit}
	var out StoredDossier
	err = s.inBatchTx(ctx, func(tx *sql.Tx) error {
		var seq int
		day := at.In(calendar.Zone()).Format("060102")
		if err := s.row(ctx, tx, "", "DossierSequenceNext", []any{n.UnitCode, day}, &seq); err != nil {
			return err
		}
		d.Code = dossier.FormatCode(n.UnitCode, at, seq)
		next, st, err := dossier.Act(d, cmd, cal, at)
		if err != nil {
			return err
		}
		rec.Code = d.Code
		if rec.ID, err = s.insertDossier(ctx, tx, rec, next, st); err != nil {
			return err
		}
		if err := s.insertEvent(ctx, tx, rec.ID, next.Events[0]); err != nil {
			return err
		}
		if err := s.countChange(ctx, tx, next, dossier.State{}, st); err != nil {
			return err
		}
		if err := s.dossierHook(ctx, tx, rec, n.DraftID, next.Events[0], st, w); err != nil {
			return err
		}
		if err := s.auditInTx(ctx, tx, w.Audit, d.Code); err != nil {
			return err
		}
		out = StoredDossier{Record: rec, Dossier: next, State: st}
		return nil
	})
	if err != nil {
		return StoredDossier{}, err
	}
	return out, nil
}

func (s *Store) insertDossier(ctx context.Context, tx *sql.Tx, rec DossierRecord, d dossier.Dossier, st dossier.State) (int64, error) {
	process, err := json.Marshal(d.Process)
	if err != nil {
		return 0, fmt.Errorf("store: dossier process: %w", err)
	}
	docs := rec.Documents
	if docs == nil {
		docs = []DossierDocument{}
	}
	documents, err := json.Marshal(docs)
	if err != nil {
		return 0, fmt.Errorf("store: dossier documents: %w", err)
	}
	mode := deadlineMode(d.Deadline)
	a := rec.Applicant
	var id int64
	err = s.row(ctx, tx, "", "DossierInsert", []any{
		rec.Code, rec.UnitCode, rec.ProcedureCode, rec.ProcedureName, d.Process.Version, string(process),
		d.Deadline.Days, mode, d.SupplementRule, string(rec.Channel),
		a.FullName, a.IDNumber, a.Phone, a.Email, a.Address,
		string(rec.Form), string(documents), rec.Sets, rec.FeeVND, rec.LookupKey,
		string(st.Status), st.Step, string(st.StepRole), st.Unit, st.Assignee,
		nullTime(st.SubmittedAt), nullTime(st.ReceivedAt), nullTime(st.DueAt), nullTime(st.FinishedAt),
		nullTime(st.ReturnedAt), st.Supplements,
		st.Version, rec.CreatedBy, rec.CreatedAt, rec.CreatedAt, nullTime(st.OriginalDueAt), fold.Fold(a.FullName),
	}, &id)
	return id, err
}

func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, id int64, e dossier.Event) error {
	payload, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("store: dossier event: %w", err)
	}
	_, err = s.exec(ctx, tx, "DossierEventInsert", id, e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), string(payload))
	return err
}

// nullTime stores a zero instant as NULL and any other in UTC.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// timeOf reads a nullable instant back in UTC.
func timeOf(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}
