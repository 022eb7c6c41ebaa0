package public

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// handleProcedures is the public catalogue: the search box, the fields with their
// counts and the results. An htmx request gets only the results.
func (s *Server) handleProcedures(w http.ResponseWriter, r *http.Request) {
	q, err := kit.ProcedureQuery(r, kit.PageSize)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if p, _ := strconv.Atoi(r.URL.Query().Get("trang")); p > 1 {
		q.Offset = (p - 1) * kit.PageSize
	}
	items, total, err := s.Store.SearchProcedures(r.Context(), q)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	fields, err := s.Store.Fields(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var field catalog.Field
	for _, f := range fields {
		if f.Code == q.Field {
			field = f.Field
		}
	}
	if q.Field != "" && field.Code == "" {
		s.PageError(w, r, fault.Newf(fault.NotFound, "Không có lĩnh vực %q.", q.Field))
		return
	}
	title := "Thủ tục hành chính"
	if field.Name != "" {
		title = "Thủ tục lĩnh vực " + field.Name
	}
	page := q.Offset/kit.PageSize + 1
	s.Render(w, r, http.StatusOK, "procedures.html", map[string]any{
		"Title":    title,
		"Q":        q.Q,
		"Field":    field,
		"Fields":   fields,
		"Items":    kit.SummaryViews(items),
		"Total":    total,
		"Searched": strings.TrimSpace(q.Q) != "" || q.Field != "",
		"Page":     page,
		"Prev":     page - 1,
		"Next":     nextPage(page, total),
	})
}

func nextPage(page, total int) int {
	if page*kit.PageSize < total {
		return page + 1
	}
	return 0
}

// handleProcedure shows everything a citizen needs before coming to the desk.
func (s *Server) handleProcedure(w http.ResponseWriter, r *http.Request) {
	p, err := s.Store.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	fieldName := p.FieldCode
	if fields, err := s.Store.Fields(r.Context()); err == nil {
		for _, f := range fields {
			if f.Code == p.FieldCode {
				fieldName = f.Name
			}
		}
	}
	s.Render(w, r, http.StatusOK, "procedure.html", map[string]any{
		"Title": p.Name, "P": kit.NewProcedureView(p, fieldName),
	})
}
