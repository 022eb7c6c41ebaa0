package app_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"motcua/internal/app"
	"motcua/internal/catalog"
)

func TestEForm(t *testing.T) {
	t.Parallel()
	fields := []catalog.FormField{
		{Name: "ho_ten_tre", Label: "Họ, chữ đệm, tên của trẻ", Kind: catalog.KindText},
		{Name: "ngay_sinh", Label: "Ngày, tháng, năm sinh", Kind: catalog.KindDate},
		{Name: "gioi_tinh", Label: "Giới tính", Kind: catalog.KindSelect},
	}
	cases := []struct {
		name, form string
		want       []app.EFormEntry
	}{
		{"in the order of the fields, unknown names after them by name",
			`{"zz_ghi_chu":"Cần bản sao","gioi_tinh":"Nữ","ho_ten_tre":"Nguyễn Minh An","a_so_ban":2,"ngay_sinh":"2026-01-02"}`,
			[]app.EFormEntry{
				{"ho_ten_tre", "Họ, chữ đệm, tên của trẻ", catalog.KindText, "Nguyễn Minh An"},
				{"ngay_sinh", "Ngày, tháng, năm sinh", catalog.KindDate, "2026-01-02"},
				{"gioi_tinh", "Giới tính", catalog.KindSelect, "Nữ"},
				{"a_so_ban", "a_so_ban", catalog.KindText, "2"},
				{"zz_ghi_chu", "zz_ghi_chu", catalog.KindText, "Cần bản sao"},
			}},
		{"empty and null answers left out", `{"ho_ten_tre":"  ","gioi_tinh":null}`, nil},
		{"empty form", `{}`, nil},
		{"no form", ``, nil},
		{"not an object", `["x"]`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := app.EForm(fields, json.RawMessage(c.form)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
