package demo

import (
	"fmt"
	"math/rand/v2"

	"motcua/internal/dossier"
)

// Vietnamese family names (họ) with their rough share of the population, in percent.
var familyNames = []struct {
	name   string
	weight int
}{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 4}, {"Huỳnh", 3}, {"Phan", 4},
	{"Vũ", 3}, {"Võ", 3}, {"Đặng", 2}, {"Bùi", 2}, {"Đỗ", 2}, {"Hồ", 2}, {"Ngô", 2}, {"Dương", 1},
	{"Lý", 1}, {"Đinh", 1}, {"Trương", 1}, {"Lâm", 1}, {"Mai", 1},
}

// Middle names (tên đệm) and given names (tên), by gender.
var (
	middleMale   = []string{"Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân", "Ngọc", "Anh"}
	middleFemale = []string{"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Mỹ", "Hồng"}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang",
		"Khoa", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng",
		"Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh"}
	givenFemale = []string{"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan",
		"Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy",
		"Trang", "Tuyết", "Vân", "Yến"}
	hamlets = []string{"Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Ấp Đông", "Ấp Tây", "Thôn Bắc",
		"Thôn Trung", "Tổ dân phố 5", "Tổ dân phố 7"}
)

// fakeApplicant returns a plausible but invented applicant living in the unit's area:
// a Vietnamese name drawn from common họ, đệm and tên, a 12-digit CCCD number and a
// phone number in the 0900 range. None of it belongs to a real person.
func fakeApplicant(r *rand.Rand, locality string) dossier.Applicant {
	total := 0
	for _, f := range familyNames {
		total += f.weight
	}
	pick := r.IntN(total)
	family := familyNames[0].name
	for _, f := range familyNames {
		if pick < f.weight {
			family = f.name
			break
		}
		pick -= f.weight
	}
	female := r.IntN(2) == 0
	middle, given := middleMale, givenMale
	if female {
		middle, given = middleFemale, givenFemale
	}
	name := family + " " + middle[r.IntN(len(middle))] + " " + given[r.IntN(len(given))]
	// CCCD: province code, gender-and-century digit, year of birth, six random digits.
	centuryDigit := 0
	if female {
		centuryDigit = 1
	}
	born := 1950 + r.IntN(56)
	if born >= 2000 {
		centuryDigit += 2
	}
	id := fmt.Sprintf("040%d%02d%06d", centuryDigit, born%100, r.IntN(1_000_000))
	phone := fmt.Sprintf("0900%06d", r.IntN(1_000_000))
	address := fmt.Sprintf("Số %d, %s, %s", 1+r.IntN(200), hamlets[r.IntN(len(hamlets))], locality)
	return dossier.Applicant{FullName: name, IDNumber: id, Phone: phone, Address: address}
}
