package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"motcua/internal/fault"
)

const (
	msgNoSlide = "Không tìm thấy ảnh trình chiếu."
	msgNoLink  = "Không tìm thấy liên kết."
)

// PortalSlide returns the slide with the id, or a fault.NotFound.
func (s *Store) PortalSlide(ctx context.Context, id int64) (Slide, error) {
	var x Slide
	err := s.row(ctx, s.read, msgNoSlide, "PortalSlideByID", []any{id},
		&x.ID, &x.UnitCode, &x.Image, &x.Alt, &x.Caption, &x.Link, &x.Position)
	return x, err
}

// AppendPortalSlide adds a slide after the unit's last one and returns its id.
func (s *Store) AppendPortalSlide(ctx context.Context, x Slide) (int64, error) {
	var id int64
	err := s.row(ctx, s.write, "", "PortalSlideAppend", []any{x.UnitCode, x.Image, x.Alt, x.Caption, x.Link, x.UnitCode}, &id)
	return id, err
}

// UpdatePortalSlide changes a slide's image, text alternative, caption and link; its
// unit and place stay. An unknown id is a fault.NotFound.
func (s *Store) UpdatePortalSlide(ctx context.Context, x Slide) error {
	res, err := s.exec(ctx, s.write, "PortalSlideUpdate", x.Image, x.Alt, x.Caption, x.Link, x.ID)
	return oneRow(res, err, msgNoSlide)
}

// DeletePortalSlide removes a slide; an unknown id is a fault.NotFound.
func (s *Store) DeletePortalSlide(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, s.write, "PortalSlideDelete", id)
	return oneRow(res, err, msgNoSlide)
}

// MovePortalSlide moves a slide of the unit one place up (earlier) or down and numbers
// the unit's slides 0, 1, 2… again, in one transaction. At the top or bottom already, it
// changes nothing.
func (s *Store) MovePortalSlide(ctx context.Context, unit string, id int64, up bool) error {
	return s.move(ctx, "PortalSlideIDs", "PortalSlidePosition", msgNoSlide, unit, id, up)
}

// PortalLink returns the link with the id, or a fault.NotFound.
func (s *Store) PortalLink(ctx context.Context, id int64) (Link, error) {
	var x Link
	err := s.row(ctx, s.read, msgNoLink, "PortalLinkByID", []any{id},
		&x.ID, &x.UnitCode, &x.Title, &x.URL, &x.Position)
	return x, err
}

// AppendPortalLink adds a link after the unit's last one and returns its id.
func (s *Store) AppendPortalLink(ctx context.Context, x Link) (int64, error) {
	var id int64
	err := s.row(ctx, s.write, "", "PortalLinkAppend", []any{x.UnitCode, x.Title, x.URL, x.UnitCode}, &id)
	return id, err
}

// UpdatePortalLink changes a link's title and address; an unknown id is a fault.NotFound.
func (s *Store) UpdatePortalLink(ctx context.Context, x Link) error {
	res, err := s.exec(ctx, s.write, "PortalLinkUpdate", x.Title, x.URL, x.ID)
	return oneRow(res, err, msgNoLink)
}

// DeletePortalLink removes a link; an unknown id is a fault.NotFound.
func (s *Store) DeletePortalLink(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, s.write, "PortalLinkDelete", id)
	return oneRow(res, err, msgNoLink)
}

// MovePortalLink moves a link of the unit one place up or down, like MovePortalSlide.
func (s *Store) MovePortalLink(ctx context.Context, unit string, id int64, up bool) error {
	return s.move(ctx, "PortalLinkIDs", "PortalLinkPosition", msgNoLink, unit, id, up)
}

// move swaps an entry of the unit's ordered list with its neighbour and writes the
// positions of the whole list.
func (s *Store) move(ctx context.Context, list, set, missing, unit string, id int64, up bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := s.query(ctx, tx, list, unit)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var x int64
			if err := rows.Scan(&x); err != nil {
				rows.Close()
				return fmt.Errorf("store: %s: %w", list, err)
			}
			ids = append(ids, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: %s: %w", list, err)
		}
		i := slices.Index(ids, id)
		if i < 0 {
			return fault.New(fault.NotFound, missing)
		}
		j := i + 1
		if up {
			j = i - 1
		}
		if j < 0 || j >= len(ids) {
			return nil
		}
		ids[i], ids[j] = ids[j], ids[i]
		for pos, x := range ids {
			if _, err := s.exec(ctx, tx, set, pos, x, unit); err != nil {
				return err
			}
		}
		return nil
	})
}

// oneRow turns a change that touched no row into a fault.NotFound with the message.
func oneRow(res sql.Result, err error, missing string) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: rows affected: %w", err)
	}
	if n == 0 {
		return fault.New(fault.NotFound, missing)
	}
	return nil
}
