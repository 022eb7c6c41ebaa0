package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"motcua/internal/demo"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestTwoServersShareOnePostgres runs two `motcua serve` processes on one PostgreSQL
// database, as a province behind a load balancer would: an officer's token from one
// works on the other, a dossier received on one is seen on the other with the next
// gapless code, and the public lookup's limit holds across both.
func TestTwoServersShareOnePostgres(t *testing.T) {
	t.Parallel()
	if !hasDialect(store.Postgres) {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	url := emptyPostgres(t)
	a := startServerIn(t, t.TempDir(), url)
	b := startServerIn(t, t.TempDir(), url, "--demo=false")
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

	// 60 lookups a minute per client, counted across both servers.
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
