package dossier

// HistoryLabels returns, for each event of d in order, how the officer's history of the
// dossier (quá trình xử lý) names it: a forward names the step it finished, from the
// dossier's pinned process ("Công chức chuyên môn thẩm định", "Lãnh đạo ký duyệt"), a
// send-back the step it returned to ("Trả lại bước: …"); other events keep the action's
// label. Steps inserted by transfers (liên thông) are counted as the projection does.
func HistoryLabels(d Dossier) []string {
	steps := d.Process.Copy().Steps
	out := make([]string, len(d.Events))
	for i, e := range d.Events {
		out[i] = e.Action.Label()
		switch e.Action {
		case ActionForward:
			if e.Step >= 0 && e.Step < len(steps) {
				out[i] = steps[e.Step].Name
			}
		case ActionSendBack:
			if prev := e.Step - 1; prev >= 0 && prev < len(steps) {
				out[i] = "Trả lại bước: " + steps[prev].Name
			}
		case ActionTransfer:
			at := min(max(e.Step+1, 0), len(steps))
			steps = append(steps[:at:at], append([]Step{transferStep(e.ToUnit, e.StepBudget)}, steps[at:]...)...)
		}
	}
	return out
}
