package app

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// EFormEntry is one answer of a dossier's tờ khai điện tử: the field's name, its label
// and kind from the procedure (the name as label when the procedure has no such field),
// and the value.
type EFormEntry struct {
	Name  string
	Label string
	Kind  catalog.FormFieldKind
	Value string
}

// EForm lists the answers of an e-form (a JSON object) in the order of the procedure's
// fields, then the answers that match no field, by name. Strings are given as typed,
// other JSON values as written; empty and null answers are left out. A form that is not
// a JSON object has no answers.
func EForm(fields []catalog.FormField, form json.RawMessage) []EFormEntry {
	var values map[string]json.RawMessage
	if err := json.Unmarshal(form, &values); err != nil {
		return nil // the store keeps only objects; anything else has no answers to show
	}
	var out []EFormEntry
	add := func(name, label string, kind catalog.FormFieldKind) {
		raw, ok := values[name]
		if !ok {
			return
		}
		delete(values, name)
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			v = string(raw) // a number, a boolean, a list or null: shown as written
		}
		if v = strings.TrimSpace(v); v != "" && v != "null" {
			out = append(out, EFormEntry{Name: name, Label: label, Kind: kind, Value: v})
		}
	}
	for _, f := range fields {
		add(f.Name, f.Label, f.Kind)
	}
	rest := make([]string, 0, len(values))
	for name := range values {
		rest = append(rest, name)
	}
	slices.Sort(rest)
	for _, name := range rest {
		add(name, name, catalog.KindText)
	}
	return out
}

// DossierEForm is the e-form of a dossier the caller may already see (OfficerDossier,
// CitizenDossier), labelled by its procedure's fields in the catalogue; when the
// procedure has left the catalogue every answer is shown under its name.
func (a *App) DossierEForm(ctx context.Context, d store.StoredDossier) ([]EFormEntry, error) {
	p, err := a.store.Procedure(ctx, d.Record.ProcedureCode)
	if err != nil && !fault.Is(err, fault.NotFound) {
		return nil, err
	}
	return EForm(p.FormFields, d.Record.Form), nil
}
