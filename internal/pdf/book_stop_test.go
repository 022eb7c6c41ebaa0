package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestWriteBookStops: a book whose request is cancelled part way stops writing rows at
// the next check instead of finishing the whole period, and numbers continue a volume.
func TestWriteBookStops(t *testing.T) {
	t.Parallel()
	from := at(t, "2026-04-01 00:00")
	rows := make([]BookRow, 20*bookStopEvery)
	for i := range rows {
		rows[i] = BookRow{Code: fmt.Sprintf("H40.12.05-260401-%04d", i+1), ProcedureName: "Đăng ký khai sinh",
			Sets: 1, ReceivedAt: from.Add(time.Duration(i) * time.Minute)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	checks := 0
	stop := func() error {
		if checks++; checks == 3 {
			cancel()
		}
		return ctx.Err()
	}
	var buf bytes.Buffer
	err := WriteBook(&buf, Book{Unit: tanHoa(), From: from, To: at(t, "2026-04-30 00:00"), Rows: rows, Stop: stop})
	if !errors.Is(err, context.Canceled) || checks != 3 {
		t.Fatalf("got %v after %d checks, want context.Canceled at the third check of %d", err, checks, len(rows)/bookStopEvery)
	}
	buf.Reset()
	if err := WriteBook(&buf, Book{Unit: tanHoa(), Number: "2/3", From: from, To: at(t, "2026-04-30 00:00"),
		Rows: rows[:2], First: 1001}); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, buf.Bytes()); !strings.Contains(text, "1001 H40.12.05-260401-0001") || !strings.Contains(text, "1002 H40") {
		t.Fatalf("volume 2 numbers from 1001; got %q", text)
	}
}
