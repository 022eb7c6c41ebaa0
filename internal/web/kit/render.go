package kit

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/files"
	"motcua/internal/org"
	"motcua/internal/store"
)

//go:embed all:templates static
var Assets embed.FS

// Zone is the civil time zone of Vietnam (UTC+7, no daylight saving).
var Zone = time.FixedZone("ICT", 7*3600)

// Funcs are the template helpers; all formatting is Vietnamese.
var Funcs = template.FuncMap{
	"datetime": DateTime,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(Zone).Format("02/01/2006")
	},
	"roleLabel":  func(r org.Role) string { return r.Label() },
	"levelLabel": func(l org.Level) string { return l.Label() },
	// stepRoleLabel and procLevelLabel name a process step's role and a procedure's level.
	"stepRoleLabel":  RoleText,
	"procLevelLabel": LevelText,
	// auditLabel names an action of the audit log in Vietnamese.
	"auditLabel": app.AuditActionLabel,
	"field": func(fields map[string]string, name string) string {
		return fields[name]
	},
	"vnd": FormatVND,
	// size writes a size in bytes for people: "2.5 MiB".
	"size": files.FormatSize,
	// days writes a number of days the Vietnamese way, with a decimal comma: "0,5".
	"days": ViNumber,
	"add":  func(a, b int) int { return a + b },
}

// DateTime writes an instant in Vietnam's time as "15:04 02/01/2006", "" for none.
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format("15:04 02/01/2006")
}

// FormatVND writes an amount as "50.000 đ".
func FormatVND(v int64) string {
	s := fmt.Sprint(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String() + " đ"
	}
	return b.String() + " đ"
}

// parsePages parses every page template together with the layout and the partials.
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(Funcs).ParseFS(Assets, "templates/_*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	names, err := fs.Glob(Assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimPrefix(n, "templates/")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(Assets, n)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page is what every template receives.
type page struct {
	Title string
	Site  org.Unit
	User  *org.User
	// Citizen is the signed-in citizen (người dân), when no officer is signed in.
	Citizen   *store.Citizen
	CSRF      string
	Path      string
	Version   string
	RequestID string
	Data      map[string]any
}

// SiteUnit is the unit shown in the header and footer: the officer's own unit, else the
// configured site unit, else the first unit.
func (s *Kit) SiteUnit(r *http.Request) org.Unit {
	ctx := r.Context()
	if u, ok := CurrentUser(r); ok {
		if unit, err := s.Store.Unit(ctx, u.UnitCode); err == nil {
			return unit
		}
	}
	code, _ := s.Store.Setting(ctx, "site_unit", "")
	if code != "" {
		if unit, err := s.Store.Unit(ctx, code); err == nil {
			return unit
		}
	}
	units, _ := s.Store.Units(ctx)
	if len(units) > 0 {
		return units[0]
	}
	return org.Unit{Name: "Hệ thống một cửa điện tử"}
}

// Render executes a page into a buffer first, so that a template error becomes a clean
// error page instead of half a page.
func (s *Kit) Render(w http.ResponseWriter, r *http.Request, st int, name string, data map[string]any) {
	t, ok := s.pages[name]
	if !ok {
		s.Log.ErrorContext(r.Context(), "missing template", "name", name)
		http.Error(w, "Hệ thống gặp sự cố.", http.StatusInternalServerError)
		return
	}
	p := page{
		Site: s.SiteUnit(r), CSRF: s.CSRFToken(w, r), Path: r.URL.Path,
		Version: s.Cfg.Version, RequestID: RequestID(r), Data: data,
	}
	if title, ok := data["Title"].(string); ok {
		p.Title = title
	}
	if u, ok := CurrentUser(r); ok {
		p.User = &u
	} else if c, ok := s.CurrentCitizen(r); ok {
		p.Citizen = &c
	}
	var buf bytes.Buffer
	tmpl := "layout"
	if r.Header.Get("HX-Request") == "true" && t.Lookup("partial") != nil {
		tmpl = "partial"
	}
	if err := t.ExecuteTemplate(&buf, tmpl, p); err != nil {
		s.Log.ErrorContext(r.Context(), "template failed", "name", name, "err", err, "request_id", RequestID(r))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "Hệ thống gặp sự cố. Mã yêu cầu: %s", RequestID(r))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(st)
	buf.WriteTo(w)
}
