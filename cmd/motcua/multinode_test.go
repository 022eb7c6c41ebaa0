package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/demo"
	"motcua/internal/files/filestest"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestTwoServersShareOnePostgres runs two `motcua serve` processes on one PostgreSQL
// database and one S3-compatible object store, as a province behind a load balancer
// would: an officer's token from one works on the other, a dossier received on one is
// seen on the other with the next gapless code, a file attached on one downloads from the
// other, and the public lookup's limit holds across both.
func TestTwoServersShareOnePostgres(t *testing.T) {
	t.Parallel()
	if !hasDialect(store.Postgres) {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	url := emptyPostgres(t)
	objects := filestest.S3(t)
	a := startServerIn(t, t.TempDir(), url, "--files", objects)
	b := startServerIn(t, t.TempDir(), url, "--demo=false", "--files", objects)
	client := &http.Client{}

	token := crashToken(t, client, a.URL)
	first, _, err := crashCreate(client, a.URL, token, 1)
	if err != nil {
		t.Fatal(err)
	}
	second, _, err := crashCreate(client, b.URL, token, 2)
	if err != nil {
		t.Fatalf("the token of server A on server B: %v", err)
	}
	var got struct {
		Code string `json:"code"`
	}
	if _, err := benchDo(t.Context(), client, http.MethodGet, b.URL+"/api/v1/dossiers/"+first.Code, token, nil, http.StatusOK, &got); err != nil || got.Code != first.Code {
		t.Fatalf("dossier %s received on A, read on B: %+v, %v", first.Code, got, err)
	}
	if seq(t, second.Code) != seq(t, first.Code)+1 {
		t.Errorf("codes %s then %s across the servers: want consecutive numbers", first.Code, second.Code)
	}

	// A scan attached on A downloads from B.
	scan := []byte("%PDF-1.4\n% bản chụp tờ khai\n%%EOF\n")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "to-khai.pdf")
	fw.Write(scan)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, a.URL+"/api/v1/dossiers/"+first.Code+"/attachments", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var att struct {
		URL string `json:"url"`
	}
	json.NewDecoder(resp.Body).Decode(&att)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || att.URL == "" {
		t.Fatalf("attach on A: %d %+v", resp.StatusCode, att)
	}
	req, _ = http.NewRequest(http.MethodGet, b.URL+att.URL, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got2, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got2, scan) {
		t.Fatalf("download from B: %d %q", resp.StatusCode, got2)
	}

	// 60 lookups a minute per client, counted across both servers. The limit counts in
	// fixed minutes of the clock: the lookups start early in one, so that the 61st falls
	// in the same minute as the first 60 however slow the machine.
	if left := time.Until(time.Now().Truncate(time.Minute).Add(time.Minute)); left < 10*time.Second {
		time.Sleep(left + 100*time.Millisecond)
	}
	lookup := "/api/v1/lookup/" + demo.TanHoa + "-000000-0000?key=khong-dung"
	for i := 0; i < 60; i++ {
		srv := a
		if i%2 == 1 {
			srv = b
		}
		if status, _ := benchDo(t.Context(), client, http.MethodGet, srv.URL+lookup, "", nil, http.StatusNotFound, nil); status != http.StatusNotFound {
			t.Fatalf("lookup %d: status %d, want 404", i+1, status)
		}
	}
	for _, srv := range []*liveServer{a, b} {
		if status, _ := benchDo(t.Context(), client, http.MethodGet, srv.URL+lookup, "", nil, http.StatusTooManyRequests, nil); status != http.StatusTooManyRequests {
			t.Errorf("lookup 61 on %s: status %d, want 429", srv.URL, status)
		}
	}
}

// hasDialect reports whether the tests run on the dialect.
func hasDialect(d store.Dialect) bool {
	for _, x := range storetest.Dialects() {
		if x == d {
			return true
		}
	}
	return false
}

// seq is the number at the end of a dossier code.
func seq(t *testing.T, code string) int {
	t.Helper()
	n, err := strconv.Atoi(code[strings.LastIndex(code, "-")+1:])
	if err != nil {
		t.Fatalf("dossier code %q: %v", code, err)
	}
	return n
}
