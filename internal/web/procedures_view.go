package web

import (
	"motcua/internal/catalog"
	"motcua/internal/store"
)

// summaryView is a search result with its values worded for citizens.
type summaryView struct {
	store.ProcedureSummary
	DeadlineText, FeeText, OnlineText string
}

func summaryViews(items []store.ProcedureSummary) []summaryView {
	out := make([]summaryView, len(items))
	for i, it := range items {
		out[i] = summaryView{ProcedureSummary: it, DeadlineText: deadlineText(it.DeadlineDays, it.DeadlineMode),
			FeeText: feeText(it.FeeVND), OnlineText: onlineLabel(it.Online)}
	}
	return out
}

// procedureView is a procedure with its values worded for citizens.
type procedureView struct {
	catalog.Procedure
	FieldName                                 string
	DeadlineText, OnlineDeadlineText, FeeText string
	OnlineText                                string
	LevelTexts                                []string
	Steps                                     []stepView
}

// stepView is one step of the internal process.
type stepView struct {
	No       int
	Name     string
	RoleText string
	Days     string
}

func newProcedureView(p catalog.Procedure, fieldName string) procedureView {
	v := procedureView{Procedure: p, FieldName: fieldName, DeadlineText: deadlineText(p.DeadlineDays, p.DeadlineMode),
		FeeText: feeText(p.FeeVND), OnlineText: onlineLabel(p.Online)}
	if p.OnlineDeadlineDays > 0 && p.OnlineDeadlineDays != p.DeadlineDays {
		v.OnlineDeadlineText = deadlineText(p.OnlineDeadlineDays, p.DeadlineMode)
	}
	for _, l := range p.Levels {
		v.LevelTexts = append(v.LevelTexts, levelText(l))
	}
	v.Steps = stepViews(p.Process.Steps)
	return v
}

func stepViews(steps []catalog.Step) []stepView {
	out := make([]stepView, len(steps))
	for i, s := range steps {
		out[i] = stepView{No: i + 1, Name: s.Name, RoleText: roleText(s.Role), Days: daysText(s.Days)}
	}
	return out
}
