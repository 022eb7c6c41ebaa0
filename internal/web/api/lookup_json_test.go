package api

import (
	"bytes"
	"math/rand/v2"
	"net/http/httptest"
	"testing"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// randomPublic makes a public dossier with random dates (zero or not, in several
// zones), statuses, timeliness, labels and texts, some needing JSON escapes.
func randomPublic(r *rand.Rand) store.PublicDossier {
	texts := []string{"Đăng ký khai sinh", "H40.12.05-261021-0002", `quote " and \ backslash`, "tab\tnew\nline",
		"<b>&</b>", "\u2028", "bad \xff byte", "😀", ""}
	pick := func() string { return texts[r.IntN(len(texts))] }
	statuses := []dossier.Status{dossier.StatusNew, dossier.Status("processing"), dossier.Status("returned"),
		dossier.Status("finished"), dossier.Status(pick())}
	timeliness := []dossier.Timeliness{dossier.Early, dossier.Timeliness("on_time"), dossier.Timeliness("late"),
		dossier.Timeliness("")}
	actions := []dossier.Action{dossier.ActionForward, dossier.ActionSendBack, dossier.Action("submit"),
		dossier.Action("accept"), dossier.Action("return_result"), dossier.Action(pick())}
	instant := func() time.Time {
		switch r.IntN(4) {
		case 0:
			return time.Time{}
		case 1:
			return time.Date(2026, 10, 21, 0, 29, 26, 0, time.UTC)
		case 2:
			return time.Date(1999+r.IntN(30), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
				r.IntN(1e9), time.FixedZone("X", 3600*(r.IntN(25)-12)))
		}
		return time.Unix(r.Int64N(2e9), 0)
	}
	p := store.PublicDossier{Code: pick(), UnitCode: pick(), ProcedureName: pick(),
		Status: statuses[r.IntN(len(statuses))], SubmittedAt: instant(), ReceivedAt: instant(), DueAt: instant(),
		Extended: r.IntN(2) == 0, FinishedAt: instant(), ReturnedAt: instant(),
		Timeliness: timeliness[r.IntN(len(timeliness))]}
	for range r.IntN(12) {
		e := store.PublicEvent{At: instant(), Action: actions[r.IntN(len(actions))]}
		if r.IntN(2) == 0 {
			e.Label = pick()
		}
		p.Timeline = append(p.Timeline, e)
	}
	return p
}

// TestLookupAnswerAsEncodingJSON checks that the hand-written answer is byte for byte
// what kit.WriteJSON makes of publicJSON, the answer's reference encoding.
func TestLookupAnswerAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 3000 {
		p := randomPublic(r)
		want := httptest.NewRecorder()
		kit.WriteJSON(want, 200, publicJSON(p, kit.PublicLabels(p)))
		got := httptest.NewRecorder()
		writeLookup(got, p)
		if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
			t.Fatalf("dossier %d:\n got %s\nwant %s", i, got.Body.Bytes(), want.Body.Bytes())
		}
		if got.Code != 200 || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") ||
			got.Header().Get("Cache-Control") != "no-store" {
			t.Fatalf("dossier %d: status %d, headers %v", i, got.Code, got.Header())
		}
	}
}
