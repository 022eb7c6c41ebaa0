package store

import (
	"context"
	"database/sql"
	"fmt"

	"motcua/internal/fault"
	"motcua/internal/org"
)

func scanUnit(sc interface{ Scan(...any) error }) (org.Unit, error) {
	var u org.Unit
	var level string
	err := sc.Scan(&u.ID, &u.Code, &u.Name, &u.ParentCode, &level, &u.Address, &u.Hotline, &u.Email, &u.Hours, &u.DeskName)
	u.Level = org.Level(level)
	return u, err
}

// Units lists every unit, parents first.
func (s *Store) Units(ctx context.Context) ([]org.Unit, error) {
	rows, err := s.query(ctx, s.read, "UnitList")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []org.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, fmt.Errorf("store: units: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Unit returns the unit with the code, or a fault.NotFound. A change made by another
// server shows within referenceTTL (reference_cache.go).
func (s *Store) Unit(ctx context.Context, code string) (org.Unit, error) {
	u, gen, ok := s.units.get(code)
	if ok {
		return u, nil
	}
	u, err := s.unit(ctx, code)
	if err == nil {
		s.units.put(code, u, gen)
	}
	return u, err
}

// unit reads the unit with the code from the database.
func (s *Store) unit(ctx context.Context, code string) (org.Unit, error) {
	row, err := s.queryRow(ctx, s.read, "UnitByCode", code)
	if err != nil {
		return org.Unit{}, err
	}
	u, err := scanUnit(row)
	if err == sql.ErrNoRows {
		return org.Unit{}, fault.Newf(fault.NotFound, "Không tìm thấy đơn vị có mã %q.", code)
	}
	if err != nil {
		return org.Unit{}, s.mapErr("UnitByCode", err)
	}
	return u, nil
}

// UnitDescendants returns the codes of the unit and every unit below it.
func (s *Store) UnitDescendants(ctx context.Context, code string) ([]string, error) {
	rows, err := s.query(ctx, s.read, "UnitDescendants", code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s *Store) parentID(ctx context.Context, tx querier, code string) (any, error) {
	if code == "" {
		return nil, nil
	}
	var id int64
	if err := s.row(ctx, tx, "", "UnitIDByCode", []any{code}, &id); err != nil {
		if fault.Is(err, fault.NotFound) {
			return nil, &fault.Error{Code: fault.Invalid, Message: "Đơn vị cấp trên không tồn tại.",
				Fields: map[string]string{"parent_code": "Không có đơn vị với mã này."}}
		}
		return nil, err
	}
	return id, nil
}

// CreateUnit validates and inserts a unit, returning it with its ID.
func (s *Store) CreateUnit(ctx context.Context, u org.Unit) (org.Unit, error) {
	defer s.forgetReference()
	if errs := u.Valid(); len(errs) > 0 {
		return u, fault.WithFields("Thông tin đơn vị chưa hợp lệ.", errs)
	}
	now := s.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		parent, err := s.parentID(ctx, tx, u.ParentCode)
		if err != nil {
			return err
		}
		err = s.row(ctx, tx, "", "UnitInsert", []any{u.Code, u.Name, parent, string(u.Level), u.Address, u.Hotline, u.Email, u.Hours, now, now, u.DeskName}, &u.ID)
		if fault.Is(err, fault.Conflict) {
			return &fault.Error{Code: fault.Conflict, Message: "Mã định danh đã được dùng cho đơn vị khác.",
				Fields: map[string]string{"code": "Mã định danh đã tồn tại."}}
		}
		return err
	})
	return u, err
}

// UpdateUnit replaces the fields of the unit currently known by oldCode. A unit cannot
// be moved under itself or one of its descendants.
func (s *Store) UpdateUnit(ctx context.Context, oldCode string, u org.Unit) (org.Unit, error) {
	defer s.forgetReference()
	if errs := u.Valid(); len(errs) > 0 {
		return u, fault.WithFields("Thông tin đơn vị chưa hợp lệ.", errs)
	}
	cur, err := s.unit(ctx, oldCode)
	if err != nil {
		return u, err
	}
	if u.ParentCode != "" {
		below, err := s.UnitDescendants(ctx, oldCode)
		if err != nil {
			return u, err
		}
		for _, c := range below {
			if c == u.ParentCode {
				return u, &fault.Error{Code: fault.Invalid, Message: "Không thể chuyển đơn vị vào dưới chính nó.",
					Fields: map[string]string{"parent_code": "Đơn vị cấp trên không được là đơn vị trực thuộc."}}
			}
		}
	}
	u.ID = cur.ID
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		parent, err := s.parentID(ctx, tx, u.ParentCode)
		if err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, "UnitUpdate", u.Code, u.Name, parent, string(u.Level), u.Address, u.Hotline, u.Email, u.Hours, s.Now(), u.DeskName, u.ID)
		if fault.Is(err, fault.Conflict) {
			return &fault.Error{Code: fault.Conflict, Message: "Mã định danh đã được dùng cho đơn vị khác.",
				Fields: map[string]string{"code": "Mã định danh đã tồn tại."}}
		}
		return err
	})
	return u, err
}

// UnitCount reports how many units exist; zero means an empty database.
func (s *Store) UnitCount(ctx context.Context) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "UnitCount", nil, &n)
	return n, err
}
