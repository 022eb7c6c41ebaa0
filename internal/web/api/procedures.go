package api

import (
	"net/http"

	"motcua/internal/catalog"
	"motcua/internal/web/kit"
)

// apiProcedures is GET /api/v1/procedures?q=&field=&unit=&limit=&offset=.
func (s *Server) apiProcedures(w http.ResponseWriter, r *http.Request) {
	q, err := kit.ProcedureQuery(r, 50)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items, total, err := s.Store.SearchProcedures(r.Context(), q)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items, "total": total})
}

// apiProcedure is GET /api/v1/procedures/{code}: the whole procedure as the catalogue
// encodes it (its process is the current version), plus its field's name.
func (s *Server) apiProcedure(w http.ResponseWriter, r *http.Request) {
	p, err := s.Store.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	field := catalog.Field{Code: p.FieldCode}
	if fields, err := s.Store.Fields(r.Context()); err == nil {
		for _, f := range fields {
			if f.Code == p.FieldCode {
				field = f.Field
			}
		}
	}
	kit.WriteJSON(w, http.StatusOK, struct {
		catalog.Procedure
		Field catalog.Field `json:"field"`
	}{p, field})
}
