package store_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// demoUnit is the unit the catalogue tests give offers to.
const demoUnit = "H99.01"

// loadDemoCatalog imports the demo catalogue, or its first n procedures when n > 0, with
// the first 20 procedures offered by demoUnit.
func loadDemoCatalog(tb testing.TB, s *store.Store, n int) catalog.Catalog {
	tb.Helper()
	ctx := context.Background()
	if _, err := s.CreateUnit(ctx, org.Unit{Code: demoUnit, Name: "UBND xã Thử nghiệm", Level: org.Commune}); err != nil {
		tb.Fatal(err)
	}
	c, err := catalog.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	if n > 0 {
		c.Procedures = c.Procedures[:n]
	}
	var codes []string
	for _, p := range c.Procedures[:20] {
		codes = append(codes, p.Code)
	}
	c.Offers = []catalog.Offer{{UnitCode: demoUnit, ProcedureCodes: codes}}
	if res, err := s.ImportCatalog(ctx, c, "test"); err != nil {
		tb.Fatalf("import demo: %v (%v)", err, res.Problems)
	}
	return c
}

func encode(tb testing.TB, c catalog.Catalog) string {
	tb.Helper()
	var b bytes.Buffer
	if err := catalog.Encode(&b, c); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestCatalogSearch(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := loadDemoCatalog(t, s, 0)
		fields, err := s.Fields(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, f := range fields {
			sum += f.Count
		}
		if len(fields) < 10 || sum != len(c.Procedures) || sum < 150 {
			t.Errorf("got %d fields with %d procedures, want ≥10 fields and all %d (≥150) procedures", len(fields), sum, len(c.Procedures))
		}
		tests := []struct {
			q, want string
		}{
			{"dang ky khai sinh", "Đăng ký khai sinh"},
			{"DANG KY KET HON", "Đăng ký kết hôn"},
			{"chung thuc ban sao", "Chứng thực bản sao từ bản chính"},
			{"đăng ký thường trú", "Đăng ký thường trú"},
			{"Đăng Ký Khai Sinh", "Đăng ký khai sinh"},
			{"dang  ky,  khai-sinh", "Đăng ký khai sinh"},
			{"dang ky khai", "Đăng ký khai sinh"},
		}
		for _, tt := range tests {
			t.Run(tt.q, func(t *testing.T) {
				items, total, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: tt.q, Limit: 3})
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, it := range items {
					names = append(names, it.Name)
				}
				if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, tt.want) }) {
					t.Errorf("top 3 of %q: got %q (total %d), want %q among them", tt.q, names, total, tt.want)
				}
			})
		}
		t.Run("code", func(t *testing.T) {
			items, _, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: c.Procedures[0].Code})
			if err != nil || len(items) == 0 || items[0].Code != c.Procedures[0].Code {
				t.Errorf("search by code: got %v, %v, want %s first", items, err, c.Procedures[0].Code)
			}
		})
		t.Run("no match", func(t *testing.T) {
			items, total, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: "zzzqqq"})
			if err != nil || total != 0 || len(items) != 0 {
				t.Errorf("got %d items, total %d, err %v, want none", len(items), total, err)
			}
		})
		t.Run("paging", func(t *testing.T) {
			all, total, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: "dang ky", Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(all) || total < 5 {
				t.Fatalf("got total %d with %d items, want equal and ≥5", total, len(all))
			}
			page, total2, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: "dang ky", Limit: 2, Offset: 3})
			if err != nil {
				t.Fatal(err)
			}
			if total2 != total || len(page) != 2 || page[0].Code != all[3].Code || page[1].Code != all[4].Code {
				t.Errorf("page: got %v (total %d), want items 3–4 of %d", page, total2, total)
			}
			past, _, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: "dang ky", Offset: total + 5})
			if err != nil || len(past) != 0 {
				t.Errorf("offset past the end: got %d items, %v, want none", len(past), err)
			}
			browse, btotal, err := s.SearchProcedures(ctx, store.ProcedureQuery{Limit: 10, Offset: 5})
			if err != nil || btotal != len(c.Procedures) || len(browse) != 10 || browse[0].Code != c.Procedures[5].Code {
				t.Errorf("browse: got %d items, total %d, %v; want 10 of %d from %s", len(browse), btotal, err, len(c.Procedures), c.Procedures[5].Code)
			}
		})
		t.Run("filters", func(t *testing.T) {
			field := fields[0]
			items, total, err := s.SearchProcedures(ctx, store.ProcedureQuery{Field: field.Code, Limit: 1000})
			if err != nil || total != field.Count || len(items) != field.Count {
				t.Errorf("field %s: got %d/%d, %v, want %d", field.Code, len(items), total, err, field.Count)
			}
			for _, it := range items {
				if it.Field.Code != field.Code || it.Field.Name != field.Name {
					t.Errorf("field filter: got %+v, want field %s", it.Field, field.Code)
				}
			}
			_, total, err = s.SearchProcedures(ctx, store.ProcedureQuery{Unit: demoUnit})
			if err != nil || total != 20 {
				t.Errorf("unit filter: got total %d, %v, want 20", total, err)
			}
			_, total, err = s.SearchProcedures(ctx, store.ProcedureQuery{Q: "chung thuc", Field: "ho-tich"})
			if err != nil || total != 0 {
				t.Errorf("query + other field: got total %d, %v, want 0", total, err)
			}
			ok, err := s.OffersProcedure(ctx, demoUnit, c.Procedures[0].Code)
			if err != nil || !ok {
				t.Errorf("OffersProcedure: got %v, %v, want true", ok, err)
			}
			ok, err = s.OffersProcedure(ctx, demoUnit, c.Procedures[30].Code)
			if err != nil || ok {
				t.Errorf("OffersProcedure not offered: got %v, %v, want false", ok, err)
			}
			codes, err := s.UnitProcedures(ctx, demoUnit)
			if err != nil || len(codes) != 20 || codes[0] != c.Procedures[0].Code {
				t.Errorf("UnitProcedures: got %d codes, %v", len(codes), err)
			}
		})
		t.Run("bad query", func(t *testing.T) {
			for _, q := range []store.ProcedureQuery{
				{Q: strings.Repeat("a", 5000)}, {Limit: -5}, {Limit: 1001}, {Offset: -1},
			} {
				if _, _, err := s.SearchProcedures(ctx, q); fault.CodeOf(err) != fault.Invalid {
					t.Errorf("query %+v: got %v, want invalid", q, err)
				}
			}
		})
	})
}

func TestCatalogRoundTrip(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		loadDemoCatalog(t, s, 0)
		first, err := s.ExportCatalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.ImportCatalog(ctx, first, "test")
		if err != nil {
			t.Fatal(err)
		}
		if res.Unchanged != len(first.Procedures) || res.NewVersions != 0 || res.Created != 0 {
			t.Errorf("re-import: got %+v, want all %d unchanged", res, len(first.Procedures))
		}
		second, err := s.ExportCatalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := encode(t, first), encode(t, second); a != b {
			t.Errorf("export → import → export differs (%d vs %d bytes)", len(a), len(b))
		}
		if len(first.Offers) != 1 || len(first.Offers[0].ProcedureCodes) != 20 {
			t.Errorf("offers: got %+v, want one unit with 20 procedures", first.Offers)
		}
	})
}

func TestCatalogImportRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		demo := loadDemoCatalog(t, s, 24)
		before, err := s.ExportCatalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name   string
			change func(c *catalog.Catalog)
			row    int
			column string
		}{
			{"budgets do not add up", func(c *catalog.Catalog) { c.Procedures[4].Process.Steps[0].Days += 1 }, 5, "process.steps"},
			{"duplicate code", func(c *catalog.Catalog) { c.Procedures[7].Code = c.Procedures[2].Code }, 8, "code"},
			{"unknown field", func(c *catalog.Catalog) { c.Procedures[9].FieldCode = "khong-co" }, 10, "field_code"},
			{"unknown unit", func(c *catalog.Catalog) { c.Offers[0].UnitCode = "H00.00" }, 0, "offers[0].unit_code"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c, err := s.ExportCatalog(ctx)
				if err != nil {
					t.Fatal(err)
				}
				c.Procedures[0].Name = "Tên đã đổi – không được lưu"
				tt.change(&c)
				res, err := s.ImportCatalog(ctx, c, "test")
				if fault.CodeOf(err) != fault.Invalid {
					t.Fatalf("got %v, want invalid", err)
				}
				if !slices.ContainsFunc(res.Problems, func(p catalog.Problem) bool { return p.Row == tt.row && p.Column == tt.column }) {
					t.Errorf("problems: got %+v, want row %d column %s", res.Problems, tt.row, tt.column)
				}
				after, err := s.ExportCatalog(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if encode(t, after) != encode(t, before) {
					t.Error("the catalogue changed after a refused import")
				}
			})
		}
		if p, err := s.Procedure(ctx, demo.Procedures[0].Code); err != nil || p.Name != demo.Procedures[0].Name {
			t.Errorf("got %q, %v, want %q", p.Name, err, demo.Procedures[0].Name)
		}
		if _, err := s.Procedure(ctx, "9.999999"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown code: got %v, want not_found", err)
		}
	})
}

func TestCatalogProcessVersions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		demo := loadDemoCatalog(t, s, 24)
		p := demo.Procedures[0]
		v1 := p.Process
		// Same steps: no new version, other fields saved.
		p.Conditions = "Điều kiện mới."
		saved, err := s.SaveProcedure(ctx, p, "admin")
		if err != nil {
			t.Fatal(err)
		}
		if saved.Process.Version != v1.Version {
			t.Errorf("unchanged steps: got version %d, want %d", saved.Process.Version, v1.Version)
		}
		// Changed steps through import: a new version.
		c, _ := s.ExportCatalog(ctx)
		steps := c.Procedures[0].Process.Steps
		steps[0].Name = steps[0].Name + " (sửa)"
		res, err := s.ImportCatalog(ctx, c, "test")
		if err != nil || res.NewVersions != 1 {
			t.Fatalf("import changed steps: got %+v, %v, want one new version", res, err)
		}
		// Publishing.
		next := catalog.Next(c.Procedures[0].Process)
		next.Steps[0].Name = "Tiếp nhận hồ sơ"
		pub, err := s.PublishProcess(ctx, p.Code, next, "admin")
		if err != nil {
			t.Fatal(err)
		}
		if pub.Version != v1.Version+2 {
			t.Errorf("publish: got version %d, want %d", pub.Version, v1.Version+2)
		}
		if _, err := s.PublishProcess(ctx, p.Code, pub, "admin"); fault.CodeOf(err) != fault.Conflict {
			t.Errorf("publish unchanged: got %v, want conflict", err)
		}
		bad := catalog.Next(pub)
		bad.Steps[0].Days += 2
		if _, err := s.PublishProcess(ctx, p.Code, bad, "admin"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("publish bad budgets: got %v, want invalid", err)
		}
		versions, err := s.ProcessVersions(ctx, p.Code)
		if err != nil {
			t.Fatal(err)
		}
		if len(versions) != 3 || versions[2].Version != pub.Version || versions[2].PublishedBy != "admin" || versions[2].PublishedAt.IsZero() {
			t.Errorf("versions: got %+v, want 3 with the last published by admin", versions)
		}
		old, err := s.ProcessVersion(ctx, p.Code, v1.Version)
		if err != nil || fmt.Sprint(old.Steps) != fmt.Sprint(v1.Steps) {
			t.Errorf("version %d: got %+v, %v, want %+v", v1.Version, old, err, v1)
		}
		cur, _ := s.Procedure(ctx, p.Code)
		if cur.Process.Version != pub.Version || cur.Conditions != "Điều kiện mới." {
			t.Errorf("current: got version %d conditions %q", cur.Process.Version, cur.Conditions)
		}
		if _, err := s.ProcessVersion(ctx, p.Code, 99); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown version: got %v, want not_found", err)
		}
		invalid := p
		invalid.Name = ""
		invalid.FieldCode = "khong-co"
		if _, err := s.SaveProcedure(ctx, invalid, "admin"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("save invalid: got %v, want invalid", err)
		}
		unknownField := p
		unknownField.Code = "XA-TEST-001"
		unknownField.FieldCode = "khong-co"
		if _, err := s.SaveProcedure(ctx, unknownField, "admin"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("save with unknown field: got %v, want invalid", err)
		}
	})
}

// BenchmarkSearchProcedures measures catalogue search on SQLite over 5,000 procedures
// (variants of the demo names) and reports the 99th percentile per search.
func BenchmarkSearchProcedures(b *testing.B) {
	s := searchBenchStore(b)
	ctx := context.Background()
	queries := []string{"dang ky khai sinh", "DANG KY KET HON", "chung thuc ban sao", "đăng ký thường trú", "ho kinh doanh", "tro cap"}
	var durations []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, _, err := s.SearchProcedures(ctx, store.ProcedureQuery{Q: queries[i%len(queries)], Limit: 20}); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
	}
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	if n := len(durations); n > 0 {
		b.ReportMetric(float64(durations[(n*99)/100].Microseconds())/1000, "p99-ms")
	}
}

// searchBenchStore returns an SQLite store holding 5,000 procedures: the demo names with
// place and case suffixes.
func searchBenchStore(b testing.TB) *store.Store {
	b.Helper()
	s := storetest.Open(b, store.SQLite, nil)
	ctx := context.Background()
	demo, err := catalog.Demo()
	if err != nil {
		b.Fatal(err)
	}
	places := []string{"", " tại xã", " tại phường", " cho người cao tuổi", " có yếu tố nước ngoài", " (trường hợp đặc biệt)",
		" lưu động", " trực tuyến", " cho trẻ em", " của hộ gia đình", " tại đặc khu", " cấp lại", " điều chỉnh",
		" bổ sung", " thay đổi", " liên thông", " cho doanh nghiệp", " cho hợp tác xã", " miền núi", " hải đảo",
		" vùng biên giới", " khu công nghiệp", " cho người khuyết tật", " cho hộ nghèo", " ưu tiên", " khẩn cấp",
		" thí điểm", " năm 2026", " năm 2027", " ngoài giờ", " theo yêu cầu", " qua bưu chính", " tại nhà", " lần đầu"}
	c := catalog.Catalog{Fields: demo.Fields}
	for i := 0; len(c.Procedures) < 5000; i++ {
		p := demo.Procedures[i%len(demo.Procedures)]
		p.Name += places[(i/len(demo.Procedures))%len(places)]
		p.Code = fmt.Sprintf("BM-%05d", i)
		c.Procedures = append(c.Procedures, p)
	}
	if res, err := s.ImportCatalog(ctx, c, "bench"); err != nil {
		b.Fatalf("import: %v (%v)", err, res.Problems[:min(3, len(res.Problems))])
	}
	return s
}
