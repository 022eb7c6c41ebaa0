// Package demo loads the demonstration data of motcua into an empty database: a province
// with several communes, among them UBND thị trấn Tân Hòa with its hotline, and an
// account for each role. Everything goes through the same store calls as real use.
//
// It is a wiring package: it may import store and the domain packages; nothing but
// cmd/motcua and tests import it.
package demo

import (
	"context"
	"crypto/rand"
	"fmt"

	"motcua/internal/org"
	"motcua/internal/store"
)

// TanHoa is the electronic identifier of UBND thị trấn Tân Hòa in the demo.
const TanHoa = "H40.12.05"

// Province is the electronic identifier of the demo province.
const Province = "H40"

const workingHours = "Thứ Hai – Thứ Sáu: 7:00–11:30 và 13:30–17:00"

// Units are the demo units, parents first.
func Units() []org.Unit {
	return []org.Unit{
		{Code: Province, Name: "UBND tỉnh Hòa Bình Xanh", Level: org.Province,
			Address: "Số 1 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh Hòa Bình Xanh",
			Hotline: "0208 3822 111", Email: "vanphong@hoabinhxanh.gov.vn", Hours: workingHours},
		{Code: TanHoa, Name: "UBND thị trấn Tân Hòa", ParentCode: Province, Level: org.Commune,
			Address: "Số 25 đường Nguyễn Trãi, thị trấn Tân Hòa, tỉnh Hòa Bình Xanh",
			Hotline: "0208 3866 115", Email: "motcua.tanhoa@hoabinhxanh.gov.vn",
			Hours: "Thứ Hai – Thứ Sáu: 7:00–11:30 và 13:30–17:00; sáng Thứ Bảy: 7:30–11:30"},
		{Code: "H40.12.07", Name: "UBND xã Phước An", ParentCode: Province, Level: org.Commune,
			Address: "Ấp 3, xã Phước An, tỉnh Hòa Bình Xanh", Hotline: "0208 3866 207", Hours: workingHours},
		{Code: "H40.15.01", Name: "UBND phường Bình Minh", ParentCode: Province, Level: org.Commune,
			Address: "Số 8 đường Lê Lợi, phường Bình Minh, tỉnh Hòa Bình Xanh", Hotline: "0208 3855 301", Hours: workingHours},
		{Code: "H40.15.09", Name: "UBND xã Long Thọ", ParentCode: Province, Level: org.Commune,
			Address: "Thôn Đông, xã Long Thọ, tỉnh Hòa Bình Xanh", Hotline: "0208 3855 909", Hours: workingHours},
	}
}

// Users are the demo accounts; all share one password.
func Users() []org.User {
	return []org.User{
		{Username: "admin", FullName: "Quản trị hệ thống", UnitCode: Province, Roles: []org.Role{org.Admin}},
		{Username: "tinh.giamsat", FullName: "Đỗ Minh Quân", UnitCode: Province, Roles: []org.Role{org.Inspector}},
		{Username: "tanhoa.motcua", FullName: "Nguyễn Thị Lan", UnitCode: TanHoa, Roles: []org.Role{org.OneStop}},
		{Username: "tanhoa.chuyenvien", FullName: "Trần Văn Hùng", UnitCode: TanHoa, Roles: []org.Role{org.Specialist}},
		{Username: "tanhoa.lanhdao", FullName: "Lê Quang Vinh", UnitCode: TanHoa, Roles: []org.Role{org.Leader}},
		{Username: "phuocan.motcua", FullName: "Phạm Thị Hoa", UnitCode: "H40.12.07", Roles: []org.Role{org.OneStop}},
		{Username: "phuocan.chuyenvien", FullName: "Võ Văn Tâm", UnitCode: "H40.12.07", Roles: []org.Role{org.Specialist}},
		{Username: "phuocan.lanhdao", FullName: "Huỳnh Thanh Sơn", UnitCode: "H40.12.07", Roles: []org.Role{org.Leader}},
		{Username: "tanhoa.bientap", FullName: "Phan Thị Mai", UnitCode: TanHoa, Roles: []org.Role{org.Editor}},
		{Username: "phuocan.bientap", FullName: "Cao Văn Bình", UnitCode: "H40.12.07", Roles: []org.Role{org.Editor}},
	}
}

// RandomPassword returns a 16-character password of unambiguous letters and digits.
func RandomPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"
	b := make([]byte, 16)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// Load fills an empty database with the demo data: units, accounts and the catalogue.
// It refuses to touch a database that already has units. The two years of dossiers are
// LoadHistory, which takes seconds and runs after Load (serve runs it in the background);
// Load records that the history is due, so that HistoryPending reports it until it is
// loaded, even if the process stops first.
func Load(ctx context.Context, st *store.Store, password string) error {
	if err := LoadBase(ctx, st, password); err != nil {
		return err
	}
	return st.PutSetting(ctx, historySetting, historyLoading)
}

// LoadBase loads what Load loads, without any dossier history; benchmarks and tests
// call it to say that they start from an empty dossier table.
func LoadBase(ctx context.Context, st *store.Store, password string) error {
	n, err := st.UnitCount(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("demo: the database already has %d units", n)
	}
	for _, u := range Units() {
		if _, err := st.CreateUnit(ctx, u); err != nil {
			return fmt.Errorf("demo: unit %s: %w", u.Code, err)
		}
	}
	for _, u := range Users() {
		if _, err := st.CreateUser(ctx, u, password); err != nil {
			return fmt.Errorf("demo: user %s: %w", u.Username, err)
		}
	}
	if err := loadCatalog(ctx, st); err != nil {
		return err
	}
	if err := loadPortal(ctx, st); err != nil {
		return err
	}
	if err := loadScorecards(ctx, st); err != nil {
		return err
	}
	return st.PutSetting(ctx, "site_unit", TanHoa)
}
