package catalog

import "fmt"

// validateFees checks the fee rules: each on its own, unique case names, and
// the per-page rules as one schedule (first from page 1, pages increasing,
// one cap) that is not mixed with per-case or per-copy rules.
func validateFees(errs *FieldErrors, fees []Fee) {
	seen := map[string]bool{}
	lastPage, pageCap, charged := 0, int64(-1), false
	for i, f := range fees {
		path := fmt.Sprintf("fees[%d]", i)
		errs.text(path+".case", f.Case, true, maxNameRunes, false)
		if seen[f.Case] {
			errs.add(path+".case", "Tên trường hợp thu phí bị trùng.")
		}
		seen[f.Case] = true
		if f.AmountVND < 0 {
			errs.add(path+".amount_vnd", "Số tiền không được âm.")
		}
		errs.text(path+".note", f.Note, false, maxLongRunes, true)
		errs.text(path+".legal_basis", f.LegalBasis, f.Kind == FeeExempt, maxLongRunes, true)
		if f.Kind != FeePerPage && (f.FromPage != 0 || f.MaxPerCopyVND != 0) {
			errs.add(path+".kind", "Chỉ mức thu theo trang (page) mới có trang bắt đầu và mức tối đa mỗi bản.")
		}
		switch f.Kind {
		case "", FeePerCase, FeePerCopy:
			charged = true
		case FeePerPage:
			switch {
			case lastPage == 0 && f.FromPage != 1:
				errs.add(path+".from_page", "Mức thu theo trang đầu tiên phải áp dụng từ trang 1.")
			case f.FromPage <= lastPage:
				errs.add(path+".from_page", "Các mức thu theo trang phải theo thứ tự trang tăng dần.")
			}
			lastPage = max(lastPage, f.FromPage)
			if f.MaxPerCopyVND < 0 {
				errs.add(path+".max_per_copy_vnd", "Mức tối đa mỗi bản không được âm.")
			} else if pageCap >= 0 && f.MaxPerCopyVND != pageCap {
				errs.add(path+".max_per_copy_vnd", "Các mức thu theo trang phải có cùng mức tối đa mỗi bản.")
			}
			if pageCap < 0 {
				pageCap = f.MaxPerCopyVND
			}
		case FeeExempt:
			if f.AmountVND != 0 {
				errs.add(path+".amount_vnd", "Trường hợp miễn phí, lệ phí phải có số tiền 0.")
			}
		default:
			errs.add(path+".kind", "Cách tính phải là case (mỗi hồ sơ), copy (mỗi bản), page (mỗi trang) hoặc exempt (miễn).")
		}
	}
	if lastPage > 0 && charged {
		errs.add("fees", "Không kết hợp mức thu theo trang với mức thu theo hồ sơ hoặc theo bản trong cùng một thủ tục.")
	}
}
