package metrics

import (
	"strings"
	"testing"
	"time"
)

func TestWriteText(t *testing.T) {
	r := New()
	r.ObserveRequest("GET /api/v1/lookup/{code}", "GET", 200, 3*time.Millisecond)
	r.ObserveRequest("GET /api/v1/lookup/{code}", "GET", 200, 40*time.Millisecond)
	r.ObserveRequest("", "GET", 404, time.Millisecond/2)
	r.ObserveBatch(1)
	r.ObserveBatch(20)
	r.Gauge("motcua_db_connections", "Connections of the pool.", func() float64 { return 3 }, "pool", "write", "state", "in_use")
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# TYPE motcua_http_request_duration_seconds histogram\n",
		`motcua_http_request_duration_seconds_bucket{route="GET /api/v1/lookup/{code}",method="GET",code="200",le="0.005"} 1` + "\n",
		`motcua_http_request_duration_seconds_bucket{route="GET /api/v1/lookup/{code}",method="GET",code="200",le="0.05"} 2` + "\n",
		`motcua_http_request_duration_seconds_bucket{route="GET /api/v1/lookup/{code}",method="GET",code="200",le="+Inf"} 2` + "\n",
		`motcua_http_request_duration_seconds_sum{route="GET /api/v1/lookup/{code}",method="GET",code="200"} 0.043`,
		`motcua_http_request_duration_seconds_count{route="unmatched",method="GET",code="404"} 1` + "\n",
		`motcua_intake_batch_size_bucket{le="1"} 1` + "\n",
		`motcua_intake_batch_size_bucket{le="16"} 1` + "\n",
		`motcua_intake_batch_size_bucket{le="32"} 2` + "\n",
		"motcua_intake_batch_size_sum 21\nmotcua_intake_batch_size_count 2\n",
		"# TYPE motcua_db_connections gauge\n",
		`motcua_db_connections{pool="write",state="in_use"} 3` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	var nilReg *Registry
	nilReg.ObserveRequest("x", "GET", 200, time.Second) // a nil registry records nothing, without panicking
	nilReg.ObserveBatch(3)
}
