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

// Seed returns the published civil-servant decisions that differ from the statutory
// defaults computed by this package, so that the calendar matches the published schedules:
//
//   - 2025: Tết off Monday 27/1 – Friday 31/1 (27/1 added; Monday 3/2 is a working day,
//     no compensatory day for Saturday 1/2); Giỗ Tổ Monday 7/4 (default); 30/4 and 1/5
//     (default) with Friday 2/5 off, swapped for a working Saturday 26/4; Quốc khánh
//     Monday 1/9 and Tuesday 2/9 (default).
//   - 2026: Tết Monday 16/2 – Friday 20/2, Giỗ Tổ on Sunday 26/4 with the compensatory
//     day on Monday 27/4, 30/4 and 1/5: all equal to the defaults, so nothing is seeded.
//
// Administrators add later years' decisions as data.
func Seed() []Override {
	return []Override{
		{Date: Date{2025, 1, 27}, Off: true, Name: "Nghỉ Tết Nguyên đán", Reference: notice2025},
		{Date: Date{2025, 2, 3}, Off: false, Name: "Làm việc, không nghỉ bù Tết Nguyên đán", Reference: notice2025},
		{Date: Date{2025, 4, 26}, Off: false, Name: "Làm việc bù cho thứ Sáu 02/05/2025", Reference: notice2025},
		{Date: Date{2025, 5, 2}, Off: true, Name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)", Reference: notice2025},
	}
}
