package portal

import (
	"net/http"
	"net/url"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/picture"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// blockUnit is the unit whose home page blocks the request edits: the one named by
// "don-vi" (administrators choose any unit), else the officer's own. The use case decides
// whether the officer may.
func blockUnit(r *http.Request, u org.User) string {
	if code := r.FormValue("don-vi"); code != "" {
		return code
	}
	return u.UnitCode
}

// blocksPath is the address of a block's editing page for the unit.
func blocksPath(base, unit string) string {
	return base + "?don-vi=" + url.QueryEscape(unit)
}

// pathID reads the numeric id of the path; a malformed one is NotFound with msg.
func pathID(r *http.Request, msg string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fault.New(fault.NotFound, msg)
	}
	return id, nil
}

// slideForm is the slide form as typed, kept when it is shown again with errors.
type slideForm struct {
	ID                 int64
	Unit               string
	Image              string
	Alt, Caption, Link string
}

// renderSlides shows the unit's slideshow with the form to add a slide (form, fields
// and msg: the add form shown again with its errors).
func (s *Server) renderSlides(w http.ResponseWriter, r *http.Request, st int, unit string, f slideForm, fields map[string]string, msg string) {
	u, _ := kit.CurrentUser(r)
	slides, _, err := s.App.HomeBlocks(r.Context(), u, unit)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	views := make([]slideView, len(slides))
	for i, x := range slides {
		views[i] = slideView{Slide: x, Thumb: picture.Thumb(x.Image)}
	}
	f.Unit = unit
	s.Render(w, r, st, "portal_editor_slides.html", map[string]any{
		"Title": "Ảnh trình chiếu trang chủ", "Unit": s.unitName(r, unit), "UnitCode": unit, "Slides": views,
		"Form": f, "Fields": fields, "Error": msg, "Saved": r.URL.Query().Get("da-luu") == "1",
		"Units": s.adminUnits(r, u),
	})
}

// unitName is the unit's name for the page's heading, its code when unknown.
func (s *Server) unitName(r *http.Request, code string) string {
	if unit, err := s.Store.Unit(r.Context(), code); err == nil {
		return unit.Name
	}
	return code
}

// adminUnits lists the units the user may pick on a block's editing page
// (app.HomeBlockUnits); the page shows no choice when they cannot be read.
func (s *Server) adminUnits(r *http.Request, u org.User) []org.Unit {
	units, err := s.App.HomeBlockUnits(r.Context(), u)
	if err != nil {
		return nil
	}
	return units
}

func (s *Server) handleSlides(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	s.renderSlides(w, r, http.StatusOK, blockUnit(r, u), slideForm{}, nil, "")
}

func (s *Server) handleSlideEdit(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	id, err := pathID(r, "Không tìm thấy ảnh trình chiếu.")
	var x store.Slide
	if err == nil {
		x, err = s.App.EditorSlide(r.Context(), u, id)
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.renderSlide(w, r, http.StatusOK, slideForm{ID: x.ID, Unit: x.UnitCode, Image: x.Image, Alt: x.Alt, Caption: x.Caption, Link: x.Link}, nil, "")
}

func (s *Server) renderSlide(w http.ResponseWriter, r *http.Request, st int, f slideForm, fields map[string]string, msg string) {
	s.Render(w, r, st, "portal_editor_slide.html", map[string]any{
		"Title": "Sửa ảnh trình chiếu", "Form": f, "Fields": fields, "Error": msg,
	})
}

// handleSlideSave adds a slide (POST /bien-tap/trinh-chieu) or changes one (…/{id}/sua).
func (s *Server) handleSlideSave(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f := slideForm{Unit: blockUnit(r, u), Image: r.PostFormValue("image"), Alt: r.PostFormValue("alt"),
		Caption: r.PostFormValue("caption"), Link: r.PostFormValue("link")}
	var err error
	if r.PathValue("id") != "" {
		f.ID, err = pathID(r, "Không tìm thấy ảnh trình chiếu.")
	}
	in := app.SlideInput{ID: f.ID, Unit: f.Unit, Alt: f.Alt, Caption: f.Caption, Link: f.Link}
	if err == nil {
		in.Image, err = readUpload(r, "image_file", 15<<20)
	}
	unit := f.Unit
	if err == nil {
		unit, err = s.App.SaveSlide(r.Context(), u, in, s.Origin(r))
	}
	if err != nil {
		s.saveFailed(w, r, err, f.ID != 0,
			func(st int, fields map[string]string, msg string) { s.renderSlide(w, r, st, f, fields, msg) },
			func(st int, fields map[string]string, msg string) { s.renderSlides(w, r, st, f.Unit, f, fields, msg) })
		return
	}
	http.Redirect(w, r, blocksPath("/bien-tap/trinh-chieu", unit)+"&da-luu=1", http.StatusSeeOther)
}

// handleSlideAction moves a slide up (len) or down (xuong), or deletes it (xoa).
func (s *Server) handleSlideAction(w http.ResponseWriter, r *http.Request) {
	s.blockAction(w, r, blockList{path: "/bien-tap/trinh-chieu", missing: "Không tìm thấy ảnh trình chiếu.",
		move: s.App.MoveSlide, remove: s.App.DeleteSlide})
}
