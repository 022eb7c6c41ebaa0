// Command nowork is the baseline of the lookup benchmark (deploy/bench): a net/http server
// that answers every request with the same fixed JSON body and headers of a public lookup's
// size (about 1.2 kB, the security headers of motcua's answers) and does nothing else — no
// database, no log, no middleware. What wrk reaches against it with deploy/bench/lookup.lua
// is the ceiling of the machine and the generator together: the share of it that
// `motcua serve` reaches is what the server's own work costs.
//
//	go run ./deploy/bench/nowork -addr 127.0.0.1:18109
package main

import (
	"flag"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// body is a lookup answer of the usual size, with no personal data (invented dates).
var body = []byte(`{"code":"H40.12.05-261021-0002","due_at":"2026-10-28T07:51:39+07:00","extended":false,` +
	`"finished_at":"2026-10-22T13:38:40+07:00","procedure":"Đăng ký lại kết hôn có yếu tố nước ngoài",` +
	`"received_at":"2026-10-21T07:51:39+07:00","returned_at":"2026-10-22T16:05:02+07:00","status":"returned",` +
	`"status_label":"Đã trả kết quả","submitted_at":"2026-10-21T07:29:26+07:00","timeline":[` +
	strings.Repeat(`{"at":"2026-10-21T07:29:26+07:00","action":"forward","label":"Chuyển đến bước: Trả kết quả"},`, 6) +
	`{"at":"2026-10-22T16:05:02+07:00","action":"return_result","label":"Đã trả kết quả"}],` +
	`"timeliness":"early","timeliness_label":"Trước hạn"}` + "\n")

var headers = map[string][]string{
	"Cache-Control":           {"no-store"},
	"Content-Type":            {"application/json; charset=utf-8"},
	"Content-Length":          {strconv.Itoa(len(body))},
	"X-Content-Type-Options":  {"nosniff"},
	"X-Frame-Options":         {"DENY"},
	"Referrer-Policy":         {"same-origin"},
	"Content-Security-Policy": {"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"},
	"Permissions-Policy":      {"camera=(), microphone=(), geolocation=()"},
	"Vary":                    {"Accept-Encoding"},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:18109", "address to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for k, v := range headers {
				h[k] = v
			}
			w.Write(body)
		})}
	log.Fatal(srv.ListenAndServe())
}
