package catalog

import (
	"fmt"
	"strings"
)

// Limits of a fee question, far above any real request, so that the amounts
// cannot overflow.
const (
	maxFeePages  = 100000
	maxFeeCopies = 10000
)

// FeeQuery is what the desk knows when it works out the fee of a request.
type FeeQuery struct {
	// Case is the fee rule that applies (Fee.Case); it may be empty when the
	// procedure has one per-case or per-copy rule, or charges by the page.
	Case string `json:"case,omitempty"`
	// Copies is the number of copies asked for (bản); 0 means one.
	Copies int `json:"copies,omitempty"`
	// Pages is the number of pages of the original, for per-page rates.
	Pages int `json:"pages,omitempty"`
	// Exemption is the exempt case (Fee.Case of a FeeExempt rule) the
	// applicant qualifies for, if any.
	Exemption string `json:"exemption,omitempty"`
}

// FeeAmount is the fee of one request.
type FeeAmount struct {
	// DueVND is what the applicant pays: 0 when an exemption applies.
	DueVND int64 `json:"due_vnd"`
	// ChargeVND is the amount before any exemption.
	ChargeVND int64 `json:"charge_vnd"`
	// Case is the per-case or per-copy rule charged; empty for per-page
	// rates and for a procedure without fee rules (then FeeVND is charged).
	Case string `json:"case,omitempty"`
	// Exemption and LegalBasis name the exemption applied, if any.
	Exemption  string `json:"exemption,omitempty"`
	LegalBasis string `json:"legal_basis,omitempty"`
}

// FeeDue works out the fee of a request from the procedure's fee rules.
//
// Per-page rules form one schedule: each page of the original is charged the
// rate of the last rule whose FromPage it has reached, the sum for one copy is
// capped at MaxPerCopyVND when set, and the result is multiplied by the
// copies. Otherwise the rule named by q.Case (or the only per-case or per-copy
// rule) is charged once, or once per copy for a per-copy rule. A procedure
// without chargeable rules charges FeeVND once. An exemption named in
// q.Exemption brings the amount due to 0 and is reported with its legal basis.
//
// FeeDue returns FieldErrors (paths "case", "copies", "pages", "exemption")
// when the query does not fit the procedure: an unknown case or exemption, a
// missing choice between several cases, no page count for a per-page rate, or
// counts out of range.
func (p Procedure) FeeDue(q FeeQuery) (FeeAmount, error) {
	var errs FieldErrors
	copies := q.Copies
	if copies == 0 {
		copies = 1
	}
	if copies < 0 || copies > maxFeeCopies {
		errs.add("copies", fmt.Sprintf("Số bản phải từ 1 đến %d.", maxFeeCopies))
	}
	if q.Pages < 0 || q.Pages > maxFeePages {
		errs.add("pages", fmt.Sprintf("Số trang phải từ 1 đến %d.", maxFeePages))
	}
	var pages, charged []Fee
	var exempt *Fee
	for i, f := range p.Fees {
		switch f.Kind {
		case FeePerPage:
			pages = append(pages, f)
		case FeeExempt:
			if q.Exemption != "" && f.Case == q.Exemption {
				exempt = &p.Fees[i]
			}
		default:
			charged = append(charged, f)
		}
	}
	if q.Exemption != "" && exempt == nil {
		errs.add("exemption", fmt.Sprintf("Thủ tục không có trường hợp miễn %q.", q.Exemption))
	}
	var out FeeAmount
	switch {
	case len(pages) > 0:
		if q.Pages == 0 {
			errs.add("pages", "Cần số trang của bản chính để tính phí theo trang.")
		}
		if len(errs) == 0 {
			out.ChargeVND = pageCharge(pages, q.Pages) * int64(copies)
		}
	case len(charged) > 0:
		f, ok := chosenFee(charged, q.Case)
		if !ok {
			names := make([]string, len(charged))
			for i, c := range charged {
				names[i] = fmt.Sprintf("%q", c.Case)
			}
			errs.add("case", "Chọn một trường hợp thu phí: "+strings.Join(names, ", ")+".")
			break
		}
		out.Case, out.ChargeVND = f.Case, f.AmountVND
		if f.Kind == FeePerCopy {
			out.ChargeVND *= int64(copies)
		}
	default:
		out.ChargeVND = p.FeeVND
	}
	if len(errs) > 0 {
		return FeeAmount{}, errs
	}
	out.DueVND = out.ChargeVND
	if exempt != nil {
		out.DueVND, out.Exemption, out.LegalBasis = 0, exempt.Case, exempt.LegalBasis
	}
	return out, nil
}

// chosenFee returns the rule named c, or the only rule when c is empty.
func chosenFee(fees []Fee, c string) (Fee, bool) {
	if c == "" {
		return fees[0], len(fees) == 1
	}
	for _, f := range fees {
		if f.Case == c {
			return f, true
		}
	}
	return Fee{}, false
}

// pageCharge is the charge of one copy of n pages under a page schedule
// ordered by FromPage (as Validate requires).
func pageCharge(schedule []Fee, n int) int64 {
	var sum int64
	for i, f := range schedule {
		last := n
		if i+1 < len(schedule) {
			last = min(n, schedule[i+1].FromPage-1)
		}
		if last >= f.FromPage {
			sum += int64(last-f.FromPage+1) * f.AmountVND
		}
	}
	if c := schedule[0].MaxPerCopyVND; c > 0 && sum > c {
		sum = c
	}
	return sum
}
