package dossier

import (
	"strings"
	"testing"
)

func TestHistoryLabels(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		want   []string
	}{
		{"each forward names the step it finished", []Event{
			{Action: ActionReceive},
			{Action: ActionForward, Step: 0},
			{Action: ActionAssign, Step: 1, Assignee: "cv2"},
			{Action: ActionForward, Step: 1},
			{Action: ActionForward, Step: 2},
			{Action: ActionReturnResult, Step: 2},
		}, []string{"Tiếp nhận tại quầy", "Tiếp nhận hồ sơ", "Phân công", "Thẩm định", "Phê duyệt", "Trả kết quả"}},
		{"send back names the step returned to", []Event{
			{Action: ActionReceive},
			{Action: ActionForward, Step: 0},
			{Action: ActionSendBack, Step: 1},
		}, []string{"Tiếp nhận tại quầy", "Tiếp nhận hồ sơ", "Trả lại bước: Tiếp nhận hồ sơ"}},
		{"transfer inserts its step", []Event{
			{Action: ActionReceive},
			{Action: ActionForward, Step: 0},
			{Action: ActionTransfer, Step: 1, ToUnit: "H15.02", StepBudget: 1},
			{Action: ActionForward, Step: 1},
			{Action: ActionForward, Step: 2},
			{Action: ActionForward, Step: 3},
		}, []string{"Tiếp nhận tại quầy", "Tiếp nhận hồ sơ", "Chuyển liên thông", "Thẩm định", "Liên thông: H15.02", "Phê duyệt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDossier(ChannelCounter)
			d.Events = tt.events
			if got := HistoryLabels(d); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
