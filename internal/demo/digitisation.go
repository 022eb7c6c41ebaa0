package demo

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/files"
	"motcua/internal/store"
)

// How much of the recent history gets an electronic side, per unit.
const (
	// signedPerUnit returned dossiers get a result signed with the unit's test
	// certificate (each takes about a tenth of a second to make and sign).
	signedPerUnit = 4
	// recentPerStatus dossiers of each status are looked at for digitisation and reuse.
	recentPerStatus = 12
)

// Digitised counts what LoadDigitisation added.
type Digitised struct {
	Certificates, Signed, Scans, Reused int
}

// scanPDF is the stand-in for a scanned page: one small PDF shared by every digitised
// copy of the demo (files are kept by content, so it is stored once).
const scanPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
	"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
	"trailer\n<< /Size 4 /Root 1 0 R >>\n%%EOF\n"

// LoadDigitisation gives the demo history its electronic side, after the history is
// loaded: a test certificate for every unit (a self-signed test CA made for the purpose),
// signed electronic results for the latest returned dossiers of each unit, digitised
// copies of components and paper results, and components reused from the applicants'
// stores — so that QĐ 766 indicators 4.1–4.3 have data. It may run again: dossiers that
// already have their files are left alone. Only dossiers received before the instant
// before (the start of the history's load) are touched, never those of real use.
func LoadDigitisation(ctx context.Context, st *store.Store, a *app.App, dataDir string, before time.Time) (Digitised, error) {
	var out Digitised
	var err error
	if out.Certificates, err = a.EnsureDemoCertificates(ctx); err != nil {
		return out, fmt.Errorf("demo: certificates: %w", err)
	}
	recent, err := st.RecentDossiers(ctx, before, recentPerStatus)
	if err != nil {
		return out, err
	}
	// Newest first within each unit (codes carry the date and the day's number).
	slices.SortFunc(recent, func(x, y store.RecentDossier) int {
		if c := strings.Compare(x.UnitCode, y.UnitCode); c != 0 {
			return c
		}
		return strings.Compare(y.Code, x.Code)
	})
	sha, size, ct, err := files.New(dataDir).Put(bytes.NewReader([]byte(scanPDF)), 1<<20)
	if err != nil {
		return out, err
	}
	scan := func(code, doc, purpose, reusedFrom string) store.Attachment {
		return store.Attachment{DossierCode: code, DocIndex: -1, DocName: doc, SHA256: sha, Size: size, ContentType: ct,
			FileName: "ban-quet.pdf", UploadedKind: store.UploaderOfficer, UploadedBy: "demo", Purpose: purpose, ReusedFrom: reusedFrom}
	}
	var list []store.Attachment
	signed := map[string]int{}
	for i, r := range recent {
		have, err := st.DossierAttachments(ctx, r.Code)
		if err != nil {
			return out, err
		}
		if slices.ContainsFunc(have, func(f store.Attachment) bool { return f.UploadedBy == "demo" }) {
			// Done by an earlier run, whose signed results still count.
			if slices.ContainsFunc(have, func(f store.Attachment) bool { return f.Purpose == store.PurposeResult }) {
				signed[r.UnitCode]++
			}
			continue
		}
		d, err := st.Dossier(ctx, r.Code)
		if err != nil {
			return out, err
		}
		first := "Bản quét hồ sơ"
		if len(d.Record.Documents) > 0 {
			first = d.Record.Documents[0].Name
		}
		finished := r.Status == dossier.StatusReturned || r.Status == dossier.StatusResultReady
		switch {
		case r.Status == dossier.StatusReturned && signed[r.UnitCode] < signedPerUnit:
			ok, err := a.AddDemoResult(ctx, r.Code)
			if err != nil {
				return out, fmt.Errorf("demo: result of %s: %w", r.Code, err)
			}
			if ok {
				signed[r.UnitCode]++
				out.Signed++
			}
			list = append(list, scan(r.Code, first, store.PurposeScan, ""))
		case finished && i%3 != 0:
			list = append(list, scan(r.Code, first, store.PurposeScan, ""), scan(r.Code, "Kết quả giải quyết", store.PurposeResultScan, ""))
		case !finished && i%2 == 0:
			list = append(list, scan(r.Code, first, store.PurposeScan, ""))
		}
		// Some applicants reuse a paper of an earlier dossier from their store.
		if i%4 == 1 && i+1 < len(recent) && recent[i+1].UnitCode == r.UnitCode {
			at := scan(r.Code, first, "", recent[i+1].Code)
			at.UploadedKind, at.FileName = store.UploaderCitizen, "giay-to-da-luu.pdf"
			list = append(list, at)
			out.Reused++
		}
	}
	for _, at := range list {
		if at.Purpose == store.PurposeScan || at.Purpose == store.PurposeResultScan {
			out.Scans++
		}
	}
	return out, st.ImportAttachments(ctx, list)
}
