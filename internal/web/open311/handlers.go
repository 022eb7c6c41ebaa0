package open311

import (
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// Spec is the address of the GeoReport v2 specification named in the discovery.
const Spec = "http://wiki.open311.org/GeoReport_v2"

type endpoint struct {
	XMLName       xml.Name `json:"-" xml:"endpoint"`
	Specification string   `json:"specification" xml:"specification"`
	URL           string   `json:"url" xml:"url"`
	Changeset     string   `json:"changeset" xml:"changeset"`
	Type          string   `json:"type" xml:"type"`
	Formats       []string `json:"formats" xml:"formats>format"`
}

type discovery struct {
	XMLName    xml.Name   `json:"-" xml:"discovery"`
	Changeset  string     `json:"changeset" xml:"changeset"`
	Contact    string     `json:"contact" xml:"contact"`
	KeyService string     `json:"key_service" xml:"key_service"`
	Endpoints  []endpoint `json:"endpoints" xml:"endpoints>endpoint"`
}

// changeset is when the endpoint's services last changed.
const changeset = "2026-12-04T00:00:00+07:00"

func (s Server) handleDiscovery(w http.ResponseWriter, r *http.Request) {
	base := strings.TrimRight(s.Origin(r).BaseURL, "/")
	d := discovery{Changeset: changeset,
		Contact:    "Bộ phận Một cửa của đơn vị (số đường dây nóng tại " + base + "/api/v1/units)",
		KeyService: "api_key do quản trị viên cấp tại " + base + "/quan-tri/open311",
		Endpoints: []endpoint{{Specification: Spec, URL: base + "/open311/v2", Changeset: changeset,
			Type: "production", Formats: []string{"application/json", "text/xml"}}}}
	write(w, r, http.StatusOK, d, d)
}

type service struct {
	XMLName     xml.Name `json:"-" xml:"service"`
	ServiceCode string   `json:"service_code" xml:"service_code"`
	ServiceName string   `json:"service_name" xml:"service_name"`
	Description string   `json:"description" xml:"description"`
	Metadata    bool     `json:"metadata" xml:"metadata"`
	Type        string   `json:"type" xml:"type"`
	Keywords    string   `json:"keywords" xml:"keywords"`
	Group       string   `json:"group" xml:"group"`
}

type serviceList struct {
	XMLName  xml.Name  `xml:"services"`
	Services []service `xml:"service"`
}

func (s Server) handleServices(w http.ResponseWriter, r *http.Request) {
	if err := s.App.Open311Jurisdiction(r.Context(), r.URL.Query().Get("jurisdiction_id")); err != nil {
		s.fail(w, r, err)
		return
	}
	out := []service{}
	for _, sv := range app.Open311Services() {
		out = append(out, service{ServiceCode: sv.Code, ServiceName: sv.Name, Description: sv.Description,
			Metadata: len(sv.Attributes) > 0, Type: "realtime", Keywords: sv.Keywords, Group: sv.Group})
	}
	write(w, r, http.StatusOK, out, serviceList{Services: out})
}

type attribute struct {
	XMLName             xml.Name `json:"-" xml:"attribute"`
	Variable            bool     `json:"variable" xml:"variable"`
	Code                string   `json:"code" xml:"code"`
	Datatype            string   `json:"datatype" xml:"datatype"`
	Required            bool     `json:"required" xml:"required"`
	DatatypeDescription string   `json:"datatype_description" xml:"datatype_description"`
	Order               int      `json:"order" xml:"order"`
	Description         string   `json:"description" xml:"description"`
	Values              []value  `json:"values" xml:"values>value"`
}

type value struct {
	Key  string `json:"key" xml:"key"`
	Name string `json:"name" xml:"name"`
}

type definition struct {
	XMLName     xml.Name    `json:"-" xml:"service_definition"`
	ServiceCode string      `json:"service_code" xml:"service_code"`
	Attributes  []attribute `json:"attributes" xml:"attributes>attribute"`
}

func (s Server) handleService(w http.ResponseWriter, r *http.Request, code string) {
	if err := s.App.Open311Jurisdiction(r.Context(), r.URL.Query().Get("jurisdiction_id")); err != nil {
		s.fail(w, r, err)
		return
	}
	sv, err := app.Open311ServiceByCode(code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := definition{ServiceCode: sv.Code, Attributes: []attribute{}}
	for _, a := range sv.Attributes {
		d.Attributes = append(d.Attributes, attribute{Variable: true, Code: a.Code, Datatype: a.Datatype,
			Required: a.Required, Order: a.Order, Description: a.Description, Values: []value{}})
	}
	write(w, r, http.StatusOK, d, d)
}

type created struct {
	XMLName          xml.Name `json:"-" xml:"request"`
	ServiceRequestID string   `json:"service_request_id" xml:"service_request_id"`
	ServiceNotice    string   `json:"service_notice" xml:"service_notice"`
	AccountID        *string  `json:"account_id" xml:"account_id"`
}

type createdList struct {
	XMLName  xml.Name  `xml:"service_requests"`
	Requests []created `xml:"request"`
}

// maxPost bounds a POST's body: a description of 4000 characters and a few fields.
const maxPost = 64 << 10

func (s Server) handlePost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxPost)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, fault.New(fault.TooLarge, "request body is too large or malformed"))
		return
	}
	key, err := s.App.Open311Key(r.Context(), r.PostForm.Get("api_key"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := app.Open311Post{JurisdictionID: r.PostForm.Get("jurisdiction_id"), ServiceCode: r.PostForm.Get("service_code"),
		FirstName: r.PostForm.Get("first_name"), LastName: r.PostForm.Get("last_name"), Email: r.PostForm.Get("email"),
		Phone: r.PostForm.Get("phone"), Description: r.PostForm.Get("description"),
		AddressString: r.PostForm.Get("address_string"), MediaURL: r.PostForm.Get("media_url"), Attributes: map[string]string{}}
	for k, v := range r.PostForm {
		if strings.HasPrefix(k, "attribute[") && len(v) > 0 {
			name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(k, "attribute["), "[]"), "]")
			p.Attributes[name] = v[0]
		}
	}
	f, err := s.App.Open311Submit(r.Context(), key, p, s.Origin(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c := created{ServiceRequestID: f.Record.Code,
		ServiceNotice: "Phản ánh, kiến nghị được xử lý trong 15 ngày làm việc; hạn dự kiến " + kit.ViInstant(f.DueAt) + "."}
	write(w, r, http.StatusCreated, []created{c}, createdList{Requests: []created{c}})
}

type request struct {
	XMLName           xml.Name `json:"-" xml:"request"`
	ServiceRequestID  string   `json:"service_request_id" xml:"service_request_id"`
	Status            string   `json:"status" xml:"status"`
	StatusNotes       string   `json:"status_notes" xml:"status_notes"`
	ServiceName       string   `json:"service_name" xml:"service_name"`
	ServiceCode       string   `json:"service_code" xml:"service_code"`
	Description       *string  `json:"description" xml:"description"`
	AgencyResponsible string   `json:"agency_responsible" xml:"agency_responsible"`
	ServiceNotice     *string  `json:"service_notice" xml:"service_notice"`
	RequestedDatetime string   `json:"requested_datetime" xml:"requested_datetime"`
	UpdatedDatetime   string   `json:"updated_datetime" xml:"updated_datetime"`
	ExpectedDatetime  *string  `json:"expected_datetime" xml:"expected_datetime"`
	Address           *string  `json:"address" xml:"address"`
	AddressID         *string  `json:"address_id" xml:"address_id"`
	Zipcode           *string  `json:"zipcode" xml:"zipcode"`
	Lat               *float64 `json:"lat" xml:"lat"`
	Long              *float64 `json:"long" xml:"long"`
	MediaURL          *string  `json:"media_url" xml:"media_url"`
}

type requestList struct {
	XMLName  xml.Name  `xml:"service_requests"`
	Requests []request `xml:"request"`
}

// w3c formats an instant in UTC+7 as the spec's W3C date-time.
func w3c(t time.Time) string { return t.In(calendar.Zone()).Format(time.RFC3339) }

func toRequest(it app.Open311Item) request {
	q := request{ServiceRequestID: it.ID, Status: it.Status, StatusNotes: it.StatusNotes, ServiceName: it.ServiceName,
		ServiceCode: it.ServiceCode, AgencyResponsible: it.Agency,
		RequestedDatetime: w3c(it.Requested), UpdatedDatetime: w3c(it.Updated)}
	if it.Description != "" {
		d := it.Description
		q.Description = &d
	}
	if !it.Expected.IsZero() {
		e := w3c(it.Expected)
		q.ExpectedDatetime = &e
	}
	return q
}

func (s Server) handleRequest(w http.ResponseWriter, r *http.Request, id string) {
	it, err := s.App.Open311Request(r.Context(), r.URL.Query().Get("jurisdiction_id"), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := []request{toRequest(it)}
	write(w, r, http.StatusOK, out, requestList{Requests: out})
}

// list splits a comma-separated parameter (which may also be repeated).
func list(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func (s Server) handleRequests(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := app.Open311Query{Jurisdiction: v.Get("jurisdiction_id"), IDs: list(v["service_request_id"]),
		ServiceCodes: list(v["service_code"]), Statuses: list(v["status"])}
	for _, d := range []struct {
		name string
		to   *time.Time
	}{{"start_date", &q.Start}, {"end_date", &q.End}} {
		if raw := strings.TrimSpace(v.Get(d.name)); raw != "" {
			t, err := app.ParseW3CTime(raw)
			if err != nil {
				s.fail(w, r, fault.New(fault.Invalid, d.name+": "+fault.As(err).Message))
				return
			}
			*d.to = t
		}
	}
	items, err := s.App.Open311Requests(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]request, 0, len(items))
	for _, it := range items {
		out = append(out, toRequest(it))
	}
	write(w, r, http.StatusOK, out, requestList{Requests: out})
}
