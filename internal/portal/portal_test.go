package portal

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
)

func TestSlugify(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Tân Hòa hai năm liền dẫn đầu!":       "tan-hoa-hai-nam-lien-dan-dau",
		"  Đường   Nguyễn Trãi -- mở rộng  ":  "duong-nguyen-trai-mo-rong",
		"Thông báo số 12/TB-UBND (ngày 3/12)": "thong-bao-so-12-tb-ubnd-ngay-3-12",
		"<script>alert(1)</script>":           "script-alert-1-script",
		strings.Repeat("dài ", 100):           strings.TrimSuffix(strings.Repeat("dai-", 30), "-"),
	}
	for in, want := range cases {
		got := Slugify(in)
		if got != want || !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q, want %q (valid)", in, got, want)
		}
	}
	for _, bad := range []string{"", "Hoa", "a--b", "-a", "a_b", "tin/1", "tân"} {
		if ValidSlug(bad) {
			t.Errorf("ValidSlug(%q) = true", bad)
		}
	}
}

func TestDecide(t *testing.T) {
	t.Parallel()
	editor := Actor{Username: "e", UnitCode: "A", Roles: []org.Role{org.Editor}}
	leader := Actor{Username: "l", UnitCode: "A", Roles: []org.Role{org.Leader}}
	admin := Actor{Username: "x", UnitCode: "A", Roles: []org.Role{org.Admin}}
	otherEditor := Actor{Username: "o", UnitCode: "B", Roles: []org.Role{org.Editor}}
	art := func(s State) Article { return Article{UnitCode: "A", State: s} }
	cases := []struct {
		name   string
		actor  Actor
		action Action
		a      Article
		want   State
		code   fault.Code
	}{
		{"editor writes a new one", editor, Edit, Article{}, Draft, ""},
		{"editor edits a published one: back to draft", editor, Edit, art(Published), Draft, ""},
		{"editor cannot edit while submitted", editor, Edit, art(Submitted), "", fault.Conflict},
		{"leader does not write", leader, Edit, art(Draft), "", fault.Forbidden},
		{"editor submits", editor, Submit, art(Draft), Submitted, ""},
		{"editor resubmits an unpublished one", editor, Submit, art(Unpublished), Submitted, ""},
		{"editor cannot publish", editor, Approve, art(Submitted), "", fault.Forbidden},
		{"admin cannot publish", admin, Approve, art(Submitted), "", fault.Forbidden},
		{"leader approves", leader, Approve, art(Submitted), Published, ""},
		{"leader cannot approve a draft", leader, Approve, art(Draft), "", fault.Conflict},
		{"leader returns", leader, Return, art(Submitted), Draft, ""},
		{"editor cannot return", editor, Return, art(Submitted), "", fault.Forbidden},
		{"leader unpublishes", leader, Unpublish, art(Published), Unpublished, ""},
		{"editor unpublishes", editor, Unpublish, art(Published), Unpublished, ""},
		{"cannot unpublish a draft", leader, Unpublish, art(Draft), "", fault.Conflict},
		{"another unit's editor", otherEditor, Edit, art(Draft), "", fault.Forbidden},
		{"another unit's editor submits", otherEditor, Submit, art(Draft), "", fault.Forbidden},
		{"unknown action", editor, "publish", art(Draft), "", fault.Invalid},
	}
	for _, c := range cases {
		got, err := Decide(c.actor, c.action, c.a)
		if c.code != "" {
			if !fault.Is(err, c.code) || fault.As(err).Message == "" {
				t.Errorf("%s: got %v, want %s with a message", c.name, err, c.code)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v, want %q", c.name, got, err, c.want)
		}
	}
}

func TestValid(t *testing.T) {
	t.Parallel()
	good := Article{Category: News, Slug: "tin-moi", Title: "Tin mới", Body: "Nội dung"}
	if errs := good.Valid(); len(errs) != 0 {
		t.Fatalf("good article: %v", errs)
	}
	cases := []struct {
		field string
		edit  func(*Article)
	}{
		{"category", func(a *Article) { a.Category = "khac" }},
		{"title", func(a *Article) { a.Title = " " }},
		{"body", func(a *Article) { a.Body = strings.Repeat("x", MaxBody+1) }},
		{"slug", func(a *Article) { a.Slug = "Tin Mới" }},
		{"image_alt", func(a *Article) { a.Image = "0123456789abcdef-1200.jpg" }},
		{"doc_number", func(a *Article) { a.Category = Direction }},
		{"doc_date", func(a *Article) {
			a.Category, a.DocNumber, a.DocSigner, a.DocDate = Direction, "1/QĐ", "A", "2026-02-30"
		}},
	}
	for _, c := range cases {
		a := good
		c.edit(&a)
		if errs := a.Valid(); errs[c.field] == "" {
			t.Errorf("%s: got %v, want a message on it", c.field, errs)
		}
	}
	now := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	if ValidPublishAt(now.AddDate(0, 11, 0), now) != "" || ValidPublishAt(now.AddDate(1, 0, 2), now) == "" {
		t.Errorf("ValidPublishAt: want within a year accepted, beyond refused")
	}
	live := Article{State: Published, PublishAt: now}
	if !live.Live(now) || live.Live(now.Add(-time.Second)) || (Article{State: Submitted, PublishAt: now}).Live(now) {
		t.Errorf("Live: wrong")
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	got := Diff("a\nb\nc\nd", "a\nc\nd\ne")
	var b strings.Builder
	for _, l := range got {
		b.WriteByte(byte(l.Op))
		b.WriteString(l.Text)
		b.WriteByte(';')
	}
	if want := " a;-b; c; d;+e;"; b.String() != want {
		t.Errorf("Diff: got %q, want %q", b.String(), want)
	}
	if k := (DiffLine{Op: '+'}).Kind(); k != "added" {
		t.Errorf("Kind: got %q", k)
	}
}
