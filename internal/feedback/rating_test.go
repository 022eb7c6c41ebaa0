package feedback

import (
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

func TestRatingInputNormalize(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		in    RatingInput
		field string // "" for valid
	}{
		{"level only", RatingInput{Level: " satisfied "}, ""},
		{"criteria and comment", RatingInput{Level: Neutral, Criteria: map[Criterion]Satisfaction{
			CriterionAttitude: Satisfied, CriterionTime: Dissatisfied, CriterionGuidance: ""}, Comment: "  Cán bộ tận tình.  "}, ""},
		{"no level", RatingInput{}, "level"},
		{"unknown level", RatingInput{Level: "rất hài lòng"}, "level"},
		{"unknown criterion", RatingInput{Level: Satisfied, Criteria: map[Criterion]Satisfaction{"price": Satisfied}}, "criteria.price"},
		{"bad criterion level", RatingInput{Level: Satisfied, Criteria: map[Criterion]Satisfaction{CriterionTime: "ok"}}, "criteria.time"},
		{"comment too long", RatingInput{Level: Satisfied, Comment: strings.Repeat("ơ", MaxRatingComment+1)}, "comment"},
		{"comment at the limit", RatingInput{Level: Satisfied, Comment: strings.Repeat("ơ", MaxRatingComment)}, ""},
		{"comment with NUL", RatingInput{Level: Satisfied, Comment: "a\x00b"}, "comment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.in
			err := in.Normalize()
			if c.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				if in.Comment != strings.TrimSpace(in.Comment) {
					t.Errorf("comment %q not trimmed", in.Comment)
				}
				for k, v := range in.Criteria {
					if v == "" {
						t.Errorf("empty criterion %s kept", k)
					}
				}
				return
			}
			e := fault.As(err)
			if e == nil || e.Code != fault.Invalid || e.Fields[c.field] == "" {
				t.Fatalf("got %v, want invalid with a message for %q", err, c.field)
			}
		})
	}
}

// handled is a returned dossier: received at the counter, processed by a specialist and
// a leader, returned by the one-stop officer; the applicant withdrew nothing.
func handled() dossier.Dossier {
	ev := func(a dossier.Action, actor string, r dossier.Role) dossier.Event {
		return dossier.Event{Action: a, Actor: actor, Role: r}
	}
	return dossier.Dossier{Code: "H40.12.05-260304-0001", Events: []dossier.Event{
		ev(dossier.ActionSubmit, "citizen:7", dossier.RoleApplicant),
		ev(dossier.ActionAccept, "tanhoa.motcua", dossier.RoleOneStop),
		ev(dossier.ActionForward, "tanhoa.chuyenvien", dossier.RoleSpecialist),
		ev(dossier.ActionForward, "tanhoa.lanhdao", dossier.RoleLeader),
		ev(dossier.ActionReturnResult, "tanhoa.motcua", dossier.RoleOneStop),
	}}
}

func TestHandlingOfficers(t *testing.T) {
	t.Parallel()
	got := HandlingOfficers(handled())
	want := []string{"tanhoa.motcua", "tanhoa.chuyenvien", "tanhoa.lanhdao"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestNewRatingOnlyReturnedOnce(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 4, 3, 0, 0, 0, time.UTC)
	in := RatingInput{Level: Dissatisfied, Comment: "Chờ lâu."}
	for _, s := range dossier.Statuses() {
		_, err := NewRating(handled(), dossier.State{Status: s}, false, in, RatedAtKiosk, at)
		if s == dossier.StatusReturned {
			if err != nil {
				t.Errorf("%s: got %v, want rated", s, err)
			}
			continue
		}
		if !fault.Is(err, fault.Conflict) {
			t.Errorf("%s: got %v, want conflict", s, err)
		}
	}
	if _, err := NewRating(handled(), dossier.State{Status: dossier.StatusReturned}, true, in, RatedAtKiosk, at); !fault.Is(err, fault.Conflict) {
		t.Errorf("rated twice: got %v, want conflict", err)
	}
	r, err := NewRating(handled(), dossier.State{Status: dossier.StatusReturned}, false, in, RatedAtLookup, at)
	if err != nil || r.DossierCode != handled().Code || len(r.Officers) != 3 || r.Channel != RatedAtLookup || !r.At.Equal(at) {
		t.Fatalf("got %+v, %v", r, err)
	}
	if _, err := NewRating(handled(), dossier.State{Status: dossier.StatusReturned}, false, RatingInput{}, RatedAtLookup, at); !fault.Is(err, fault.Invalid) {
		t.Errorf("no level: got %v, want invalid before anything else", err)
	}
}

func TestTally(t *testing.T) {
	t.Parallel()
	var a, b Tally
	for range 7 {
		a.Add(Satisfied)
	}
	a.Add(Neutral)
	b.Add(Dissatisfied)
	b.Add("unknown")
	a.Plus(b)
	if a.Total() != 9 || a.Satisfied != 7 || a.Neutral != 1 || a.Dissatisfied != 1 {
		t.Fatalf("got %+v", a)
	}
	if got := a.SatisfiedPercent(); got != 77.7 {
		t.Errorf("7 of 9: got %v%%, want 77.7%%", got)
	}
	if got := (Tally{}).SatisfiedPercent(); got != 0 {
		t.Errorf("empty: got %v", got)
	}
}

func TestServiceSatisfactionFraction(t *testing.T) {
	t.Parallel()
	cases := []struct {
		s        ServiceSatisfaction
		num, den int
	}{
		// 100% − (2/20 + 1/20) = 85% = 17/20.
		{ServiceSatisfaction{Resolved: 20, Late: 2, Disliked: 1}, 17, 20},
		{ServiceSatisfaction{Resolved: 20, Late: 2, Disliked: 1, WithFeedback: 1}, 16, 20},
		{ServiceSatisfaction{Resolved: 3, Late: 2, Disliked: 2}, 0, 3},
		{ServiceSatisfaction{}, 0, 0},
	}
	for _, c := range cases {
		if num, den := c.s.Fraction(); num != c.num || den != c.den {
			t.Errorf("%+v: got %d/%d, want %d/%d", c.s, num, den, c.num, c.den)
		}
	}
}
