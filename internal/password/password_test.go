package password

import "testing"

func TestHashCheck(t *testing.T) {
	h, err := Hash("Mật khẩu đúng 123", Default)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		plain string
		want  bool
	}{
		{"right password", "Mật khẩu đúng 123", true},
		{"wrong password", "Mật khẩu sai 123", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.plain, h)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckMalformed(t *testing.T) {
	for _, enc := range []string{"", "plain", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x$y$z$w", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$aGFzaA"} {
		if _, err := Check("x", enc); err == nil {
			t.Errorf("Check(%q): got nil error, want ErrMalformed", enc)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	for b.Loop() {
		if _, err := Hash("mật khẩu", Default); err != nil {
			b.Fatal(err)
		}
	}
}
