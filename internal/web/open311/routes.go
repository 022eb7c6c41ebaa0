// Package open311 serves Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2)
// under /open311/v2/: discovery, the services (the kinds of PAKN of a unit;
// jurisdiction_id is the unit's code), their definitions, POST requests with an api_key
// and GET requests, in JSON and XML, with the spec's error array. Handlers decode, call
// one use case of internal/app and encode; nothing personal leaves through a GET.
package open311

import (
	"net/http"

	"motcua/internal/web/kit"
)

// Server is the kit as the Open311 endpoint uses it.
type Server struct{ *kit.Kit }

// Routes lists the Open311 endpoint.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	for _, f := range []string{"json", "xml"} {
		mux.HandleFunc("GET /open311/v2/discovery."+f, s.format(f, s.handleDiscovery))
		mux.HandleFunc("GET /open311/v2/services."+f, s.format(f, s.handleServices))
		mux.HandleFunc("GET /open311/v2/requests."+f, s.Limited(s.Lookups, s.format(f, s.handleRequests)))
		mux.HandleFunc("POST /open311/v2/requests."+f, s.format(f, s.handlePost))
	}
	mux.HandleFunc("GET /open311/v2/services/{file}", s.suffixed(s.handleService))
	mux.HandleFunc("GET /open311/v2/requests/{file}", s.Limited(s.Lookups, s.suffixed(s.handleRequest)))
}
