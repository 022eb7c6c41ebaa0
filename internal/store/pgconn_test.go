package store_test

import (
	"context"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestPostgresSilentServerIsAnError opens a store on an address that accepts connections
// and never answers (a primary that is gone while something still holds its port): Open
// must give up with an error on its own, without any deadline from the caller.
func TestPostgresSilentServerIsAnError(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var held []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	}()
	s, err := store.Open(context.Background(), store.Config{URL: "postgres://motcua@" + ln.Addr().String() + "/motcua?sslmode=disable"})
	if err == nil {
		s.Close()
		t.Fatal("Open on a server that never answers: got a store, want an error")
	}
}

// TestPostgresReconnectsAfterConnectionsDie cuts every connection between the store and
// PostgreSQL, as a failover does: the store must answer with an error or a result (never
// wait), and soon work again on new connections without being reopened.
func TestPostgresReconnectsAfterConnectionsDie(t *testing.T) {
	t.Parallel()
	if storetest.PostgresURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	u, err := url.Parse(storetest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	p := startProxy(t, u.Host)
	u.Host = p.addr
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Fill the pool with several connections, then cut them all.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := s.Ping(ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := p.cut(); n == 0 {
		t.Fatal("no connection went through the proxy")
	}
	failures := 0
	for {
		err := s.Ping(ctx)
		if err == nil {
			break
		}
		failures++
		if failures > 8 {
			t.Fatalf("after the connections died: %d failed pings, last %v; want the pool to reconnect", failures, err)
		}
	}
	if p.accepted() < 2 {
		t.Errorf("the proxy accepted %d connections: want new ones after the cut", p.accepted())
	}
}

// proxy forwards TCP connections to a PostgreSQL server and can cut them all.
type proxy struct {
	addr  string
	mu    sync.Mutex
	conns []net.Conn
	count int
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &proxy{addr: ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.count++
			p.mu.Unlock()
			go pipe(c, up)
			go pipe(up, c)
		}
	}()
	t.Cleanup(func() { p.cut() })
	return p
}

func pipe(dst, src net.Conn) {
	io.Copy(dst, src)
	dst.Close()
}

// cut closes every connection made so far and returns how many there were.
func (p *proxy) cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.conns) / 2
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	return n
}

func (p *proxy) accepted() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.count
}
