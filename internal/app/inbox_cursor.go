package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/store"
)

// inboxCursor is where a page of an inbox list in scope (every dossier, or the finished
// ones) starts or ends: the key of a dossier and the number of the page the link leads
// to, which is only shown. Written in links as ?sau= (the page after the dossier) or
// ?truoc= (the page before it); the view's order is part of it, so a cursor of one view
// is refused in the other.
type inboxCursor struct {
	Finished bool
	Key      store.InboxKey
	Page     int
}

// maxInboxCursorPage bounds the page number a cursor carries.
const maxInboxCursorPage = 1_000_000

// String writes the cursor: "n.PAGE.ID" newest first, "f.PAGE.ID.UNIXNANO" last
// finished first, in base64url.
func (c inboxCursor) String() string {
	s := fmt.Sprintf("n.%d.%d", c.Page, c.Key.ID)
	if c.Finished {
		s = fmt.Sprintf("f.%d.%d.%d", c.Page, c.Key.ID, c.Key.Finished.UnixNano())
	}
	return encodeCursor(s)
}

// parseInboxCursor reads a cursor of the view's order (finished: last finished first);
// ok is false for anything else.
func parseInboxCursor(s string, finished bool) (inboxCursor, bool) {
	text, ok := decodeCursor(s)
	if !ok {
		return inboxCursor{}, false
	}
	parts := strings.Split(text, ".")
	want, kind := 3, "n"
	if finished {
		want, kind = 4, "f"
	}
	if len(parts) != want || parts[0] != kind {
		return inboxCursor{}, false
	}
	page, err := strconv.Atoi(parts[1])
	if err != nil || page < 1 || page > maxInboxCursorPage {
		return inboxCursor{}, false
	}
	id, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || id < 1 {
		return inboxCursor{}, false
	}
	c := inboxCursor{Finished: finished, Key: store.InboxKey{ID: id}, Page: page}
	if finished {
		ns, err := strconv.ParseInt(parts[3], 10, 64)
		if err != nil || ns <= 0 {
			return inboxCursor{}, false
		}
		c.Key.Finished = time.Unix(0, ns).UTC()
	}
	return c, true
}
