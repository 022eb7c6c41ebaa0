package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// InboxView is what the inbox shows.
type InboxView string

// The inbox views.
const (
	// ViewWork lists the dossiers waiting for one of the officer's roles (cần xử lý).
	ViewWork InboxView = ""
	// ViewAll lists every dossier the officer may see, newest first (tất cả).
	ViewAll InboxView = "tat-ca"
	// ViewFinished lists the finished dossiers the officer may see, last finished
	// first (đã giải quyết xong).
	ViewFinished InboxView = "da-xong"
)

// InboxPageSize is the number of dossiers a page of each inbox table shows.
const InboxPageSize = 50

// maxInboxExport bounds the rows of one Excel export of the inbox (Config.InboxExportRows).
const maxInboxExport = 10_000

// inboxExportChunk is how many rows an export reads at a time.
const inboxExportChunk = 500

// InboxFilter is the inbox query as typed (GET /ho-so): every field is text, checked by
// Inbox.
type InboxFilter struct {
	View string
	// Q is part of a dossier code, part of the applicant's name, or an ID number.
	Q                string
	Status           string
	Procedure, Field string
	Overdue          string
	From, To         string // civil dates of receipt (YYYY-MM-DD, UTC+7), both included
	Page             string // 1-based
	// After and Before are cursors of the lists in scope (InboxPage.Next, Prev): the page
	// after or before a dossier, read by key whatever the depth. At most one is given.
	After, Before string
}

// InboxRow is one line of an officer's inbox: the applicant's full name (officers see
// the dossiers of their scope in full), how urgent the dossier is and its timeliness.
type InboxRow struct {
	store.InboxItem
	Applicant  string
	Urgency    string
	Timeliness dossier.Timeliness
}

// InboxSection is one table of the inbox.
type InboxSection struct {
	Title string
	Rows  []InboxRow
	Total int
	// AtLeast says that Total is a lower bound: the count stopped there (store.InboxQuery.CountCap).
	AtLeast bool
}

// InboxPage is one page of the inbox: its tables, the page number and whether a later
// page has more rows in any table. The lists in scope (every dossier, the finished ones)
// are paged by key: Next and Prev are the cursors of the pages after and before (Prev
// empty off the first page when the page is empty: the way back is the first page); the
// work queues, bounded by open work, by page number.
type InboxPage struct {
	View     InboxView
	Sections []InboxSection
	Page     int
	More     bool
	// First says that no page comes before this one.
	First      bool
	Next, Prev string
}

type inboxQuery struct {
	title string
	q     store.InboxQuery
}

// workQueries lists, for each of the officer's roles, what the role works on: the desk
// the dossiers waiting to be received, checked or returned, and those back at a later
// step of the desk's role; specialists and leaders the dossiers at a step of their role;
// administrators and inspectors every open dossier their unit holds.
func workQueries(u org.User) []inboxQuery {
	var out []inboxQuery
	seen := map[string]bool{}
	add := func(title string, q store.InboxQuery) {
		if !seen[title] {
			seen[title] = true
			out = append(out, inboxQuery{title, q})
		}
	}
	for _, r := range u.Roles {
		switch r {
		case org.OneStop:
			add("Hồ sơ chờ Bộ phận Một cửa xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusResultReady}})
			// A later step of the desk's role, such as "Trả kết quả" after the leader signs.
			add("Hồ sơ chuyển về Bộ phận Một cửa", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.RoleOneStop})
		case org.Specialist, org.Leader:
			add("Hồ sơ chờ "+r.Label()+" xử lý", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusProcessing}, StepRole: dossier.Role(r)})
		case org.Admin, org.Inspector:
			add("Hồ sơ đang giải quyết của đơn vị", store.InboxQuery{Unit: u.UnitCode,
				Statuses: []dossier.Status{dossier.StatusSubmitted, dossier.StatusReceived, dossier.StatusProcessing,
					dossier.StatusSupplementRequested, dossier.StatusResultReady}})
		}
	}
	return out
}

// scopeQuery is the query of every dossier the officer may see: administrators
// everywhere, other officers those received or held by their unit and the units below
// it (the rule of canSeeUnit).
func scopeQuery(u org.User) store.InboxQuery {
	if u.Has(org.Admin) {
		return store.InboxQuery{}
	}
	return store.InboxQuery{Scope: u.UnitCode}
}

// finishedStatuses are the statuses of the finished view.
func finishedStatuses() []dossier.Status {
	var out []dossier.Status
	for _, s := range dossier.Statuses() {
		if s.Finished() {
			out = append(out, s)
		}
	}
	return out
}

// inboxQueries returns the tables of the view with the filter applied. A search (Q) in
// the work view looks through every dossier the officer may see.
func inboxQueries(u org.User, view InboxView, f store.InboxQuery) (InboxView, []inboxQuery) {
	if view == ViewWork && f.Q != "" {
		view = ViewAll
	}
	var secs []inboxQuery
	switch view {
	case ViewWork:
		secs = workQueries(u)
	case ViewAll:
		q := scopeQuery(u)
		q.Order = store.Newest
		title := "Tất cả hồ sơ bạn được xem"
		if f.Q != "" {
			title = "Kết quả tìm kiếm"
		}
		secs = []inboxQuery{{title, q}}
	case ViewFinished:
		q := scopeQuery(u)
		q.Order, q.Statuses = store.LastFinished, finishedStatuses()
		secs = []inboxQuery{{"Hồ sơ đã giải quyết xong", q}}
	}
	for i := range secs {
		q := &secs[i].q
		if f.Statuses != nil {
			if len(q.Statuses) == 0 {
				q.Statuses = f.Statuses
			} else if !slices.Contains(q.Statuses, f.Statuses[0]) {
				q.Statuses = []dossier.Status{"-"} // no dossier has it
			} else {
				q.Statuses = f.Statuses
			}
		}
		q.ProcedureCode, q.FieldCode = f.ProcedureCode, f.FieldCode
		q.ReceivedFrom, q.ReceivedTo, q.Overdue, q.Q = f.ReceivedFrom, f.ReceivedTo, f.Overdue, f.Q
	}
	return view, secs
}

// parse checks the filter: a message per field for a malformed one.
func (f InboxFilter) parse() (InboxView, store.InboxQuery, int, map[string]string) {
	errs := map[string]string{}
	var q store.InboxQuery
	view := InboxView(strings.TrimSpace(f.View))
	if !slices.Contains([]InboxView{ViewWork, ViewAll, ViewFinished}, view) {
		errs["view"] = "Chế độ xem không hợp lệ."
	}
	q.Q = strings.TrimSpace(f.Q)
	if utf8.RuneCountInString(q.Q) > 100 {
		errs["q"] = "Từ khóa không được dài quá 100 ký tự."
	}
	if s := strings.TrimSpace(f.Status); s != "" {
		st, err := dossier.ParseStatus(s)
		if err != nil {
			errs["status"] = "Trạng thái không hợp lệ."
		}
		q.Statuses = []dossier.Status{st}
	}
	q.ProcedureCode = strings.TrimSpace(f.Procedure)
	if utf8.RuneCountInString(q.ProcedureCode) > 50 {
		errs["procedure"] = "Mã thủ tục không hợp lệ."
	}
	q.FieldCode = strings.TrimSpace(f.Field)
	if utf8.RuneCountInString(q.FieldCode) > 50 {
		errs["field"] = "Mã lĩnh vực không hợp lệ."
	}
	switch strings.TrimSpace(f.Overdue) {
	case "", "0":
	case "1", "on":
		q.Overdue = true
	default:
		errs["overdue"] = "Giá trị “chỉ hồ sơ quá hạn” không hợp lệ."
	}
	if s := strings.TrimSpace(f.From); s != "" {
		if d, ok := civilDate("from", s, errs); ok {
			q.ReceivedFrom = d.Start()
		}
	}
	if s := strings.TrimSpace(f.To); s != "" {
		if d, ok := civilDate("to", s, errs); ok {
			q.ReceivedTo = d.AddDays(1).Start()
		}
	}
	if !q.ReceivedFrom.IsZero() && !q.ReceivedTo.IsZero() && !q.ReceivedFrom.Before(q.ReceivedTo) {
		errs["to"] = "Ngày kết thúc phải từ ngày bắt đầu trở đi."
	}
	page := 1
	if s := strings.TrimSpace(f.Page); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 10_000 {
			errs["page"] = "Số trang phải là số nguyên từ 1 đến 10000."
		}
		page = n
	}
	return view, q, page, errs
}

// Inbox returns one page of the officer's inbox (hộp hồ sơ) in the view, with the
// filter applied: only dossiers the officer may see (their unit's work queues, or
// everything received or held by their unit and the units below it; administrators
// everywhere). A malformed filter is fault.Invalid with a message per field; an account
// without any officer role fault.Forbidden for the views beyond its work queues.
func (a *App) Inbox(ctx context.Context, u org.User, f InboxFilter) (InboxPage, error) {
	view, filter, page, errs := f.parse()
	if len(errs) > 0 {
		return InboxPage{}, fault.WithFields("Điều kiện lọc hồ sơ chưa hợp lệ.", errs)
	}
	view, secs := inboxQueries(u, view, filter)
	if view != ViewWork {
		if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Inspector, org.Admin); err != nil {
			return InboxPage{}, err
		}
	}
	cal, err := a.store.UnitCalendar(ctx, u.UnitCode)
	if err != nil {
		return InboxPage{}, err
	}
	now := a.now()
	if view != ViewWork {
		after, before, errs := f.cursors(view)
		if len(errs) > 0 {
			return InboxPage{}, fault.WithFields("Điều kiện lọc hồ sơ chưa hợp lệ.", errs)
		}
		return a.inboxList(ctx, secs[0], view, page, after, before, now, cal)
	}
	if f.After != "" || f.Before != "" {
		return InboxPage{}, fault.WithFields("Điều kiện lọc hồ sơ chưa hợp lệ.", map[string]string{"page": "Con trỏ trang không hợp lệ."})
	}
	out := InboxPage{View: view, Page: page, First: page == 1}
	for _, sq := range secs {
		sq.q.Limit, sq.q.Offset = InboxPageSize, (page-1)*InboxPageSize
		items, total, err := a.store.Inbox(ctx, sq.q)
		if err != nil {
			return InboxPage{}, err
		}
		out.More = out.More || page*InboxPageSize < total
		out.Sections = append(out.Sections, inboxSection(sq, items, total, now, cal))
	}
	return out, nil
}

// inboxSection turns the rows of one table into what the page shows.
func inboxSection(sq inboxQuery, items []store.InboxItem, total int, now time.Time, cal *calendar.Calendar) InboxSection {
	sec := InboxSection{Title: sq.title, Total: total, AtLeast: total >= sq.q.CountCap()}
	for _, it := range items {
		st := it.State()
		sec.Rows = append(sec.Rows, InboxRow{InboxItem: it, Applicant: it.ApplicantName,
			Urgency: dossier.Urgency(st, now, cal), Timeliness: st.Timeliness(now)})
	}
	return sec
}

// cursors reads the cursors of a list in scope: the page after or before a dossier.
func (f InboxFilter) cursors(view InboxView) (after, before *inboxCursor, errs map[string]string) {
	read := func(s string) *inboxCursor {
		if s == "" {
			return nil
		}
		c, ok := parseInboxCursor(s, view == ViewFinished)
		if !ok {
			errs = map[string]string{"page": "Con trỏ trang không hợp lệ."}
			return nil
		}
		return &c
	}
	after, before = read(strings.TrimSpace(f.After)), read(strings.TrimSpace(f.Before))
	if after != nil && before != nil {
		errs = map[string]string{"page": "Con trỏ trang không hợp lệ."}
	}
	return after, before, errs
}

// inboxList reads one page of a list in scope by key: after a dossier, before one, or
// at the page number (an offset, for the links of page numbers). One row more than the
// page is read to know whether another page follows (or, backwards, precedes).
func (a *App) inboxList(ctx context.Context, sq inboxQuery, view InboxView, page int, after, before *inboxCursor, now time.Time, cal *calendar.Calendar) (InboxPage, error) {
	q := sq.q
	q.Limit = InboxPageSize + 1
	out := InboxPage{View: view, Page: page}
	switch {
	case before != nil:
		q.After, q.Before, out.Page = before.Key, true, before.Page
	case after != nil:
		q.After, out.Page = after.Key, after.Page
	default:
		q.Offset = (page - 1) * InboxPageSize
	}
	items, total, err := a.store.Inbox(ctx, q)
	if err != nil {
		return InboxPage{}, err
	}
	switch {
	case before != nil && len(items) > InboxPageSize:
		items, out.More = items[1:], true
	case before != nil:
		// Fewer than a page before the key: the first page, read afresh so that it is full.
		q = sq.q
		q.Limit, out.Page, out.First = InboxPageSize+1, 1, true
		if items, total, err = a.store.Inbox(ctx, q); err != nil {
			return InboxPage{}, err
		}
		out.More = len(items) > InboxPageSize
	default:
		out.More, out.First = len(items) > InboxPageSize, after == nil && page == 1
	}
	items = items[:min(len(items), InboxPageSize)]
	c := inboxCursor{Finished: view == ViewFinished}
	if out.More && len(items) > 0 {
		c.Key, c.Page = items[len(items)-1].Key(), out.Page+1
		out.Next = c.String()
	}
	if !out.First && len(items) > 0 {
		c.Key, c.Page = items[0].Key(), max(out.Page-1, 1)
		out.Prev = c.String()
	}
	out.Sections = []InboxSection{inboxSection(sq, items, total, now, cal)}
	return out, nil
}

// InboxExport returns every row of the inbox's tables in the view with the filter
// applied (the page is ignored), each dossier once: the list the officer exports to
// Excel. The rules are those of Inbox. The list is read a chunk at a time after the last
// row read (keyset), within one of the few heavy-export slots; the work stops when ctx
// is cancelled (the officer left), and a list longer than the export's cap (10,000 rows)
// is refused with a Vietnamese message asking for a narrower filter, before any file is
// written; NeedsBackground reports that refusal (an export job makes such a list).
func (a *App) InboxExport(ctx context.Context, u org.User, f InboxFilter) ([]InboxRow, error) {
	if _, err := checkInboxFilter(f); err != nil {
		return nil, err
	}
	if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Inspector, org.Admin); err != nil {
		return nil, err
	}
	release, err := a.exports.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	limit := a.cfg.InboxExportRows
	if limit <= 0 {
		limit = maxInboxExport
	}
	out := []InboxRow{}
	err = a.eachInboxRow(ctx, u, f, func(r InboxRow) error {
		if len(out) == limit {
			return backgroundError{fault.New(fault.Invalid, fmt.Sprintf("Danh sách có hơn %s hồ sơ, quá lớn để xuất trong một lần. "+
				"Vui lòng thu hẹp điều kiện lọc (ví dụ theo khoảng ngày tiếp nhận, trạng thái hoặc thủ tục) rồi xuất lại, "+
				"hoặc tạo tệp trong nền.", thousands(limit)))}
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkInboxFilter refuses a malformed filter of an export with the messages per field.
func checkInboxFilter(f InboxFilter) (InboxFilter, error) {
	f.Page, f.After, f.Before = "", "", ""
	if _, _, _, errs := f.parse(); len(errs) > 0 {
		return f, fault.WithFields("Điều kiện lọc hồ sơ chưa hợp lệ.", errs)
	}
	return f, nil
}

// eachInboxRow calls fn with every row of the inbox's tables in the view with the filter
// applied, each dossier once, read a chunk at a time; it stops at fn's first error or
// when ctx ends. Only the dossier codes of a view with several tables (the work queues)
// are remembered, to skip a dossier met again.
func (a *App) eachInboxRow(ctx context.Context, u org.User, f InboxFilter, fn func(InboxRow) error) error {
	f.Page, f.After, f.Before = "", "", ""
	view, filter, _, errs := f.parse()
	if len(errs) > 0 {
		return fault.WithFields("Điều kiện lọc hồ sơ chưa hợp lệ.", errs)
	}
	_, secs := inboxQueries(u, view, filter)
	now := a.now()
	var seen map[string]bool
	if len(secs) > 1 {
		seen = map[string]bool{}
	}
	for _, sq := range secs {
		sq.q.Limit = inboxExportChunk
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			items, _, err := a.store.Inbox(ctx, sq.q)
			if err != nil {
				return err
			}
			for _, it := range items {
				if seen != nil {
					if seen[it.Code] {
						continue
					}
					seen[it.Code] = true
				}
				st := it.State()
				if err := fn(InboxRow{InboxItem: it, Applicant: it.ApplicantName, Timeliness: st.Timeliness(now)}); err != nil {
					return err
				}
			}
			if len(items) < sq.q.Limit {
				break
			}
			// Work queues (open work) page by offset; lists in scope after the last row.
			if sq.q.Unit != "" {
				sq.q.Offset += len(items)
			} else {
				sq.q.After = items[len(items)-1].Key()
			}
		}
	}
	return nil
}

// thousands writes n with dots between groups of three digits (10.000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// CanReceive reports whether the officer receives dossiers at the counter.
func CanReceive(u org.User) bool { return u.HasAny(org.OneStop, org.Admin) }

// InboxProcedures lists the procedures the inbox's filter offers the officer: those of
// the officer's unit, and every procedure for an administrator.
func (a *App) InboxProcedures(ctx context.Context, u org.User) ([]store.ProcedureSummary, error) {
	q := store.ProcedureQuery{Unit: u.UnitCode, Limit: store.MaxLimit}
	if u.Has(org.Admin) {
		q.Unit = ""
	}
	list, _, err := a.store.SearchProcedures(ctx, q)
	return list, err
}
