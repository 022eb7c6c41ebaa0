package dossier

import "testing"

// benchDossier returns a dossier with a typical history of eight events.
func benchDossier(b *testing.B) Dossier {
	cal := newCal(b)
	d := newDossier(ChannelCounter)
	act(b, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	act(b, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	act(b, cal, &d, ict(2026, 11, 2, 9, 30), cmd(ActionAssign, RoleLeader))
	act(b, cal, &d, ict(2026, 11, 3, 9, 0), cmd(ActionRequestSupplement, RoleSpecialist))
	act(b, cal, &d, ict(2026, 11, 5, 9, 0), cmd(ActionSupplementReceived, RoleOneStop))
	act(b, cal, &d, ict(2026, 11, 6, 9, 0), cmd(ActionForward, RoleSpecialist))
	act(b, cal, &d, ict(2026, 11, 6, 15, 0), cmd(ActionForward, RoleLeader))
	act(b, cal, &d, ict(2026, 11, 9, 9, 0), cmd(ActionReturnResult, RoleOneStop))
	return d
}

func BenchmarkProject(b *testing.B) {
	cal := newCal(b)
	d := benchDossier(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Project(d, cal); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStepResults(b *testing.B) {
	cal := newCal(b)
	d := benchDossier(b)
	st, err := Project(d, cal)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := StepResults(d, st, cal); err != nil {
			b.Fatal(err)
		}
	}
}
