package store

import (
	"encoding/json"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// TestEventJSON: the payload built by hand is json.Marshal's, byte for byte, for the
// events it handles and for those it leaves to json.Marshal.
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
			want, err := json.Marshal(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			got, err := eventJSON(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Fatalf("got %s, want %s", got, want)
			}
			if _, hand := appendEventJSON(nil, tt.e); hand != tt.hand {
				t.Fatalf("built by hand: got %v, want %v", hand, tt.hand)
			}
		})
	}
}
