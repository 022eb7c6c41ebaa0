package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"motcua/internal/app"
)

// liveAPI calls the JSON API of a live server with an optional bearer token and decodes
// the answer into out; it returns the status.
func liveAPI(t testing.TB, ls *liveServer, method, path, token string, body, out any) int {
	t.Helper()
	var rd bytes.Buffer
	if body != nil {
		json.NewEncoder(&rd).Encode(body)
	}
	req, _ := http.NewRequest(method, ls.URL+path, &rd)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

// TestBrowserKioskRating rates a returned dossier at the desk's kiosk on a tablet (768 ×
// 1024): the scanner types the receipt's QR address into the focused field, the citizen
// taps a level and confirms, and the page resets itself for the next citizen.
func TestBrowserKioskRating(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	tokens := map[string]string{}
	for _, u := range []string{"tanhoa.motcua", "tanhoa.chuyenvien", "tanhoa.lanhdao"} {
		var out struct{ Token string }
		if st := liveAPI(t, ls, "POST", "/api/v1/auth/token", "", map[string]string{"username": u, "password": demoPassword}, &out); st != http.StatusOK {
			t.Fatalf("token %s: %d", u, st)
		}
		tokens[u] = out.Token
	}
	var d struct {
		Code      string `json:"code"`
		LookupKey string `json:"lookup_key"`
	}
	if st := liveAPI(t, ls, "POST", "/api/v1/dossiers", tokens["tanhoa.motcua"], map[string]any{
		"procedure_code": "1.000689", "channel": "counter",
		"applicant": map[string]string{"full_name": "Phạm Thị Hồng Nhung", "id_number": "079198765432"},
	}, &d); st != http.StatusCreated {
		t.Fatalf("receive: %d", st)
	}
	for _, s := range [][2]string{{"tanhoa.motcua", "forward"}, {"tanhoa.chuyenvien", "forward"}, {"tanhoa.lanhdao", "forward"},
		{"tanhoa.motcua", "forward"}, {"tanhoa.motcua", "return_result"}} {
		if st := liveAPI(t, ls, "POST", "/api/v1/dossiers/"+d.Code+"/actions", tokens[s[0]], map[string]string{"action": s[1]}, nil); st != http.StatusOK {
			t.Fatalf("%s %s: %d", s[0], s[1], st)
		}
	}

	b := newBrowser(t, ls, 768, 1024)
	home := "/danh-gia/H40.12.05"
	b.open(home)
	if focused, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "scan" {
		t.Fatalf("focused element: got %q, want the scan field", focused)
	}
	t.Logf("screenshot: %s", b.screenshot("kiosk-1-quet"))
	// The handheld scanner types the address of the receipt's QR code and Enter.
	b.do(chromedp.SendKeys(chromedp.CSS("#scan"), app.LookupURL(ls.URL, d.Code, d.LookupKey)+"\n"))
	b.waitJS(`document.querySelector("button.kiosk-satisfied")`)
	h, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.querySelector("button.kiosk-satisfied").getBoundingClientRect().height`))
	if err != nil || h < 80 {
		t.Errorf("level button: %v px high (%v), want a large target", h, err)
	}
	if w, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 768 {
		t.Errorf("page is %d px wide, want at most 768", w)
	}
	t.Logf("screenshot: %s", b.screenshot("kiosk-2-chon"))
	// Tap 2: the level. Tap 3: confirm.
	b.clickTo("button.kiosk-satisfied", `document.querySelector("form.kiosk-confirm")`)
	b.clickTo("form.kiosk-confirm button.kiosk-go", `document.querySelector(".kiosk-thanks")`)
	t.Logf("screenshot: %s", b.screenshot("kiosk-3-cam-on"))

	var r struct{ Level, Channel string }
	if st := liveAPI(t, ls, "GET", "/api/v1/lookup/"+d.Code+"/rating?key="+d.LookupKey, "", nil, &r); st != http.StatusOK || r.Level != "satisfied" || r.Channel != "kiosk" {
		t.Fatalf("stored rating: got %d %+v, want satisfied at the kiosk", st, r)
	}
	// The page goes back to the scan step by itself, ready for the next citizen.
	b.waitJS(`location.pathname === "` + home + `" && document.activeElement && document.activeElement.id === "scan"`)
}
