package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// TestEventJSON: a common event's payload is json.Marshal's without the fields its row's
// columns hold (compact), byte for byte; every other event is stored whole, as
// json.Marshal writes it; either read back with the columns gives the event again.
func TestEventJSON(t *testing.T) {
	at := time.Date(2026, 3, 2, 8, 15, 30, 123456789, calendar.Zone())
	tests := []struct {
		name string
		e    dossier.Event
		hand bool
	}{
		{"receive", dossier.Event{Seq: 1, Action: dossier.ActionReceive, Actor: "tanhoa.motcua", Role: dossier.RoleOneStop,
			Unit: "H40.12.05", At: at}, true},
		{"utc whole second", dossier.Event{Seq: 2, Action: dossier.ActionForward, Actor: "a", Role: dossier.RoleSpecialist,
			At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Assignee: "tanhoa.lanhdao", Step: 1}, true},
		{"extend", dossier.Event{Seq: 4, Action: dossier.ActionExtend, Actor: "x", Role: dossier.RoleLeader, Unit: "H40",
			At: at, Reason: "Cần xác minh thêm thông tin với cơ quan liên quan.", NewDue: at.Add(72 * time.Hour), Step: 1}, true},
		{"payment", dossier.Event{Seq: 3, Action: dossier.ActionPayment, Actor: "he-thong", Role: dossier.RoleOneStop,
			At: at, AmountVND: 50000, PaymentRef: "BL-000123/2026", Note: "Thu phí"}, true},
		{"negative step", dossier.Event{Seq: 5, Action: dossier.ActionAccept, Actor: "b", Role: dossier.RoleOneStop, At: at, Step: -1}, true},
		{"html in reason", dossier.Event{Seq: 1, Action: dossier.ActionRefuse, Actor: "c", Role: dossier.RoleLeader, At: at,
			Reason: "a < b & \"c\""}, false},
		{"control character", dossier.Event{Seq: 1, Action: dossier.ActionRefuse, Actor: "c\n", Role: dossier.RoleLeader, At: at}, false},
		{"line separator", dossier.Event{Seq: 1, Action: dossier.ActionRefuse, Actor: "c\u2028", Role: dossier.RoleLeader, At: at}, false},
		{"transfer", dossier.Event{Seq: 3, Action: dossier.ActionTransfer, Actor: "d", Role: dossier.RoleSpecialist, At: at,
			ToUnit: "T.THUE", StepBudget: 2.5}, false},
		{"documents", dossier.Event{Seq: 3, Action: dossier.ActionRequestSupplement, Actor: "d", Role: dossier.RoleSpecialist,
			At: at, Documents: []dossier.MissingDocument{{Name: "Tờ khai"}}}, false},
		{"zero instant", dossier.Event{Seq: 1, Action: dossier.ActionSubmit, Actor: "e", Role: dossier.RoleApplicant}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole, err := json.Marshal(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			want := string(whole)
			if tt.hand {
				// The columns' fields come first in json.Marshal's order: cut them out.
				unit := ""
				if tt.e.Unit != "" {
					unit = fmt.Sprintf(`"unit":%q,`, tt.e.Unit)
				}
				head := fmt.Sprintf(`{"seq":%d,"action":%q,"actor":%q,"role":%q,%s`, tt.e.Seq, tt.e.Action, tt.e.Actor, tt.e.Role, unit)
				rest, ok := strings.CutPrefix(want, head)
				if !ok {
					t.Fatalf("%s does not begin with %s", want, head)
				}
				want = "{" + rest
			}
			got, err := eventJSON(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("got %s, want %s", got, want)
			}
			if _, hand := appendEventJSON(nil, tt.e); hand != tt.hand {
				t.Fatalf("built by hand: got %v, want %v", hand, tt.hand)
			}
			var back dossier.Event
			if err := dossier.DecodeEvent([]byte(got), &back); err != nil {
				t.Fatal(err)
			}
			withColumns(&back, tt.e.Seq, string(tt.e.Action), tt.e.Actor, string(tt.e.Role), tt.e.Unit)
			if !back.At.Equal(tt.e.At) || !back.NewDue.Equal(tt.e.NewDue) {
				t.Fatalf("instants: got %v %v, want %v %v", back.At, back.NewDue, tt.e.At, tt.e.NewDue)
			}
			back.At, back.NewDue = tt.e.At, tt.e.NewDue
			if !reflect.DeepEqual(back, tt.e) {
				t.Fatalf("read back %+v, want %+v", back, tt.e)
			}
		})
	}
}
