package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode"
)

// inboxExactLimit bounds the dossiers of one applicant a search by ID number reads.
const inboxExactLimit = 1000

// inboxExact answers a search (Q) of a list in scope that names a whole dossier code or
// a whole ID number through the unique index of codes or the index of ID numbers,
// without walking the lists: ok is false when Q is neither (or names no dossier), and
// the caller walks the lists. A whole code is found in no other dossier's code, name or
// ID number; a whole ID number (9 or 12 digits) in no code or name.
func (s *Store) inboxExact(ctx context.Context, q InboxQuery, now time.Time) (out []InboxItem, total int, ok bool, err error) {
	text := strings.TrimSpace(q.Q)
	filters := q.filterArgs(now, true)
	var items []InboxItem
	switch {
	case idNumber(text):
		items, err = s.inboxRows(ctx, "InboxByIDNumber", append(append([]any{text}, filters...), inboxExactLimit))
	case strings.ContainsAny(text, "-.") && !strings.ContainsRune(text, ' '):
		items, err = s.inboxRows(ctx, "InboxByCode", append([]any{strings.ToUpper(text)}, filters...))
		if err == nil && len(items) == 0 {
			return nil, 0, false, nil // part of a code: the lists are walked
		}
	default:
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	if q.Scope != "" {
		codes, err := s.UnitDescendants(ctx, q.Scope)
		if err != nil {
			return nil, 0, false, err
		}
		items = slices.DeleteFunc(items, func(it InboxItem) bool {
			return !slices.Contains(codes, it.UnitCode) && !slices.Contains(codes, it.HolderUnit)
		})
	}
	slices.SortFunc(items, func(a, b InboxItem) int {
		if q.Order == LastFinished {
			if c := b.FinishedAt.Compare(a.FinishedAt); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.ID, a.ID)
	})
	total = len(items)
	switch i := slices.IndexFunc(items, func(it InboxItem) bool { return it.ID == q.After.ID }); {
	case q.Before:
		// The page before the key: up to Limit rows ending Offset rows before it.
		end := max(i-q.Offset, 0)
		items = items[max(end-q.Limit, 0):end]
	default:
		if q.After.ID != 0 {
			items = items[i+1:]
		}
		items = items[min(q.Offset, len(items)):]
		items = items[:min(q.Limit, len(items))]
	}
	if items == nil {
		items = []InboxItem{}
	}
	return items, total, true, nil
}

// idNumber reports whether the text is a whole ID number: 12 digits (căn cước) or 9
// (the former identity card).
func idNumber(text string) bool {
	if len(text) != 9 && len(text) != 12 {
		return false
	}
	return strings.IndexFunc(text, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
