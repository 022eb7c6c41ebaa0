// Command motcua is the electronic one-stop shop (hệ thống một cửa điện tử): one binary
// that serves the web site and API, migrates the database, manages accounts and answers
// legal-clock questions on the command line.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "motcua:", err)
		os.Exit(1)
	}
}

const usage = `motcua – hệ thống một cửa điện tử

Cách dùng:
  motcua serve [--addr 127.0.0.1:8080] [--data ./data] [--db URL] [--demo=true|false]
  motcua migrate [--data ./data] [--db URL]
  motcua user add --username TÊN --name "HỌ TÊN" --unit MÃ --roles motcua,chuyenvien [--password …]
  motcua user passwd --username TÊN [--password …]
  motcua user list
  motcua open311 key add --name TÊN [--data ./data] [--db URL]
  motcua calendar lunar|solar|holidays|due …
  motcua backup --to THƯ_MỤC [--data ./data] [--db URL]
  motcua restore --from THƯ_MỤC [--data ./data] [--db URL]
  motcua demo generate --dossiers N [--unit MÃ | --units U] [--data DIR | --db URL]
  motcua bench [--n 5000] [--c 64] [--db postgres://…] [--lookups N]
  motcua bench pages [--n 20] [--unit MÃ] [--dossiers N] [--data DIR | --db URL]
  motcua bench report [--n 5] [--unit MÃ] [--subtree=true] [--year YYYY] [--rebuild] [--data DIR | --db URL]
  motcua version
`

// run is the whole program: main only calls it, and tests call it directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("thiếu lệnh")
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return serveCommand(ctx, rest, getenv, stdout, stderr)
	case "migrate":
		return migrateCommand(ctx, rest, getenv, stdout, stderr)
	case "user":
		return userCommand(ctx, rest, getenv, stdin, stdout, stderr)
	case "backup":
		return backupCommand(ctx, rest, getenv, stdout, stderr)
	case "restore":
		return restoreCommand(ctx, rest, getenv, stdout, stderr)
	case "demo":
		return demoCommand(ctx, rest, getenv, stdout, stderr)
	case "bench":
		return benchCommand(ctx, rest, getenv, stdout, stderr)
	case "open311":
		return open311Command(ctx, rest, getenv, stdout, stderr)
	case "calendar":
		return calendarCommand(ctx, rest, stdout, stderr, calendarLoader(getenv))
	case "version":
		fmt.Fprintln(stdout, "motcua", buildVersion())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("lệnh không hợp lệ: %q", cmd)
}
