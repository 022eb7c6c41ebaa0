package store_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/notify"
	"motcua/internal/store"
)

// onlineDossier is an online submission of citizen c at unit T01.
func onlineDossier(c store.Citizen) store.NewDossier {
	return store.NewDossier{
		UnitCode: "T01", ProcedureCode: "1.001193", ProcedureName: "Đăng ký khai sinh",
		Process: dossier.Process{Version: 1, Steps: []dossier.Step{
			{Name: "Tiếp nhận", Role: dossier.RoleOneStop, Days: 0.5},
			{Name: "Ký duyệt", Role: dossier.RoleLeader, Days: 0.5},
		}},
		Deadline: calendar.Deadline{Days: 1}, SupplementRule: dossier.SupplementPause,
		Channel:   dossier.ChannelOnline,
		Applicant: dossier.Applicant{FullName: c.FullName, Email: c.Email},
		Form:      json.RawMessage(`{"ho_ten_tre":"Trần Minh Khôi"}`),
		Actor:     c.Actor(), Role: dossier.RoleApplicant,
	}
}

func TestOnlineDossierAttachmentsAndNotices(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		c := registerCitizen(t, s, "hoa@example.vn")
		draft, err := s.SaveDraft(ctx, store.Draft{CitizenID: c.ID, ProcedureCode: "1.001193", UnitCode: "T01",
			Form: json.RawMessage(`{"ho_ten_tre":"Khôi"}`)})
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.SaveDraft(ctx, store.Draft{CitizenID: c.ID, ProcedureCode: "1.001193", UnitCode: "T01",
			Form: json.RawMessage(`{"ho_ten_tre":"Trần Minh Khôi"}`)})
		if err != nil || again.ID != draft.ID {
			t.Fatalf("second save: got id %d, %v, want the same draft %d", again.ID, err, draft.ID)
		}
		sha := strings.Repeat("ab", 32)
		for i, size := range []int64{1000, 2500} {
			_, err := s.AddAttachment(ctx, store.Attachment{DraftID: draft.ID, DocIndex: i, DocName: "Giấy chứng sinh",
				SHA256: sha, Size: size, ContentType: "application/pdf", FileName: "giay-chung-sinh.pdf",
				UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()}, store.AuditEntry{})
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AddAttachment(ctx, store.Attachment{SHA256: sha, FileName: "x.pdf"}, store.AuditEntry{}); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("attachment of nothing: got %v, want invalid", err)
		}
		if n, err := s.AttachmentBytes(ctx, "", draft.ID); err != nil || n != 3500 {
			t.Errorf("draft bytes: got %d, %v, want 3500", n, err)
		}

		// The store queues what the composer gives it, in the transaction of the event.
		w := store.Write{Notice: func(rec store.DossierRecord, e dossier.Event, st dossier.State, owner string) (string, string, bool) {
			return notify.DossierEvent("https://motcua.example", notify.DossierFacts{Code: rec.Code,
				ProcedureName: rec.ProcedureName, LookupKey: rec.LookupKey, OwnerName: owner}, e, st)
		}}
		d, err := s.CreateDossier(ctx, onlineDossier(c), w)
		if err != nil {
			t.Fatal(err)
		}
		code := d.Record.Code
		if owner, err := s.DossierOwner(ctx, code); err != nil || owner != c.ID {
			t.Errorf("owner: got %d, %v, want %d", owner, err, c.ID)
		}
		if _, err := s.DraftFor(ctx, c.ID, "1.001193"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("draft after submission: got %v, want not_found", err)
		}
		files, err := s.DossierAttachments(ctx, code)
		if err != nil || len(files) != 2 || files[0].DossierCode != code || files[0].DraftID != 0 {
			t.Fatalf("dossier files: got %+v, %v, want the 2 draft files", files, err)
		}
		if n, _ := s.AttachmentBytes(ctx, code, 0); n != 3500 {
			t.Errorf("dossier bytes: got %d, want 3500", n)
		}
		if a, err := s.AttachmentByID(ctx, files[1].ID); err != nil || a.Size != 2500 || a.FileName != "giay-chung-sinh.pdf" {
			t.Errorf("by id: got %+v, %v", a, err)
		}
		if _, err := s.AttachmentByID(ctx, 999999); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown attachment: got %v, want not_found", err)
		}
		list, err := s.CitizenDossiers(ctx, c.ID)
		if err != nil || len(list) != 1 || list[0].Code != code || list[0].Status != dossier.StatusSubmitted {
			t.Errorf("citizen dossiers: got %+v, %v", list, err)
		}

		officer := func(a dossier.Action, role dossier.Role, note string) {
			t.Helper()
			clock.Set(clock.Now().Add(time.Minute))
			cmd := dossier.Command{Action: a, Actor: "t01.motcua", Role: role, Unit: "T01", Note: note}
			if _, err := s.ActOnDossier(ctx, code, cmd, time.Time{}, w); err != nil {
				t.Fatalf("%s: %v", a, err)
			}
		}
		officer(dossier.ActionAccept, dossier.RoleOneStop, "")
		officer(dossier.ActionRequestSupplement, dossier.RoleOneStop, "Thiếu bản chụp giấy chứng sinh rõ nét.")
		cmd := dossier.Command{Action: dossier.ActionSupplementReceived, Actor: c.Actor(), Role: dossier.RoleApplicant}
		if _, err := s.ActOnDossier(ctx, code, cmd, time.Time{}, w); err != nil {
			t.Fatal(err)
		}
		officer(dossier.ActionForward, dossier.RoleOneStop, "")
		officer(dossier.ActionForward, dossier.RoleLeader, "")

		msgs, err := s.OutboxFor(ctx, "hoa@example.vn", 20)
		if err != nil {
			t.Fatal(err)
		}
		var subjects []string
		for i := len(msgs) - 1; i >= 0; i-- {
			subjects = append(subjects, msgs[i].Subject)
		}
		want := []string{"Xác thực", "Đã nhận hồ sơ nộp trực tuyến " + code, "Hồ sơ " + code + " đã được tiếp nhận",
			"Hồ sơ " + code + " cần bổ sung, hoàn thiện", "Hồ sơ " + code + " đã có kết quả"}
		if strings.Join(subjects, "|") != strings.Join(want, "|") {
			t.Errorf("got subjects\n%q\nwant\n%q", subjects, want)
		}
		if !strings.Contains(msgs[1].Body, "Thiếu bản chụp giấy chứng sinh rõ nét.") {
			t.Errorf("supplement notice lacks the officer's note: %q", msgs[1].Body)
		}
		if link := "https://motcua.example/cong-dan/ho-so/" + code; !strings.Contains(msgs[1].Body, link) {
			t.Errorf("notice lacks the link %s built from the public address: %q", link, msgs[1].Body)
		}
	})
}
