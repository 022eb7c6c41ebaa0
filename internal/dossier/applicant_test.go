package dossier

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestApplicantValid(t *testing.T) {
	ok := Applicant{FullName: "Nguyễn Văn An", IDNumber: "001203004567", Phone: "0912345678",
		Email: "an.nguyen@example.vn", Address: "Tổ 3, thị trấn Tân Hòa"}
	tests := []struct {
		name   string
		change func(*Applicant)
		field  string
	}{
		{"valid", func(*Applicant) {}, ""},
		{"only a name", func(a *Applicant) { *a = Applicant{FullName: "Lê Thị Bình"} }, ""},
		{"CMND 9 digits", func(a *Applicant) { a.IDNumber = "123456789" }, ""},
		{"phone +84", func(a *Applicant) { a.Phone = "+84912345678" }, ""},
		{"landline 11 digits", func(a *Applicant) { a.Phone = "02633123456" }, ""},
		{"no name", func(a *Applicant) { a.FullName = "  " }, "full_name"},
		{"long name", func(a *Applicant) { a.FullName = strings.Repeat("ă", 201) }, "full_name"},
		{"ID 10 digits", func(a *Applicant) { a.IDNumber = "0012030045" }, "id_number"},
		{"ID with letters", func(a *Applicant) { a.IDNumber = "00120300456A" }, "id_number"},
		{"phone too short", func(a *Applicant) { a.Phone = "09123456" }, "phone"},
		{"phone wrong prefix", func(a *Applicant) { a.Phone = "84912345678" }, "phone"},
		{"phone with spaces", func(a *Applicant) { a.Phone = "0912 345 678" }, "phone"},
		{"email without domain dot", func(a *Applicant) { a.Email = "an@localhost" }, "email"},
		{"email two at", func(a *Applicant) { a.Email = "a@b@c.vn" }, "email"},
		{"email with space", func(a *Applicant) { a.Email = "an nguyen@example.vn" }, "email"},
		{"long address", func(a *Applicant) { a.Address = strings.Repeat("x", 501) }, "address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ok
			tt.change(&a)
			f := a.Trimmed().Valid()
			if tt.field == "" {
				if f != nil {
					t.Fatalf("got %v, want no error", f)
				}
				return
			}
			if _, found := f[tt.field]; !found || len(f) != 1 {
				t.Fatalf("got %v, want exactly a message for %s", f, tt.field)
			}
		})
	}
}

func TestApplicantMasked(t *testing.T) {
	a := Applicant{FullName: "Nguyễn Văn An", IDNumber: "001203004567", Phone: "0912345678",
		Email: "an.nguyen@example.vn", Address: "Tổ 3, thị trấn Tân Hòa"}
	got := a.Masked()
	want := Applicant{FullName: "Nguyễn V*** A***", IDNumber: "*********567", Phone: "09******78",
		Email: "a***@example.vn", Address: "***, thị trấn Tân Hòa"}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	short := Applicant{FullName: "Ánh", Phone: "0912", Email: "x"}.Masked()
	if short.FullName != "Ánh" || short.Phone != "****" || short.Email != "*" {
		t.Fatalf("got %+v, want the single word kept and short values fully starred", short)
	}
}

func TestCommandValid(t *testing.T) {
	base := Command{Action: ActionForward, Actor: "cv1", Role: RoleSpecialist, Unit: home}
	tests := []struct {
		name   string
		change func(*Command)
		field  string
	}{
		{"valid", func(*Command) {}, ""},
		{"unknown action", func(c *Command) { c.Action = "jump" }, "action"},
		{"no actor", func(c *Command) { c.Actor = "" }, "actor"},
		{"unknown role", func(c *Command) { c.Role = "mayor" }, "role"},
		{"note of 2000 runes", func(c *Command) { c.Note = strings.Repeat("ệ", 2000) }, ""},
		{"note too long", func(c *Command) { c.Note = strings.Repeat("ệ", 2001) }, "note"},
		{"reason too long", func(c *Command) { c.Reason = strings.Repeat("a", 2001) }, "reason"},
		{"extend without new due", func(c *Command) { c.Action, c.Reason = ActionExtend, "lý do" }, "new_due"},
		{"assign without assignee", func(c *Command) { c.Action = ActionAssign }, "assignee"},
		{"refuse without reason", func(c *Command) { c.Action = ActionRefuse }, "reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			tt.change(&c)
			f := c.Valid()
			if tt.field == "" {
				if f != nil {
					t.Fatalf("got %v, want no error", f)
				}
				return
			}
			if _, found := f[tt.field]; !found || len(f) != 1 {
				t.Fatalf("got %v, want exactly a message for %s", f, tt.field)
			}
		})
	}
}

func TestJSONNames(t *testing.T) {
	e := Event{Seq: 1, Action: ActionExtend, Actor: "ld", Role: RoleLeader, At: ict(2026, 11, 2, 8, 0),
		NewDue: ict(2026, 11, 12, 17, 0), ToUnit: "T", StepBudget: 1, Assignee: "x", Reason: "r"}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	for _, key := range []string{`"seq"`, `"action"`, `"actor"`, `"new_due"`, `"to_unit"`, `"step_budget"`, `"assignee"`, `"step"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("got %s, want key %s", b, key)
		}
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil || !back.NewDue.Equal(e.NewDue) || back.Action != e.Action {
		t.Fatalf("got %+v (%v), want %+v", back, err, e)
	}
	c, err := json.Marshal(Command{Action: ActionForward, Actor: "a", Role: RoleAdmin, Unit: "u"})
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if s := string(c); strings.Contains(s, "admin") || strings.Contains(s, `"u"`) {
		t.Fatalf("got %s, want the caller's identity left out of JSON", s)
	}
	var zero Event
	if b, _ := json.Marshal(zero); strings.Contains(string(b), "new_due") {
		t.Fatalf("got %s, want new_due omitted when zero", b)
	}
}
