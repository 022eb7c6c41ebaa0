package app

import (
	"context"

	"motcua/internal/dossier"
	"motcua/internal/org"
	"motcua/internal/store"
)

// InboxRow is one line of an officer's inbox: the masked applicant, never the full name,
// and how urgent the dossier is.
type InboxRow struct {
	store.InboxItem
	Applicant string
	Urgency   string
}

// InboxSection is one table of the inbox: the dossiers waiting for one of the officer's
// roles.
type InboxSection struct {
	Title string
	Rows  []InboxRow
	Total int
}

type inboxSection struct {
	title string
	q     store.InboxQuery
}

// inboxQueries lists, for each of the officer's roles, what the role works on: the desk
// the dossiers waiting to be received, checked or returned, and those back at a later
// step of the desk's role; specialists and leaders the dossiers at a step of their role;
// administrators and inspectors every open dossier of their unit.
func inboxQueries(u org.User) []inboxSection {
	var out []inboxSection
	for _, r := range u.Roles {
		switch r {
		case org.OneStop:
			out = append(out, inboxSection{"Hồ sơ chờ Bộ phận Một cửa xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusResultReady}}})
			// A later step of the desk's role, such as "Trả kết quả" after the leader signs.
			out = append(out, inboxSection{"Hồ sơ chuyển về Bộ phận Một cửa", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.RoleOneStop}})
		case org.Specialist, org.Leader:
			out = append(out, inboxSection{"Hồ sơ chờ " + r.Label() + " xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.Role(r)}})
		case org.Admin, org.Inspector:
			out = append(out, inboxSection{"Hồ sơ đang giải quyết của đơn vị", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusProcessing,
					dossier.StatusSupplementRequested, dossier.StatusResultReady}}})
		}
	}
	return out
}

// Inbox returns the officer's dossiers by section, each ordered by due date, 100 a page
// from offset.
func (a *App) Inbox(ctx context.Context, u org.User, offset int) ([]InboxSection, error) {
	cal, err := a.store.UnitCalendar(ctx, u.UnitCode)
	if err != nil {
		return nil, err
	}
	offset = min(max(offset, 0), 1_000_000)
	now := a.now()
	var sections []InboxSection
	seen := map[string]bool{}
	for _, sq := range inboxQueries(u) {
		if seen[sq.title] {
			continue
		}
		seen[sq.title] = true
		sq.q.Limit, sq.q.Offset = 100, offset
		items, total, err := a.store.Inbox(ctx, sq.q)
		if err != nil {
			return nil, err
		}
		sec := InboxSection{Title: sq.title, Total: total}
		for _, it := range items {
			sec.Rows = append(sec.Rows, InboxRow{InboxItem: it,
				Applicant: dossier.Applicant{FullName: it.ApplicantName}.Masked().FullName,
				Urgency:   dossier.Urgency(it.State(), now, cal)})
		}
		sections = append(sections, sec)
	}
	return sections, nil
}

// CanReceive reports whether the officer receives dossiers at the counter.
func CanReceive(u org.User) bool { return u.HasAny(org.OneStop, org.Admin) }
