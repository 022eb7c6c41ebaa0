package app

import (
	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/store"
)

// Plan is what a new dossier takes from its procedure in the catalogue and keeps for its
// whole life: the internal process version with its steps, the legal deadline and how it
// counts (working or calendar days), the rule for supplements, and the fee.
type Plan struct {
	Process        dossier.Process
	Deadline       calendar.Deadline
	SupplementRule string
	FeeVND         int64
}

// PlanFor pins the procedure's rules for a new dossier received through the channel:
// online dossiers take the procedure's online deadline when it has one. It is the one
// place where a procedure becomes a dossier's steps and deadline — the counter, online
// submission, the demo history and the benchmark all use it.
func PlanFor(p catalog.Procedure, ch dossier.Channel) Plan {
	days := p.DeadlineDays
	if ch == dossier.ChannelOnline {
		days = p.EffectiveOnlineDeadline()
	}
	proc := dossier.Process{Version: p.Process.Version, Steps: make([]dossier.Step, len(p.Process.Steps))}
	for i, st := range p.Process.Steps {
		proc.Steps[i] = dossier.Step{Name: st.Name, Role: dossier.Role(st.Role), Days: st.Days}
	}
	return Plan{
		Process:        proc,
		Deadline:       DeadlineOf(p.DeadlineMode, days),
		SupplementRule: string(p.SupplementRule),
		FeeVND:         p.FeeVND,
	}
}

// DeadlineOf is the legal clock's deadline for a catalogue deadline: days working days,
// days calendar days, or the same-day rule (trong ngày).
func DeadlineOf(mode catalog.DeadlineMode, days float64) calendar.Deadline {
	switch mode {
	case catalog.DeadlineSameDay:
		return calendar.Deadline{SameDay: true}
	case catalog.DeadlineCalendar:
		return calendar.Deadline{Days: days, CalendarDays: true}
	}
	return calendar.Deadline{Days: days}
}

// NewDossierFor is the store's input for a dossier of the procedure at the unit through
// the channel, with the plan pinned; the caller fills in the applicant, form, documents
// and actor.
func NewDossierFor(p catalog.Procedure, unit string, ch dossier.Channel) store.NewDossier {
	plan := PlanFor(p, ch)
	return store.NewDossier{
		UnitCode: unit, ProcedureCode: p.Code, ProcedureName: p.Name, Channel: ch,
		Process: plan.Process, Deadline: plan.Deadline, SupplementRule: plan.SupplementRule, FeeVND: plan.FeeVND,
	}
}

// RequiredDocuments lists the documents a procedure asks to be handed in (not those only
// shown), with the catalogue's counts: what a dossier holds when the caller does not say.
func RequiredDocuments(p catalog.Procedure) []store.DossierDocument {
	var out []store.DossierDocument
	for _, d := range p.Documents {
		if d.ShowOnly {
			continue
		}
		out = append(out, store.DossierDocument{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
	}
	return out
}
