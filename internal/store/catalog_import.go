package store

import (
	"context"
	"database/sql"
	"fmt"

	"motcua/internal/catalog"
	"motcua/internal/fault"
)

// ImportResult counts what ImportCatalog did, or lists why it did nothing.
type ImportResult struct {
	Fields      int `json:"fields"`
	Created     int `json:"created"`
	Updated     int `json:"updated"`
	Unchanged   int `json:"unchanged"`
	NewVersions int `json:"new_versions"`
	Units       int `json:"units"`
	// Problems lists every problem found when the import was refused.
	Problems []catalog.Problem `json:"problems,omitempty"`
}

// ImportCatalog loads a catalogue all or nothing, in one transaction. Everything is
// checked first (catalog.Catalog.Validate, and that every unit in Offers exists); any
// problem refuses the whole file with a fault.Invalid, every problem listed in
// ImportResult.Problems, and nothing changed. Fields and procedures are upserted and take
// the order of the file; a procedure whose process steps changed gets a new process
// version, an unchanged one keeps its version. Each unit named in Offers offers exactly
// the listed procedures afterwards; other units are left alone.
func (s *Store) ImportCatalog(ctx context.Context, c catalog.Catalog, by string) (ImportResult, error) {
	defer s.forgetReference()
	var res ImportResult
	probs := c.Validate()
	for i, o := range c.Offers {
		if o.UnitCode == "" {
			continue
		}
		var n int
		if err := s.row(ctx, s.read, "", "UnitExists", []any{o.UnitCode}, &n); err != nil {
			return res, err
		}
		if n == 0 {
			probs = append(probs, catalog.Problem{Column: fmt.Sprintf("offers[%d].unit_code", i),
				Message: fmt.Sprintf("Đơn vị %q không tồn tại.", o.UnitCode)})
		}
	}
	if len(probs) > 0 {
		res.Problems = probs
		return res, fault.Newf(fault.Invalid, "Tệp danh mục có %d lỗi; chưa có thay đổi nào được lưu.", len(probs))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, f := range c.Fields {
			if _, err := s.exec(ctx, tx, "FieldUpsert", f.Code, f.Name, i+1); err != nil {
				return err
			}
		}
		res.Fields = len(c.Fields)
		for i, p := range c.Procedures {
			_, outcome, err := s.upsertProcedure(ctx, tx, p, i+1, by)
			if err != nil {
				return fmt.Errorf("store: import procedure %s: %w", p.Code, err)
			}
			switch outcome {
			case procCreated:
				res.Created++
			case procUpdated:
				res.Updated++
			case procUnchanged:
				res.Unchanged++
			case procNewVersion:
				res.Updated++
				res.NewVersions++
			}
		}
		for _, o := range c.Offers {
			if err := s.setOffers(ctx, tx, o); err != nil {
				return err
			}
		}
		res.Units = len(c.Offers)
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func (s *Store) setOffers(ctx context.Context, tx *sql.Tx, o catalog.Offer) error {
	if _, err := s.exec(ctx, tx, "OffersDeleteUnit", o.UnitCode); err != nil {
		return err
	}
	for _, code := range o.ProcedureCodes {
		if _, err := s.exec(ctx, tx, "OfferInsert", o.UnitCode, code); err != nil {
			return err
		}
	}
	return nil
}

// ExportCatalog returns the whole catalogue: fields and procedures in catalogue order,
// each procedure with its current process, and the offers of every unit ordered by
// unit code. The result depends only on the stored data, so export → import → export
// gives identical files.
func (s *Store) ExportCatalog(ctx context.Context) (catalog.Catalog, error) {
	var c catalog.Catalog
	rows, err := s.query(ctx, s.read, "FieldList")
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var f catalog.Field
		if err := rows.Scan(&f.Code, &f.Name); err != nil {
			rows.Close()
			return c, fmt.Errorf("store: export fields: %w", err)
		}
		c.Fields = append(c.Fields, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows, err = s.query(ctx, s.read, "ProcedureDocs")
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			rows.Close()
			return c, fmt.Errorf("store: export procedures: %w", err)
		}
		p, err := decodeProcedure(doc)
		if err != nil {
			rows.Close()
			return c, err
		}
		c.Procedures = append(c.Procedures, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows, err = s.query(ctx, s.read, "OffersAll")
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit, code string
		if err := rows.Scan(&unit, &code); err != nil {
			return c, fmt.Errorf("store: export offers: %w", err)
		}
		if n := len(c.Offers); n == 0 || c.Offers[n-1].UnitCode != unit {
			c.Offers = append(c.Offers, catalog.Offer{UnitCode: unit})
		}
		last := &c.Offers[len(c.Offers)-1]
		last.ProcedureCodes = append(last.ProcedureCodes, code)
	}
	return c, rows.Err()
}

// UnitProcedures lists the codes of the procedures the unit offers, in catalogue order.
func (s *Store) UnitProcedures(ctx context.Context, unit string) ([]string, error) {
	rows, err := s.query(ctx, s.read, "OffersOfUnit", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, fmt.Errorf("store: unit procedures: %w", err)
		}
		out = append(out, code)
	}
	return out, rows.Err()
}

// OfferedProcedure returns the procedure with the code if the unit receives it, in at
// most one read: what intake needs. It is fault.NotFound when the procedure does not
// exist or the unit does not offer it; OffersProcedure and Procedure tell the two apart.
// Like them, it reuses what was read within referenceTTL.
func (s *Store) OfferedProcedure(ctx context.Context, unit, code string) (catalog.Procedure, error) {
	key := unit + "\x00" + code
	offered, offerGen, ok := s.offers.get(key)
	if ok && offered {
		return s.Procedure(ctx, code)
	}
	_, docGen, _ := s.procedureDocs.get(code)
	var doc string
	if err := s.row(ctx, s.read, "Đơn vị không tiếp nhận thủ tục này.", "OfferedProcedureDoc", []any{unit, code}, &doc); err != nil {
		return catalog.Procedure{}, err
	}
	s.offers.put(key, true, offerGen)
	s.procedureDocs.put(code, doc, docGen)
	return s.procedures.decode(code, doc)
}

// OffersProcedure reports whether the unit receives dossiers of the procedure. A change
// made by another server shows within referenceTTL.
func (s *Store) OffersProcedure(ctx context.Context, unit, code string) (bool, error) {
	key := unit + "\x00" + code
	offered, gen, ok := s.offers.get(key)
	if ok {
		return offered, nil
	}
	var n int
	if err := s.row(ctx, s.read, "", "OfferExists", []any{unit, code}, &n); err != nil {
		return false, err
	}
	s.offers.put(key, n > 0, gen)
	return n > 0, nil
}
