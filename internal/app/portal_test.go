package app_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/portal"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

func demoUser(t testing.TB, name string) org.User {
	t.Helper()
	for _, u := range demo.Users() {
		if u.Username == name {
			return u
		}
	}
	t.Fatalf("no demo user %s", name)
	return org.User{}
}

func testPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	for y := range 500 {
		for x := range 800 {
			img.Set(x, y, color.RGBA{uint8(x / 4), 120, uint8(y / 2), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPortalWorkflow(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			st := storetest.Clone(t, d, "demo-base", nil, func(s *store.Store) error {
				return demo.LoadBase(context.Background(), s, "mật-khẩu-thử-nghiệm")
			})
			a := app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
			ctx := context.Background()
			editor, leader := demoUser(t, "tanhoa.bientap"), demoUser(t, "tanhoa.lanhdao")
			other := demoUser(t, "phuocan.bientap")
			var o app.Origin

			in := app.ArticleInput{Category: portal.News, Title: "Đường Nguyễn Trãi được mở rộng",
				Summary: "Tuyến đường trước trụ sở được mở rộng.", Body: "Nội dung <script>alert(1)</script> **đậm**",
				Image: testPNG(t)}
			if _, err := a.SaveArticle(ctx, editor, in, o); !fault.Is(err, fault.Invalid) || fault.As(err).Fields["image_alt"] == "" {
				t.Fatalf("image without alt text: got %v, want invalid on image_alt", err)
			}
			in.ImageAlt = "Con đường mới mở rộng"
			id, err := a.SaveArticle(ctx, editor, in, o)
			if err != nil {
				t.Fatal(err)
			}
			art, revs, err := a.EditorArticle(ctx, editor, id)
			if err != nil || art.Slug != "duong-nguyen-trai-duoc-mo-rong" || art.State != portal.Draft || art.Image == "" || len(revs) != 1 {
				t.Fatalf("saved: got %+v, %d revisions, %v", art, len(revs), err)
			}
			// The image goes to the files store; the database keeps only its reference.
			if f, err := st.PortalFile(ctx, art.Image); err != nil || f.SHA256 == "" || len(f.Data) != 0 {
				t.Errorf("image stored: got %q with %d bytes in the database, %v; want a files store reference", f.SHA256, len(f.Data), err)
			}
			if f, err := a.OpenPortalFile(ctx, art.Image, "image/jpeg"); err != nil {
				t.Errorf("open image: %v", err)
			} else {
				head := make([]byte, 3)
				io.ReadFull(f.Body, head)
				f.Body.Close()
				if !bytes.Equal(head, []byte{0xff, 0xd8, 0xff}) {
					t.Errorf("image from the files store: got % x, want a JPEG", head)
				}
			}
			if _, err := a.OpenPortalFile(ctx, art.Image, "application/pdf"); !fault.Is(err, fault.NotFound) {
				t.Errorf("image opened as a PDF: got %v, want not found", err)
			}
			// A file written into the database before the files store held them stays readable.
			if err := st.PutPortalFile(ctx, "00112233445566ff.pdf", "H40.12.05", "application/pdf", []byte("%PDF-1.4 cũ"), time.Now()); err != nil {
				t.Fatal(err)
			}
			if f, err := a.OpenPortalFile(ctx, "00112233445566ff.pdf", "application/pdf"); err != nil {
				t.Errorf("open a file kept in the database: %v", err)
			} else {
				data, _ := io.ReadAll(f.Body)
				f.Body.Close()
				if string(data) != "%PDF-1.4 cũ" {
					t.Errorf("file kept in the database: got %q", data)
				}
			}

			// Another unit's editor can neither read nor change it.
			if _, _, err := a.EditorArticle(ctx, other, id); !fault.Is(err, fault.Forbidden) {
				t.Errorf("other unit reads: got %v, want forbidden", err)
			}
			in2 := in
			in2.ID, in2.UpdatedAt, in2.Image = id, art.UpdatedAt, nil
			if _, err := a.SaveArticle(ctx, other, in2, o); !fault.Is(err, fault.Forbidden) {
				t.Errorf("other unit edits: got %v, want forbidden", err)
			}
			// A second revision.
			in2.Body = "Nội dung đã sửa"
			if _, err := a.SaveArticle(ctx, editor, in2, o); err != nil {
				t.Fatal(err)
			}
			// A stale form is refused.
			if _, err := a.SaveArticle(ctx, editor, in2, o); !fault.Is(err, fault.Conflict) {
				t.Errorf("stale save: got %v, want conflict", err)
			}
			// A slug clash.
			clash := app.ArticleInput{Category: portal.News, Title: "Khác", Slug: "duong-nguyen-trai-duoc-mo-rong", Body: "x"}
			if _, err := a.SaveArticle(ctx, editor, clash, o); !fault.Is(err, fault.Conflict) || fault.As(err).Fields["slug"] == "" {
				t.Errorf("slug clash: got %v, want conflict on slug", err)
			}

			// The editor cannot publish.
			if err := a.ApproveArticle(ctx, editor, id, time.Time{}, o); !fault.Is(err, fault.Forbidden) {
				t.Errorf("editor approves a draft: got %v, want forbidden", err)
			}
			if err := a.ApproveArticle(ctx, leader, id, time.Time{}, o); !fault.Is(err, fault.Conflict) {
				t.Errorf("leader approves a draft: got %v, want conflict", err)
			}
			if err := a.SubmitArticle(ctx, editor, id, o); err != nil {
				t.Fatal(err)
			}
			if err := a.ApproveArticle(ctx, editor, id, time.Time{}, o); !fault.Is(err, fault.Forbidden) {
				t.Errorf("editor approves: got %v, want forbidden", err)
			}
			if err := a.ApproveArticle(ctx, demoUser(t, "phuocan.lanhdao"), id, time.Time{}, o); !fault.Is(err, fault.Forbidden) {
				t.Errorf("other unit's leader approves: got %v, want forbidden", err)
			}
			if err := a.ApproveArticle(ctx, leader, id, a.Now().AddDate(1, 1, 0), o); !fault.Is(err, fault.Invalid) {
				t.Errorf("beyond a year: got %v, want invalid", err)
			}
			// Scheduled: not live before its time.
			if err := a.ApproveArticle(ctx, leader, id, a.Now().Add(2*time.Hour), o); err != nil {
				t.Fatal(err)
			}
			if _, err := a.ReadArticle(ctx, demo.TanHoa, art.Slug); !fault.Is(err, fault.NotFound) {
				t.Errorf("scheduled article read: got %v, want not found", err)
			}
			if err := a.UnpublishArticle(ctx, leader, id, o); err != nil {
				t.Fatal(err)
			}
			if err := a.SubmitArticle(ctx, editor, id, o); err != nil {
				t.Fatal(err)
			}
			if err := a.ApproveArticle(ctx, leader, id, time.Time{}, o); err != nil {
				t.Fatal(err)
			}
			got, err := a.ReadArticle(ctx, demo.TanHoa, art.Slug)
			if err != nil || got.Views != 1 || got.ApprovedBy != "tanhoa.lanhdao" {
				t.Fatalf("read: got %+v, %v, want the article with one view", got, err)
			}
			// Listed in its category, on the province's site too, and found without accents.
			for _, c := range []struct{ unit, cat, q string }{
				{demo.TanHoa, portal.News, ""}, {demo.Province, "", ""}, {demo.TanHoa, "", "duong nguyen trai"},
			} {
				list, total, err := a.LiveArticles(ctx, c.unit, c.cat, c.q, 50, 0)
				found := false
				for _, x := range list {
					found = found || x.ID == id
				}
				if err != nil || !found || total < len(list) {
					t.Errorf("live %+v: got %d of %d, %v, want the new article", c, len(list), total, err)
				}
			}
			// The demo's reform article is found by its folded words; Phước An's news shows on the province.
			if list, _, _ := a.LiveArticles(ctx, demo.TanHoa, "", "dan dau cai cach hanh chinh", 10, 0); len(list) == 0 {
				t.Errorf("search without accents found nothing")
			}
			if list, _, _ := a.LiveArticles(ctx, demo.TanHoa, "", "Phuoc An so hoa", 10, 0); len(list) != 0 {
				t.Errorf("Tân Hòa's site lists another commune's news")
			}
			if list, _, _ := a.LiveArticles(ctx, demo.Province, "", "Phuoc An so hoa", 10, 0); len(list) != 1 {
				t.Errorf("the province's site misses its commune's news")
			}
		})
	}
}
