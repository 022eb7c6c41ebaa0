package store

import (
	"context"
	"database/sql"

	"motcua/internal/fault"
	"motcua/internal/files"
)

// DefaultCitizenQuota is the storage a citizen's account may use across all of its drafts
// and dossiers (dung lượng lưu trữ) unless SetCitizenQuota says otherwise: 200 MiB.
const DefaultCitizenQuota = 200 << 20

// SetCitizenQuota sets the storage quota of each citizen's account, in bytes, enforced by
// AddAttachment on the citizen's own uploads; zero or less restores DefaultCitizenQuota.
func (s *Store) SetCitizenQuota(n int64) { s.citizenQuota.Store(n) }

// CitizenQuota is the storage quota of each citizen's account, in bytes.
func (s *Store) CitizenQuota() int64 {
	if n := s.citizenQuota.Load(); n > 0 {
		return n
	}
	return DefaultCitizenQuota
}

// CitizenStorage is the total size of the files the citizen has uploaded to their drafts
// and dossiers.
func (s *Store) CitizenStorage(ctx context.Context, citizenID int64) (int64, error) {
	var n int64
	err := s.row(ctx, s.read, "", "CitizenStorageBytes", []any{UploaderCitizen, citizenID, citizenID}, &n)
	return n, err
}

// addCitizenAttachment inserts a citizen's upload unless it would take the account past
// its quota (fault.TooLarge). The account row is locked first, so that two uploads of one
// citizen are counted one after the other.
func (s *Store) addCitizenAttachment(ctx context.Context, citizenID int64, a Attachment, args []any) (Attachment, error) {
	quota := s.CitizenQuota()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id, used int64
		if err := s.row(ctx, tx, "Không tìm thấy tài khoản.", "CitizenLock", []any{citizenID}, &id); err != nil {
			return err
		}
		if err := s.row(ctx, tx, "", "CitizenStorageBytes", []any{UploaderCitizen, citizenID, citizenID}, &used); err != nil {
			return err
		}
		if used+a.Size > quota {
			return fault.Newf(fault.TooLarge, "Bạn đã dùng hết dung lượng lưu trữ (%s cho mỗi tài khoản; đã dùng %s). "+
				"Vui lòng xóa bớt tệp trong các hồ sơ nháp rồi thử lại.", files.FormatSize(quota), files.FormatSize(used))
		}
		return s.row(ctx, tx, "", "AttachmentInsert", args, &a.ID)
	})
	return a, err
}
