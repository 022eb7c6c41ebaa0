package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"motcua/internal/fold"
	"motcua/internal/portal"
	"motcua/internal/store"
)

// demoArticle is an article of the demo portal, published daysAgo days before the load.
type demoArticle struct {
	unit, category, slug, title, summary, body, author string
	daysAgo                                            int
	docNumber, docDate, docSigner                      string
	slide                                              int // index+1 of a generated image to illustrate it, 0 for none
	imageAlt                                           string
}

// loadPortal writes the demo portal: Tân Hòa's static pages, announcements, news, a
// document of direction, the slideshow and the links, and one news item of Phước An so
// that the province's site lists its communes' news. The texts are written for the demo;
// the slideshow images are drawn by slideImage (no photograph, no third-party licence).
func loadPortal(ctx context.Context, st *store.Store) error {
	now := st.Now()
	images := make([]string, len(slideScenes))
	for i, sc := range slideScenes {
		vs, err := slideImage(sc)
		if err != nil {
			return err
		}
		for _, v := range vs {
			if err := st.PutPortalFile(ctx, v.Name, TanHoa, "image/jpeg", v.Data, now); err != nil {
				return fmt.Errorf("demo: slide image: %w", err)
			}
		}
		images[i] = vs[0].Name
		if err := st.AddPortalSlide(ctx, store.Slide{UnitCode: TanHoa, Image: vs[0].Name, Alt: sc.alt,
			Caption: sc.caption, Link: sc.link, Position: i}); err != nil {
			return fmt.Errorf("demo: slide: %w", err)
		}
	}
	for _, d := range demoArticles() {
		a := portal.Article{UnitCode: d.unit, Category: d.category, Slug: d.slug, Title: d.title, Summary: d.summary,
			Body: d.body, Author: d.author, DocNumber: d.docNumber, DocDate: d.docDate, DocSigner: d.docSigner,
			State: portal.Draft, CreatedBy: editorOf(d.unit)}
		if d.slide > 0 {
			a.Image, a.ImageAlt = images[d.slide-1], d.imageAlt
		}
		if d.docNumber != "" {
			pdf := documentPDF("UBND thi tran Tan Hoa", "So: "+d.docNumber+", ngay "+d.docDate, "Ke hoach cai cach hanh chinh (ban minh hoa)")
			sum := sha256.Sum256(pdf)
			a.DocFile = hex.EncodeToString(sum[:8]) + ".pdf"
			if err := st.PutPortalFile(ctx, a.DocFile, d.unit, "application/pdf", pdf, now); err != nil {
				return fmt.Errorf("demo: document: %w", err)
			}
		}
		if errs := a.Valid(); len(errs) > 0 {
			return fmt.Errorf("demo: article %s: %v", d.slug, errs)
		}
		id, err := st.SavePortalArticle(ctx, a, store.PortalSearchable{TitleFolded: fold.Fold(a.Title),
			TextFolded: fold.Fold(a.Title + " " + a.Summary + " " + a.Body + " " + a.DocNumber)}, a.CreatedBy, now)
		if err != nil {
			return fmt.Errorf("demo: article %s: %w", d.slug, err)
		}
		if err := st.MovePortalArticle(ctx, id, portal.Draft, portal.Submitted, time.Time{}, "", "", now); err != nil {
			return err
		}
		at := now.Add(-time.Duration(d.daysAgo) * 24 * time.Hour)
		if err := st.MovePortalArticle(ctx, id, portal.Submitted, portal.Published, at, leaderOf(d.unit), "", now); err != nil {
			return err
		}
	}
	for i, l := range []store.Link{
		{Title: "Cổng Dịch vụ công quốc gia", URL: "https://dichvucong.gov.vn"},
		{Title: "Cổng thông tin điện tử Chính phủ", URL: "https://chinhphu.vn"},
		{Title: "Cổng thông tin điện tử tỉnh Hòa Bình Xanh", URL: "https://hoabinhxanh.gov.vn"},
		{Title: "Cơ sở dữ liệu quốc gia về văn bản pháp luật", URL: "https://vbpl.vn"},
	} {
		l.UnitCode, l.Position = TanHoa, i
		if err := st.AddPortalLink(ctx, l); err != nil {
			return fmt.Errorf("demo: link: %w", err)
		}
	}
	return nil
}

func editorOf(unit string) string {
	if unit == TanHoa {
		return "tanhoa.bientap"
	}
	return "phuocan.bientap"
}

func leaderOf(unit string) string {
	if unit == TanHoa {
		return "tanhoa.lanhdao"
	}
	return "phuocan.lanhdao"
}
