package pdf

import (
	"testing"
	"time"
)

// at returns a time in UTC+7.
func at(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ict())
	if err != nil {
		tb.Fatalf("parse %q: %v", s, err)
	}
	return t
}

// tanHoa is the unit of the fixtures.
func tanHoa() Unit {
	return Unit{
		Name:        "UBND thị trấn Tân Hòa",
		Parent:      "UBND huyện Tân Hòa",
		DeskName:    "Bộ phận Một cửa",
		Place:       "Tân Hòa",
		Address:     "Số 1 đường Nguyễn Huệ, khu phố 2, thị trấn Tân Hòa",
		Hotline:     "0263 3876 123",
		Email:       "motcua@tanhoa.gov.vn",
		FeedbackURL: "https://tanhoa.gov.vn/phan-anh",
	}
}

// dossier is a fixture dossier received at the given time in UTC+7.
func dossier(tb testing.TB, received, due string) Dossier {
	tb.Helper()
	return Dossier{
		Code:          "H15.50.05.13-260424-0007",
		ProcedureName: "Đăng ký khai sinh kết hợp đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
		Applicant: Applicant{
			Name:    "Nguyễn Thị Hường",
			Address: "Tổ 5, khu phố 3, thị trấn Tân Hòa",
			Phone:   "0912 345 678",
			Email:   "huong.nguyen@example.vn",
		},
		Documents: []Doc{
			{Name: "Tờ khai đăng ký khai sinh (theo mẫu)", Originals: 1},
			{Name: "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp", Originals: 1},
			{Name: "Giấy chứng nhận kết hôn của cha, mẹ", Certified: 1},
			{Name: "Căn cước công dân của người đi đăng ký", Copies: 1},
		},
		Sets:         1,
		DeadlineDays: 3,
		ReceivedAt:   at(tb, received),
		DueAt:        at(tb, due),
		ResultAt:     "Bộ phận Một cửa UBND thị trấn Tân Hòa",
		Officer:      "Trần Văn Bình",
		LookupURL:    "https://dichvucong.tanhoa.gov.vn/tra-cuu/H15.50.05.13-260424-0007?key=K7Q2M9",
		LookupKey:    "K7Q2M9",
		Fee:          50000,
	}
}
