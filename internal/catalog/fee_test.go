package catalog

import (
	"errors"
	"testing"
)

// copyCertification is the per-page schedule of Thông tư 226/2016/TT-BTC for
// chứng thực bản sao từ bản chính: 2.000 đồng/trang, from the third page
// 1.000 đồng/trang, at most 200.000 đồng/bản.
func copyCertification(tb testing.TB) Procedure {
	tb.Helper()
	p := validProcedure(tb)
	p.FeeVND = 2000
	p.Fees = []Fee{
		{Case: "Trang thứ nhất và trang thứ hai", AmountVND: 2000, Kind: FeePerPage, FromPage: 1, MaxPerCopyVND: 200000},
		{Case: "Từ trang thứ ba trở lên", AmountVND: 1000, Kind: FeePerPage, FromPage: 3, MaxPerCopyVND: 200000},
	}
	return p
}

// civilStatus is a lệ phí hộ tịch with the exemptions of Luật Hộ tịch art. 11.
func civilStatus(tb testing.TB) Procedure {
	tb.Helper()
	p := validProcedure(tb)
	p.FeeVND = 5000
	p.Fees = []Fee{
		{Case: "Lệ phí đăng ký lại khai sinh", AmountVND: 5000},
		{Case: "Người thuộc hộ nghèo", Kind: FeeExempt, LegalBasis: "Luật Hộ tịch 2014, Điều 11 khoản 1"},
	}
	return p
}

func TestFeeDue(t *testing.T) {
	extract := validProcedure(t)
	extract.FeeVND = 8000
	extract.Fees = []Fee{{Case: "Cấp bản sao trích lục", AmountVND: 8000, Kind: FeePerCopy}}
	contract := validProcedure(t)
	contract.Fees = []Fee{
		{Case: "Chứng thực hợp đồng, giao dịch", AmountVND: 50000},
		{Case: "Sửa đổi, bổ sung hợp đồng, giao dịch", AmountVND: 30000},
	}
	plain := validProcedure(t)
	plain.FeeVND = 15000
	free := validProcedure(t)

	tests := []struct {
		name      string
		p         Procedure
		q         FeeQuery
		due, gros int64
		errPath   string
	}{
		{"one page", copyCertification(t), FeeQuery{Pages: 1}, 2000, 2000, ""},
		{"two pages", copyCertification(t), FeeQuery{Pages: 2}, 4000, 4000, ""},
		{"third page at the lower rate", copyCertification(t), FeeQuery{Pages: 3}, 5000, 5000, ""},
		{"ten pages", copyCertification(t), FeeQuery{Pages: 10}, 12000, 12000, ""},
		{"ten pages, three copies", copyCertification(t), FeeQuery{Pages: 10, Copies: 3}, 36000, 36000, ""},
		{"198 pages reach the cap", copyCertification(t), FeeQuery{Pages: 198}, 200000, 200000, ""},
		{"500 pages capped per copy", copyCertification(t), FeeQuery{Pages: 500, Copies: 2}, 400000, 400000, ""},
		{"pages missing", copyCertification(t), FeeQuery{}, 0, 0, "pages"},
		{"negative pages", copyCertification(t), FeeQuery{Pages: -1}, 0, 0, "pages"},
		{"too many copies", copyCertification(t), FeeQuery{Pages: 1, Copies: maxFeeCopies + 1}, 0, 0, "copies"},
		{"per copy", extract, FeeQuery{Copies: 3}, 24000, 24000, ""},
		{"per copy, copies default to one", extract, FeeQuery{}, 8000, 8000, ""},
		{"case chosen", contract, FeeQuery{Case: "Sửa đổi, bổ sung hợp đồng, giao dịch"}, 30000, 30000, ""},
		{"per case ignores copies", contract, FeeQuery{Case: "Chứng thực hợp đồng, giao dịch", Copies: 4}, 50000, 50000, ""},
		{"case missing among several", contract, FeeQuery{}, 0, 0, "case"},
		{"unknown case", contract, FeeQuery{Case: "Khác"}, 0, 0, "case"},
		{"only rule taken by default", civilStatus(t), FeeQuery{}, 5000, 5000, ""},
		{"exempt", civilStatus(t), FeeQuery{Exemption: "Người thuộc hộ nghèo"}, 0, 5000, ""},
		{"unknown exemption", civilStatus(t), FeeQuery{Exemption: "Người cao tuổi"}, 0, 0, "exemption"},
		{"no rules: fee_vnd", plain, FeeQuery{}, 15000, 15000, ""},
		{"free", free, FeeQuery{}, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.FeeDue(tt.q)
			if tt.errPath != "" {
				var fe FieldErrors
				if !errors.As(err, &fe) {
					t.Fatalf("got %+v, %v, want FieldErrors at %q", got, err, tt.errPath)
				}
				if _, ok := fe.Map()[tt.errPath]; !ok {
					t.Errorf("got errors %v, want one at %q", fe, tt.errPath)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if got.DueVND != tt.due || got.ChargeVND != tt.gros {
				t.Errorf("got due %d (charge %d), want %d (charge %d)", got.DueVND, got.ChargeVND, tt.due, tt.gros)
			}
		})
	}
}

func TestFeeDueExemptionNamesItsBasis(t *testing.T) {
	got, err := civilStatus(t).FeeDue(FeeQuery{Exemption: "Người thuộc hộ nghèo"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Exemption != "Người thuộc hộ nghèo" || got.LegalBasis != "Luật Hộ tịch 2014, Điều 11 khoản 1" || got.Case != "Lệ phí đăng ký lại khai sinh" {
		t.Errorf("got %+v, want the exemption, its basis and the case charged", got)
	}
}

func TestFeeValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Procedure)
		path   string // "" means valid
	}{
		{"page schedule", func(p *Procedure) { *p = copyCertification(t) }, ""},
		{"exemption", func(p *Procedure) { *p = civilStatus(t) }, ""},
		{"bad kind", func(p *Procedure) { p.Fees = []Fee{{Case: "Mỗi tờ", AmountVND: 1, Kind: "sheet"}} }, "fees[0].kind"},
		{"duplicate case", func(p *Procedure) {
			p.Fees = []Fee{{Case: "Lệ phí", AmountVND: 1}, {Case: "Lệ phí", AmountVND: 2}}
		}, "fees[1].case"},
		{"exemption without basis", func(p *Procedure) { p.Fees = []Fee{{Case: "Hộ nghèo", Kind: FeeExempt}} }, "fees[0].legal_basis"},
		{"exemption with an amount", func(p *Procedure) {
			p.Fees = []Fee{{Case: "Hộ nghèo", Kind: FeeExempt, AmountVND: 1000, LegalBasis: "Luật Hộ tịch"}}
		}, "fees[0].amount_vnd"},
		{"page schedule not from page 1", func(p *Procedure) {
			*p = copyCertification(t)
			p.Fees[0].FromPage = 2
		}, "fees[0].from_page"},
		{"pages out of order", func(p *Procedure) {
			*p = copyCertification(t)
			p.Fees[1].FromPage = 1
		}, "fees[1].from_page"},
		{"caps differ", func(p *Procedure) {
			*p = copyCertification(t)
			p.Fees[1].MaxPerCopyVND = 100000
		}, "fees[1].max_per_copy_vnd"},
		{"from page on a per-case rule", func(p *Procedure) { p.Fees = []Fee{{Case: "Lệ phí", AmountVND: 1, FromPage: 3}} }, "fees[0].kind"},
		{"pages mixed with a per-case rule", func(p *Procedure) {
			*p = copyCertification(t)
			p.Fees = append(p.Fees, Fee{Case: "Lệ phí", AmountVND: 1})
		}, "fees"},
		{"national code kind", func(p *Procedure) { p.CodeKind = CodeNational }, ""},
		{"national kind on a local code", func(p *Procedure) { p.Code = "XA-HT-015"; p.CodeKind = CodeNational }, "code_kind"},
		{"local kind on a national code", func(p *Procedure) { p.CodeKind = CodeLocal }, "code_kind"},
		{"unknown code kind", func(p *Procedure) { p.CodeKind = "tinh" }, "code_kind"},
		{"unconfirmed code says why", func(p *Procedure) { p.Code = "XA-HT-015"; p.CodeKind = CodeUnconfirmed }, "code_note"},
		{"unconfirmed code with a note", func(p *Procedure) {
			p.Code, p.CodeKind, p.CodeNote = "XA-HT-015", CodeUnconfirmed, "Chưa xác minh được mã TTHC."
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProcedure(t)
			tt.change(&p)
			errs := p.Validate()
			if tt.path == "" {
				if len(errs) != 0 {
					t.Fatalf("got errors %v, want none", errs)
				}
				return
			}
			if _, ok := errs.Map()[tt.path]; !ok {
				t.Errorf("got errors %v, want one at %q", errs, tt.path)
			}
		})
	}
}
