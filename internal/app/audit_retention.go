package app

import (
	"context"
	"fmt"
	"strconv"

	"motcua/internal/fault"
	"motcua/internal/org"
)

// auditRetentionSetting holds the retention policy of the audit log (thời hạn lưu nhật ký
// trực tuyến): the number of months entries stay in the live log before they move to the
// archive; absent or 0 keeps everything live.
const auditRetentionSetting = "audit.retention_months"

// Audit retention is at least a year (entries of the current and the previous year stay
// browsable) and at most 50 years.
const (
	minAuditRetentionMonths = 12
	maxAuditRetentionMonths = 600
)

// AuditRetention returns the retention policy in months (0: keep everything live).
func (a *App) AuditRetention(ctx context.Context) (int, error) {
	v, err := a.store.Setting(ctx, auditRetentionSetting, "0")
	if err != nil {
		return 0, err
	}
	n, _ := strconv.Atoi(v)
	return max(n, 0), nil
}

// SetAuditRetention sets the retention policy of the audit log (lưu trữ nhật ký) for an
// administrator and applies it at once: entries older than months months move to the
// archive, kept whole and never deleted. 0 turns the policy off. It returns how many
// entries moved; the change is itself written to the log.
func (a *App) SetAuditRetention(ctx context.Context, u org.User, months int, o Origin) (int, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return 0, err
	}
	if months != 0 && (months < minAuditRetentionMonths || months > maxAuditRetentionMonths) {
		return 0, fault.WithFields("Thời hạn lưu nhật ký không hợp lệ.", map[string]string{
			"months": fmt.Sprintf("Nhập 0 (không lưu trữ) hoặc từ %d đến %d tháng.", minAuditRetentionMonths, maxAuditRetentionMonths)})
	}
	if err := a.store.PutSetting(ctx, auditRetentionSetting, strconv.Itoa(months)); err != nil {
		return 0, err
	}
	moved, err := a.ApplyAuditRetention(ctx)
	a.audit(ctx, officerAudit(u, o, "audit.retention", strconv.Itoa(months)+" tháng",
		fmt.Sprintf("chuyển %d bản ghi sang kho lưu trữ", moved)), o)
	return moved, err
}

// ApplyAuditRetention moves the entries older than the retention policy to the archive
// (nothing when there is no policy) and returns how many moved.
func (a *App) ApplyAuditRetention(ctx context.Context) (int, error) {
	months, err := a.AuditRetention(ctx)
	if err != nil || months == 0 {
		return 0, err
	}
	return a.store.ArchiveAudit(ctx, a.now().AddDate(0, -months, 0))
}
