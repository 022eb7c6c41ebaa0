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
	"motcua/internal/report"
	"motcua/internal/store"
)

// TestDigitisationReuseAndResults follows a citizen's document from one dossier into the
// next through their store, a digitised copy and a signed result, and the counts of
// QĐ 766 indicators 4.1–4.3 over them.
func TestDigitisationReuseAndResults(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		c := registerCitizen(t, s, "hoa@example.vn")
		submit := func(reusedFrom string) string {
			t.Helper()
			draft, err := s.SaveDraft(ctx, store.Draft{CitizenID: c.ID, ProcedureCode: "1.001193", UnitCode: "T01", Form: json.RawMessage(`{}`)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAttachment(ctx, store.Attachment{DraftID: draft.ID, DocIndex: 0, DocName: "Giấy chứng sinh",
				SHA256: strings.Repeat("cd", 32), Size: 1200, ContentType: "application/pdf", FileName: "giay-chung-sinh.pdf",
				UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor(), ReusedFrom: reusedFrom}, store.AuditEntry{}); err != nil {
				t.Fatal(err)
			}
			n := onlineDossier(c)
			n.DraftID = draft.ID
			d, err := s.CreateDossier(ctx, n, store.Write{})
			if err != nil {
				t.Fatal(err)
			}
			return d.Record.Code
		}
		first := submit("")
		docs, err := s.CitizenDocuments(ctx, c.ID)
		if err != nil || len(docs) != 1 || docs[0].DossierCode != first || docs[0].DocName != "Giấy chứng sinh" {
			t.Fatalf("store after the first dossier: got %+v, %v, want its one document", docs, err)
		}
		clock.Set(clock.Now().Add(time.Hour))
		second := submit(first)
		if docs, _ := s.CitizenDocuments(ctx, c.ID); len(docs) != 1 {
			t.Errorf("a reused copy was listed again in the store: %+v", docs)
		}
		files, err := s.DossierAttachments(ctx, second)
		if err != nil || len(files) != 1 || files[0].ReusedFrom != first {
			t.Fatalf("second dossier's files: got %+v, %v, want one reused from %s", files, err, first)
		}

		act := func(code string, a dossier.Action, role dossier.Role, attach ...store.Attachment) {
			t.Helper()
			clock.Set(clock.Now().Add(time.Minute))
			cmd := dossier.Command{Action: a, Actor: "t01.officer", Role: role, Unit: "T01"}
			if _, err := s.ActOnDossier(ctx, code, cmd, time.Time{}, store.Write{Attach: attach}); err != nil {
				t.Fatalf("%s: %v", a, err)
			}
		}
		for _, code := range []string{first, second} {
			act(code, dossier.ActionAccept, dossier.RoleOneStop)
			act(code, dossier.ActionForward, dossier.RoleOneStop)
		}
		// The desk digitises a paper copy of the first dossier; the second gets a signed result.
		if _, err := s.AddAttachment(ctx, store.Attachment{DossierCode: first, DocIndex: -1, DocName: "Giấy chứng sinh",
			SHA256: strings.Repeat("ef", 32), Size: 900, ContentType: "application/pdf", FileName: "scan.pdf",
			UploadedKind: store.UploaderOfficer, UploadedBy: "t01.motcua", Purpose: store.PurposeScan}, store.AuditEntry{}); err != nil {
			t.Fatal(err)
		}
		act(first, dossier.ActionForward, dossier.RoleLeader)
		signed := store.Attachment{DocIndex: -1, DocName: "Kết quả", SHA256: strings.Repeat("12", 32), Size: 5000,
			ContentType: "application/pdf", FileName: "ket-qua.pdf", UploadedKind: store.UploaderOfficer,
			UploadedBy: "t01.lanhdao", Purpose: store.PurposeResult}
		act(second, dossier.ActionForward, dossier.RoleLeader, signed)
		results, err := s.DossierFiles(ctx, second, store.PurposeResult)
		if err != nil || len(results) != 1 || results[0].DossierCode != second || results[0].UploadedBy != "t01.lanhdao" {
			t.Fatalf("signed result: got %+v, %v", results, err)
		}
		if scans, _ := s.DossierFiles(ctx, first, store.PurposeScan); len(scans) != 1 || scans[0].DocName != "Giấy chứng sinh" {
			t.Errorf("digitised copies: got %+v, want one", scans)
		}

		day := calendar.DateOf(clock.Now())
		p, err := report.NewPeriod(day.AddDays(-1), day)
		if err != nil {
			t.Fatal(err)
		}
		resolved, electronic, err := s.ResultCounts(ctx, "T01", p)
		if err != nil || resolved != 2 || electronic != 1 {
			t.Errorf("4.1: got %d/%d, %v, want 1/2", electronic, resolved, err)
		}
		received, digitised, reused, err := s.DigitisedCounts(ctx, "T01", p)
		if err != nil || received != 2 || digitised != 1 || reused != 1 {
			t.Errorf("4.2, 4.3: got received %d digitised %d reused %d, %v, want 2, 1, 1", received, digitised, reused, err)
		}

		// The signed result joins the store; the citizen removes the first document.
		docs, _ = s.CitizenDocuments(ctx, c.ID)
		if len(docs) != 2 || docs[0].Purpose != store.PurposeResult {
			t.Fatalf("store with the result: got %+v", docs)
		}
		other := registerCitizen(t, s, "lan@example.vn")
		if err := s.RemoveCitizenDocument(ctx, other.ID, docs[1].ID, store.AuditEntry{}); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("another citizen removing it: got %v, want not_found", err)
		}
		audit := store.AuditEntry{Actor: c.Actor(), Action: "citizen.document.remove", Target: first}
		if err := s.RemoveCitizenDocument(ctx, c.ID, docs[1].ID, audit); err != nil {
			t.Fatal(err)
		}
		if left, _ := s.CitizenDocuments(ctx, c.ID); len(left) != 1 || left[0].ID != docs[0].ID {
			t.Errorf("after removal: got %+v, want only the result", left)
		}
		if files, _ := s.DossierAttachments(ctx, first); len(files) != 2 {
			t.Errorf("the dossier lost its files with the store's copy: %+v", files)
		}
	})
}

func TestUnitCertificates(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		if _, err := s.UnitCertificate(ctx, "T01"); fault.CodeOf(err) != fault.NotFound {
			t.Fatalf("no certificate yet: got %v, want not_found", err)
		}
		c := store.UnitCertificate{UnitCode: "T01", Subject: "CN=UBND xã Thử nghiệm", Issuer: "CN=CA", Serial: "1",
			NotBefore: clock.Now(), NotAfter: clock.Now().AddDate(1, 0, 0), ChainPEM: "pem", KeySealed: "sealed", ImportedBy: "admin"}
		for _, serial := range []string{"1", "2"} {
			c.Serial = serial
			if err := s.SaveUnitCertificate(ctx, c, store.AuditEntry{Actor: "admin", Action: "unit.certificate"}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.UnitCertificate(ctx, "T01")
		if err != nil || got.Serial != "2" || got.KeySealed != "sealed" || !got.NotAfter.Equal(c.NotAfter) {
			t.Fatalf("got %+v, %v, want the second import", got, err)
		}
		list, err := s.UnitCertificates(ctx)
		if err != nil || len(list) != 1 || list[0].KeySealed != "" {
			t.Fatalf("list: got %+v, %v, want one without its key", list, err)
		}
	})
}
