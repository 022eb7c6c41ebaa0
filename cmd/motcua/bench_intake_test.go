package main

import (
	"bufio"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestBenchIntakeBody checks that the directly written body of the benchmark's intake is
// the JSON that encoding/json makes of the same dossier.
func TestBenchIntakeBody(t *testing.T) {
	for _, i := range []int{0, 7, 123456789, 1_234_567_890} {
		want, err := json.Marshal(map[string]any{"procedure_code": benchProcedure, "unit_code": "H40.12.05", "channel": "counter",
			"applicant": benchApplicant(i), "form": map[string]string{"ho_ten_tre": "Nguyễn Thị Bé"}})
		if err != nil {
			t.Fatal(err)
		}
		got := benchIntakeBody(nil, "H40.12.05", i)
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("dossier %d: %v in %s", i, err, got)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("dossier %d: got %s, want %s", i, got, want)
		}
	}
}

// TestBenchReadResponse checks the benchmark client's reading of answers: status, body,
// whether the connection stays open, and the framings it refuses.
func TestBenchReadResponse(t *testing.T) {
	for _, tc := range []struct {
		name, in   string
		status     int
		body       string
		reuse, bad bool
	}{
		{"created", "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 201, "{}", true, false},
		{"closing", "HTTP/1.1 400 Bad Request\r\ncontent-length: 3\r\nConnection: close\r\n\r\nabc", 400, "abc", false, false},
		{"chunked", "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 0, "", false, true},
		{"no length", "HTTP/1.1 201 Created\r\n\r\n{}", 0, "", false, true},
		{"short body", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\n{}", 0, "", false, true},
		{"not HTTP", "SSH-2.0-OpenSSH\r\n\r\n", 0, "", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bc := &benchConn{r: bufio.NewReader(strings.NewReader(tc.in))}
			status, body, reuse, err := bc.readResponse()
			if tc.bad {
				if err == nil {
					t.Fatalf("got status %d, want an error", status)
				}
				return
			}
			if err != nil || status != tc.status || string(body) != tc.body || reuse != tc.reuse {
				t.Errorf("got %d %q reuse=%v err=%v, want %d %q reuse=%v", status, body, reuse, err, tc.status, tc.body, tc.reuse)
			}
		})
	}
}
