package web

import (
	"net/http"

	"motcua/internal/fault"
	"motcua/internal/web/admin"
	"motcua/internal/web/api"
	"motcua/internal/web/citizen"
	"motcua/internal/web/desk"
	"motcua/internal/web/kit"
	"motcua/internal/web/open311"
	"motcua/internal/web/pay"
	"motcua/internal/web/portal"
	"motcua/internal/web/public"
)

// routes mounts every audience's routes on one mux, each listed once in the routes.go
// of its package, and wraps them in the shared middleware: request IDs, the access log
// and security headers (Wrap), gzip for text (Gzip), cross-origin protection, and the
// session (Identify).
func routes(k *kit.Kit) http.Handler {
	mux := http.NewServeMux()
	public.Routes(mux, k)
	citizen.Routes(mux, k)
	desk.Routes(mux, k)
	admin.Routes(mux, k)
	api.Routes(mux, k)
	open311.Routes(mux, k)
	pay.Routes(mux, k)
	portal.Routes(mux, k)
	mux.HandleFunc("/", k.NotFound)

	cop := http.NewCrossOriginProtection()
	// Open311 clients authenticate with an api_key, never with a cookie.
	cop.AddInsecureBypassPattern("POST /open311/v2/")
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := fault.New(fault.Forbidden, "Yêu cầu từ trang web khác bị từ chối.")
		if kit.IsAPI(r) {
			k.APIError(w, r, err)
			return
		}
		k.PageError(w, r, err)
	}))
	return k.Wrap(kit.Gzip(cop.Handler(k.Identify(kit.RecordRoute(mux)))))
}
