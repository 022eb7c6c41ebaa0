package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"tagged release", debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"checkout stamped by go build", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20251204052200-07aefa502c6e+dirty"}},
			"v0.0.0-20251204052200-07aefa502c6e+dirty"},
		{"commit only", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("07aefa502c6ea6fc6df880fc0882f8fb17b3f5ae", "false")},
			"dev-07aefa502c6e"},
		{"changed checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("07aefa502c6ea6fc", "true")},
			"dev-07aefa502c6e+dirty"},
		{"nothing known", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(&tc.info); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	version = "2.0.1"
	t.Cleanup(func() { version = "" })
	if got := buildVersion(); got != "2.0.1" {
		t.Errorf("linked version: got %q, want 2.0.1", got)
	}
}
