package calendar

// Override is a published decision (quyết định, thông báo về ngày nghỉ) that changes one
// day: Off true makes it an extra day off, Off false makes it a full working day with the
// weekday sessions (a swap Saturday, or a day that would otherwise be a holiday or a
// compensatory day). Overrides win over statutory days and weekly days off. Unit "" means
// country-wide; the caller passes the country-wide overrides plus those of the unit.
type Override struct {
	Date      Date   `json:"date"`
	Off       bool   `json:"off"`
	Name      string `json:"name"`
	Reference string `json:"reference"`
	Unit      string `json:"unit,omitempty"`
}

// reason explains the override in Vietnamese: "Nghỉ theo Thông báo …", "Làm việc bù
// theo Thông báo …", or its Name followed by its Reference.
func (o Override) reason() string {
	switch {
	case o.Name != "" && o.Reference != "":
		return o.Name + " (theo " + o.Reference + ")"
	case o.Name != "":
		return o.Name
	case o.Off && o.Reference != "":
		return "Nghỉ theo " + o.Reference
	case o.Off:
		return "Ngày nghỉ theo quyết định của cơ quan có thẩm quyền"
	case o.Reference != "":
		return "Làm việc bù theo " + o.Reference
	}
	return "Ngày làm việc theo quyết định của cơ quan có thẩm quyền"
}

// notice2025 is the published civil-servant schedule for Tết and 30/4–1/5 of 2025
// (implementing Công văn 8726/VPCP-KGVX).
const notice2025 = "Thông báo 6150/TB-BLĐTBXH"

// letter2026NewYear is the published civil-servant schedule for New Year 2026 (Tết Dương
// lịch): Thursday 1/1 to Sunday 4/1/2026 off, Friday 2/1 swapped for Saturday 10/1. The
// document number and date come from the bug report that asked for this schedule; the
// domain research behind this package does not confirm them, so check them against the
// published text.
const letter2026NewYear = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"

// Seed returns the published civil-servant decisions that differ from the statutory
// defaults computed by this package, so that the calendar matches the published schedules:
//
//   - 2025: Tết off Monday 27/1 – Friday 31/1 (27/1 added; Monday 3/2 is a working day,
//     no compensatory day for Saturday 1/2); Giỗ Tổ Monday 7/4 (default); 30/4 and 1/5
//     (default) with Friday 2/5 off, swapped for a working Saturday 26/4; Quốc khánh
//     Monday 1/9 and Tuesday 2/9 (default).
//   - 2026: Tết Dương lịch Thursday 1/1 (default) with Friday 2/1 off, swapped for a
//     working Saturday 10/1 (letter2026NewYear); Tết Monday 16/2 – Friday 20/2, Giỗ Tổ on
//     Sunday 26/4 with the compensatory day on Monday 27/4, 30/4 and 1/5: all equal to the
//     defaults. Quốc khánh 2026: a five-day break was announced, but the number of the
//     decision and its exact days are not confirmed here, so the calendar keeps the two
//     statutory days (Wednesday 2/9 and Thursday 3/9) until an administrator enters the
//     decision.
//
// Administrators add later years' decisions as data. New documents go at the end: a
// store seeds each document once, and counts the first one as seeded by older releases.
func Seed() []Override {
	return []Override{
		{Date: Date{2025, 1, 27}, Off: true, Name: "Nghỉ Tết Nguyên đán", Reference: notice2025},
		{Date: Date{2025, 2, 3}, Off: false, Name: "Làm việc, không nghỉ bù Tết Nguyên đán", Reference: notice2025},
		{Date: Date{2025, 4, 26}, Off: false, Name: "Làm việc bù cho thứ Sáu 02/05/2025", Reference: notice2025},
		{Date: Date{2025, 5, 2}, Off: true, Name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)", Reference: notice2025},
		{Date: Date{2026, 1, 2}, Off: true, Name: "Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 10/01/2026)", Reference: letter2026NewYear},
		{Date: Date{2026, 1, 10}, Off: false, Name: "Làm việc bù cho thứ Sáu 02/01/2026", Reference: letter2026NewYear},
	}
}
