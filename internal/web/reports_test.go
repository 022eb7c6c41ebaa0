package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/pdf/pdftext"
	"motcua/internal/sheet"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// newReportEnv starts motcua on a demo database with its two years of dossiers, the
// clock fixed on 4 March 2026; a volume test, skipped with -short.
func newReportEnv(t *testing.T, d store.Dialect) *dossierEnv {
	t.Helper()
	storetest.SkipVolume(t)
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	st := storetest.Clone(t, d, "demo-history@"+now.UTC().Format(time.RFC3339), func() time.Time { return now },
		func(s *store.Store) error {
			ctx := context.Background()
			if err := demo.LoadBase(ctx, s, demoPassword); err != nil {
				return err
			}
			_, _, err := demo.LoadHistory(ctx, s, now)
			return err
		})
	h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &dossierEnv{srv: srv, tokens: map[string]string{}}
}

// counts is a line of Biểu II.06a as the API gives it.
type counts struct {
	Received struct {
		Total        int `json:"total"`
		Online       int `json:"online"`
		DirectPostal int `json:"direct_postal"`
		CarriedOver  int `json:"carried_over"`
	} `json:"received"`
	Resolved struct {
		Total  int `json:"total"`
		Early  int `json:"early"`
		OnTime int `json:"on_time"`
		Late   int `json:"late"`
	} `json:"resolved"`
	InProgress struct {
		Total   int `json:"total"`
		InTime  int `json:"in_time"`
		Overdue int `json:"overdue"`
	} `json:"in_progress"`
	Withdrawn int `json:"withdrawn"`
}

// cell returns the number at the contract's path ("resolved.late").
func (c counts) cell(path string) int {
	return map[string]int{
		"received.total": c.Received.Total, "received.online": c.Received.Online,
		"received.direct_postal": c.Received.DirectPostal, "received.carried_over": c.Received.CarriedOver,
		"resolved.total": c.Resolved.Total, "resolved.early": c.Resolved.Early, "resolved.on_time": c.Resolved.OnTime,
		"resolved.late": c.Resolved.Late, "in_progress.total": c.InProgress.Total,
		"in_progress.in_time": c.InProgress.InTime, "in_progress.overdue": c.InProgress.Overdue, "withdrawn": c.Withdrawn,
	}[path]
}

func (c counts) check() error {
	r, s, p := c.Received, c.Resolved, c.InProgress
	if r.Total != r.Online+r.DirectPostal+r.CarriedOver || r.Total != s.Total+p.Total+c.Withdrawn ||
		s.Total != s.Early+s.OnTime+s.Late || p.Total != p.InTime+p.Overdue {
		return fmt.Errorf("invariants broken: %+v", c)
	}
	return nil
}

func (c *counts) plus(o counts) {
	c.Received.Total += o.Received.Total
	c.Received.Online += o.Received.Online
	c.Received.DirectPostal += o.Received.DirectPostal
	c.Received.CarriedOver += o.Received.CarriedOver
	c.Resolved.Total += o.Resolved.Total
	c.Resolved.Early += o.Resolved.Early
	c.Resolved.OnTime += o.Resolved.OnTime
	c.Resolved.Late += o.Resolved.Late
	c.InProgress.Total += o.InProgress.Total
	c.InProgress.InTime += o.InProgress.InTime
	c.InProgress.Overdue += o.InProgress.Overdue
	c.Withdrawn += o.Withdrawn
}

// ii06a is the report as the API gives it, decoded with the contract's keys.
type ii06a struct {
	Unit, From, To string
	Rows           []struct {
		FieldCode string `json:"field_code"`
		FieldName string `json:"field_name"`
		counts
	}
	Total counts
}

func (e *dossierEnv) report(t *testing.T, user, unit, from, to string, subtree bool) ii06a {
	t.Helper()
	path := fmt.Sprintf("/api/v1/reports/ii06a?unit=%s&from=%s&to=%s&subtree=%v", unit, from, to, subtree)
	code, body := e.call(t, user, "GET", path, nil)
	if code != http.StatusOK {
		t.Fatalf("%s: got %d %s", path, code, body)
	}
	r := decode[ii06a](t, body)
	for _, row := range r.Rows {
		if err := row.check(); err != nil {
			t.Fatalf("%s row %s: %v", path, row.FieldCode, err)
		}
	}
	if err := r.Total.check(); err != nil {
		t.Fatalf("%s total: %v", path, err)
	}
	var sum counts
	for _, row := range r.Rows {
		sum.plus(row.counts)
	}
	if sum != r.Total {
		t.Fatalf("%s: rows sum to %+v, total %+v", path, sum, r.Total)
	}
	return r
}

// listItem is one dossier of GET /api/v1/dossiers.
type listItem struct {
	Code          string  `json:"code"`
	Status        string  `json:"status"`
	FieldCode     string  `json:"field_code"`
	ReceivedAt    *string `json:"received_at"`
	DueAt         *string `json:"due_at"`
	OriginalDueAt *string `json:"original_due_at"`
	Timeliness    string  `json:"timeliness"`
	Extended      bool    `json:"extended"`
	Supplements   int     `json:"supplements"`
}

// list pages through GET /api/v1/dossiers with the query and returns every item.
func (e *dossierEnv) list(t *testing.T, user, query string) []listItem {
	t.Helper()
	var out []listItem
	seen := map[string]bool{}
	cursor := ""
	for {
		path := "/api/v1/dossiers?" + query
		if cursor != "" {
			path += "&cursor=" + url.QueryEscape(cursor)
		}
		code, body := e.call(t, user, "GET", path, nil)
		if code != http.StatusOK {
			t.Fatalf("%s: got %d %s", path, code, body)
		}
		page := decode[struct {
			Items      []listItem `json:"items"`
			NextCursor *string    `json:"next_cursor"`
		}](t, body)
		for _, it := range page.Items {
			if seen[it.Code] {
				t.Fatalf("%s: %s again", path, it.Code)
			}
			seen[it.Code] = true
		}
		out = append(out, page.Items...)
		if page.NextCursor == nil {
			return out
		}
		if *page.NextCursor == "" {
			t.Fatalf("%s: empty next_cursor, want it absent", path)
		}
		cursor = *page.NextCursor
	}
}

func TestII06aAPI(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newReportEnv(t, d)
			const from, to = "2024-12-15", "2025-12-14" // the statutory year 2025
			province := e.report(t, "tinh.giamsat", demo.Province, from, to, true)
			if province.Unit != demo.Province || province.From != from || province.To != to {
				t.Errorf("got unit %s %s–%s, want %s %s–%s", province.Unit, province.From, province.To, demo.Province, from, to)
			}
			if province.Total.Received.Total < 3000 || len(province.Rows) < 3 {
				t.Fatalf("province report too small: %d dossiers in %d fields", province.Total.Received.Total, len(province.Rows))
			}
			if own := e.report(t, "tinh.giamsat", demo.Province, from, to, false); own.Total.Received.Total != 0 {
				t.Errorf("the province itself received %d dossiers, want 0", own.Total.Received.Total)
			}
			var sum counts
			for _, u := range demo.Units() {
				if u.ParentCode == demo.Province {
					sum.plus(e.report(t, "tinh.giamsat", u.Code, from, to, false).Total)
				}
			}
			if sum != province.Total {
				t.Errorf("communes sum to %+v, province %+v", sum, province.Total)
			}
			tanhoa := e.report(t, "tanhoa.lanhdao", demo.TanHoa, from, to, false)
			if tanhoa.Total != e.report(t, "admin", demo.TanHoa, from, to, true).Total {
				t.Errorf("the leader's report differs from the administrator's")
			}
			if tanhoa.Total.Received.Online < 1500 || tanhoa.Total.Resolved.Late != 0 {
				t.Errorf("Tân Hòa: got %d online and %d late, want about 1,700 online, none late",
					tanhoa.Total.Received.Online, tanhoa.Total.Resolved.Late)
			}

			// Every cell of the total drills down to exactly its dossiers.
			cells := []string{"received.total", "received.online", "received.direct_postal", "received.carried_over",
				"resolved.total", "resolved.early", "resolved.on_time", "resolved.late", "in_progress.total",
				"in_progress.in_time", "in_progress.overdue", "withdrawn"}
			phuocan := e.report(t, "phuocan.lanhdao", "H40.12.07", from, to, false)
			for _, c := range cells {
				items := e.list(t, "phuocan.lanhdao", fmt.Sprintf("unit=H40.12.07&cell=%s&from=%s&to=%s&limit=150", c, from, to))
				if len(items) != phuocan.Total.cell(c) {
					t.Errorf("cell %s: list has %d dossiers, report %d", c, len(items), phuocan.Total.cell(c))
				}
				for _, it := range items {
					if c == "resolved.late" && it.OriginalDueAt == nil {
						t.Errorf("%s: late without an original appointment", it.Code)
					}
					if c == "withdrawn" && it.Status != "withdrawn" {
						t.Errorf("%s in withdrawn has status %s", it.Code, it.Status)
					}
				}
			}
			// The workbook holds the same numbers under the official header.
			code, body := e.call(t, "phuocan.lanhdao", "GET", fmt.Sprintf("/api/v1/reports/ii06a.xlsx?unit=H40.12.07&from=%s&to=%s", from, to), nil)
			if code != http.StatusOK {
				t.Fatalf("xlsx: got %d %s", code, body)
			}
			book, err := excelize.OpenReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			if v, _ := book.GetCellValue(sheet.SheetII06a, "D1"); v != sheet.II06aTitle {
				t.Errorf("xlsx title: got %q", v)
			}
			if v, _ := book.GetCellValue(sheet.SheetII06a, "K2"); v != "Đơn vị nhận báo cáo: UBND tỉnh Hòa Bình Xanh" {
				t.Errorf("xlsx receiving unit: got %q", v)
			}
			totalRow := sheet.II06aFirstRow + len(phuocan.Rows)
			for k, c := range cells {
				cell, _ := excelize.CoordinatesToCellName(3+k, totalRow)
				if v, _ := book.GetCellValue(sheet.SheetII06a, cell); v != strconv.Itoa(phuocan.Total.cell(c)) {
					t.Errorf("xlsx %s (%s): got %s, want %d", cell, c, v, phuocan.Total.cell(c))
				}
			}
			// The PDF reads back with the same total.
			code, body = e.call(t, "phuocan.lanhdao", "GET", fmt.Sprintf("/api/v1/reports/ii06a.pdf?unit=H40.12.07&from=%s&to=%s", from, to), nil)
			if code != http.StatusOK {
				t.Fatalf("pdf: got %d %s", code, body)
			}
			text, err := pdftext.Text(body)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Biểu số II.06a/VPCP/KSTT", "Đơn vị báo cáo: UBND xã Phước An", "(Từ ngày 15/12/2024 đến ngày 14/12/2025)",
				phuocan.Rows[0].FieldName, "Tổng cộng", strconv.Itoa(phuocan.Total.Received.Total)} {
				if !strings.Contains(text, want) {
					t.Errorf("pdf: got text without %q", want)
				}
			}
			row := phuocan.Rows[0]
			if items := e.list(t, "phuocan.lanhdao", fmt.Sprintf("unit=H40.12.07&cell=received.total&from=%s&to=%s&field=%s", from, to, row.FieldCode)); len(items) != row.Received.Total {
				t.Errorf("field %s: list has %d dossiers, report %d", row.FieldCode, len(items), row.Received.Total)
			}
		})
	}
}

func TestII06aRefusals(t *testing.T) {
	t.Parallel()
	e := newDossierEnv(t, store.SQLite)
	tests := []struct {
		name, user, query string
		status            int
		field             string
	}{
		{"no token", "", "unit=H40.12.05&from=2025-01-01&to=2025-12-31", 401, ""},
		{"one-stop officer", "tanhoa.motcua", "unit=H40.12.05&from=2025-01-01&to=2025-12-31", 403, ""},
		{"another commune", "phuocan.lanhdao", "unit=H40.12.05&from=2025-01-01&to=2025-12-31", 403, ""},
		{"the province from a commune", "tanhoa.lanhdao", "unit=H40&from=2025-01-01&to=2025-12-31&subtree=true", 403, ""},
		{"unknown unit", "tinh.giamsat", "unit=H99&from=2025-01-01&to=2025-12-31", 404, ""},
		{"no unit", "tinh.giamsat", "from=2025-01-01&to=2025-12-31", 400, "unit"},
		{"dates out of order", "tinh.giamsat", "unit=H40&from=2025-12-31&to=2025-01-01", 400, "to"},
		{"longer than five years", "tinh.giamsat", "unit=H40&from=2020-01-01&to=2025-01-01", 400, "to"},
		{"malformed date", "tinh.giamsat", "unit=H40&from=2025-02-30&to=2025-12-31", 400, "from"},
		{"missing date", "tinh.giamsat", "unit=H40&from=2025-01-01", 400, "to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := e.call(t, tt.user, "GET", "/api/v1/reports/ii06a?"+tt.query, nil)
			if code != tt.status {
				t.Fatalf("got %d %s, want %d", code, body, tt.status)
			}
			errBody := decode[struct {
				Error struct {
					Code   string            `json:"code"`
					Fields map[string]string `json:"fields"`
				} `json:"error"`
			}](t, body)
			if tt.field != "" && errBody.Error.Fields[tt.field] == "" {
				t.Errorf("got fields %v, want a message for %s", errBody.Error.Fields, tt.field)
			}
		})
	}
}

func TestDossierListAPI(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newReportEnv(t, d)
			all := e.list(t, "tanhoa.motcua", "limit=1000")
			if len(all) < 3000 {
				t.Fatalf("got %d Tân Hòa dossiers, want the two-year history", len(all))
			}
			if got := e.list(t, "tanhoa.motcua", "unit=H40.12.05&limit=333"); len(got) != len(all) {
				t.Errorf("pages of 333: got %d dossiers, want %d", len(got), len(all))
			}
			june := e.list(t, "tanhoa.chuyenvien", "received_from=2025-06-01&received_to=2025-06-30")
			want := 0
			for _, it := range all {
				if it.ReceivedAt != nil && (*it.ReceivedAt)[:10] >= "2025-06-01" && (*it.ReceivedAt)[:10] <= "2025-06-30" {
					want++
				}
			}
			if len(june) != want || want == 0 {
				t.Errorf("received in June 2025: got %d, want %d", len(june), want)
			}
			for _, it := range e.list(t, "tanhoa.lanhdao", "status=withdrawn") {
				if it.Status != "withdrawn" {
					t.Errorf("%s: status %s in the withdrawn list", it.Code, it.Status)
				}
			}
			province := e.list(t, "tinh.giamsat", "unit=H40&subtree=true&limit=1000")
			if len(province) <= len(all) {
				t.Errorf("province subtree: got %d dossiers, want more than Tân Hòa's %d", len(province), len(all))
			}
			code, body := e.call(t, "tanhoa.motcua", "GET", "/api/v1/dossiers?limit=1", nil)
			if code != http.StatusOK {
				t.Fatalf("got %d %s", code, body)
			}
			page := decode[struct {
				Items []map[string]any `json:"items"`
			}](t, body)
			var keys []string
			for k := range page.Items[0] {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			wantKeys := []string{"channel", "code", "due_at", "extended", "field_code", "finished_at", "original_due_at",
				"procedure_code", "received_at", "status", "supplements", "timeliness", "unit_code"}
			if !slices.Equal(keys, wantKeys) {
				t.Errorf("item keys: got %v, want %v", keys, wantKeys)
			}
		})
	}
}

func TestDossierListRefusals(t *testing.T) {
	t.Parallel()
	e := newDossierEnv(t, store.SQLite)
	tests := []struct {
		name, user, query string
		status            int
		field             string
	}{
		{"no token", "", "", 401, ""},
		{"another commune", "phuocan.motcua", "unit=H40.12.05", 403, ""},
		{"the province from a commune", "tanhoa.lanhdao", "unit=H40&subtree=true", 403, ""},
		{"unknown unit", "admin", "unit=H99", 404, ""},
		{"limit 0", "tanhoa.motcua", "limit=0", 400, "limit"},
		{"limit 1001", "tanhoa.motcua", "limit=1001", 400, "limit"},
		{"limit not a number", "tanhoa.motcua", "limit=abc", 400, "limit"},
		{"bad cursor", "tanhoa.motcua", "cursor=%21%21", 400, "cursor"},
		{"bad status", "tanhoa.motcua", "status=lost", 400, "status"},
		{"bad date", "tanhoa.motcua", "received_from=2025-13-01", 400, "received_from"},
		{"dates out of order", "tanhoa.motcua", "received_from=2025-06-02&received_to=2025-06-01", 400, "received_to"},
		{"bad cell", "tanhoa.lanhdao", "cell=late&from=2025-01-01&to=2025-12-31", 400, "cell"},
		{"cell without a period", "tanhoa.lanhdao", "cell=resolved.late", 400, "from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := e.call(t, tt.user, "GET", "/api/v1/dossiers?"+tt.query, nil)
			if code != tt.status {
				t.Fatalf("got %d %s, want %d", code, body, tt.status)
			}
			errBody := decode[struct {
				Error struct {
					Fields map[string]string `json:"fields"`
				} `json:"error"`
			}](t, body)
			if tt.field != "" && errBody.Error.Fields[tt.field] == "" {
				t.Errorf("got fields %v, want a message for %s", errBody.Error.Fields, tt.field)
			}
		})
	}
	if items := e.list(t, "tanhoa.motcua", ""); len(items) != 0 {
		t.Errorf("got %d dossiers on a database without history, want 0", len(items))
	}
}
