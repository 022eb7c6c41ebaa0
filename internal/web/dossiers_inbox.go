package web

import (
	"net/http"
	"strconv"

	"motcua/internal/dossier"
	"motcua/internal/org"
	"motcua/internal/store"
)

// inboxRow is one line of the officer's inbox: the masked applicant, never the full name.
type inboxRow struct {
	store.InboxItem
	Applicant string
	Urgency   string
}

// inboxSection is one table of the inbox: the dossiers waiting for one of the officer's
// roles.
type inboxSection struct {
	Title string
	Rows  []inboxRow
	Total int
}

// inboxQueries lists, for each of the officer's roles, what the role works on: the desk
// the dossiers waiting to be received, checked or returned, and those back at a later
// step of the desk's role; specialists and leaders the dossiers at a step of their role;
// administrators and inspectors every open dossier.
func inboxQueries(u org.User) []struct {
	title string
	q     store.InboxQuery
} {
	type sec = struct {
		title string
		q     store.InboxQuery
	}
	var out []sec
	for _, r := range u.Roles {
		switch r {
		case org.OneStop:
			out = append(out, sec{"Hồ sơ chờ Bộ phận Một cửa xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusResultReady}}})
			// A later step of the desk's role, such as "Trả kết quả" after the leader signs.
			out = append(out, sec{"Hồ sơ chuyển về Bộ phận Một cửa", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.RoleOneStop}})
		case org.Specialist, org.Leader:
			out = append(out, sec{"Hồ sơ chờ " + r.Label() + " xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.Role(r)}})
		case org.Admin, org.Inspector:
			out = append(out, sec{"Hồ sơ đang giải quyết của đơn vị", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusProcessing,
					dossier.StatusSupplementRequested, dossier.StatusResultReady}}})
		}
	}
	return out
}

// handleInbox shows the officer's dossiers ordered by due date (GET /ho-so).
func (s *Server) handleInbox(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r)
	ctx := r.Context()
	cal, err := s.store.UnitCalendar(ctx, u.UnitCode)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	offset = max(offset, 0)
	now := s.now()
	var sections []inboxSection
	seen := map[string]bool{}
	for _, sq := range inboxQueries(u) {
		if seen[sq.title] {
			continue
		}
		seen[sq.title] = true
		sq.q.Limit, sq.q.Offset = 100, offset
		items, total, err := s.store.Inbox(ctx, sq.q)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		sec := inboxSection{Title: sq.title, Total: total}
		for _, it := range items {
			sec.Rows = append(sec.Rows, inboxRow{InboxItem: it,
				Applicant: dossier.Applicant{FullName: it.ApplicantName}.Masked().FullName,
				Urgency:   dossier.Urgency(it.State(), now, cal)})
		}
		sections = append(sections, sec)
	}
	s.render(w, r, http.StatusOK, "inbox.html", map[string]any{
		"Title": "Hồ sơ cần xử lý", "Sections": sections, "Offset": offset,
		"CanReceive": u.HasAny(org.OneStop, org.Admin),
	})
}
