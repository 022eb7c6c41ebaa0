package kit

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads a comma-separated list of addresses or CIDR prefixes of the
// reverse proxies in front of motcua (MOTCUA_TRUSTED_PROXIES).
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			a, err := netip.ParseAddr(part)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// realClient rewrites r.RemoteAddr to the client's address when the request came through
// a trusted proxy: the right-most address of X-Forwarded-For that is not itself a trusted
// proxy. Addresses set by the client (further left) are never believed, so throttling,
// rate limits and the audit log see the real client and cannot be fooled.
func (s *Kit) realClient(r *http.Request) {
	if len(s.Cfg.TrustedProxies) == 0 {
		return
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !s.trusted(peer) {
		return
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return
		}
		if !s.trusted(a) {
			r.RemoteAddr = netip.AddrPortFrom(a.Unmap(), 0).String()
			return
		}
	}
}

// forwardedHTTPS reports whether a trusted proxy (the peer itself) says that the client
// used HTTPS: the last value of X-Forwarded-Proto, the one that proxy set, is "https".
// The header from anyone else is ignored. It must be called before realClient rewrites
// the peer's address.
func (s *Kit) forwardedHTTPS(r *http.Request) bool {
	protos := strings.Split(strings.Join(r.Header.Values("X-Forwarded-Proto"), ","), ",")
	if len(s.Cfg.TrustedProxies) == 0 || !strings.EqualFold(strings.TrimSpace(protos[len(protos)-1]), "https") {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	peer, err := netip.ParseAddr(host)
	return err == nil && s.trusted(peer)
}

func (s *Kit) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range s.Cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
