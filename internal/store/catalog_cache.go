package store

import (
	"sync"

	"motcua/internal/catalog"
)

// procedureCacheMax bounds the procedures kept decoded; a catalogue holds a few thousand.
const procedureCacheMax = 10000

// procedureCache keeps the last decoded document of each procedure. The document is
// still read on every call, so a change made by any server is seen at once; only the
// decoding, which every dossier intake paid, is saved while the document is unchanged.
// Its zero value is ready and it is safe for concurrent use.
type procedureCache struct {
	mu sync.Mutex
	m  map[string]cachedProcedure
}

type cachedProcedure struct {
	doc string
	p   catalog.Procedure
}

// decode returns the procedure of the document doc read for code: a copy of the one
// decoded before when the document is the same, else the document decoded.
func (c *procedureCache) decode(code, doc string) (catalog.Procedure, error) {
	c.mu.Lock()
	e, ok := c.m[code]
	c.mu.Unlock()
	if ok && e.doc == doc {
		return e.p.Clone(), nil
	}
	p, err := decodeProcedure(doc)
	if err != nil {
		return p, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= procedureCacheMax {
		c.m = map[string]cachedProcedure{}
	}
	c.m[code] = cachedProcedure{doc: doc, p: p.Clone()}
	c.mu.Unlock()
	return p, nil
}
