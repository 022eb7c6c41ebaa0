package app_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// clock is a settable clock for a test's store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

var ict = calendar.Zone()

// feedbackApp is the use cases over a copy of the demo's base (units, accounts, no
// dossiers) with a clock the test moves.
func feedbackApp(t *testing.T, d store.Dialect) (*app.App, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, ict)}
	st := storetest.Clone(t, d, "feedback-base", c.now, func(s *store.Store) error {
		return demo.LoadBase(context.Background(), s, "mat-khau-thu-nghiem")
	})
	return app.New(app.Config{DataDir: t.TempDir(), BaseURL: "http://motcua.test"}, st, slog.New(slog.NewTextHandler(io.Discard, nil))), c
}

func officer(t *testing.T, a *app.App, username string) org.User {
	t.Helper()
	u, err := a.Store().User(context.Background(), username)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func submit(t *testing.T, a *app.App, ip, email string) store.StoredFeedback {
	t.Helper()
	f, err := a.SubmitFeedback(context.Background(), app.FeedbackInput{Submission: feedback.Submission{
		UnitCode: demo.TanHoa, Kind: feedback.KindRegulation, Title: "Giờ tiếp nhận",
		Content: "Đề nghị mở cửa tiếp nhận hồ sơ vào sáng thứ Bảy.",
		Sender:  feedback.Sender{Name: "Phạm Thị Hoa", Email: email}}}, nil, app.Origin{IP: ip})
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return f
}

func act(t *testing.T, a *app.App, who, code string, in app.FeedbackActInput) store.StoredFeedback {
	t.Helper()
	f, err := a.ActOnFeedback(context.Background(), officer(t, a, who), code, in, app.Origin{})
	if err != nil {
		t.Fatalf("%s by %s: %v", in.Action, who, err)
	}
	return f
}

func TestFeedbackPaths(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			a, c := feedbackApp(t, d)
			at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, ict) }
			view := func(code string) app.FeedbackView {
				v, err := a.OfficerFeedback(ctx, officer(t, a, "tanhoa.lanhdao"), code)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}

			// Refused in time: on the second working day.
			refused := submit(t, a, "10.0.0.1", "a@example.vn")
			c.set(at(4, 10))
			act(t, a, "tanhoa.motcua", refused.Record.Code, app.FeedbackActInput{Action: feedback.ActionRefuse, Reason: "Nội dung khiếu nại, không thuộc phạm vi PAKN."})
			if v := view(refused.Record.Code); !v.OnTime || v.State.Status != feedback.StatusRefused || v.Clocks[0].Kind != feedback.ClockRefuse {
				t.Fatalf("refused: %+v", v)
			}

			// Asked for information, then answered and published in time; the sender likes it.
			c.set(at(2, 9))
			info := submit(t, a, "10.0.0.2", "b@example.vn")
			c.set(at(3, 9))
			act(t, a, "tanhoa.motcua", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionRequestInfo, Note: "Xin cho biết địa chỉ cụ thể."})
			c.set(at(10, 9))
			if _, err := a.SenderAct(ctx, info.Record.Code, info.Record.LookupKey, app.SenderFeedbackInput{Action: feedback.ActionInfoReceived, Note: "Tổ dân phố 3."}, app.Origin{}); err != nil {
				t.Fatal(err)
			}
			c.set(at(11, 9))
			act(t, a, "tanhoa.motcua", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionClassify, Class: feedback.ClassRegulation})
			act(t, a, "tanhoa.motcua", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionAssign, Assignee: "tanhoa.chuyenvien"})
			act(t, a, "tanhoa.chuyenvien", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionDraft, Answer: "UBND thị trấn sẽ tiếp nhận vào sáng thứ Bảy từ tháng 4."})
			act(t, a, "tanhoa.lanhdao", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionApprove})
			act(t, a, "tanhoa.motcua", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionAnswer})
			c.set(at(12, 9))
			act(t, a, "tanhoa.motcua", info.Record.Code, app.FeedbackActInput{Action: feedback.ActionPublish})
			if _, err := a.SenderAct(ctx, info.Record.Code, info.Record.LookupKey, app.SenderFeedbackInput{Action: feedback.ActionReact, Reaction: feedback.ReactionLiked}, app.Origin{}); err != nil {
				t.Fatal(err)
			}
			if v := view(info.Record.Code); !v.OnTime || v.State.Status != feedback.StatusPublished || len(v.Clocks) != 3 {
				t.Fatalf("info then answered: %+v", v.Clocks)
			}
			pub, err := a.PublishedFeedback(ctx, demo.TanHoa, 10)
			if err != nil || len(pub) != 1 || pub[0].Answer == "" {
				t.Fatalf("published: %+v, %v", pub, err)
			}
			if _, err := a.SenderFeedback(ctx, info.Record.Code, "WRONGKEY"); fault.CodeOf(err) != fault.NotFound {
				t.Fatalf("wrong key: %v", err)
			}

			// Answered late: approved after 15 working days; the sender dislikes it.
			c.set(at(2, 9))
			late := submit(t, a, "10.0.0.3", "c@example.vn")
			act(t, a, "tanhoa.motcua", late.Record.Code, app.FeedbackActInput{Action: feedback.ActionClassify, Class: feedback.ClassConduct})
			act(t, a, "tanhoa.motcua", late.Record.Code, app.FeedbackActInput{Action: feedback.ActionAssign, Assignee: "tanhoa.chuyenvien"})
			if _, err := a.ActOnFeedback(ctx, officer(t, a, "tanhoa.chuyenvien"), late.Record.Code, app.FeedbackActInput{Action: feedback.ActionApprove}, app.Origin{}); fault.CodeOf(err) != fault.Conflict && fault.CodeOf(err) != fault.Forbidden {
				t.Fatalf("specialist approving: %v", err)
			}
			c.set(time.Date(2026, 3, 30, 9, 0, 0, 0, ict))
			act(t, a, "tanhoa.chuyenvien", late.Record.Code, app.FeedbackActInput{Action: feedback.ActionDraft, Answer: "Đã nhắc nhở cán bộ."})
			act(t, a, "tanhoa.lanhdao", late.Record.Code, app.FeedbackActInput{Action: feedback.ActionApprove})
			act(t, a, "tanhoa.lanhdao", late.Record.Code, app.FeedbackActInput{Action: feedback.ActionAnswer})
			if _, err := a.SenderAct(ctx, late.Record.Code, late.Record.LookupKey, app.SenderFeedbackInput{Action: feedback.ActionReact, Reaction: feedback.ReactionDisliked}, app.Origin{}); err != nil {
				t.Fatal(err)
			}
			if v := view(late.Record.Code); v.OnTime {
				t.Fatalf("answered late counted on time: %+v", v.Clocks)
			}

			// Transferred: the competent unit's count starts at the transfer.
			c.set(at(2, 9))
			moved := submit(t, a, "10.0.0.4", "d@example.vn")
			c.set(at(3, 14))
			f := act(t, a, "tanhoa.motcua", moved.Record.Code, app.FeedbackActInput{Action: feedback.ActionTransfer, ToUnit: demo.Province})
			if f.State.Unit != demo.Province || f.State.Status != feedback.StatusReceived || !f.State.Start.Equal(at(3, 14)) {
				t.Fatalf("transferred: %+v", f.State)
			}
			if _, err := a.OfficerFeedback(ctx, officer(t, a, "tanhoa.motcua"), moved.Record.Code); fault.CodeOf(err) != fault.Forbidden {
				t.Fatalf("the sending unit still sees it: %v", err)
			}

			// The index over March 2026 at Tân Hòa: 3 PAKN stay there (one moved away),
			// 2 classified, 2 on time, 1 liked of 2 rated.
			c.set(time.Date(2026, 4, 20, 9, 0, 0, 0, ict))
			idx, err := a.Index766(ctx, officer(t, a, "tanhoa.lanhdao"), demo.TanHoa, "2026-03-01", "2026-03-31")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][2]int{}
			for _, g := range idx.Groups {
				for _, in := range g.Indicators {
					got[in.Code] = [2]int{in.Numerator, in.Denominator}
				}
			}
			want := map[string][2]int{"5.1": {2, 3}, "5.2": {2, 3}, "5.3": {1, 2}}
			for k, w := range want {
				if got[k] != w {
					t.Errorf("indicator %s: got %v, want %v", k, got[k], w)
				}
			}
			p, _ := report.NewPeriod(calendar.NewDate(2026, 3, 1), calendar.NewDate(2026, 3, 31))
			if n, err := a.Store().DossiersWithFeedback(ctx, demo.TanHoa, p); err != nil || n != 0 {
				t.Fatalf("dossiers with feedback: %d, %v", n, err)
			}
		})
	}
}

func TestFeedbackBadInput(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			a, _ := feedbackApp(t, d)
			in := func(mod func(*app.FeedbackInput)) error {
				x := app.FeedbackInput{Submission: feedback.Submission{UnitCode: demo.TanHoa, Kind: feedback.KindConduct,
					Content: "Cán bộ trả lời thiếu tôn trọng.", Sender: feedback.Sender{Name: "Lê Văn B", Phone: "0912345678"}}}
				mod(&x)
				_, err := a.SubmitFeedback(ctx, x, nil, app.Origin{IP: "10.9.9.9"})
				return err
			}
			cases := []struct {
				name string
				mod  func(*app.FeedbackInput)
				code fault.Code
			}{
				{"no content", func(x *app.FeedbackInput) { x.Content = " " }, fault.Invalid},
				{"no contact", func(x *app.FeedbackInput) { x.Sender.Phone = "" }, fault.Invalid},
				{"oversized", func(x *app.FeedbackInput) { x.Content = strings.Repeat("â", feedback.MaxContent+1) }, fault.TooLarge},
				{"dossier with a wrong key", func(x *app.FeedbackInput) {
					x.Kind, x.DossierCode, x.DossierKey = feedback.KindDossier, "H40.12.05-260302-0001", "ABCDEFGH"
				}, fault.Invalid},
				{"unknown unit", func(x *app.FeedbackInput) { x.UnitCode = "NOPE" }, fault.NotFound},
			}
			for _, c := range cases {
				if err := in(c.mod); fault.CodeOf(err) != c.code {
					t.Errorf("%s: got %v, want %s", c.name, err, c.code)
				}
			}
			for i := range app.FeedbackPerContactDay {
				if err := in(func(*app.FeedbackInput) {}); err != nil {
					t.Fatalf("submission %d: %v", i+1, err)
				}
			}
			if err := in(func(*app.FeedbackInput) {}); fault.CodeOf(err) != fault.RateLimited {
				t.Fatalf("over the limit per contact: %v", err)
			}
		})
	}
}

func TestFeedbackDeadlineWarnings(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			a, c := feedbackApp(t, d)
			f := submit(t, a, "10.1.1.1", "w@example.vn")
			if n, err := a.WarnFeedbackDue(ctx); err != nil || n != 0 {
				t.Fatalf("just received: %d, %v", n, err)
			}
			// Due on Monday 23 March at 09:00 (15 working days): warned on Friday 20 March.
			c.set(time.Date(2026, 3, 20, 10, 0, 0, 0, ict))
			if n, err := a.WarnFeedbackDue(ctx); err != nil || n != 1 {
				t.Fatalf("a working day before: %d, %v", n, err)
			}
			if n, _ := a.WarnFeedbackDue(ctx); n != 0 {
				t.Fatalf("warned twice: %d", n)
			}
			un, _ := a.Store().Unit(ctx, demo.TanHoa)
			msgs, err := a.Store().OutboxFor(ctx, un.Email, 10)
			if err != nil || len(msgs) == 0 || !strings.Contains(msgs[0].Subject, f.Record.Code) || !strings.Contains(msgs[0].Subject, "sắp đến hạn") {
				t.Fatalf("warning mail: %+v, %v", msgs, err)
			}
			c.set(time.Date(2026, 3, 25, 10, 0, 0, 0, ict))
			list, err := a.FeedbackInbox(ctx, officer(t, a, "tanhoa.lanhdao"), "", true)
			if err != nil || len(list) != 1 || list[0].Code != f.Record.Code {
				t.Fatalf("overdue list: %+v, %v", list, err)
			}
		})
	}
}
