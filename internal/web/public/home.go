package public

import (
	"net/http"

	"motcua/internal/org"
	"motcua/internal/web/kit"
	"motcua/internal/web/portal"
)

// unitNode is a unit with its children, for the tree on the home page.
type unitNode struct {
	Unit     org.Unit
	Children []*unitNode
}

// unitTree arranges units (parents listed in any order) as a forest.
func unitTree(units []org.Unit) []*unitNode {
	nodes := map[string]*unitNode{}
	for _, u := range units {
		nodes[u.Code] = &unitNode{Unit: u}
	}
	var roots []*unitNode
	for _, u := range units {
		n := nodes[u.Code]
		if p, ok := nodes[u.ParentCode]; ok {
			p.Children = append(p.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	return roots
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	fields, err := s.Store.Fields(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	blocks, err := portal.Home(s.Kit, r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data := map[string]any{"Tree": unitTree(units), "Count": len(units), "Fields": fields, "Portal": blocks}
	if site := s.SiteUnit(r); site.Code != "" {
		if un, f, err := s.App.Headline(r.Context(), site.Code); err == nil {
			data["Headline"] = Headline{Unit: un, ResultFigures: f}
		}
	}
	s.Render(w, r, http.StatusOK, "home.html", data)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.Ping(r.Context()); err != nil {
		s.Log.ErrorContext(r.Context(), "health check failed", "err", err)
		kit.WriteJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.Cfg.Version})
}
