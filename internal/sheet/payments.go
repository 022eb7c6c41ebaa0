package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// ReconcileDayRow is one day of the payment reconciliation (đối soát thanh toán).
type ReconcileDayRow struct {
	Date           string
	Paid           int
	PaidVND        int64
	Gateway        int
	GatewayVND     int64
	HasGatewayData bool
}

// ReconcileMismatchRow is one transaction on which motcua and the gateway disagree.
type ReconcileMismatchRow struct {
	TxnRef, DossierCode string
	AmountVND           int64
	Problem             string
}

// WriteReconciliation writes the reconciliation report as a workbook: the days on one
// sheet, the mismatches on another.
func WriteReconciliation(w io.Writer, title string, days []ReconcileDayRow, mismatches []ReconcileMismatchRow) error {
	f := excelize.NewFile()
	defer f.Close()
	const daySheet, badSheet = "Đối soát theo ngày", "Chênh lệch"
	if err := f.SetSheetName("Sheet1", daySheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(badSheet); err != nil {
		return err
	}
	set := func(sheet string, col, row int, v any) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, cell, v)
	}
	if err := set(daySheet, 1, 1, title); err != nil {
		return err
	}
	head := []string{"Ngày", "Hệ thống: số giao dịch đã thanh toán", "Hệ thống: số tiền (đồng)",
		"Cổng thanh toán: số giao dịch", "Cổng thanh toán: số tiền (đồng)", "Khớp"}
	for i, h := range head {
		if err := set(daySheet, i+1, 3, h); err != nil {
			return err
		}
	}
	for r, d := range days {
		match := "Không có dữ liệu cổng"
		if d.HasGatewayData {
			match = "Có"
			if d.Paid != d.Gateway || d.PaidVND != d.GatewayVND {
				match = "Không"
			}
		}
		for c, v := range []any{d.Date, d.Paid, d.PaidVND, d.Gateway, d.GatewayVND, match} {
			if err := set(daySheet, c+1, r+4, v); err != nil {
				return err
			}
		}
	}
	for i, h := range []string{"Mã giao dịch", "Mã hồ sơ", "Số tiền (đồng)", "Chênh lệch"} {
		if err := set(badSheet, i+1, 1, h); err != nil {
			return err
		}
	}
	for r, m := range mismatches {
		for c, v := range []any{m.TxnRef, m.DossierCode, m.AmountVND, m.Problem} {
			if err := set(badSheet, c+1, r+2, v); err != nil {
				return err
			}
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: reconciliation: %w", err)
	}
	return nil
}
