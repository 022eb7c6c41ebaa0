package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Open311 GeoReport v2 (the international standard for civic feedback): the services are
// the kinds of PAKN, jurisdiction_id is a unit's code, a service request is a PAKN and its
// service_request_id the PAKN's code. Nothing personal leaves through a GET.

// Open311Attribute is one attribute of a service definition.
type Open311Attribute struct {
	Code, Datatype, Description string
	Required                    bool
	Order                       int
}

// Open311Service is one service (a kind of PAKN) with its attributes.
type Open311Service struct {
	Code, Name, Description, Group, Keywords string
	Attributes                               []Open311Attribute
}

// Open311Services lists the services, the same at every unit.
func Open311Services() []Open311Service {
	return []Open311Service{
		{Code: string(feedback.KindRegulation), Name: "Phản ánh, kiến nghị về quy định, thủ tục hành chính",
			Description: "Phản ánh, kiến nghị về quy định, chính sách, thủ tục hành chính do đơn vị thực hiện.",
			Group:       "phan-anh-kien-nghi", Keywords: "quy định, chính sách, thủ tục hành chính"},
		{Code: string(feedback.KindDossier), Name: "Phản ánh, kiến nghị về việc giải quyết hồ sơ",
			Description: "Phản ánh về việc giải quyết một hồ sơ: cần mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.",
			Group:       "phan-anh-kien-nghi", Keywords: "hồ sơ, trễ hạn, giấy hẹn",
			Attributes: []Open311Attribute{
				{Code: "dossier_code", Datatype: "string", Required: true, Order: 1, Description: "Mã hồ sơ (in trên giấy tiếp nhận và hẹn trả kết quả)"},
				{Code: "lookup_key", Datatype: "string", Required: true, Order: 2, Description: "Mã tra cứu của hồ sơ (8 ký tự)"},
			}},
		{Code: string(feedback.KindConduct), Name: "Phản ánh về hành vi, thái độ của cán bộ",
			Description: "Phản ánh về hành vi, thái độ, tác phong của cán bộ, công chức khi giải quyết thủ tục hành chính.",
			Group:       "phan-anh-kien-nghi", Keywords: "cán bộ, thái độ, nhũng nhiễu"},
	}
}

// Open311ServiceByCode returns the service with the code, fault.NotFound for an unknown one.
func Open311ServiceByCode(code string) (Open311Service, error) {
	for _, s := range Open311Services() {
		if s.Code == code {
			return s, nil
		}
	}
	return Open311Service{}, fault.Newf(fault.NotFound, "service_code %q not found", clipText(code, 40))
}

// Open311Jurisdiction checks a jurisdiction_id (a unit's code): "" is allowed (every
// unit), an unknown one is fault.NotFound.
func (a *App) Open311Jurisdiction(ctx context.Context, id string) error {
	if id == "" {
		return nil
	}
	if _, err := a.store.Unit(ctx, id); err != nil {
		if fault.Is(err, fault.NotFound) {
			return fault.Newf(fault.NotFound, "jurisdiction_id %q not found", clipText(id, 64))
		}
		return err
	}
	return nil
}

// hashKey is the stored form of an api_key.
func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// AddOpen311Key issues a new api_key to an integrator named name; only its hash is
// stored, so the key is shown once. Administrators only (or the command line, with
// CLIActor).
func (a *App) AddOpen311Key(ctx context.Context, u org.User, name string, o Origin) (string, store.Open311Key, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return "", store.Open311Key{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return "", store.Open311Key{}, fault.WithFields("Tên ứng dụng kết nối chưa hợp lệ.", map[string]string{"name": "Nhập tên (tối đa 100 ký tự)."})
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", store.Open311Key{}, err
	}
	key := "o311_" + base64.RawURLEncoding.EncodeToString(b)
	k, err := a.store.AddOpen311Key(ctx, name, hashKey(key), officerAudit(u, o, "open311.key_add", "", name))
	return key, k, err
}

// Open311CLI is the actor of the command line for Open311 keys.
var Open311CLI = org.User{Username: CLIActor, Roles: []org.Role{org.Admin}}

// RevokeOpen311Key revokes an api_key; administrators only.
func (a *App) RevokeOpen311Key(ctx context.Context, u org.User, id int64, o Origin) error {
	if err := requireRole(u, org.Admin); err != nil {
		return err
	}
	return a.store.RevokeOpen311Key(ctx, id, officerAudit(u, o, "open311.key_revoke", "", ""))
}

// Open311Keys lists the api_keys (names and dates, never a key); administrators only.
func (a *App) Open311Keys(ctx context.Context, u org.User) ([]store.Open311Key, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return nil, err
	}
	return a.store.Open311Keys(ctx)
}

// Open311Key checks an api_key: missing is fault.Invalid, unknown or revoked
// fault.Forbidden.
func (a *App) Open311Key(ctx context.Context, key string) (store.Open311Key, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		return store.Open311Key{}, fault.New(fault.Invalid, "api_key was not provided")
	}
	k, err := a.store.Open311KeyByHash(ctx, hashKey(key))
	if fault.Is(err, fault.NotFound) || (err == nil && !k.RevokedAt.IsZero()) {
		return store.Open311Key{}, fault.New(fault.Forbidden, "Invalid api_key received -- can't proceed with create_request.")
	}
	return k, err
}

// Open311Post is a POST requests as Open311 sends it.
type Open311Post struct {
	JurisdictionID, ServiceCode          string
	FirstName, LastName, Email, Phone    string
	Description, AddressString, MediaURL string
	Attributes                           map[string]string
}

// Open311MaxDescription is the spec's limit on a description, in characters.
const Open311MaxDescription = 4000

// Open311Submit receives a PAKN posted through Open311 with a valid key. The service
// code chooses the kind; the jurisdiction (required: the endpoint serves many units) the
// unit; the sender's name and a contact are required by Vietnamese law.
func (a *App) Open311Submit(ctx context.Context, key store.Open311Key, p Open311Post, o Origin) (store.StoredFeedback, error) {
	if strings.TrimSpace(p.ServiceCode) == "" {
		return store.StoredFeedback{}, fault.New(fault.Invalid, "service_code was not provided")
	}
	svc, err := Open311ServiceByCode(strings.TrimSpace(p.ServiceCode))
	if err != nil {
		return store.StoredFeedback{}, err
	}
	if strings.TrimSpace(p.JurisdictionID) == "" {
		return store.StoredFeedback{}, fault.New(fault.Invalid, "jurisdiction_id was not provided")
	}
	if err := a.Open311Jurisdiction(ctx, strings.TrimSpace(p.JurisdictionID)); err != nil {
		return store.StoredFeedback{}, err
	}
	if utf8.RuneCountInString(p.Description) > Open311MaxDescription {
		return store.StoredFeedback{}, fault.New(fault.TooLarge, "description is longer than 4000 characters")
	}
	for _, at := range svc.Attributes {
		if at.Required && strings.TrimSpace(p.Attributes[at.Code]) == "" {
			return store.StoredFeedback{}, fault.WithFields("attribute["+at.Code+"] was not provided", map[string]string{at.Code: at.Description})
		}
	}
	in := FeedbackInput{Submission: feedback.Submission{
		UnitCode: strings.TrimSpace(p.JurisdictionID), Kind: feedback.Kind(svc.Code),
		DossierCode: p.Attributes["dossier_code"], Content: p.Description,
		Sender: feedback.Sender{Name: strings.TrimSpace(strings.TrimSpace(p.FirstName) + " " + strings.TrimSpace(p.LastName)),
			Email: p.Email, Phone: p.Phone, Address: p.AddressString}},
		DossierKey: p.Attributes["lookup_key"]}
	return a.Open311Feedback(ctx, key, in, o)
}

// Open311Item is a PAKN as Open311 shows it to anyone: no name, contact or address;
// the description and the answer only once the answer is published.
type Open311Item struct {
	ID, Status, StatusNotes, ServiceCode, ServiceName, Description, Agency string
	Requested, Updated, Expected                                           time.Time
}

// Open311Query is GET requests' filters.
type Open311Query struct {
	Jurisdiction string
	IDs          []string
	ServiceCodes []string
	Start, End   time.Time
	Statuses     []string
}

// Open311Request returns one PAKN by its code, fault.NotFound when unknown (or not in
// the jurisdiction).
func (a *App) Open311Request(ctx context.Context, jurisdiction, id string) (Open311Item, error) {
	if err := a.Open311Jurisdiction(ctx, jurisdiction); err != nil {
		return Open311Item{}, err
	}
	it, err := a.open311Item(ctx, id)
	if fault.Is(err, fault.NotFound) {
		return Open311Item{}, fault.Newf(fault.NotFound, "service_request_id %q not found", clipText(id, 64))
	}
	if err == nil && jurisdiction != "" {
		if ok, err := a.inSubtree(ctx, jurisdiction, it.unit); err != nil {
			return Open311Item{}, err
		} else if !ok {
			return Open311Item{}, fault.Newf(fault.NotFound, "service_request_id %q not found", clipText(id, 64))
		}
	}
	return it.Open311Item, err
}

type open311Located struct {
	Open311Item
	unit string
}

func (a *App) inSubtree(ctx context.Context, root, unit string) (bool, error) {
	below, err := a.store.UnitDescendants(ctx, root)
	if err != nil {
		return false, err
	}
	return slices.Contains(below, unit), nil
}

func (a *App) open311Item(ctx context.Context, code string) (open311Located, error) {
	f, err := a.store.Feedback(ctx, strings.TrimSpace(code))
	if err != nil {
		return open311Located{}, err
	}
	st := f.State
	it := Open311Item{ID: f.Record.Code, ServiceCode: string(f.Record.Kind), Status: "open",
		Requested: f.Record.ReceivedAt, Updated: f.Events[len(f.Events)-1].At, Expected: f.DueAt}
	if svc, err := Open311ServiceByCode(string(f.Record.Kind)); err == nil {
		it.ServiceName = svc.Name
	}
	if un, err := a.store.Unit(ctx, st.Unit); err == nil {
		it.Agency = un.Name
	}
	if st.Status.Closed() {
		it.Status = "closed"
	}
	it.StatusNotes = st.Status.Label()
	if st.Status == feedback.StatusPublished {
		it.Description = f.Record.Content
		it.StatusNotes = st.Answer
	}
	return open311Located{Open311Item: it, unit: st.Unit}, nil
}

// Open311MaxSpan is the longest range of GET requests (the spec's 90 days), and
// Open311MaxItems the most requests it returns.
const (
	Open311MaxSpan  = 90 * 24 * time.Hour
	Open311MaxItems = 1000
)

// Open311Requests answers GET requests: by codes (which override every other filter),
// else by service codes, statuses (open, closed) and the requested range (the last 90
// days by default, never longer), at most 1000, newest first.
func (a *App) Open311Requests(ctx context.Context, q Open311Query) ([]Open311Item, error) {
	if err := a.Open311Jurisdiction(ctx, q.Jurisdiction); err != nil {
		return nil, err
	}
	if len(q.IDs) > 0 {
		var out []Open311Item
		for _, id := range q.IDs {
			if len(out) == Open311MaxItems {
				break
			}
			it, err := a.Open311Request(ctx, q.Jurisdiction, id)
			if fault.Is(err, fault.NotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			out = append(out, it)
		}
		return out, nil
	}
	for _, c := range q.ServiceCodes {
		if _, err := Open311ServiceByCode(c); err != nil {
			return nil, err
		}
	}
	for _, s := range q.Statuses {
		if s != "open" && s != "closed" {
			return nil, fault.Newf(fault.Invalid, "status %q is not one of open, closed", clipText(s, 20))
		}
	}
	end, start := q.End, q.Start
	switch {
	case start.IsZero() && end.IsZero():
		end = a.now()
		start = end.Add(-Open311MaxSpan)
	case start.IsZero():
		start = end.Add(-Open311MaxSpan)
	case end.IsZero():
		end = start.Add(Open311MaxSpan)
	}
	if end.Before(start) {
		return nil, fault.New(fault.Invalid, "end_date is before start_date")
	}
	if end.Sub(start) > Open311MaxSpan {
		return nil, fault.New(fault.Invalid, "start_date and end_date may not span more than 90 days")
	}
	roots := []string{q.Jurisdiction}
	if q.Jurisdiction == "" {
		units, err := a.store.Units(ctx)
		if err != nil {
			return nil, err
		}
		roots = roots[:0]
		for _, u := range units {
			if u.ParentCode == "" {
				roots = append(roots, u.Code)
			}
		}
	}
	var out []Open311Item
	for _, root := range roots {
		list, err := a.store.FeedbackList(ctx, store.FeedbackFilter{Unit: root, Subtree: true,
			ReceivedFrom: start, ReceivedTo: end.Add(time.Second), Limit: Open311MaxItems})
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			if len(q.ServiceCodes) > 0 && !slices.Contains(q.ServiceCodes, string(s.Kind)) {
				continue
			}
			status := "open"
			if s.Status.Closed() {
				status = "closed"
			}
			if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, status) {
				continue
			}
			it, err := a.open311Item(ctx, s.Code)
			if err != nil {
				return nil, err
			}
			out = append(out, it.Open311Item)
		}
	}
	slices.SortFunc(out, func(x, y Open311Item) int { return y.Requested.Compare(x.Requested) })
	if len(out) > Open311MaxItems {
		out = out[:Open311MaxItems]
	}
	return out, nil
}

// ParseW3CTime reads a date-time of the W3C profile of ISO 8601 that Open311 uses
// (2010-01-01T00:00:00Z, with seconds or not, or a bare date taken at 00:00 UTC+7).
func ParseW3CTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, calendar.Zone()); err == nil {
		return t, nil
	}
	return time.Time{}, fault.Newf(fault.Invalid, "%q is not a W3C date-time such as 2010-01-01T00:00:00Z", clipText(s, 40))
}

// clipText shortens s to at most n runes for an error message.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
