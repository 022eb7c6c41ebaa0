package notify

import (
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// BookNote is the "Ghi chú" of a dossier in the dossier book (sổ theo dõi hồ sơ): the
// status, the timeliness against the legal appointment as of now, and for an extended
// dossier "trễ hạn – đã xin lỗi, hẹn lại …" with the new appointment's date.
func BookNote(st dossier.State, now time.Time) string {
	s := st.Status.Label() + "; " + st.Timeliness(now).Label()
	if st.Extended && !st.DueAt.IsZero() {
		s += "; " + ExtensionText(st.DueAt)
	}
	return s
}

// ExtensionText is how pages and forms describe an extended dossier: an apology admits
// lateness ("trễ hạn – đã xin lỗi, hẹn lại dd/mm/yyyy").
func ExtensionText(newDue time.Time) string {
	return "trễ hạn – đã xin lỗi, hẹn lại " + newDue.In(calendar.Zone()).Format("02/01/2006")
}
