package app

import (
	"context"
	"crypto/subtle"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/notify"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Limits on PAKN sent by the public (spam): per client address and per contact.
const (
	FeedbackPerAddressHour = 10
	FeedbackPerContactDay  = 5
)

// FeedbackInput is a PAKN as a sender (or the desk, from a call) gives it. DossierKey is
// the lookup key of the dossier a PAKN of kind dossier is about.
type FeedbackInput struct {
	feedback.Submission
	DossierKey string
}

// SubmitFeedback receives a PAKN from the unit's public site, with or without a citizen's
// account (citizen nil): name and contact are required, a dossier is checked with its
// lookup key (or belongs to the citizen), and the sender's address and contact are
// rate-limited. The sender is mailed the code and the follow-up link.
func (a *App) SubmitFeedback(ctx context.Context, in FeedbackInput, citizen *store.Citizen, o Origin) (store.StoredFeedback, error) {
	in.Channel = feedback.ChannelWeb
	n := store.NewFeedback{ClientIP: o.IP, Actor: "public", Role: feedback.RoleSender}
	if citizen != nil {
		in.Channel = feedback.ChannelAccount
		n.CitizenID, n.Actor = citizen.ID, citizen.Actor()
		if strings.TrimSpace(in.Sender.Email) == "" && strings.TrimSpace(in.Sender.Phone) == "" {
			in.Sender.Email, in.Sender.Phone = citizen.Email, citizen.Phone
		}
		if strings.TrimSpace(in.Sender.Name) == "" {
			in.Sender.Name = citizen.FullName
		}
	}
	return a.receiveFeedback(ctx, in, n, true, store.AuditEntry{})
}

// Open311Feedback receives a PAKN posted through Open311 with a valid key.
func (a *App) Open311Feedback(ctx context.Context, key store.Open311Key, in FeedbackInput, o Origin) (store.StoredFeedback, error) {
	in.Channel = feedback.ChannelOpen311
	n := store.NewFeedback{APIKeyID: key.ID, Actor: "open311:" + key.Name, Role: feedback.RoleSystem}
	return a.receiveFeedback(ctx, in, n, true, store.AuditEntry{})
}

// LogHotlineFeedback records a PAKN received by phone on the hotline (đường dây nóng):
// the one-stop officer types it for the caller; no rate limit and no key for a dossier
// the officer may see.
func (a *App) LogHotlineFeedback(ctx context.Context, u org.User, in FeedbackInput, o Origin) (store.StoredFeedback, error) {
	if err := requireRole(u, org.OneStop, org.Leader, org.Admin); err != nil {
		return store.StoredFeedback{}, err
	}
	if strings.TrimSpace(in.UnitCode) == "" {
		in.UnitCode = u.UnitCode
	}
	if err := a.SeeUnit(ctx, u, strings.TrimSpace(in.UnitCode)); err != nil {
		return store.StoredFeedback{}, err
	}
	in.Channel = feedback.ChannelHotline
	n := store.NewFeedback{Actor: u.Username, Role: feedback.RoleDesk}
	return a.receiveFeedback(ctx, in, n, false, officerAudit(u, o, "feedback.hotline", "", ""))
}

func (a *App) receiveFeedback(ctx context.Context, in FeedbackInput, n store.NewFeedback, public bool, audit store.AuditEntry) (store.StoredFeedback, error) {
	if err := in.Normalize(); err != nil {
		return store.StoredFeedback{}, err
	}
	if in.Kind == feedback.KindDossier {
		unit, err := a.feedbackDossier(ctx, in, n.CitizenID, public)
		if err != nil {
			return store.StoredFeedback{}, err
		}
		in.UnitCode = unit
	} else {
		in.DossierCode = ""
	}
	if public {
		since := a.now().Add(-time.Hour)
		byIP, _, err := a.store.RecentFeedback(ctx, n.ClientIP, "", "", since)
		if err != nil {
			return store.StoredFeedback{}, err
		}
		_, byContact, err := a.store.RecentFeedback(ctx, "", in.Sender.Email, in.Sender.Phone, a.now().Add(-24*time.Hour))
		if err != nil {
			return store.StoredFeedback{}, err
		}
		if byIP >= FeedbackPerAddressHour || byContact >= FeedbackPerContactDay {
			return store.StoredFeedback{}, fault.New(fault.RateLimited, "Bạn đã gửi nhiều phản ánh, kiến nghị trong thời gian ngắn. Vui lòng thử lại sau.")
		}
	}
	n.Submission = in.Submission
	n.At = a.now()
	base := a.cfg.BaseURL
	return a.store.CreateFeedback(ctx, n, store.FeedbackWrite{Audit: audit, Messages: func(f store.StoredFeedback) []store.OutboxMessage {
		return senderMail(base, f, "received", "")
	}})
}

// feedbackDossier checks the dossier a PAKN is about and returns its receiving unit: the
// lookup key must match (a wrong key and an unknown code get the same answer), unless the
// sender is the citizen who owns it or an officer logs the call.
func (a *App) feedbackDossier(ctx context.Context, in FeedbackInput, citizenID int64, public bool) (string, error) {
	bad := fault.WithFields("Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.", map[string]string{
		"dossier_key": "Mã hồ sơ hoặc mã tra cứu không đúng."})
	d, err := a.store.Dossier(ctx, in.DossierCode)
	if fault.Is(err, fault.NotFound) || fault.Is(err, fault.Invalid) {
		return "", bad
	}
	if err != nil {
		return "", err
	}
	if !public {
		return d.Record.UnitCode, nil
	}
	if citizenID != 0 {
		if owner, err := a.store.DossierOwner(ctx, d.Record.Code); err == nil && owner == citizenID {
			return d.Record.UnitCode, nil
		}
	}
	key := strings.ToUpper(strings.TrimSpace(in.DossierKey))
	if subtle.ConstantTimeCompare([]byte(key), []byte(strings.ToUpper(d.Record.LookupKey))) != 1 {
		return "", bad
	}
	return d.Record.UnitCode, nil
}

// senderMail is the message to the sender of a PAKN, none without an e-mail address.
func senderMail(base string, f store.StoredFeedback, what, detail string) []store.OutboxMessage {
	if f.Record.Sender.Email == "" {
		return nil
	}
	m := notify.FeedbackMail(base, what, f.Record.Sender.Name, f.Record.Code, f.Record.LookupKey, detail)
	return []store.OutboxMessage{{Kind: store.MessageKindEmail, Recipient: f.Record.Sender.Email, Subject: m.Subject, Body: m.Body}}
}

// FeedbackView is a PAKN with its clocks at the time asked, for the officer's page and the
// sender's page.
type FeedbackView struct {
	store.StoredFeedback
	Clocks  []feedback.Clock
	OnTime  bool
	Actions []feedback.Action
}

// feedbackRoles maps an officer's roles to the roles of the PAKN rules.
func feedbackRoles(u org.User) []feedback.Role {
	var out []feedback.Role
	for _, r := range u.Roles {
		switch r {
		case org.Admin:
			out = append(out, feedback.RoleAdmin)
		case org.OneStop:
			out = append(out, feedback.RoleDesk)
		case org.Specialist:
			out = append(out, feedback.RoleSpecialist)
		case org.Leader:
			out = append(out, feedback.RoleLeader)
		}
	}
	return out
}

func (a *App) feedbackView(ctx context.Context, f store.StoredFeedback) (FeedbackView, error) {
	cal, err := a.store.UnitCalendar(ctx, f.State.Unit)
	if err != nil {
		return FeedbackView{}, err
	}
	cs, err := feedback.Clocks(f.Record, f.State, cal, a.now())
	if err != nil {
		return FeedbackView{}, err
	}
	return FeedbackView{StoredFeedback: f, Clocks: cs, OnTime: feedback.OnTime(cs)}, nil
}

// OfficerFeedback returns a PAKN the officer may see (its unit is the officer's or below
// it) with its clocks and the actions the officer may take.
func (a *App) OfficerFeedback(ctx context.Context, u org.User, code string) (FeedbackView, error) {
	f, err := a.store.Feedback(ctx, strings.TrimSpace(code))
	if err != nil {
		return FeedbackView{}, err
	}
	ok, err := a.canSeeUnit(ctx, u, f.State.Unit)
	if err != nil {
		return FeedbackView{}, err
	}
	if !ok || !u.HasAny(org.OneStop, org.Specialist, org.Leader, org.Admin, org.Inspector) {
		return FeedbackView{}, fault.New(fault.Forbidden, "Phản ánh, kiến nghị thuộc đơn vị khác; bạn không có quyền xem.")
	}
	v, err := a.feedbackView(ctx, f)
	if err != nil {
		return v, err
	}
	for _, act := range feedback.OfficerActions() {
		for _, r := range feedbackRoles(u) {
			if feedback.Can(f.State, act, r) == nil {
				v.Actions = append(v.Actions, act)
				break
			}
		}
	}
	return v, nil
}

// FeedbackActInput is an officer's action on a PAKN; Version is the version the officer
// saw (0: the current one).
type FeedbackActInput struct {
	Action   feedback.Action
	Note     string
	Reason   string
	Class    feedback.Class
	Assignee string
	ToUnit   string
	Answer   string
	Version  int
}

// ActOnFeedback takes an officer's action on a PAKN: the officer must see its unit, hold
// a role the rules allow (a specialist drafts only the PAKN assigned to them), an
// assignee must be an active officer of the unit and a transfer's target an existing
// unit. The sender is mailed when information is asked for, on a refusal and with the
// answer.
func (a *App) ActOnFeedback(ctx context.Context, u org.User, code string, in FeedbackActInput, o Origin) (store.StoredFeedback, error) {
	f, err := a.store.Feedback(ctx, strings.TrimSpace(code))
	if err != nil {
		return f, err
	}
	if ok, err := a.canSeeUnit(ctx, u, f.State.Unit); err != nil {
		return f, err
	} else if !ok {
		return f, fault.New(fault.Forbidden, "Phản ánh, kiến nghị thuộc đơn vị khác; bạn không có quyền xử lý.")
	}
	switch in.Action {
	case feedback.ActionAssign:
		if in.Assignee != "" {
			au, err := a.store.User(ctx, strings.TrimSpace(in.Assignee))
			if err != nil || !au.Active || au.UnitCode != f.State.Unit {
				return f, fault.WithFields("Cán bộ được giao không hợp lệ.", map[string]string{"assignee": "Chọn cán bộ đang làm việc tại đơn vị."})
			}
		}
	case feedback.ActionTransfer:
		if in.ToUnit != "" {
			if _, err := a.store.Unit(ctx, strings.TrimSpace(in.ToUnit)); err != nil {
				return f, fault.WithFields("Cơ quan nhận chuyển không hợp lệ.", map[string]string{"to_unit": "Không có đơn vị với mã này."})
			}
		}
	}
	base := a.cfg.BaseURL
	decide := func(cur store.StoredFeedback) (feedback.Event, error) {
		roles := feedbackRoles(u)
		if len(roles) == 0 {
			return feedback.Event{}, fault.New(fault.Forbidden, "Tài khoản của bạn không có quyền xử lý phản ánh, kiến nghị.")
		}
		role := roles[0]
		for _, r := range roles {
			if feedback.Can(cur.State, in.Action, r) == nil {
				role = r
				break
			}
		}
		if in.Action == feedback.ActionDraft && role == feedback.RoleSpecialist && cur.State.Assignee != u.Username {
			return feedback.Event{}, fault.New(fault.Forbidden, "Phản ánh, kiến nghị này được giao cho cán bộ khác.")
		}
		return feedback.Decide(cur.State, feedback.Command{Action: in.Action, Actor: u.Username, Role: role, At: a.now(),
			Note: in.Note, Reason: in.Reason, Class: in.Class, Assignee: in.Assignee, ToUnit: in.ToUnit, Answer: in.Answer})
	}
	w := store.FeedbackWrite{Version: in.Version, Audit: officerAudit(u, o, "feedback."+string(in.Action), "", ""),
		Messages: func(f store.StoredFeedback) []store.OutboxMessage {
			e := f.Events[len(f.Events)-1]
			switch e.Action {
			case feedback.ActionRequestInfo:
				return senderMail(base, f, "info_requested", e.Note)
			case feedback.ActionRefuse:
				return senderMail(base, f, "refused", e.Reason)
			case feedback.ActionAnswer:
				return senderMail(base, f, "answered", f.State.Answer)
			}
			return nil
		}}
	return a.store.ActOnFeedback(ctx, f.Record.Code, decide, w)
}

// FeedbackInbox lists the PAKN of the officer's unit and the units below it, soonest due
// first; overdue keeps those whose running clock is past due.
func (a *App) FeedbackInbox(ctx context.Context, u org.User, status feedback.Status, overdue bool) ([]store.FeedbackSummary, error) {
	if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Admin, org.Inspector); err != nil {
		return nil, err
	}
	f := store.FeedbackFilter{Unit: u.UnitCode, Subtree: true, Status: status}
	if overdue {
		f.Running, f.DueBefore = true, a.now()
	}
	return a.store.FeedbackList(ctx, f)
}

// SenderFeedback returns a PAKN to its sender by code and key (a wrong key and an unknown
// code get the same answer), with its clocks.
func (a *App) SenderFeedback(ctx context.Context, code, key string) (FeedbackView, error) {
	notFound := fault.New(fault.NotFound, "Không tìm thấy phản ánh, kiến nghị với mã và mã tra cứu đã nhập.")
	f, err := a.store.Feedback(ctx, strings.ToUpper(strings.TrimSpace(code)))
	if fault.Is(err, fault.NotFound) {
		return FeedbackView{}, notFound
	}
	if err != nil {
		return FeedbackView{}, err
	}
	if subtle.ConstantTimeCompare([]byte(strings.ToUpper(strings.TrimSpace(key))), []byte(f.Record.LookupKey)) != 1 {
		return FeedbackView{}, notFound
	}
	return a.feedbackView(ctx, f)
}

// SenderFeedbackInput is what the sender does on the follow-up page: react (liked or
// disliked) to the answer, follow up, or give the information asked for.
type SenderFeedbackInput struct {
	Action   feedback.Action
	Reaction feedback.Reaction
	Note     string
}

// SenderAct records the sender's reaction, follow-up or added information on a PAKN
// reached by code and key.
func (a *App) SenderAct(ctx context.Context, code, key string, in SenderFeedbackInput, o Origin) (store.StoredFeedback, error) {
	v, err := a.SenderFeedback(ctx, code, key)
	if err != nil {
		return store.StoredFeedback{}, err
	}
	switch in.Action {
	case feedback.ActionReact, feedback.ActionFollowUp, feedback.ActionInfoReceived:
	default:
		return store.StoredFeedback{}, fault.New(fault.Invalid, "Thao tác không hợp lệ.")
	}
	decide := func(cur store.StoredFeedback) (feedback.Event, error) {
		return feedback.Decide(cur.State, feedback.Command{Action: in.Action, Actor: "sender", Role: feedback.RoleSender,
			At: a.now(), Reaction: in.Reaction, Note: in.Note})
	}
	return a.store.ActOnFeedback(ctx, v.Record.Code, decide, store.FeedbackWrite{})
}

// PublishedFeedback lists the published answers of a unit and the units below it (every
// unit when unit is empty): questions and answers only, nothing about the sender.
func (a *App) PublishedFeedback(ctx context.Context, unit string, limit int) ([]store.PublishedAnswer, error) {
	unit = strings.TrimSpace(unit)
	if unit != "" {
		if _, err := a.store.Unit(ctx, unit); err != nil {
			return nil, err
		}
	}
	return a.store.PublishedFeedback(ctx, unit, limit)
}

// FeedbackAssignees lists the active officers of the unit a PAKN may be assigned to
// (specialists and leaders).
func (a *App) FeedbackAssignees(ctx context.Context, unit string) ([]org.User, error) {
	users, err := a.store.Users(ctx)
	if err != nil {
		return nil, err
	}
	var out []org.User
	for _, x := range users {
		if x.Active && x.UnitCode == unit && x.HasAny(org.Specialist, org.Leader) {
			out = append(out, x)
		}
	}
	return out, nil
}
