package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"
)

// Export job states (trạng thái công việc xuất tệp).
const (
	ExportQueued    = "queued"
	ExportRunning   = "running"
	ExportDone      = "done"
	ExportFailed    = "failed"
	ExportCancelled = "cancelled"
	// ExportExpired: the file was done and has been removed at its expiry.
	ExportExpired = "expired"
)

// ExportJob is a công việc xuất tệp: a file too large to make within a request, made in
// the background by one worker and kept for its requester until it expires.
type ExportJob struct {
	ID        int64
	Kind      string
	Requester string
	UnitCode  string
	// Params is the JSON of the job's parameters, read by the use case of its kind.
	Params string
	State  string
	// Done and Total measure the progress in the kind's own unit (rows of the book).
	Done, Total int
	// FileKey names the file in the files store once done; FileName is the name offered
	// for download.
	FileKey, FileName, ContentType string
	Size                           int64
	// Error is the message shown to the requester when the job failed.
	Error string
	// Attempts counts the claims of the job (a server that stops gives it back).
	Attempts                                    int
	CreatedAt, StartedAt, FinishedAt, ExpiresAt time.Time
}

// Active reports whether the job is still waiting or being made.
func (j ExportJob) Active() bool { return j.State == ExportQueued || j.State == ExportRunning }

// InsertExport queues a job (state queued) and returns its id.
func (s *Store) InsertExport(ctx context.Context, j ExportJob) (int64, error) {
	var id int64
	err := s.row(ctx, s.write, "", "ExportInsert", []any{j.Kind, j.Requester, j.UnitCode, j.Params, s.Now()}, &id)
	return id, err
}

// Export returns the job, or fault.NotFound.
func (s *Store) Export(ctx context.Context, id int64) (ExportJob, error) {
	var r exportRow
	err := s.row(ctx, s.write, "Không tìm thấy công việc xuất tệp.", "ExportByID", []any{id}, r.dest()...)
	return r.job(), err
}

// ExportsOf lists the last n jobs of a requester, the newest first.
func (s *Store) ExportsOf(ctx context.Context, requester string, n int) ([]ExportJob, error) {
	rows, err := s.query(ctx, s.write, "ExportsOf", requester, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ExportJob{}
	for rows.Next() {
		var r exportRow
		if err := rows.Scan(r.dest()...); err != nil {
			return nil, fmt.Errorf("store: exports: %w", err)
		}
		out = append(out, r.job())
	}
	return out, rows.Err()
}

// ActiveExports counts the requester's jobs that are queued or running.
func (s *Store) ActiveExports(ctx context.Context, requester string) (int, error) {
	var n int
	err := s.row(ctx, s.write, "", "ExportActiveCount", []any{requester}, &n)
	return n, err
}

// ClaimExport claims the oldest queued job for the worker until now+lease (or a running
// one whose worker stopped renewing its claim), marks it running and returns it; ok is
// false when there is none. On PostgreSQL concurrent claims skip each other's rows (FOR
// UPDATE SKIP LOCKED), so a job is claimed once across servers; SQLite has one writer.
func (s *Store) ClaimExport(ctx context.Context, worker string, now time.Time, lease time.Duration) (j ExportJob, ok bool, err error) {
	now = now.UTC()
	var r exportRow
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := s.query(ctx, tx, "ExportClaim", worker, now.Add(lease), now, now)
		if err != nil {
			return err
		}
		defer rows.Close()
		if rows.Next() {
			if err := rows.Scan(r.dest()...); err != nil {
				return fmt.Errorf("store: export claim: %w", err)
			}
			ok = true
		}
		return rows.Err()
	})
	return r.job(), ok, err
}

// ExportProgress records the progress of the worker's running job and renews its claim
// until `until`; held is false when the job is no longer the worker's to make (it was
// cancelled, or another worker took it over).
func (s *Store) ExportProgress(ctx context.Context, id int64, worker string, done, total int, until time.Time) (held bool, err error) {
	return s.exportUpdate(ctx, "ExportProgress", done, total, until.UTC(), id, worker)
}

// FinishExport records the worker's job as done with its file, to expire at expires;
// held is false when the job was cancelled meanwhile (the caller then removes the file).
func (s *Store) FinishExport(ctx context.Context, j ExportJob, worker string, expires time.Time) (held bool, err error) {
	return s.exportUpdate(ctx, "ExportDone", j.Done, j.Total, j.FileKey, j.FileName, j.ContentType, j.Size,
		s.Now(), expires.UTC(), j.ID, worker)
}

// FailExport records the worker's job as failed with a message for the requester.
func (s *Store) FailExport(ctx context.Context, id int64, worker, message string) error {
	if utf8.RuneCountInString(message) > 500 {
		message = string([]rune(message)[:500])
	}
	_, err := s.exportUpdate(ctx, "ExportFail", message, s.Now(), id, worker)
	return err
}

// RequeueExport gives the worker's running job back to the queue, to be made again from
// the start by the next worker (the server is stopping).
func (s *Store) RequeueExport(ctx context.Context, id int64, worker string) error {
	_, err := s.exportUpdate(ctx, "ExportRequeue", id, worker)
	return err
}

// CancelExport marks a queued or running job cancelled; ok is false when it had already
// ended.
func (s *Store) CancelExport(ctx context.Context, id int64) (ok bool, err error) {
	return s.exportUpdate(ctx, "ExportCancel", s.Now(), id)
}

// ExpiredExports lists up to n done jobs whose file expired at now: id and file key.
func (s *Store) ExpiredExports(ctx context.Context, now time.Time, n int) ([]ExportJob, error) {
	rows, err := s.query(ctx, s.write, "ExportsExpired", now.UTC(), n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ExportJob
	for rows.Next() {
		j := ExportJob{State: ExportDone}
		if err := rows.Scan(&j.ID, &j.FileKey); err != nil {
			return nil, fmt.Errorf("store: expired exports: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// ExpireExport marks a done job expired (its file removed).
func (s *Store) ExpireExport(ctx context.Context, id int64) error {
	_, err := s.exportUpdate(ctx, "ExportExpire", id)
	return err
}

// exportUpdate runs an UPDATE of one job and reports whether it changed a row.
func (s *Store) exportUpdate(ctx context.Context, name string, args ...any) (bool, error) {
	res, err := s.exec(ctx, s.write, name, args...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: %s: %w", name, err)
	}
	return n > 0, nil
}

// exportRow receives a job's columns while it is scanned.
type exportRow struct {
	j                          ExportJob
	started, finished, expires sql.NullTime
}

func (r *exportRow) dest() []any {
	j := &r.j
	return []any{&j.ID, &j.Kind, &j.Requester, &j.UnitCode, &j.Params, &j.State, &j.Done, &j.Total,
		&j.FileKey, &j.FileName, &j.ContentType, &j.Size, &j.Error, &j.Attempts, &j.CreatedAt,
		&r.started, &r.finished, &r.expires}
}

func (r *exportRow) job() ExportJob {
	j := r.j
	j.CreatedAt = j.CreatedAt.UTC()
	j.StartedAt, j.FinishedAt, j.ExpiresAt = timeOf(r.started), timeOf(r.finished), timeOf(r.expires)
	return j
}
