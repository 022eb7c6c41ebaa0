package api

import (
	"net/http"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/web/kit"
)

// exportJSON is an export job as the API shows it.
func exportJSON(j app.ExportJob) map[string]any {
	out := map[string]any{"id": j.ID, "kind": j.Kind, "state": j.State, "params": j.Params,
		"progress":   map[string]any{"done": j.Done, "total": j.Total, "percent": j.Percent()},
		"created_at": kit.Instant(j.CreatedAt), "started_at": kit.Instant(j.StartedAt),
		"finished_at": kit.Instant(j.FinishedAt), "expires_at": kit.Instant(j.ExpiresAt)}
	if j.Error != "" {
		out["error_message"] = j.Error
	}
	if j.State == "done" {
		out["file"] = map[string]any{"name": j.FileName, "content_type": j.ContentType, "size": j.Size,
			"url": "/api/v1/exports/" + strconv.FormatInt(j.ID, 10) + "/file"}
	}
	return out
}

// apiQueueExport queues an export job (POST /api/v1/exports {"kind","params"}) → 202
// with the job.
func (s *Server) apiQueueExport(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Kind   string           `json:"kind"`
		Params app.ExportParams `json:"params"`
	}
	if err := kit.DecodeJSON(r, &b); err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	j, err := s.App.QueueExport(r.Context(), u, b.Kind, b.Params, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/exports/"+strconv.FormatInt(j.ID, 10))
	kit.WriteJSON(w, http.StatusAccepted, exportJSON(j))
}

// apiExports lists the caller's export jobs (GET /api/v1/exports), the newest first.
func (s *Server) apiExports(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	list, err := s.App.ExportJobs(r.Context(), u)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items := make([]map[string]any, len(list))
	for i, j := range list {
		items[i] = exportJSON(j)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiExport shows a job with its state and progress (GET /api/v1/exports/{id}).
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	id, err := kit.ExportID(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	j, err := s.App.ExportJob(r.Context(), u, id)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, exportJSON(j))
}

// apiExportFile downloads the file of a done job (GET /api/v1/exports/{id}/file).
func (s *Server) apiExportFile(w http.ResponseWriter, r *http.Request) {
	id, err := kit.ExportID(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	f, err := s.App.OpenExportFile(r.Context(), u, id)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteExportFile(w, r, f)
}

// apiCancelExport cancels a job still waiting or under way (DELETE /api/v1/exports/{id})
// → 200 with the job, now cancelled.
func (s *Server) apiCancelExport(w http.ResponseWriter, r *http.Request) {
	id, err := kit.ExportID(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	j, err := s.App.CancelExport(r.Context(), u, id, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, exportJSON(j))
}
