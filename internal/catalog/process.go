package catalog

import (
	"fmt"
	"math"
)

// Role is the vai trò that performs a step of the internal process.
type Role string

// Roles of the internal process.
const (
	// RoleDesk is the cán bộ Bộ phận Một cửa (one-stop officer).
	RoleDesk Role = "motcua"
	// RoleSpecialist is the chuyên viên (specialist) who examines the dossier.
	RoleSpecialist Role = "chuyenvien"
	// RoleLeader is the lãnh đạo (leader) who signs.
	RoleLeader Role = "lanhdao"
)

// Known reports whether r is one of the roles above.
func (r Role) Known() bool {
	switch r {
	case RoleDesk, RoleSpecialist, RoleLeader:
		return true
	}
	return false
}

// sumTolerance is how far the step budgets may stray from the deadline.
const sumTolerance = 1e-9

// maxDays bounds every deadline and budget; no commune procedure takes a year.
const maxDays = 365

// Process is a quy trình nội bộ (ISO 9001 internal process): ordered steps,
// each with a role and a time budget. Processes are versioned: publishing a
// change creates a new Version, and a dossier keeps the version it started
// with.
type Process struct {
	Version int    `json:"version"`
	Steps   []Step `json:"steps"`
}

// Step is one bước of the internal process with its budget in working days
// (fractions allowed; multiples of 0.125 keep sums exact).
type Step struct {
	Name string  `json:"name"`
	Role Role    `json:"role"`
	Days float64 `json:"days"`
}

// TotalDays returns the sum of the step budgets.
func (p Process) TotalDays() float64 {
	var sum float64
	for _, s := range p.Steps {
		sum += s.Days
	}
	return sum
}

// Validate checks the process against a legal deadline in working days:
// at least one step, a known role and a name for each step, each budget
// greater than zero, and budgets adding up to the deadline (within 1e-9).
// Paths are relative to the process ("steps[1].days").
func (p Process) Validate(deadline float64) FieldErrors {
	return p.validate(deadline, false)
}

// validate implements Validate; upTo accepts budgets that add up to at most
// the deadline, which is the rule for calendar-day procedures: the budgets
// are working days, and a deadline in calendar days holds fewer of them.
func (p Process) validate(deadline float64, upTo bool) FieldErrors {
	var errs FieldErrors
	if p.Version < 1 {
		errs.add("version", "Phiên bản quy trình phải từ 1 trở lên.")
	}
	if len(p.Steps) == 0 {
		errs.add("steps", "Quy trình nội bộ phải có ít nhất một bước.")
		return errs
	}
	for i, s := range p.Steps {
		path := fmt.Sprintf("steps[%d]", i)
		errs.text(path+".name", s.Name, true, maxNameRunes, false)
		if !s.Role.Known() {
			errs.add(path+".role", fmt.Sprintf("Vai trò %q không hợp lệ (motcua, chuyenvien hoặc lanhdao).", s.Role))
		}
		if !(s.Days > 0) || math.IsInf(s.Days, 0) || s.Days > maxDays {
			errs.add(path+".days", "Thời gian của bước phải lớn hơn 0 và không quá 365 ngày.")
		}
	}
	total := p.TotalDays()
	switch {
	case math.IsNaN(total):
		// Already reported per step.
	case upTo && total > deadline+sumTolerance:
		errs.add("steps", fmt.Sprintf("Tổng thời gian các bước (%s ngày làm việc) vượt quá thời hạn giải quyết (%s ngày).", days(total), days(deadline)))
	case !upTo && math.Abs(total-deadline) > sumTolerance:
		errs.add("steps", fmt.Sprintf("Tổng thời gian các bước (%s ngày) phải bằng thời hạn giải quyết (%s ngày).", days(total), days(deadline)))
	}
	return errs
}

// Next returns a copy of p with Version+1, ready to be edited and published
// as the next version; p is not changed.
func Next(p Process) Process {
	steps := make([]Step, len(p.Steps))
	copy(steps, p.Steps)
	return Process{Version: p.Version + 1, Steps: steps}
}

// days formats a number of days the Vietnamese way (comma as decimal mark).
func days(d float64) string {
	s := fmt.Sprintf("%g", d)
	out := []rune(s)
	for i, r := range out {
		if r == '.' {
			out[i] = ','
		}
	}
	return string(out)
}
