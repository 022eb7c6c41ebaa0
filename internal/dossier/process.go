package dossier

import (
	"fmt"
	"math"

	"motcua/internal/fault"
)

// Step is one bước of a process version (quy trình nội bộ): its name, the role that
// handles it and its time budget in working days (often fractional, e.g. 0.25).
// Unit is empty for the steps of the process; a liên thông step inserted by a transfer
// carries the code of the unit that handles it.
type Step struct {
	Name string  `json:"name"`
	Role Role    `json:"role"`
	Days float64 `json:"days"`
	Unit string  `json:"unit,omitempty"`
}

// Process is the version of a procedure's process that a dossier pins at creation.
// Steps[0] is the reception step: a received dossier is at step 0.
type Process struct {
	Version int    `json:"version"`
	Steps   []Step `json:"steps"`
}

// Copy returns a deep copy, so that a dossier never shares its steps with the catalogue.
func (p Process) Copy() Process {
	return Process{Version: p.Version, Steps: append([]Step(nil), p.Steps...)}
}

// Valid returns an Invalid error when the process cannot drive a dossier: no step, a step
// without a name or with an unknown officer role, or a negative or non-finite budget.
func (p Process) Valid() error {
	if len(p.Steps) == 0 {
		return fault.New(fault.Invalid, "Quy trình xử lý chưa có bước nào.")
	}
	for i, s := range p.Steps {
		switch {
		case s.Name == "":
			return fault.Newf(fault.Invalid, "Bước %d của quy trình chưa có tên.", i+1)
		case !s.Role.Officer():
			return fault.Newf(fault.Invalid, "Bước %d của quy trình có vai trò không hợp lệ.", i+1)
		case s.Days < 0 || math.IsNaN(s.Days) || math.IsInf(s.Days, 0):
			return fault.Newf(fault.Invalid, "Thời hạn của bước %d không hợp lệ.", i+1)
		}
	}
	return nil
}

// transferStep is the liên thông step that a transfer inserts after the current step.
// The dossier moves to it; the receiving unit's specialists handle it (its leaders may
// assign it) within the step budget, then forward it to the next step of the home unit's
// process or send it back to the step that transferred it. The dossier's overall
// appointment does not change: the other unit's budget is part of it.
func transferStep(toUnit string, budget float64) Step {
	return Step{
		Name: fmt.Sprintf("Liên thông: %s", toUnit),
		Role: RoleSpecialist,
		Days: budget,
		Unit: toUnit,
	}
}
