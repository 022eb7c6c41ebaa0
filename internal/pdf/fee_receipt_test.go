package pdf

import (
	"bytes"
	"strings"
	"testing"

	"motcua/internal/fault"
	"motcua/internal/pdf/pdftext"
)

func TestFeeReceiptText(t *testing.T) {
	t.Parallel()
	d := dossier(t, "2026-04-24 09:00", "2026-04-29 09:00")
	var buf bytes.Buffer
	err := WriteFeeReceipt(&buf, FeeReceipt{Unit: tanHoa(), Dossier: d, Number: "0000012/2026",
		Date: at(t, "2026-04-24 09:05"), AmountVND: 50000, Method: "Tiền mặt", Collector: "Trần Văn Bình"})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"BIÊN LAI THU PHÍ, LỆ PHÍ", "Số biên lai: 0000012/2026", "50.000 đồng", "Tiền mặt",
		"H15.50.05.13-260424-0007", "NGƯỜI THU TIỀN", "Trần Văn Bình", "UBND THỊ TRẤN TÂN HÒA"} {
		if !strings.Contains(flat, want) {
			t.Errorf("receipt lacks %q:\n%s", want, flat)
		}
	}
	if err := WriteFeeReceipt(&buf, FeeReceipt{Dossier: d}); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("receipt without number: %v", err)
	}
}
