package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"motcua/internal/fault"
)

// exportMaxAttempts is how many times a job is started (a stopped server gives it back)
// before it is given up.
const exportMaxAttempts = 3

// exportLeaseBeats is how many heartbeats a claim lasts: a worker that stops renewing it
// (its server died) leaves the job to another after that.
const exportLeaseBeats = 15

// errExportLost ends the making of a job that is no longer the worker's: it was
// cancelled by its requester, or given to another worker.
var errExportLost = errors.New("app: export job cancelled or taken over")

// exportMaker writes the file of a job to w, calling step after each part with the
// progress; it returns the file's name and content type.
type exportMaker func(ctx context.Context, j ExportJob, w io.Writer, step func(done, total int) error) (name, contentType string, err error)

// RunExport claims the oldest waiting export job (on PostgreSQL a job is claimed by one
// server only) and makes its file in the files store, recording its progress; ran is
// false when no job waits. While it works it renews its claim every heartbeat and looks
// whether the job was cancelled: then it stops, throws the unfinished file away and
// keeps the job cancelled. When ctx ends (the server stops) the job goes back to the
// queue, to be made again from the start; a job that fails is marked failed with a
// Vietnamese message. Nothing is shown as done before the whole file is stored.
func (a *App) RunExport(ctx context.Context, worker string) (ran bool, err error) {
	beat := a.exportHeartbeat()
	sj, ok, err := a.store.ClaimExport(ctx, worker, a.now(), beat*exportLeaseBeats)
	if err != nil || !ok {
		return false, err
	}
	j := exportJob(sj)
	if j.Attempts > exportMaxAttempts {
		return true, a.store.FailExport(ctx, j.ID, worker, "Không tạo được tệp sau nhiều lần thử (máy chủ dừng giữa chừng). Vui lòng tạo lại.")
	}
	maker := a.exportMaker(j.Kind)
	if maker == nil {
		return true, a.store.FailExport(ctx, j.ID, worker, "Loại tệp xuất không còn được hỗ trợ.")
	}
	a.log.Info("export started", "id", j.ID, "kind", j.Kind, "worker", worker, "attempt", j.Attempts)

	jobCtx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	p := &exportProgress{a: a, id: j.ID, worker: worker, beat: beat, stop: stop}
	watchDone := make(chan struct{})
	go func() { defer close(watchDone); p.watch(jobCtx) }()
	defer func() { stop(nil); <-watchDone }()

	nonce := make([]byte, 6)
	rand.Read(nonce)
	key := fmt.Sprintf("job-%d-%d-%s", j.ID, j.Attempts, hex.EncodeToString(nonce))
	w, err := a.files.CreateExport(key)
	if err != nil {
		return true, a.failExport(j, worker, err)
	}
	defer w.Abort()
	name, contentType, err := maker(jobCtx, j, w, p.step)
	if err == nil {
		err = context.Cause(jobCtx) // a cancellation seen after the last step
	}
	if err == nil {
		j.Size, err = w.Commit(jobCtx, contentType)
	}
	switch {
	case err == nil:
	case errors.Is(context.Cause(jobCtx), errExportLost):
		a.log.Info("export stopped: cancelled", "id", j.ID, "worker", worker)
		return true, nil
	case ctx.Err() != nil:
		// The server is stopping: the job is made again, from the start, by the next worker.
		bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		a.log.Info("export given back: server stopping", "id", j.ID, "worker", worker)
		return true, a.store.RequeueExport(bg, j.ID, worker)
	default:
		return true, a.failExport(j, worker, err)
	}
	j.Done, j.Total = p.last()
	j.FileKey, j.FileName, j.ContentType = key, name, contentType
	held, err := a.store.FinishExport(ctx, j.ExportJob, worker, a.now().Add(a.exportTTL()))
	if err == nil && !held {
		// Cancelled in the last moment: the file is not kept.
		err = a.files.RemoveExport(key)
		a.log.Info("export stopped: cancelled", "id", j.ID, "worker", worker)
		return true, err
	}
	if err != nil {
		a.files.RemoveExport(key) // not recorded as done: nobody will ask for it
		return true, err
	}
	a.log.Info("export done", "id", j.ID, "worker", worker, "bytes", j.Size)
	return true, nil
}

// failExport marks the job failed: a fault's message is shown to the requester, any
// other error is logged and replaced by a general message.
func (a *App) failExport(j ExportJob, worker string, cause error) error {
	msg := "Không tạo được tệp do lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị viên."
	if e := fault.As(cause); e != nil && e.Code != fault.Internal {
		msg = e.Message
	} else {
		a.log.Error("export failed", "id", j.ID, "worker", worker, "err", cause)
	}
	return a.store.FailExport(context.Background(), j.ID, worker, msg)
}

// exportMaker returns the maker of a kind of job, nil for an unknown kind.
func (a *App) exportMaker(kind string) exportMaker {
	switch kind {
	case ExportBook:
		return a.makeBookExport
	case ExportInbox:
		return a.makeInboxExport
	}
	return nil
}

func (a *App) exportHeartbeat() time.Duration {
	if a.cfg.ExportHeartbeat > 0 {
		return a.cfg.ExportHeartbeat
	}
	return 2 * time.Second
}

// DefaultExportTTL is how long the file of a finished export job is kept unless
// Config.ExportTTL says otherwise.
const DefaultExportTTL = 7 * 24 * time.Hour

func (a *App) exportTTL() time.Duration {
	if a.cfg.ExportTTL > 0 {
		return a.cfg.ExportTTL
	}
	return DefaultExportTTL
}

// exportProgress records the progress of the job a worker makes and notices when the job
// stops being the worker's.
type exportProgress struct {
	a      *App
	id     int64
	worker string
	beat   time.Duration
	stop   context.CancelCauseFunc

	mu          sync.Mutex
	done, total int
}

func (p *exportProgress) last() (done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done, p.total
}

// step records a step of the work; it fails with errExportLost (and stops the work)
// when the job was cancelled.
func (p *exportProgress) step(done, total int) error {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
	if err := p.record(context.Background()); err != nil {
		return err
	}
	if hook := p.a.cfg.OnExportStep; hook != nil {
		hook(p.id, done, total)
	}
	return nil
}

// record writes the progress and renews the claim.
func (p *exportProgress) record(ctx context.Context) error {
	done, total := p.last()
	held, err := p.a.store.ExportProgress(ctx, p.id, p.worker, done, total, p.a.now().Add(p.beat*exportLeaseBeats))
	if err != nil {
		return err
	}
	if !held {
		p.stop(errExportLost)
		return errExportLost
	}
	return nil
}

// watch renews the claim every heartbeat until ctx ends, stopping the work when the job
// was cancelled.
func (p *exportProgress) watch(ctx context.Context) {
	t := time.NewTicker(p.beat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := p.record(ctx); err != nil && !errors.Is(err, errExportLost) && ctx.Err() == nil {
				p.a.log.Warn("export heartbeat failed", "id", p.id, "err", err)
			}
		}
	}
}

// ExpireExports removes the files of the done jobs whose time is up and marks the jobs
// expired; it returns how many it expired.
func (a *App) ExpireExports(ctx context.Context) (int, error) {
	n := 0
	for {
		list, err := a.store.ExpiredExports(ctx, a.now(), 100)
		if err != nil || len(list) == 0 {
			return n, err
		}
		for _, j := range list {
			if err := a.files.RemoveExport(j.FileKey); err != nil {
				return n, err
			}
			if err := a.store.ExpireExport(ctx, j.ID); err != nil {
				return n, err
			}
			n++
		}
	}
}
