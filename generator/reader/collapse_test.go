package reader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// collapseByRune is collapse as its doc comment states it, one rune at a
// time; collapse takes ASCII faster and must give the same text.
func collapseByRune(b []byte) string {
	var out strings.Builder
	space := false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case r == '\u200b' || r == '\ufeff':
			continue
		case isSpace(r):
			space = out.Len() > 0
			continue
		}
		if space {
			out.WriteByte(' ')
			space = false
		}
		out.WriteRune(r)
	}
	return out.String()
}

func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a  b", "\ta\r\nb\v\f", " lead trail ", "nbsp\u00a0\u202fx", "zw\u200bsp", "\ufeffbom", "\xffbad\xc3", "caf\u00e9 ok", "\x00ctl", "x\u3000y"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := collapse(b), collapseByRune(b); got != want {
			t.Errorf("collapse(%q) = %q, want %q", b, got, want)
		}
	})
}
