package dossier

import (
	"strings"
	"testing"
)

func TestPublicLabels(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		want   []string
	}{
		{"happy path", []Event{
			{Action: ActionReceive, Actor: "motcua1", Note: "ghi chú nội bộ"},
			{Action: ActionForward, Step: 0, Actor: "motcua1"},
			{Action: ActionAssign, Step: 1, Assignee: "cv2"},
			{Action: ActionForward, Step: 1},
			{Action: ActionForward, Step: 2},
			{Action: ActionReturnResult, Step: 2},
		}, []string{"Tiếp nhận tại quầy", "Chuyển đến bước: Thẩm định", "Phân công cán bộ xử lý",
			"Chuyển đến bước: Phê duyệt", "Đã có kết quả giải quyết", "Đã trả kết quả"}},
		{"send back", []Event{
			{Action: ActionReceive},
			{Action: ActionForward, Step: 0},
			{Action: ActionSendBack, Step: 1, Reason: "thiếu giấy tờ"},
		}, []string{"Tiếp nhận tại quầy", "Chuyển đến bước: Thẩm định", "Chuyển lại bước: Tiếp nhận hồ sơ"}},
		{"transfer shifts the later steps", []Event{
			{Action: ActionReceive},
			{Action: ActionForward, Step: 0},
			{Action: ActionTransfer, Step: 1, ToUnit: "H15.02", StepBudget: 1},
			{Action: ActionForward, Step: 2},
			{Action: ActionForward, Step: 3},
		}, []string{"Tiếp nhận tại quầy", "Chuyển đến bước: Thẩm định", "Chuyển cơ quan liên quan xử lý (liên thông)",
			"Chuyển đến bước: Phê duyệt", "Đã có kết quả giải quyết"}},
		{"online refused", []Event{
			{Action: ActionSubmit},
			{Action: ActionRefuse, Reason: "không thuộc thẩm quyền"},
		}, []string{"Nộp trực tuyến", "Từ chối giải quyết"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDossier(ChannelCounter)
			d.Events = tt.events
			got := PublicLabels(d)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for _, l := range got {
				if strings.Contains(l, "Chuyển bước tiếp theo") {
					t.Fatalf("got back-office label %q, want a public one", l)
				}
			}
		})
	}
}
