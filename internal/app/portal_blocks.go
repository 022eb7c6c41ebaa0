package app

import (
	"context"
	"strconv"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/portal"
	"motcua/internal/store"
)

// CanEditHomeBlocks refuses (fault.Forbidden) a user who may not change the slideshow and
// the links of the unit's home page: the unit's editors (biên tập viên) and leaders (lãnh
// đạo), and administrators (quản trị) of any unit. An unknown unit is NotFound.
func (a *App) CanEditHomeBlocks(ctx context.Context, u org.User, unit string) error {
	if u.Has(org.Admin) {
		_, err := a.store.Unit(ctx, unit)
		return err
	}
	if write, approve := PortalRights(u); !write && !approve {
		return fault.New(fault.Forbidden, "Chỉ biên tập viên, lãnh đạo đơn vị hoặc quản trị được sửa ảnh trình chiếu và liên kết.")
	}
	if unit != u.UnitCode {
		return fault.New(fault.Forbidden, "Bạn chỉ được biên tập nội dung của đơn vị mình.")
	}
	return nil
}

// HomeBlockUnits lists the units whose slideshow and links the user may choose to edit:
// every unit for an administrator, none for anyone else (they edit their own unit).
func (a *App) HomeBlockUnits(ctx context.Context, u org.User) ([]org.Unit, error) {
	if !u.Has(org.Admin) {
		return nil, nil
	}
	return a.store.Units(ctx)
}

// HomeBlocks returns the unit's slides and links, in order, for their editing pages.
func (a *App) HomeBlocks(ctx context.Context, u org.User, unit string) ([]store.Slide, []store.Link, error) {
	if err := a.CanEditHomeBlocks(ctx, u, unit); err != nil {
		return nil, nil, err
	}
	slides, err := a.store.PortalSlides(ctx, unit)
	if err != nil {
		return nil, nil, err
	}
	links, err := a.store.PortalLinks(ctx, unit)
	return slides, links, err
}

// SlideInput is what an editor sends to add or change a slide (ảnh trình chiếu).
type SlideInput struct {
	// ID is the slide to change, 0 to add one to Unit's slideshow.
	ID      int64
	Unit    string
	Alt     string
	Caption string
	Link    string
	// Image is a newly uploaded picture: required for a new slide, nil to keep the image.
	Image []byte
}

// EditorSlide returns a slide for its editing page, when the user may edit its unit's.
func (a *App) EditorSlide(ctx context.Context, u org.User, id int64) (store.Slide, error) {
	x, err := a.store.PortalSlide(ctx, id)
	if err != nil {
		return x, err
	}
	return x, a.CanEditHomeBlocks(ctx, u, x.UnitCode)
}

// SaveSlide adds a slide at the end of the unit's slideshow or changes one. The picture
// goes through the same checks as an article's (content, not name; megapixels; resized
// to 1200 and 400 px). Errors: Forbidden, NotFound, Invalid with field messages, TooLarge.
// It returns the slide's unit.
func (a *App) SaveSlide(ctx context.Context, u org.User, in SlideInput, o Origin) (string, error) {
	x := store.Slide{UnitCode: in.Unit}
	if in.ID != 0 {
		var err error
		if x, err = a.store.PortalSlide(ctx, in.ID); err != nil {
			return "", err
		}
	}
	if err := a.CanEditHomeBlocks(ctx, u, x.UnitCode); err != nil {
		return "", err
	}
	x.Alt, x.Caption, x.Link = strings.TrimSpace(in.Alt), strings.TrimSpace(in.Caption), strings.TrimSpace(in.Link)
	if errs := portal.ValidSlide(x.Image != "" || len(in.Image) > 0, x.Alt, x.Caption, x.Link); len(errs) > 0 {
		return "", fault.WithFields("Ảnh trình chiếu chưa hợp lệ: vui lòng sửa các mục được đánh dấu.", errs)
	}
	if len(in.Image) > 0 {
		name, err := a.putImage(ctx, x.UnitCode, in.Image, a.now())
		if err != nil {
			return "", withField(err, "image")
		}
		x.Image = name
	}
	var err error
	if x.ID == 0 {
		x.ID, err = a.store.AppendPortalSlide(ctx, x)
	} else {
		err = a.store.UpdatePortalSlide(ctx, x)
	}
	if err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.slide.save", strconv.FormatInt(x.ID, 10), x.UnitCode+": "+x.Alt), o)
	return x.UnitCode, nil
}

// DeleteSlide removes a slide from its unit's slideshow; its picture stays stored, as
// articles may show it too. It returns the slide's unit.
func (a *App) DeleteSlide(ctx context.Context, u org.User, id int64, o Origin) (string, error) {
	x, err := a.EditorSlide(ctx, u, id)
	if err != nil {
		return "", err
	}
	if err := a.store.DeletePortalSlide(ctx, id); err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.slide.delete", strconv.FormatInt(id, 10), x.UnitCode+": "+x.Alt), o)
	return x.UnitCode, nil
}

// MoveSlide moves a slide one place earlier (up) or later in its unit's slideshow. It
// returns the slide's unit.
func (a *App) MoveSlide(ctx context.Context, u org.User, id int64, up bool, o Origin) (string, error) {
	x, err := a.EditorSlide(ctx, u, id)
	if err != nil {
		return "", err
	}
	if err := a.store.MovePortalSlide(ctx, x.UnitCode, id, up); err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.slide.move", strconv.FormatInt(id, 10), x.UnitCode), o)
	return x.UnitCode, nil
}

// LinkInput is what an editor sends to add or change an entry of the links block.
type LinkInput struct {
	// ID is the link to change, 0 to add one to Unit's links.
	ID    int64
	Unit  string
	Title string
	URL   string
}

// EditorLink returns a link for its editing page, when the user may edit its unit's.
func (a *App) EditorLink(ctx context.Context, u org.User, id int64) (store.Link, error) {
	x, err := a.store.PortalLink(ctx, id)
	if err != nil {
		return x, err
	}
	return x, a.CanEditHomeBlocks(ctx, u, x.UnitCode)
}

// SaveLink adds a link at the end of the unit's links block or changes one: only http,
// https or a path of the site (portal.ValidURL). Errors: Forbidden, NotFound, Invalid
// with field messages. It returns the link's unit.
func (a *App) SaveLink(ctx context.Context, u org.User, in LinkInput, o Origin) (string, error) {
	x := store.Link{UnitCode: in.Unit}
	if in.ID != 0 {
		var err error
		if x, err = a.store.PortalLink(ctx, in.ID); err != nil {
			return "", err
		}
	}
	if err := a.CanEditHomeBlocks(ctx, u, x.UnitCode); err != nil {
		return "", err
	}
	x.Title, x.URL = strings.TrimSpace(in.Title), strings.TrimSpace(in.URL)
	if errs := portal.ValidLink(x.Title, x.URL); len(errs) > 0 {
		return "", fault.WithFields("Liên kết chưa hợp lệ: vui lòng sửa các mục được đánh dấu.", errs)
	}
	var err error
	if x.ID == 0 {
		x.ID, err = a.store.AppendPortalLink(ctx, x)
	} else {
		err = a.store.UpdatePortalLink(ctx, x)
	}
	if err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.link.save", strconv.FormatInt(x.ID, 10), x.UnitCode+": "+x.Title), o)
	return x.UnitCode, nil
}

// DeleteLink removes a link from its unit's links block. It returns the link's unit.
func (a *App) DeleteLink(ctx context.Context, u org.User, id int64, o Origin) (string, error) {
	x, err := a.EditorLink(ctx, u, id)
	if err != nil {
		return "", err
	}
	if err := a.store.DeletePortalLink(ctx, id); err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.link.delete", strconv.FormatInt(id, 10), x.UnitCode+": "+x.Title), o)
	return x.UnitCode, nil
}

// MoveLink moves a link one place earlier (up) or later in its unit's block. It returns
// the link's unit.
func (a *App) MoveLink(ctx context.Context, u org.User, id int64, up bool, o Origin) (string, error) {
	x, err := a.EditorLink(ctx, u, id)
	if err != nil {
		return "", err
	}
	if err := a.store.MovePortalLink(ctx, x.UnitCode, id, up); err != nil {
		return "", err
	}
	a.audit(ctx, officerAudit(u, o, "portal.link.move", strconv.FormatInt(id, 10), x.UnitCode), o)
	return x.UnitCode, nil
}
