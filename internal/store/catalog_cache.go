package store

import (
	"encoding/json"
	"sync"

	"motcua/internal/catalog"
	"motcua/internal/dossier"
)

// procedureCacheMax bounds the procedures kept decoded; a catalogue holds a few thousand.
const procedureCacheMax = 10000

// procedureCache keeps the last decoded document of each procedure. The document is
// read again after referenceTTL (reference_cache.go), at once after a change made through
// this store; the decoding, which every dossier intake paid, is saved while the document
// is unchanged.
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

// processCacheMax bounds the processes kept decoded: a catalogue's procedures have a
// handful of versions each.
const processCacheMax = 1000

// processCache keeps decoded process versions by their JSON text, as every dossier
// pins one: a public lookup decoded the same few texts again and again. Its zero value
// is ready and it is safe for concurrent use.
type processCache struct {
	mu sync.Mutex
	m  map[string]dossier.Process
}

// decode returns the process of the JSON text, a copy of the one decoded before when
// the text is the same.
func (c *processCache) decode(text string) (dossier.Process, error) {
	c.mu.Lock()
	p, ok := c.m[text]
	c.mu.Unlock()
	if ok {
		return p.Copy(), nil
	}
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		return p, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= processCacheMax {
		c.m = map[string]dossier.Process{}
	}
	c.m[text] = p.Copy()
	c.mu.Unlock()
	return p, nil
}
