package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
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
	} else if !jsonObject(n.Form) {
		f["form"] = "Tờ khai phải là một đối tượng JSON."
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
	p, err := s.prepareDossier(ctx, n, w)
	if err != nil {
		return StoredDossier{}, err
	}
	if err := s.inBatchIntake(ctx, p); err != nil {
		return StoredDossier{}, err
	}
	return p.out, nil
}

// prepareDossier checks a new dossier and decides everything about it that needs no
// transaction: the unit's calendar, the instant, the lookup key, the first command and
// its outcome, the rows to write (decide).
func (s *Store) prepareDossier(ctx context.Context, n NewDossier, w Write) (*pendingDossier, error) {
	if err := n.valid(); err != nil {
		return nil, err
	}
	// The unit's calendar, kept for a while, also says that the unit exists (units are
	// never deleted): an unknown unit is fault.NotFound when its calendar is first read.
	cal, err := s.UnitCalendar(ctx, n.UnitCode)
	if err != nil {
		return nil, err
	}
	at := n.At
	if at.IsZero() {
		at = s.Now()
	}
	at = at.UTC()
	key, err := dossier.NewLookupKey()
	if err != nil {
		return nil, err
	}
	action := dossier.ActionReceive
	if n.Channel == dossier.ChannelOnline {
		action = dossier.ActionSubmit
	}
	d := dossier.Dossier{
		ProcedureCode: n.ProcedureCode, UnitCode: n.UnitCode, Channel: n.Channel,
		Deadline: n.Deadline, SupplementRule: n.SupplementRule, Process: n.Process, // Act copies it
	}
	p := &pendingDossier{
		rec: DossierRecord{
			UnitCode: n.UnitCode, ProcedureCode: n.ProcedureCode, ProcedureName: n.ProcedureName,
			Channel: n.Channel, Applicant: n.Applicant, Form: n.Form, Documents: n.Documents,
			Sets: n.Sets, FeeVND: n.FeeVND, LookupKey: key, CreatedBy: n.Actor, CreatedAt: at,
		},
		at: at, draftID: n.DraftID, w: w,
		cmd: dossier.Command{Action: action, Actor: n.Actor, Role: n.Role, Unit: n.ActorUnit},
	}
	if err := s.decide(p, d, cal); err != nil {
		return nil, err
	}
	// The shared texts are stored before the group transaction, each committed alone.
	if err := s.pinCommitted(ctx, p.row); err != nil {
		return nil, err
	}
	return p, nil
}

func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, id int64, e dossier.Event) error {
	payload, err := eventJSON(e)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, tx, "DossierEventInsert", id, e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), payload)
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

// jsonObject reports whether raw is one JSON object (or null), checked without decoding
// it into a map: the form of every dossier received goes through here.
func jsonObject(raw []byte) bool {
	if !json.Valid(raw) {
		return false
	}
	v := bytes.TrimSpace(raw)
	return v[0] == '{' || string(v) == "null"
}
