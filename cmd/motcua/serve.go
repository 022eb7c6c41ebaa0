package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"motcua/internal/files"
	"motcua/internal/metrics"
	"motcua/internal/store"
	"net"
	"net/http"
	"time"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/jobs"
	"motcua/internal/web"
)

// serveCommand runs the web server until ctx is cancelled, then shuts down gracefully.
func serveCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	var db dbFlags
	db.register(fs, getenv)
	db.registerRead(fs, getenv)
	addr := fs.String("addr", envOr(getenv, "MOTCUA_ADDR", "127.0.0.1:8080"), "địa chỉ lắng nghe")
	withDemo := fs.Bool("demo", true, "nạp dữ liệu minh họa khi cơ sở dữ liệu trống")
	baseURL := fs.String("base-url", getenv("MOTCUA_BASE_URL"), "địa chỉ công khai của trang, https://… (dùng trong liên kết gửi qua thư và mã QR)")
	smtpURL := fs.String("smtp", getenv("MOTCUA_SMTP"), "máy chủ thư: smtp://người-dùng:mật-khẩu@máy-chủ:587?from=địa-chỉ (mặc định: chỉ ghi nhật ký)")
	proxies := fs.String("trusted-proxies", getenv("MOTCUA_TRUSTED_PROXIES"), "các proxy tin cậy (địa chỉ hoặc CIDR, cách nhau bởi dấu phẩy) được đọc X-Forwarded-For")
	filesURL := fs.String("files", getenv("MOTCUA_FILES"), "kho tệp dùng chung cho nhiều máy chủ: s3://KHÓA:BÍ_MẬT@MÁY:CỔNG/BUCKET[?tls=false] (mặc định: thư mục dữ liệu)")
	metricsAddr := fs.String("metrics-addr", getenv("MOTCUA_METRICS_ADDR"), "địa chỉ quản trị phục vụ /metrics (Prometheus), ví dụ 127.0.0.1:9090; để trống là tắt")
	profiling := fs.Bool("pprof", getenv("MOTCUA_PPROF") == "1", "phục vụ thêm /debug/pprof/ (hồ sơ CPU, bộ nhớ của Go) trên --metrics-addr, để đo hiệu năng")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *profiling && *metricsAddr == "" {
		return errors.New("--pprof cần --metrics-addr: hồ sơ hiệu năng chỉ phục vụ trên địa chỉ quản trị")
	}
	trusted, err := web.ParseTrustedProxies(*proxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxies không hợp lệ: %w", err)
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	// A fresh demo also gets its dossier history, loaded in the background; a history
	// load that a stop or crash interrupted is resumed.
	resume, err := demo.HistoryPending(ctx, st)
	if err != nil {
		return err
	}
	if resume && !*withDemo {
		log.Warn("demo history: an interrupted load is pending; start with --demo to resume it")
	}
	history := resume && *withDemo
	if *withDemo && !resume {
		n, err := st.UnitCount(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			pw := getenv("MOTCUA_DEMO_PASSWORD")
			printed := pw == ""
			if printed {
				pw = demo.RandomPassword()
			}
			if err := demo.Load(ctx, st, pw); err != nil {
				return err
			}
			if err := loadDemoCertificates(ctx, st, db.data, log); err != nil {
				return err
			}
			history = true
			fmt.Fprintln(stdout, "Đã nạp dữ liệu minh họa. Tài khoản: admin, tanhoa.motcua, tanhoa.chuyenvien, tanhoa.lanhdao, tanhoa.bientap.")
			if printed {
				fmt.Fprintf(stdout, "Mật khẩu chung của các tài khoản minh họa (chỉ in một lần): %s\n", pw)
			}
		}
	}
	var sender jobs.Sender = jobs.LogSender{Log: log}
	if *smtpURL != "" {
		if sender, err = jobs.ParseSMTP(*smtpURL); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stderr, "Lưu ý: chưa cấu hình máy chủ thư (--smtp, MOTCUA_SMTP), nên thư không được gửi mà chỉ ghi vào nhật ký, "+
			"kèm nội dung đầy đủ (liên kết xác thực tài khoản, đặt lại mật khẩu) để dùng khi phát triển. Không dùng cách này khi phục vụ người dân.")
		log.Warn("no mail server: messages are only logged, in full, for the operator in development; set --smtp (MOTCUA_SMTP) to send them")
	}
	workerCtx, stopWorker := context.WithCancel(ctx)
	workerDone := make(chan struct{})
	go func() {
		defer close(workerDone)
		(&jobs.Worker{Store: st, Sender: sender, Log: log}).Run(workerCtx)
	}()
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		(&jobs.DeadlineWatch{Warn: app.New(app.Config{}, st, log).WarnFeedbackDue, Log: log}).Run(workerCtx)
	}()
	defer func() { stopWorker(); <-watchDone }()
	defer func() { stopWorker(); <-workerDone }()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("không mở được cổng %s: %w", *addr, err)
	}
	base := *baseURL
	if base == "" && loopback(ln.Addr()) {
		// A server only this machine can reach links mails to itself: the demo keeps working.
		base = "http://" + ln.Addr().String()
	}
	if base == "" {
		fmt.Fprintln(stderr, "Cảnh báo: chưa đặt --base-url (MOTCUA_BASE_URL), nên thư có liên kết (xác thực tài khoản, đặt lại mật khẩu) sẽ không được gửi.")
		log.Warn("no public address: --base-url (MOTCUA_BASE_URL) is required for links in e-mails; mails with links are refused")
	}
	var objects *files.Store
	if *filesURL != "" {
		if objects, err = files.NewS3(ctx, *filesURL, db.data); err != nil {
			ln.Close()
			return err
		}
		log.Info("files", "store", "s3")
	}
	var reg *metrics.Registry
	if *metricsAddr != "" {
		reg = newMetrics(st)
		stopMetrics, err := serveMetrics(*metricsAddr, reg, *profiling, log)
		if err != nil {
			ln.Close()
			return err
		}
		defer stopMetrics()
		log.Info("metrics", "addr", *metricsAddr)
	}
	// Export jobs (heavy files made in the background) run one at a time on each server,
	// writing to the same files store as the pages.
	exports := app.New(app.Config{BaseURL: base, DataDir: db.data, Files: objects}, st, log)
	exportDone := make(chan struct{})
	go func() {
		defer close(exportDone)
		(&jobs.ExportWorker{Run: exports.RunExport, Expire: exports.ExpireExports, Log: log}).RunLoop(workerCtx)
	}()
	defer func() { stopWorker(); <-exportDone }()
	pay, err := paymentConfig(getenv, *withDemo)
	if err != nil {
		ln.Close()
		return err
	}
	handler, err := web.New(web.Config{Version: buildVersion(), BaseURL: base, DataDir: db.data, TrustedProxies: trusted,
		Metrics: reg, Files: objects, Payment: pay}, st, log)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "motcua đang chạy tại http://%s (cơ sở dữ liệu: %s %s)\n", ln.Addr(), st.Dialect(), st.Location())
	attrs := []any{"addr", ln.Addr().String(), "db", string(st.Dialect())}
	if st.Dialect() == store.SQLite {
		attrs = append(attrs, "sqlite_engine", store.SQLiteEngine)
	}
	log.Info("serving", attrs...)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if history {
		defer startDemoHistory(ctx, st, resume, db.data, stdout, log)()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	log.Info("shutting down")
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// migrateCommand applies the pending migrations and exits.
func migrateCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", stderr)
	var db dbFlags
	db.register(fs, getenv)
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(stdout, "Cơ sở dữ liệu %s đã được cập nhật.\n", st.Dialect())
	return nil
}

// loopback reports whether the listening address is reachable from this machine only.
func loopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
