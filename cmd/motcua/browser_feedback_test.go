package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// officerToken signs a demo officer in through the JSON API.
func officerToken(t *testing.T, ls *liveServer, username string) string {
	t.Helper()
	tokReq, _ := http.NewRequest("POST", ls.URL+"/api/v1/auth/token", strings.NewReader(`{"username":"`+username+`","password":"`+demoPassword+`"}`))
	tokReq.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(tokReq)
	if err != nil {
		t.Fatal(err)
	}
	var tok struct{ Token string }
	json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()
	return tok.Token
}

// officerAPI calls the JSON API with an officer's token and fails the test unless it
// answers 200.
func officerAPI(t *testing.T, ls *liveServer, token, method, path, body string) {
	t.Helper()
	req, _ := http.NewRequest(method, ls.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
}

// TestBrowserFeedback: a citizen sends feedback from the unit's site, the officers handle
// it, and the citizen follows the link of the answer's mail, reads the answer, likes it,
// and finds it on the page of published answers.
func TestBrowserFeedback(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 1280, 900)
	b.open("/")
	b.do(chromedp.Click(chromedp.CSS(`nav a[href="/phan-anh"]`)), chromedp.WaitVisible(chromedp.CSS("#content")))
	b.do(
		chromedp.SendKeys(chromedp.CSS("#content"), "Đề nghị lắp thêm quạt ở khu vực chờ của Trung tâm Phục vụ hành chính công."),
		chromedp.SendKeys(chromedp.CSS("#name"), "Đặng Thị Hương"),
		chromedp.SendKeys(chromedp.CSS("#email"), "huong.dang@example.vn"),
		chromedp.Submit(chromedp.CSS("#content")),
		chromedp.WaitVisible(chromedp.CSS("#feedback-code")),
	)
	code := strings.TrimSpace(b.text("#feedback-code"))
	if !strings.HasPrefix(code, "PA-H40.12.05-") {
		t.Fatalf("code: %q", code)
	}
	t.Logf("screenshot: %s", b.screenshot("phan-anh-da-gui"))

	path := "/api/v1/feedback/" + code + "/actions"
	desk, spec, lead := officerToken(t, ls, "tanhoa.motcua"), officerToken(t, ls, "tanhoa.chuyenvien"), officerToken(t, ls, "tanhoa.lanhdao")
	officerAPI(t, ls, desk, "POST", path, `{"action":"classify","class":"regulation"}`)
	officerAPI(t, ls, desk, "POST", path, `{"action":"assign","assignee":"tanhoa.chuyenvien"}`)
	officerAPI(t, ls, spec, "POST", path, `{"action":"draft","answer":"Trung tâm đã lắp thêm 4 quạt trần tại khu vực chờ."}`)
	officerAPI(t, ls, lead, "POST", path, `{"action":"approve"}`)
	officerAPI(t, ls, desk, "POST", path, `{"action":"answer"}`)
	officerAPI(t, ls, desk, "POST", path, `{"action":"publish"}`)

	link := loggedLink(t, ls, "huong.dang@example.vn", "/phan-anh/"+code)
	// Later, in a new browser: the link of the mail is all the citizen needs.
	b = newBrowser(t, ls, 1280, 900)
	b.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#feedback-answer")))
	if got := b.text("#feedback-answer"); !strings.Contains(got, "4 quạt trần") {
		t.Fatalf("answer: %q", got)
	}
	// The form posts and the page comes back: the reaction already shown on the page before
	// the click ("Chưa đánh giá") must give way to the new one.
	b.do(chromedp.Click(chromedp.CSS("#like")))
	if got := b.textChanged("#feedback-reaction", "Chưa đánh giá"); got != "Hài lòng với câu trả lời" {
		t.Fatalf("reaction: %q", got)
	}
	t.Logf("screenshot: %s", b.screenshot("phan-anh-tra-loi"))
	b.open("/phan-anh/cong-khai")
	if got := b.text("main"); !strings.Contains(got, "4 quạt trần") || strings.Contains(got, "Đặng Thị Hương") {
		t.Fatalf("published answers: %.500s", got)
	}
}
