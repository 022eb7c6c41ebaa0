package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/report"
	"motcua/internal/store"
)

// benchNextLink finds the inbox's link to the next page.
var benchNextLink = regexp.MustCompile(`<a href="([^"]*)" rel="next"`)

// benchPage is one officer page or API list measured by motcua bench pages.
type benchPage struct {
	name, user, path string
}

// benchPagesCommand measures the officer pages and API lists on an existing database
// holding the demo (optionally adding --dossiers synthetic dossiers first with the same
// generator as motcua demo generate): for each page, the first answer (cold) and the
// p50/p95 of --n more, served in-process by the real handlers, signed in as the demo's
// officers through sessions and tokens made in the store.
func benchPagesCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench pages", stderr)
	var db dbFlags
	db.register(fs, getenv)
	n := fs.Int("n", 20, "số lần đo mỗi trang (sau lần đầu)")
	add := fs.Int("dossiers", 0, "tạo thêm N hồ sơ tại đơn vị trước khi đo (như motcua demo generate)")
	unit := fs.String("unit", demo.TanHoa, "đơn vị của các trang cán bộ")
	only := fs.String("only", "", "chỉ đo các trang có tên chứa chuỗi này")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU (pprof) của phần đo các trang vào tệp này")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *n > 10000 {
		return errors.New("--n phải từ 1 đến 10.000")
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if *add > 0 {
		stats, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: *add, Units: []string{*unit}})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "tạo %d hồ sơ trong %.1f s (%.0f/s)\n", stats.Dossiers, stats.Elapsed.Seconds(),
			float64(stats.Dossiers)/stats.Elapsed.Seconds())
	}
	base, stop, err := benchServer(st, db.data)
	if err != nil {
		return err
	}
	defer stop()
	tokens := map[string]string{}
	for _, u := range []string{"tanhoa.motcua", "tanhoa.lanhdao", "admin", "tinh.giamsat"} {
		user, err := st.User(ctx, u)
		if err != nil {
			return fmt.Errorf("tài khoản minh họa %s: %w", u, err)
		}
		if tokens[u], _, err = st.CreateToken(ctx, user.ID, time.Hour); err != nil {
			return err
		}
	}
	pages, err := benchPages(ctx, st, *unit)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 2 * time.Minute}
	// The second page of the API list follows the first one's cursor.
	_, first, err := benchGet(ctx, client, base+"/api/v1/dossiers?limit=100&unit="+*unit, tokens["tanhoa.lanhdao"])
	if err != nil {
		return err
	}
	var list struct {
		Next string `json:"next_cursor"`
	}
	if err := json.Unmarshal([]byte(first), &list); err == nil && list.Next != "" {
		pages = append(pages, benchPage{"API danh sách, trang 2", "tanhoa.lanhdao",
			"/api/v1/dossiers?limit=100&unit=" + *unit + "&cursor=" + url.QueryEscape(list.Next)})
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// The next page of every dossier follows the cursor of the first page's link.
	if _, page, err := benchGet(ctx, client, base+"/ho-so?xem=tat-ca", tokens["tanhoa.motcua"]); err == nil {
		if m := benchNextLink.FindStringSubmatch(page); m != nil {
			pages = append(pages, benchPage{"tất cả hồ sơ, trang sau", "tanhoa.motcua", html.UnescapeString(m[1])})
		}
	}
	fmt.Fprintf(stdout, "motcua bench pages: %s, đơn vị %s, n=%d\n", benchDurability(st), *unit, *n)
	fmt.Fprintf(stdout, "%-34s %10s %10s %10s %8s\n", "trang", "lần đầu", "p50", "p95", "byte")
	for _, p := range pages {
		if *only != "" && !strings.Contains(p.name, *only) {
			continue
		}
		var lat []time.Duration
		var size int
		var first time.Duration
		for i := 0; i <= *n; i++ {
			t0 := time.Now()
			code, body, err := benchGet(ctx, client, base+p.path, tokens[p.user])
			d := time.Since(t0)
			if err != nil || code != http.StatusOK {
				return fmt.Errorf("%s: %d %v %.200s", p.path, code, err, body)
			}
			size = len(body)
			if i == 0 {
				first = d
				continue
			}
			lat = append(lat, d)
		}
		slices.Sort(lat)
		q := func(f float64) float64 { return float64(lat[int(f*float64(len(lat)-1))].Microseconds()) / 1000 }
		fmt.Fprintf(stdout, "%-34s %8.1fms %8.1fms %8.1fms %8d\n", p.name, float64(first.Microseconds())/1000, q(0.5), q(0.95), size)
	}
	return nil
}

// benchPages lists the pages to measure, with a dossier code, a name and the periods
// taken from the database.
func benchPages(ctx context.Context, st *store.Store, unit string) ([]benchPage, error) {
	today := calendar.DateOf(st.Now())
	year := today.Year - 1
	p, err := report.Named(report.Year, year, 0)
	if err != nil {
		return nil, err
	}
	last, _, err := st.DossierList(ctx, store.DossierFilter{Unit: unit, Limit: 1})
	if err != nil || len(last) == 0 {
		return nil, fmt.Errorf("đơn vị %s chưa có hồ sơ: %v", unit, err)
	}
	code := last[0].Code
	day := today.AddDays(-7)
	y := url.Values{"unit": {unit}, "from": {p.From.String()}, "to": {p.To.String()}}
	prov := url.Values{"unit": {demo.Province}, "subtree": {"true"}, "from": {p.From.String()}, "to": {p.To.String()}}
	return []benchPage{
		{"hộp hồ sơ (một cửa)", "tanhoa.motcua", "/ho-so"},
		{"hộp hồ sơ trang 20", "tanhoa.motcua", "/ho-so?trang=20"},
		{"hồ sơ đã xong", "tanhoa.motcua", "/ho-so?xem=da-xong"},
		{"tìm theo tên", "tanhoa.motcua", "/ho-so?q=" + url.QueryEscape("Nguyễn Văn")},
		{"tìm theo mã", "tanhoa.motcua", "/ho-so?q=" + url.QueryEscape(code)},
		{"tìm tên hiếm", "tanhoa.motcua", "/ho-so?q=" + url.QueryEscape("Khổng Minh Triết")},
		{"tìm một phần mã", "tanhoa.motcua", "/ho-so?q=" + url.QueryEscape(code[:len(code)-2])},
		{"tìm theo tên (tỉnh)", "tinh.giamsat", "/ho-so?q=" + url.QueryEscape("Nguyễn Văn")},
		{"tìm tên hiếm (tỉnh)", "tinh.giamsat", "/ho-so?q=" + url.QueryEscape("Khổng Minh Triết")},
		{"đã xong, tìm theo tên", "tanhoa.motcua", "/ho-so?xem=da-xong&q=" + url.QueryEscape("Nguyễn Văn")},
		{"đã xong, tìm tên hiếm", "tanhoa.motcua", "/ho-so?xem=da-xong&q=" + url.QueryEscape("Khổng Minh Triết")},
		{"đã xong, tìm theo tên (tỉnh)", "tinh.giamsat", "/ho-so?xem=da-xong&q=" + url.QueryEscape("Nguyễn Văn")},
		{"đã xong, tìm tên hiếm (tỉnh)", "tinh.giamsat", "/ho-so?xem=da-xong&q=" + url.QueryEscape("Khổng Minh Triết")},
		{"hộp hồ sơ (lãnh đạo)", "tanhoa.lanhdao", "/ho-so"},
		{"hồ sơ đã xong (quản trị)", "admin", "/ho-so?xem=da-xong"},
		{"một hồ sơ", "tanhoa.motcua", "/ho-so/" + url.PathEscape(code)},
		{"nhật ký thao tác", "admin", "/quan-tri/nhat-ky"},
		{"API danh sách hồ sơ", "tanhoa.lanhdao", "/api/v1/dossiers?limit=100&unit=" + unit},
		{"API danh sách, một tháng", "tanhoa.lanhdao", "/api/v1/dossiers?limit=100&unit=" + unit +
			"&received_from=" + today.AddDays(-60).String() + "&received_to=" + today.AddDays(-30).String()},
		{"API II.06a xã, một năm", "tanhoa.lanhdao", "/api/v1/reports/ii06a?" + y.Encode()},
		{"API ô trễ hạn, một năm", "tanhoa.lanhdao", "/api/v1/dossiers?limit=100&cell=resolved.late&" + y.Encode()},
		{"API II.06a tỉnh, một năm", "tinh.giamsat", "/api/v1/reports/ii06a?" + prov.Encode()},
		{"API xếp hạng tỉnh", "", "/api/v1/rankings?parent=" + demo.Province + "&from=" + p.From.String() + "&to=" + p.To.String()},
		{"sổ theo dõi một ngày (PDF)", "tanhoa.motcua", "/api/v1/units/" + unit + "/book.pdf?from=" + day.String() + "&to=" + day.String()},
	}, nil
}

// benchGet fetches a page with the officer's token and returns its status and body.
func benchGet(ctx context.Context, client *http.Client, u, token string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, "", err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	var b strings.Builder
	_, err = io.Copy(&b, res.Body)
	return res.StatusCode, b.String(), err
}
