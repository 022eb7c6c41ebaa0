package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"motcua/internal/dossier"
	"motcua/internal/fold"
)

// rowMemo keeps, while a batch is encoded, what many of its dossiers share: the JSON of
// each procedure's process and documents (reused when equal to the last seen for the
// procedure) and the folded applicant names. A nil memo encodes every time.
type rowMemo struct {
	procs map[string]*procMemo
	names map[string]string
}

type procMemo struct {
	process                   dossier.Process
	docs                      []DossierDocument
	processJSON, documentJSON string
}

func newRowMemo() *rowMemo {
	return &rowMemo{procs: map[string]*procMemo{}, names: map[string]string{}}
}

// encode returns the JSON of the process and documents.
func (m *rowMemo) encode(proc string, p dossier.Process, docs []DossierDocument) (string, string, error) {
	if m != nil {
		if c := m.procs[proc]; c != nil && c.process.Version == p.Version && slices.Equal(c.process.Steps, p.Steps) &&
			slices.Equal(c.docs, docs) {
			return c.processJSON, c.documentJSON, nil
		}
	}
	process, err := json.Marshal(p)
	if err != nil {
		return "", "", fmt.Errorf("store: dossier process: %w", err)
	}
	documents, err := json.Marshal(docs)
	if err != nil {
		return "", "", fmt.Errorf("store: dossier documents: %w", err)
	}
	if m != nil {
		m.procs[proc] = &procMemo{process: p.Copy(), docs: slices.Clone(docs),
			processJSON: string(process), documentJSON: string(documents)}
	}
	return string(process), string(documents), nil
}

// fold returns fold.Fold of the name.
func (m *rowMemo) fold(name string) string {
	if m == nil {
		return fold.Fold(name)
	}
	f, ok := m.names[name]
	if !ok {
		f = fold.Fold(name)
		m.names[name] = f
	}
	return f
}

// intakeRow is dossierRow for a dossier received one at a time: the JSON of its
// procedure's process and documents is kept per procedure across calls (s.intakeJSON),
// the last encoding of each procedure, reused while a dossier carries the same process
// version, steps and documents. The kept encodings are never changed, only replaced,
// so concurrent callers share them safely.
func (s *Store) intakeRow(d ImportedDossier) ([]any, error) {
	docs := d.Record.Documents
	if docs == nil {
		docs = []DossierDocument{}
	}
	code, p := d.Record.ProcedureCode, d.Dossier.Process
	folded := fold.Fold(d.Record.Applicant.FullName)
	if v, ok := s.intakeJSON.Load(code); ok {
		if c := v.(*procMemo); c.process.Version == p.Version && slices.Equal(c.process.Steps, p.Steps) && slices.Equal(c.docs, docs) {
			return dossierRowEncoded(d, c.processJSON, c.documentJSON, folded), nil
		}
	}
	m := newRowMemo()
	process, documents, err := m.encode(code, p, docs)
	if err != nil {
		return nil, err
	}
	s.intakeJSON.Store(code, m.procs[code])
	return dossierRowEncoded(d, process, documents, folded), nil
}
