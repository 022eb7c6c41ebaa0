package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// dossierHook runs inside the transaction of every dossier event (CreateDossier and
// ActOnDossier). For an online submission by a citizen's account it records the citizen
// as the dossier's owner and moves the files of the citizen's draft of that procedure to
// the dossier, deleting the draft. Then it enqueues the notice of the event, if the event
// is one the owner is told about: so a notice exists if and only if its event does.
func (s *Store) dossierHook(ctx context.Context, tx *sql.Tx, rec DossierRecord, e dossier.Event, st dossier.State) error {
	if e.Action == dossier.ActionSubmit {
		if id, ok := citizenOfActor(e.Actor); ok {
			if err := s.adoptDraft(ctx, tx, rec, id); err != nil {
				return err
			}
		}
	}
	owner, err := s.dossierOwner(ctx, tx, rec.Code)
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	m, ok := dossierNotice(rec, e, st)
	if !ok {
		return nil
	}
	m.Recipient = owner.Email
	m.Body = "Kính gửi " + owner.FullName + ",\n\n" + m.Body +
		"\n\nBạn có thể theo dõi hồ sơ trong mục “Hồ sơ của tôi” sau khi đăng nhập." +
		"\n\nThư này được gửi tự động từ Hệ thống một cửa điện tử; vui lòng không trả lời."
	_, err = s.EnqueueTx(ctx, tx, m)
	return err
}

// adoptDraft makes the citizen the owner of a dossier just submitted online and moves the
// files of the citizen's draft for the procedure to it.
func (s *Store) adoptDraft(ctx context.Context, tx *sql.Tx, rec DossierRecord, citizenID int64) error {
	if _, err := s.exec(ctx, tx, "DossierOwnerInsert", rec.Code, citizenID); err != nil {
		return err
	}
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
	if _, err := s.exec(ctx, tx, "AttachmentsMoveToDossier", rec.Code, d.ID); err != nil {
		return err
	}
	_, err = s.exec(ctx, tx, "DraftDelete", d.ID)
	return err
}

// dossierNotice composes the message announcing an event to the applicant, and false for
// the events the applicant is not told about. Recipient is left empty.
func dossierNotice(rec DossierRecord, e dossier.Event, st dossier.State) (OutboxMessage, bool) {
	ref := fmt.Sprintf("hồ sơ %s (%s)", rec.Code, rec.ProcedureName)
	var subject, body string
	switch {
	case e.Action == dossier.ActionSubmit:
		subject = "Đã nhận hồ sơ nộp trực tuyến " + rec.Code
		body = fmt.Sprintf("Hệ thống đã nhận %s lúc %s. Cán bộ Một cửa sẽ kiểm tra và tiếp nhận hồ sơ; "+
			"thời hạn giải quyết được tính từ khi hồ sơ được tiếp nhận.", ref, civil(e.At))
	case e.Action == dossier.ActionAccept || e.Action == dossier.ActionReceive:
		subject = "Hồ sơ " + rec.Code + " đã được tiếp nhận"
		body = fmt.Sprintf("%s đã được tiếp nhận lúc %s.", upperFirst(ref), civil(e.At))
		if !st.DueAt.IsZero() {
			body += " Ngày hẹn trả kết quả: " + civil(st.DueAt) + "."
		}
		body += "\nMã tra cứu hồ sơ: " + rec.LookupKey
	case e.Action == dossier.ActionRequestSupplement:
		subject = "Hồ sơ " + rec.Code + " cần bổ sung, hoàn thiện"
		body = fmt.Sprintf("%s cần được bổ sung, hoàn thiện.%s\nVui lòng đăng nhập và tải lên giấy tờ bổ sung trong mục “Hồ sơ của tôi”.",
			upperFirst(ref), detail("Nội dung cần bổ sung", e.Reason, e.Note))
	case e.Action == dossier.ActionForward && st.Status == dossier.StatusResultReady:
		subject = "Hồ sơ " + rec.Code + " đã có kết quả"
		body = fmt.Sprintf("%s đã có kết quả giải quyết từ %s. Vui lòng nhận kết quả theo hình thức đã đăng ký.",
			upperFirst(ref), civil(e.At))
	case e.Action == dossier.ActionExtend:
		subject = "Hồ sơ " + rec.Code + " được hẹn lại ngày trả kết quả"
		body = fmt.Sprintf("Cơ quan giải quyết xin lỗi vì %s chưa có kết quả đúng hẹn. Ngày hẹn trả kết quả mới: %s.%s",
			ref, civil(e.NewDue), detail("Lý do", e.Reason, e.Note))
	case e.Action == dossier.ActionRefuse:
		subject = "Hồ sơ " + rec.Code + " bị từ chối giải quyết"
		body = fmt.Sprintf("%s bị từ chối giải quyết.%s", upperFirst(ref), detail("Lý do", e.Reason, e.Note))
	default:
		return OutboxMessage{}, false
	}
	return OutboxMessage{Kind: MessageKindEmail, Subject: subject, Body: body}, true
}

// civil formats an instant as the time and civil date in Vietnam.
func civil(t time.Time) string {
	if t.IsZero() {
		return "(chưa xác định)"
	}
	return t.In(calendar.Zone()).Format("15:04 ngày 02/01/2006")
}

func detail(label, reason, note string) string {
	text := strings.TrimSpace(strings.TrimSpace(reason) + "\n" + strings.TrimSpace(note))
	if text == "" {
		return ""
	}
	return "\n" + label + ": " + text
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
