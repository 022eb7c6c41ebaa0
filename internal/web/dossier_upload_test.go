package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// postFile submits a multipart form with one file and the csrf field.
func (b *browser) postFile(path, csrf, field, name string, content []byte) (int, string, string) {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	mw.WriteField("document_name", "Giấy chứng sinh")
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		b.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest("POST", b.base+path, &body)
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(out)
}

func TestOfficerAttachesScans(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		var created struct{ Code string }
		body := `{"procedure_code":"1.001193","channel":"counter","applicant":{"full_name":"Lê Thị Hồng"}}`
		if st := ts.api(t, "POST", "/api/v1/dossiers", ts.token(t, "tanhoa.motcua"), body, &created); st != http.StatusCreated {
			t.Fatalf("create: got %d, want 201", st)
		}
		page := "/ho-so/" + created.Code
		b := ts.browser(t)
		b.login("tanhoa.motcua")
		token := b.csrf(page)
		pdf := []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
		st, loc, _ := b.postFile(page+"/attachments", token, "file", "giay-chung-sinh.pdf", pdf)
		if st != http.StatusSeeOther || !strings.Contains(loc, "tep=1") {
			t.Fatalf("upload: got %d %q, want 303 back to the page", st, loc)
		}
		_, html := b.get(page + "?tep=1")
		if !strings.Contains(html, "giay-chung-sinh.pdf") || !strings.Contains(html, "Đã đính kèm 1 tệp") {
			t.Errorf("dossier page does not list the uploaded scan")
		}
		st, _, html = b.postFile(page+"/attachments", token, "file", "ghi-chu.pdf", []byte("chỉ là văn bản, không phải PDF"))
		if st != http.StatusBadRequest || !strings.Contains(html, "Chỉ nhận tệp PDF, JPEG hoặc PNG") {
			t.Errorf("text file: got %d, want 400 with the Vietnamese message", st)
		}
		if st, _, _ := b.postFile(page+"/attachments", "", "file", "x.pdf", pdf); st != http.StatusForbidden {
			t.Errorf("no CSRF token: got %d, want 403", st)
		}
		inspector := ts.browser(t)
		inspector.login("tinh.giamsat")
		itoken := inspector.csrf(page)
		if st, _, _ := inspector.postFile(page+"/attachments", itoken, "file", "x.pdf", pdf); st != http.StatusForbidden {
			t.Errorf("inspector: got %d, want 403", st)
		}
	})
}

func TestBookPrintedFromInbox(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		b := ts.browser(t)
		b.login("tanhoa.motcua")
		_, inbox := b.get("/ho-so")
		action := `action="/api/v1/units/H40.12.05/book.pdf"`
		if !strings.Contains(inbox, "In sổ theo dõi hồ sơ") || !strings.Contains(inbox, action) {
			t.Fatalf("inbox has no form to print the dossier book")
		}
		// The form's GET with the officer's session cookie returns the A4 book.
		st, body := b.get("/api/v1/units/H40.12.05/book.pdf?from=2026-01-01&to=2026-12-31")
		if st != http.StatusOK || !strings.HasPrefix(body, "%PDF") || !strings.Contains(pdfText(t, []byte(body)), "SỔ THEO DÕI HỒ SƠ") {
			t.Errorf("book: got %d, want the PDF dossier book", st)
		}
		if st, _ := b.get("/api/v1/units/H40.12.07/book.pdf?from=2026-01-01&to=2026-12-31"); st != http.StatusForbidden {
			t.Errorf("another unit's book: got %d, want 403", st)
		}
	})
}
