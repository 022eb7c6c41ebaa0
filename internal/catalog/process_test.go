package catalog

import (
	"math"
	"reflect"
	"testing"
)

func steps(days ...float64) []Step {
	roles := []Role{RoleDesk, RoleSpecialist, RoleLeader, RoleDesk}
	names := []string{"Tiếp nhận", "Thẩm định", "Ký duyệt", "Trả kết quả"}
	out := make([]Step, len(days))
	for i, d := range days {
		out[i] = Step{Name: names[i%len(names)], Role: roles[i%len(roles)], Days: d}
	}
	return out
}

func TestProcessValidate(t *testing.T) {
	tests := []struct {
		name     string
		p        Process
		deadline float64
		paths    []string
	}{
		{"one day", Process{1, steps(0.125, 0.5, 0.25, 0.125)}, 1, nil},
		{"half day", Process{1, steps(0.125, 0.125, 0.125, 0.125)}, 0.5, nil},
		{"fifteen days", Process{1, steps(0.5, 11, 3, 0.5)}, 15, nil},
		{"thirds within tolerance", Process{1, steps(1.0/3, 1.0/3, 1.0/3)}, 1, nil},
		{"short", Process{1, steps(0.5, 10, 3, 0.5)}, 15, []string{"steps"}},
		{"long", Process{1, steps(0.5, 12, 3, 0.5)}, 15, []string{"steps"}},
		{"no steps", Process{1, nil}, 1, []string{"steps"}},
		{"version zero", Process{0, steps(1)}, 1, []string{"version"}},
		{"zero budget", Process{1, steps(0, 1)}, 1, []string{"steps[0].days"}},
		{"negative budget", Process{1, steps(-1, 2)}, 1, []string{"steps[0].days"}},
		{"NaN budget", Process{1, steps(math.NaN(), 1)}, 1, []string{"steps[0].days"}},
		{"unknown role", Process{1, []Step{{Name: "Văn thư", Role: "vanthu", Days: 1}}}, 1, []string{"steps[0].role"}},
		{"unnamed step", Process{1, []Step{{Role: RoleDesk, Days: 1}}}, 1, []string{"steps[0].name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := tt.p.Validate(tt.deadline)
			var got []string
			for _, e := range errs {
				got = append(got, e.Path)
			}
			if !reflect.DeepEqual(got, tt.paths) {
				t.Errorf("got problems at %v, want %v (%v)", got, tt.paths, errs)
			}
		})
	}
}

func TestNext(t *testing.T) {
	p := Process{Version: 3, Steps: steps(0.5, 0.5)}
	n := Next(p)
	if n.Version != 4 {
		t.Errorf("got version %d, want 4", n.Version)
	}
	if !reflect.DeepEqual(n.Steps, p.Steps) {
		t.Errorf("got steps %v, want %v", n.Steps, p.Steps)
	}
	n.Steps[0].Days = 9
	if p.Steps[0].Days != 0.5 {
		t.Errorf("editing the next version changed the old one: got %v, want 0.5", p.Steps[0].Days)
	}
	if p.Version != 3 {
		t.Errorf("got old version %d, want 3", p.Version)
	}
}

func TestDiff(t *testing.T) {
	a := Process{Version: 1, Steps: []Step{
		{"Tiếp nhận", RoleDesk, 0.5},
		{"Thẩm định", RoleSpecialist, 2},
		{"Ký duyệt", RoleLeader, 0.5},
	}}
	tests := []struct {
		name string
		b    []Step
		want []StepChange
	}{
		{"equal", a.Steps, nil},
		{"changed budget", []Step{{"Tiếp nhận", RoleDesk, 0.5}, {"Thẩm định", RoleSpecialist, 1.5}, {"Ký duyệt", RoleLeader, 1}},
			[]StepChange{
				{Kind: StepChanged, OldIndex: 1, NewIndex: 1, Old: a.Steps[1], New: Step{"Thẩm định", RoleSpecialist, 1.5}},
				{Kind: StepChanged, OldIndex: 2, NewIndex: 2, Old: a.Steps[2], New: Step{"Ký duyệt", RoleLeader, 1}},
			}},
		{"added step", []Step{{"Tiếp nhận", RoleDesk, 0.5}, {"Thẩm định", RoleSpecialist, 1.5}, {"Xác minh", RoleSpecialist, 0.5}, {"Ký duyệt", RoleLeader, 0.5}},
			[]StepChange{
				{Kind: StepChanged, OldIndex: 1, NewIndex: 1, Old: a.Steps[1], New: Step{"Thẩm định", RoleSpecialist, 1.5}},
				{Kind: StepAdded, OldIndex: -1, NewIndex: 2, New: Step{"Xác minh", RoleSpecialist, 0.5}},
			}},
		{"removed step", []Step{{"Tiếp nhận", RoleDesk, 0.5}, {"Ký duyệt", RoleLeader, 0.5}},
			[]StepChange{{Kind: StepRemoved, OldIndex: 1, NewIndex: -1, Old: a.Steps[1]}}},
		{"renamed step", []Step{{"Tiếp nhận", RoleDesk, 0.5}, {"Thẩm tra", RoleSpecialist, 2}, {"Ký duyệt", RoleLeader, 0.5}},
			[]StepChange{
				{Kind: StepRemoved, OldIndex: 1, NewIndex: -1, Old: a.Steps[1]},
				{Kind: StepAdded, OldIndex: -1, NewIndex: 1, New: Step{"Thẩm tra", RoleSpecialist, 2}},
			}},
		{"changed role", []Step{{"Tiếp nhận", RoleDesk, 0.5}, {"Thẩm định", RoleLeader, 2}, {"Ký duyệt", RoleLeader, 0.5}},
			[]StepChange{{Kind: StepChanged, OldIndex: 1, NewIndex: 1, Old: a.Steps[1], New: Step{"Thẩm định", RoleLeader, 2}}}},
		{"all new", nil, []StepChange{
			{Kind: StepRemoved, OldIndex: 0, NewIndex: -1, Old: a.Steps[0]},
			{Kind: StepRemoved, OldIndex: 1, NewIndex: -1, Old: a.Steps[1]},
			{Kind: StepRemoved, OldIndex: 2, NewIndex: -1, Old: a.Steps[2]},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(a, Process{Version: 2, Steps: tt.b})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
