package catalog

import (
	"sort"
	"strings"
	"testing"
)

func TestRankOrder(t *testing.T) {
	tests := []struct {
		query        string
		better, less string
	}{
		{"dang ky khai sinh", "dang ky khai sinh", "dang ky khai sinh co yeu to nuoc ngoai"},
		{"dang ky khai sinh", "dang ky khai sinh", "dang ky lai khai sinh"},
		{"dang ky khai sinh", "dang ky khai sinh co yeu to nuoc ngoai", "dang ky lai khai sinh"},
		{"dang ky khai sinh", "dang ky lai khai sinh", "khai sinh dang ky"},
		{"dang ky khai sinh", "khai sinh dang ky", "dang ky ket hon"},
		{"dang ky khai sinh", "dang ky ket hon", "chung thuc ban sao"},
		{"khai sinh", "dang ky khai sinh", "dang ky khai sinh ket hop nhan cha, me, con"},
		{"ket hon", "dang ky ket hon", "cap giay xac nhan tinh trang hon nhan"},
		{"thuong tru", "xoa dang ky thuong tru", "dang ky tam tru"},
	}
	for _, tt := range tests {
		t.Run(tt.query+"/"+tt.better, func(t *testing.T) {
			b, l := Rank(tt.query, tt.better), Rank(tt.query, tt.less)
			if b <= l {
				t.Errorf("got Rank(%q)=%d not above Rank(%q)=%d, want it above", tt.better, b, tt.less, l)
			}
		})
	}
}

func TestRankTiers(t *testing.T) {
	tests := []struct {
		query, name string
		tier        int
	}{
		{"dang ky khai sinh", "dang ky khai sinh", rankExact},
		{"  Dang  ky khai SINH ", "dang ky khai sinh", rankExact},
		{"dang ky khai", "dang ky khai sinh", rankPrefix},
		{"dang ky kh", "dang ky khai sinh", rankPrefix},
		{"dang ky khai sinh", "dang ky lai khai sinh", rankOrdered},
		{"khai sinh dang ky", "dang ky lai khai sinh", rankAll},
		{"khai sinh nuoc ngoai", "dang ky khai sinh", rankPartial},
		{"tam", "dang ky tam tru", rankOrdered},
		{"tam vang", "dang ky tam tru", rankPartial},
		{"ai sin", "dang ky khai sinh", rankPartial},
		{"ho chieu", "dang ky khai sinh", rankNone},
		{"", "dang ky khai sinh", rankNone},
		{"khai sinh", "", rankNone},
	}
	for _, tt := range tests {
		t.Run(tt.query+"/"+tt.name, func(t *testing.T) {
			if got := Rank(tt.query, tt.name) / 1000; got != tt.tier {
				t.Errorf("got tier %d, want %d", got, tt.tier)
			}
		})
	}
}

// fold is a small folding for tests only: lower-case, Vietnamese letters
// without diacritics, đ→d. The store has its own.
func fold(s string) string {
	const from = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
	const to = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
	fr, tr := []rune(from), []rune(to)
	m := make(map[rune]rune, len(fr))
	for i, r := range fr {
		m[r] = tr[i]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if x, ok := m[r]; ok {
			r = x
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFoldHelper(t *testing.T) {
	if got, want := fold("Đăng ký khai sinh Ữ"), "dang ky khai sinh u"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// top returns the codes of the n best-ranked demo procedures for a query.
func top(tb testing.TB, c Catalog, query string, n int) []Procedure {
	tb.Helper()
	type scored struct {
		p     Procedure
		score int
	}
	var all []scored
	for _, p := range c.Procedures {
		if s := Rank(query, fold(p.Name)); s > 0 {
			all = append(all, scored{p, s})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []Procedure
	for i := 0; i < n && i < len(all); i++ {
		out = append(out, all[i].p)
	}
	return out
}

func TestRankOverDemo(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	tests := []struct {
		query string
		code  string
		n     int
	}{
		{"dang ky khai sinh", "1.001193", 1},
		{"dang ky ket hon", "1.000894", 1},
		{"khai tu", "1.000656", 1},
		{"chung thuc ban sao", "2.000815", 3},
		{"chung thuc chu ky", "2.000884", 3},
		{"thuong tru", "1.004222", 3},
		{"giay phep xay dung", "", 3}, // only checks that something is found
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := top(t, c, tt.query, tt.n)
			if len(got) == 0 {
				t.Fatalf("got no results, want some")
			}
			if tt.code == "" {
				return
			}
			var names []string
			for _, p := range got {
				if p.Code == tt.code {
					return
				}
				names = append(names, p.Name)
			}
			t.Errorf("got top %d %q, want %s among them", tt.n, names, tt.code)
		})
	}
}

func BenchmarkRankDemo(b *testing.B) {
	c, err := Demo()
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, len(c.Procedures))
	for i, p := range c.Procedures {
		names[i] = fold(p.Name)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, n := range names {
			Rank("chung thuc ban sao", n)
		}
	}
}

func BenchmarkDemo(b *testing.B) {
	for b.Loop() {
		if _, err := Demo(); err != nil {
			b.Fatal(err)
		}
	}
}
