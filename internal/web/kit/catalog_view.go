package kit

import (
	"motcua/internal/catalog"
	"motcua/internal/store"
)

// SummaryView is a search result with its values worded for citizens.
type SummaryView struct {
	store.ProcedureSummary
	DeadlineText, FeeText, OnlineText string
}

func SummaryViews(items []store.ProcedureSummary) []SummaryView {
	out := make([]SummaryView, len(items))
	for i, it := range items {
		out[i] = SummaryView{ProcedureSummary: it, DeadlineText: DeadlineText(it.DeadlineDays, it.DeadlineMode),
			FeeText: FeeText(it.FeeVND), OnlineText: OnlineLabel(it.Online)}
	}
	return out
}

// ProcedureView is a procedure with its values worded for citizens.
type ProcedureView struct {
	catalog.Procedure
	FieldName                                 string
	DeadlineText, OnlineDeadlineText, FeeText string
	OnlineText                                string
	LevelTexts                                []string
	Steps                                     []StepView
}

// StepView is one step of the internal process.
type StepView struct {
	No       int
	Name     string
	RoleText string
	Days     string
}

func NewProcedureView(p catalog.Procedure, fieldName string) ProcedureView {
	v := ProcedureView{Procedure: p, FieldName: fieldName, DeadlineText: DeadlineText(p.DeadlineDays, p.DeadlineMode),
		FeeText: FeeText(p.FeeVND), OnlineText: OnlineLabel(p.Online)}
	if p.OnlineDeadlineDays > 0 && p.OnlineDeadlineDays != p.DeadlineDays {
		v.OnlineDeadlineText = DeadlineText(p.OnlineDeadlineDays, p.DeadlineMode)
	}
	for _, l := range p.Levels {
		v.LevelTexts = append(v.LevelTexts, LevelText(l))
	}
	v.Steps = StepViews(p.Process.Steps)
	return v
}

func StepViews(steps []catalog.Step) []StepView {
	out := make([]StepView, len(steps))
	for i, s := range steps {
		out[i] = StepView{No: i + 1, Name: s.Name, RoleText: RoleText(s.Role), Days: DaysText(s.Days)}
	}
	return out
}
