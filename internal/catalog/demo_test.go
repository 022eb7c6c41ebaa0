package catalog

import (
	"bytes"
	"testing"
)

func TestDemo(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	if got := len(c.Procedures); got < 187 {
		t.Errorf("got %d procedures, want at least 187", got)
	}
	if got := len(c.Fields); got < 10 {
		t.Errorf("got %d fields, want at least 10", got)
	}
	used := map[string]int{}
	for _, p := range c.Procedures {
		used[p.FieldCode]++
	}
	for _, f := range c.Fields {
		if used[f.Code] == 0 {
			t.Errorf("field %s has no procedure", f.Code)
		}
	}
	if probs := c.Validate(); len(probs) != 0 {
		t.Errorf("got %d problems, want 0; first: %+v", len(probs), probs[0])
	}
}

func TestDemoKnownProcedures(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	tests := []struct {
		code, name string
		deadline   float64
		fee        int64
		mode       DeadlineMode
	}{
		{"1.001193", "Đăng ký khai sinh", 0, 0, DeadlineSameDay},
		{"1.000894", "Đăng ký kết hôn", 0, 0, DeadlineSameDay},
		{"1.000656", "Đăng ký khai tử", 0, 0, DeadlineSameDay},
		{"1.004222", "Đăng ký thường trú", 7, 20000, DeadlineWorking},
		{"1.004194", "Đăng ký tạm trú", 3, 15000, DeadlineWorking},
		{"2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", 0, 2000, DeadlineSameDay},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			p, ok := c.Procedure(tt.code)
			if !ok {
				t.Fatalf("procedure %s not in the demo", tt.code)
			}
			if p.Name != tt.name {
				t.Errorf("got name %q, want %q", p.Name, tt.name)
			}
			if p.DeadlineDays != tt.deadline || p.DeadlineMode != tt.mode {
				t.Errorf("got deadline %v %s, want %v %s", p.DeadlineDays, p.DeadlineMode, tt.deadline, tt.mode)
			}
			if p.FeeVND != tt.fee {
				t.Errorf("got fee %d, want %d", p.FeeVND, tt.fee)
			}
			if len(p.Documents) == 0 {
				t.Errorf("got no documents, want some")
			}
		})
	}
	birth, _ := c.Procedure("1.001193")
	if birth.Online != OnlineFull || len(birth.FormFields) < 6 {
		t.Errorf("khai sinh: got online %q with %d form fields, want full with at least 6", birth.Online, len(birth.FormFields))
	}
}

// TestDemoRoundTrip checks that the demo survives export → import → export
// byte for byte.
func TestDemoRoundTrip(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	var first bytes.Buffer
	if err := Encode(&first, c); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	back, probs, err := Decode(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("Decode: %v (%+v)", err, probs)
	}
	var second bytes.Buffer
	if err := Encode(&second, back); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("got %d bytes after the round trip, want the same %d bytes", second.Len(), first.Len())
	}
}

// TestDemoCodes checks the codes of the demo: at least three quarters are
// national codes, every local code is flagged with a note saying why, every
// procedure has its legal basis, and no code appears twice.
func TestDemoCodes(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	national := 0
	seen := map[string]bool{}
	for _, p := range c.Procedures {
		if seen[p.Code] {
			t.Errorf("code %s appears twice", p.Code)
		}
		seen[p.Code] = true
		if p.LegalBasis == "" {
			t.Errorf("%s: got no legal basis, want one", p.Code)
		}
		switch {
		case IsNationalCode(p.Code):
			national++
			if p.CodeKind != CodeNational {
				t.Errorf("%s: got code kind %q, want national", p.Code, p.CodeKind)
			}
		case p.CodeKind != CodeLocal && p.CodeKind != CodeUnconfirmed:
			t.Errorf("%s: got code kind %q for a local code, want local or unconfirmed", p.Code, p.CodeKind)
		case p.CodeNote == "":
			t.Errorf("%s: got a local code without a note, want the reason", p.Code)
		}
	}
	if n := len(c.Procedures); national*4 < n*3 {
		t.Errorf("got %d national codes of %d procedures, want at least three quarters", national, n)
	}
}

// TestDemoFees checks the fee rules the demo carries: the per-page charge of
// copy certification and the civil-status exemptions.
func TestDemoFees(t *testing.T) {
	c, err := Demo()
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	tests := []struct {
		code string
		q    FeeQuery
		due  int64
	}{
		{"2.000815", FeeQuery{Pages: 5, Copies: 2}, 14000},
		{"2.000815", FeeQuery{Pages: 300}, 200000},
		{"2.000635", FeeQuery{Copies: 2}, 16000},
		{"1.004884", FeeQuery{}, 5000},
		{"1.004884", FeeQuery{Exemption: "Người thuộc hộ nghèo"}, 0},
		{"1.001022", FeeQuery{Exemption: "Người khuyết tật"}, 0},
		{"1.001193", FeeQuery{Exemption: "Đăng ký khai sinh đúng hạn của công dân Việt Nam cư trú ở trong nước"}, 0},
		{"1.001193", FeeQuery{}, 5000},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			p, ok := c.Procedure(tt.code)
			if !ok {
				t.Fatalf("procedure %s not in the demo", tt.code)
			}
			got, err := p.FeeDue(tt.q)
			if err != nil {
				t.Fatalf("FeeDue(%+v): %v", tt.q, err)
			}
			if got.DueVND != tt.due {
				t.Errorf("FeeDue(%+v): got %d, want %d", tt.q, got.DueVND, tt.due)
			}
		})
	}
}
