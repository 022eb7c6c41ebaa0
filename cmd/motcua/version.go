package main

import "runtime/debug"

// version is set at build time with -ldflags "-X main.version=…"; when it is not,
// buildVersion reads the version Go recorded in the binary.
var version = ""

// buildVersion is the version shown in the footer, /healthz and "motcua version": the
// one set at link time, else the module version Go stamps from the checkout it was built
// in (a tag such as v1.2.0, or a pseudo-version naming the commit, "+dirty" when the
// working tree had changes), else the commit itself; "dev" when nothing is known (go run
// without version control, tests).
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return versionOf(info)
}

// versionOf picks the version out of a binary's build information.
func versionOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "dev"
	}
	rev = rev[:min(len(rev), 12)]
	if modified == "true" {
		rev += "+dirty"
	}
	return "dev-" + rev
}
