package catalog

import "testing"

// TestCloneSharesNothing changes every slice of a clone and checks the original kept its own.
func TestCloneSharesNothing(t *testing.T) {
	t.Parallel()
	p := Procedure{Code: "1.001193", Levels: []string{"xa"}, Fees: []Fee{{}}, Documents: []Document{{Name: "Tờ khai"}},
		FormFields: []FormField{{Name: "a", Options: []string{"x"}}}, Process: Process{Steps: []Step{{Name: "Tiếp nhận"}}}}
	c := p.Clone()
	c.Levels[0], c.Documents[0].Name, c.FormFields[0].Options[0], c.Process.Steps[0].Name = "tinh", "Khác", "y", "Khác"
	if p.Levels[0] != "xa" || p.Documents[0].Name != "Tờ khai" || p.FormFields[0].Options[0] != "x" || p.Process.Steps[0].Name != "Tiếp nhận" {
		t.Errorf("got original %+v changed through its clone, want it unchanged", p)
	}
}
