package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// ErrNoDemo is what Generate answers on a database without the demo: the text is shown
// to whoever runs motcua demo generate, and says what to do.
var ErrNoDemo = errors.New("cơ sở dữ liệu này chưa có dữ liệu minh họa (tỉnh, xã, danh mục thủ tục, lịch làm việc) " +
	"mà lệnh tạo hồ sơ cần. Hãy chạy “motcua serve” một lần với cùng --data hoặc --db, chờ đến khi nhật ký báo " +
	"“demo digitisation: loaded”, dừng máy chủ, rồi chạy lại lệnh này")

// RequireDemo returns ErrNoDemo when the database lacks what Generate builds on: the demo
// province and the commune procedures of the demo catalogue.
func RequireDemo(ctx context.Context, st *store.Store) error {
	if _, err := st.Unit(ctx, Province); fault.Is(err, fault.NotFound) {
		return ErrNoDemo
	} else if err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	c, err := Catalog()
	if err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	for _, p := range c.Procedures {
		if !slices.Contains(p.Levels, catalog.LevelCommune) {
			continue
		}
		if _, err := st.Procedure(ctx, p.Code); fault.Is(err, fault.NotFound) {
			return ErrNoDemo
		} else if err != nil {
			return fmt.Errorf("demo: generate: %w", err)
		}
		return nil
	}
	return nil
}
