package portal

import (
	"net/http"

	"motcua/internal/picture"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// slideView is a slide with its thumbnail's name.
type slideView struct {
	store.Slide
	Thumb string
}

// homeBlocks is the portal's part of the home page (template "portalhome").
type homeBlocks struct {
	Slides        []slideView
	Links         []store.Link
	Announcements []articleView
	News          []articleView
}

// Home reads the portal's blocks for the home page of the site's unit; the home page's
// handler (package public) puts them under "Portal".
func Home(k *kit.Kit, r *http.Request) (any, error) {
	h, err := k.App.Home(r.Context(), k.SiteUnit(r).Code)
	if err != nil {
		return nil, err
	}
	out := homeBlocks{Links: h.Links, Announcements: views(h.Announcements), News: views(h.News)}
	for _, s := range h.Slides {
		out.Slides = append(out.Slides, slideView{Slide: s, Thumb: picture.Thumb(s.Image)})
	}
	return out, nil
}
