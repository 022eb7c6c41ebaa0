package dossier

// PublicLabel is how the public lookup (tra cứu hồ sơ) and the applicant name an action
// when nothing else is known about the event: the words of a citizen, not of the back
// office. Forward events are named better by PublicLabels, which knows the steps.
func (a Action) PublicLabel() string {
	switch a {
	case ActionForward, ActionSendBack:
		return "Đang xử lý"
	case ActionAssign:
		return "Phân công cán bộ xử lý"
	case ActionTransfer:
		return "Chuyển cơ quan liên quan xử lý (liên thông)"
	case ActionReturnResult:
		return "Đã trả kết quả"
	case ActionPayment:
		return "Đã nộp phí, lệ phí"
	}
	return a.Label()
}

// PublicLabels returns, for each event of d in order, the label the public sees: a
// forward into a step names the step ("Chuyển đến bước: Thẩm định hồ sơ"), the forward out
// of the last step reads "Đã có kết quả giải quyết", a return reads "Đã trả kết quả".
// Step names come from the pinned process and carry no personal data; no actor, note or
// reason is ever used.
func PublicLabels(d Dossier) []string {
	steps := d.Process.Copy().Steps
	out := make([]string, len(d.Events))
	for i, e := range d.Events {
		out[i] = e.Action.PublicLabel()
		switch e.Action {
		case ActionForward:
			if next := e.Step + 1; next >= 0 && next < len(steps) {
				out[i] = "Chuyển đến bước: " + steps[next].Name
			} else {
				out[i] = "Đã có kết quả giải quyết"
			}
		case ActionSendBack:
			if prev := e.Step - 1; prev >= 0 && prev < len(steps) {
				out[i] = "Chuyển lại bước: " + steps[prev].Name
			}
		case ActionTransfer:
			at := min(max(e.Step+1, 0), len(steps))
			steps = append(steps[:at:at], append([]Step{transferStep(e.ToUnit, e.StepBudget)}, steps[at:]...)...)
		}
	}
	return out
}
