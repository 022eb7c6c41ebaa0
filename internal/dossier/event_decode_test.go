package dossier

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// sameAsUnmarshal checks that DecodeEvent gives what json.Unmarshal gives into a zero
// Event: the same event, and an error exactly when json.Unmarshal fails.
func sameAsUnmarshal(t *testing.T, data []byte) {
	t.Helper()
	var want Event
	wantErr := json.Unmarshal(data, &want)
	var got Event
	got.Note = "left over" // DecodeEvent starts from a zero Event
	gotErr := DecodeEvent(data, &got)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s: error %v, json.Unmarshal's %v", data, gotErr, wantErr)
	}
	if wantErr != nil {
		if gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %q, json.Unmarshal's %q", data, gotErr, wantErr)
		}
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %#v\nwant %#v", data, got, want)
	}
}

// randomEvent makes an event with a random subset of fields, text in Vietnamese, ASCII
// and with characters that need escapes.
func randomEvent(r *rand.Rand) Event {
	texts := []string{"", "tanhoa.motcua", "H40.12.05", "Bổ sung giấy tờ còn thiếu", `quote " and \ backslash`,
		"tab\tand\nnewline", "<b>&amp;</b>", "\u2028 line separator", "émoji 😀", "a"}
	pick := func() string { return texts[r.IntN(len(texts))] }
	at := time.Date(2020+r.IntN(7), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.UTC)
	if r.IntN(3) == 0 {
		at = at.In(time.FixedZone("ICT", 7*3600)).Add(time.Duration(r.IntN(1e9)))
	}
	e := Event{Seq: r.IntN(40), Action: Action(pick()), Actor: pick(), Role: Role(pick()), Unit: pick(), At: at,
		Note: pick(), Reason: pick(), ToUnit: pick(), Assignee: pick(), Step: r.IntN(5) - 1, PaymentRef: pick()}
	if r.IntN(4) == 0 {
		e.NewDue = at.Add(72 * time.Hour)
	}
	if r.IntN(4) == 0 {
		e.StepBudget = float64(r.IntN(20)) / 2
	}
	if r.IntN(4) == 0 {
		e.AmountVND = int64(r.IntN(1_000_000))
	}
	if r.IntN(8) == 0 {
		e.Documents = []MissingDocument{{}}
	}
	return e
}

func TestDecodeEventRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		data, err := json.Marshal(randomEvent(r))
		if err != nil {
			t.Fatal(err)
		}
		sameAsUnmarshal(t, data)
	}
}

func TestDecodeEventEdgeCases(t *testing.T) {
	for _, s := range []string{
		`{"seq":1,"action":"submit","actor":"nguoidan.1","role":"applicant","at":"2024-12-04T23:47:22Z","step":0}`,
		`{}`, ` { } `, `{"seq":1}  `, `{"seq":1} x`, `{"seq":1,}`, `{"seq" 1}`, `{"seq":01}`, `{"seq":-0}`,
		`{"seq":1.5}`, `{"seq":1e2}`, `{"seq":99999999999999999999}`, `{"step":-1}`, `{"step_budget":2.5e0}`,
		`{"step_budget":-0.25}`, `{"step_budget":1.}`, `{"amount_vnd":150000}`, `{"Seq":3}`, `{"ACTION":"x"}`,
		`{"unknown":1}`, `{"note":null}`, `{"note":"a\"b"}`, `{"note":"\u00e9"}`, `{"note":"` + "\xff" + `"}`,
		`{"note":"` + "\x01" + `"}`, `{"at":"2024-13-01T00:00:00Z"}`, `{"at":"not a time"}`, `{"at":null}`,
		`{"at":"2024-12-04T23:47:22+07:00"}`, `{"new_due":"2024-12-04T23:47:22.123456789Z"}`, `{"seq":1,"seq":2}`,
		`{"documents":[{"name":"Tờ khai"}]}`, `{"documents":[]}`, `[]`, `null`, ``, `{`, `{"seq":`, `{"note":"x`,
		`{"seq":true}`, `{"note":5}`, `{"action":"forward","assignee":"tanhoa.chuyenvien","to_unit":"H40","payment_ref":"R1"}`,
		"{\n\t\"seq\" : 4 ,\r\n \"reason\":\"Hồ sơ thiếu\"\n}",
	} {
		sameAsUnmarshal(t, []byte(s))
	}
}

// FuzzDecodeEvent compares DecodeEvent with json.Unmarshal on any input:
// go test ./internal/dossier -run '^$' -fuzz FuzzDecodeEvent -fuzztime 30s
func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(`{"seq":1,"action":"submit","actor":"nguoidan.1","role":"applicant","at":"2024-12-04T23:47:22Z","step":0}`))
	f.Add([]byte(`{"step_budget":2.5,"amount_vnd":10,"new_due":"2024-12-04T23:47:22Z","documents":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) { sameAsUnmarshal(t, data) })
}
