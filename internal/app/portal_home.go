package app

import (
	"context"

	"motcua/internal/portal"
	"motcua/internal/store"
)

// PortalHome is what the unit's home page shows of the portal.
type PortalHome struct {
	Slides        []store.Slide
	Links         []store.Link
	Announcements []portal.Article
	News          []portal.Article
}

// Home reads the portal's blocks of a unit's home page: its slideshow and links, the
// latest announcements, and the latest news of the unit and of the units below it.
func (a *App) Home(ctx context.Context, unit string) (PortalHome, error) {
	var h PortalHome
	var err error
	if h.Slides, err = a.store.PortalSlides(ctx, unit); err != nil {
		return h, err
	}
	if h.Links, err = a.store.PortalLinks(ctx, unit); err != nil {
		return h, err
	}
	if h.Announcements, _, err = a.LiveArticles(ctx, unit, portal.Announcement, "", 5, 0); err != nil {
		return h, err
	}
	all, _, err := a.LiveArticles(ctx, unit, "", "", 12, 0)
	for _, x := range all {
		if x.Category != portal.Announcement && len(h.News) < 6 {
			h.News = append(h.News, x)
		}
	}
	return h, err
}
