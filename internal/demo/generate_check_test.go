package demo

import (
	"context"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/store"
)

// receiptRef is a desk receipt number as printed (NNNNNNN/YYYY).
var receiptRef = regexp.MustCompile(`^(\d{7})/(\d{4})$`)

// checkGenerated reads back every dossier of the unit and checks what a generation must
// leave: each stored projection equal to dossier.Project of the stored events, the daily
// sequence table at the highest code of each day, and desk receipts numbered 1…n in each
// year with the receipt sequence at n. It returns the number of events read.
func checkGenerated(t *testing.T, st *store.Store, unit string) int {
	t.Helper()
	ctx := context.Background()
	cal, err := st.UnitCalendar(ctx, unit)
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	lastOfDay := map[string]int{}
	receipts := map[int][]int{}
	for _, it := range storedDossiers(t, st, unit) {
		d, err := st.Dossier(ctx, it.Code)
		if err != nil {
			t.Fatal(err)
		}
		events += len(d.Dossier.Events)
		want, err := dossier.Project(d.Dossier, cal)
		if err != nil {
			t.Fatalf("%s: the stored events are not a history: %v", it.Code, err)
		}
		checkProjection(t, it, want)
		if d.State.Version != len(d.Dossier.Events) || !d.State.LastAt.Equal(want.LastAt) {
			t.Fatalf("%s: got version %d at %v, want %d at %v", it.Code, d.State.Version, d.State.LastAt,
				len(d.Dossier.Events), want.LastAt)
		}
		_, day, seq, err := dossier.ParseCode(it.Code)
		if err != nil {
			t.Fatal(err)
		}
		key := day.String()[2:4] + day.String()[5:7] + day.String()[8:10]
		lastOfDay[key] = max(lastOfDay[key], seq)
		for _, e := range d.Dossier.Events {
			if m := receiptRef.FindStringSubmatch(e.PaymentRef); e.Action == dossier.ActionPayment && m != nil {
				n, _ := strconv.Atoi(m[1])
				year, _ := strconv.Atoi(m[2])
				receipts[year] = append(receipts[year], n)
			}
		}
	}
	seqs, err := st.DossierSequences(ctx, unit)
	if err != nil {
		t.Fatal(err)
	}
	for day, last := range lastOfDay {
		if seqs[day] != last {
			t.Fatalf("%s on %s: got sequence %d, want the highest code %d", unit, day, seqs[day], last)
		}
	}
	books, err := st.ReceiptSequences(ctx, unit)
	if err != nil {
		t.Fatal(err)
	}
	for year, ns := range receipts {
		slices.Sort(ns)
		for i, n := range ns {
			if n != i+1 {
				t.Fatalf("%s in %d: got receipt numbers %v, want 1…%d", unit, year, ns, len(ns))
			}
		}
		if books[year] != len(ns) {
			t.Fatalf("%s in %d: got receipt sequence %d, want %d", unit, year, books[year], len(ns))
		}
	}
	if len(receipts) == 0 {
		t.Fatalf("%s: no desk receipt generated", unit)
	}
	return events
}

// checkLiveIntake receives a dossier at the counter on the unit's busiest generated day
// and checks that it gets the code after the generated ones.
func checkLiveIntake(t *testing.T, st *store.Store, unit string) {
	t.Helper()
	ctx := context.Background()
	seqs, err := st.DossierSequences(ctx, unit)
	if err != nil {
		t.Fatal(err)
	}
	var day string
	for d, n := range seqs {
		if day == "" || n > seqs[day] || n == seqs[day] && d < day {
			day = d
		}
	}
	at, err := time.ParseInLocation("060102 15:04", day+" 10:00", calendar.Zone())
	if err != nil {
		t.Fatal(err)
	}
	procs, err := historyProcedures(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	proc := procs.counter[0].proc
	plan := app.PlanFor(proc, dossier.ChannelCounter)
	got, err := st.CreateDossier(ctx, store.NewDossier{UnitCode: unit, ProcedureCode: proc.Code, ProcedureName: proc.Name,
		Process: plan.Process, Deadline: plan.Deadline, SupplementRule: plan.SupplementRule, Channel: dossier.ChannelCounter,
		Applicant: fakeApplicant(rand.New(rand.NewPCG(1, 2)), "xã Mẫu"), Form: demoForm, Documents: app.RequiredDocuments(proc),
		Actor: "mau.motcua", Role: dossier.RoleOneStop, ActorUnit: unit, At: at}, store.Write{})
	if err != nil {
		t.Fatal(err)
	}
	if want := dossier.FormatCode(unit, at, seqs[day]+1); got.Record.Code != want {
		t.Fatalf("live intake: got code %s, want %s", got.Record.Code, want)
	}
}
