package store

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/fold"
)

// Search limits.
const (
	// MaxQueryRunes is the longest search query accepted.
	MaxQueryRunes = 200
	// DefaultLimit is the page size when ProcedureQuery.Limit is 0.
	DefaultLimit = 50
	// MaxLimit is the largest page size.
	MaxLimit = 1000
	// maxQueryWords bounds the words of a query that reach the database.
	maxQueryWords = 16
)

// ProcedureQuery selects procedures: Q is matched accent-, case- and đ-insensitively,
// every word as the beginning of a word of the name or code; Field and Unit filter
// (empty matches all). Limit is 1–MaxLimit, or 0 for DefaultLimit.
type ProcedureQuery struct {
	Q, Field, Unit string
	Limit, Offset  int
}

// ProcedureSummary is a procedure as listed in search results.
type ProcedureSummary struct {
	Code         string              `json:"code"`
	Name         string              `json:"name"`
	Field        catalog.Field       `json:"field"`
	DeadlineDays float64             `json:"deadline_days"`
	Online       catalog.OnlineLevel `json:"online"`
	FeeVND       int64               `json:"fee_vnd"`
	// DeadlineMode says whether DeadlineDays are working or calendar days, or the
	// procedure is same-day (trong ngày, DeadlineDays 0).
	DeadlineMode catalog.DeadlineMode `json:"deadline_mode"`
	// ProcessVersion is the current version of the internal process.
	ProcessVersion int `json:"-"`
	folded         string
}

// Valid checks the query and returns field → Vietnamese message.
func (q ProcedureQuery) Valid() map[string]string {
	errs := map[string]string{}
	if utf8.RuneCountInString(q.Q) > MaxQueryRunes {
		errs["q"] = "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)."
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		errs["limit"] = "Số kết quả mỗi trang (limit) phải từ 1 đến 1000."
	}
	if q.Offset < 0 {
		errs["offset"] = "Vị trí bắt đầu (offset) không được âm."
	}
	return errs
}

// SearchProcedures returns one page of the procedures matching q and the number of all
// matches. With words to search, candidates come from the full-text index (FTS5 on
// SQLite, trigrams on PostgreSQL, with the same rule) and are ordered by catalog.Rank,
// then name, then code; without, procedures come in catalogue order.
func (s *Store) SearchProcedures(ctx context.Context, q ProcedureQuery) ([]ProcedureSummary, int, error) {
	if errs := q.Valid(); len(errs) > 0 {
		return nil, 0, fault.WithFields("Tham số tìm kiếm không hợp lệ.", errs)
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	folded := fold.Fold(q.Q)
	words := strings.Fields(folded)
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	if len(words) == 0 {
		return s.browseProcedures(ctx, q)
	}
	arg := strings.Join(words, " ")
	if s.dialect == SQLite {
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
		}
		arg = strings.Join(parts, " AND ")
	}
	rows, err := s.query(ctx, s.read, "ProcedureSearch", arg, q.Field, q.Field, q.Unit, q.Unit)
	if err != nil {
		return nil, 0, err
	}
	all, err := scanSummaries(rows)
	if err != nil {
		return nil, 0, err
	}
	rankAll(all, strings.TrimSpace(q.Q), folded)
	total := len(all)
	if q.Offset >= total {
		return []ProcedureSummary{}, total, nil
	}
	return all[q.Offset:min(q.Offset+q.Limit, total)], total, nil
}

// rankAll sorts candidates best first: an exact code match, then catalog.Rank, then
// name and code.
func rankAll(all []ProcedureSummary, rawQuery, foldedQuery string) {
	scores := make([]int, len(all))
	for i := range all {
		scores[i] = catalog.Rank(foldedQuery, all[i].folded)
		if strings.EqualFold(all[i].Code, rawQuery) {
			scores[i] = 1 << 20
		}
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if scores[i] != scores[j] {
			return scores[i] > scores[j]
		}
		if all[i].Name != all[j].Name {
			return all[i].Name < all[j].Name
		}
		return all[i].Code < all[j].Code
	})
	sorted := make([]ProcedureSummary, len(all))
	for k, i := range idx {
		sorted[k] = all[i]
	}
	copy(all, sorted)
}

func (s *Store) browseProcedures(ctx context.Context, q ProcedureQuery) ([]ProcedureSummary, int, error) {
	var total int
	if err := s.row(ctx, s.read, "", "ProcedureBrowseCount", []any{q.Field, q.Field, q.Unit, q.Unit}, &total); err != nil {
		return nil, 0, err
	}
	rows, err := s.query(ctx, s.read, "ProcedureBrowse", q.Field, q.Field, q.Unit, q.Unit, q.Limit, q.Offset)
	if err != nil {
		return nil, 0, err
	}
	items, err := scanSummaries(rows)
	return items, total, err
}

type rowsScanner interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

func scanSummaries(rows rowsScanner) ([]ProcedureSummary, error) {
	defer rows.Close()
	out := []ProcedureSummary{}
	for rows.Next() {
		var p ProcedureSummary
		var online, mode string
		if err := rows.Scan(&p.Code, &p.Name, &p.folded, &p.Field.Code, &p.Field.Name, &p.DeadlineDays, &mode, &online, &p.FeeVND, &p.ProcessVersion); err != nil {
			return nil, err
		}
		p.DeadlineMode = catalog.DeadlineMode(mode)
		p.Online = catalog.OnlineLevel(online)
		out = append(out, p)
	}
	return out, rows.Err()
}
