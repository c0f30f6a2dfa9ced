package reader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// collapseByRune is collapse without its shortcut for ASCII: every rune
// decoded and written by collapseRune.
func collapseByRune(b []byte) string {
	var out strings.Builder
	space := false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		collapseRune(&out, &space, r)
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

func TestASCIISpaceIsIsSpace(t *testing.T) {
	for c := range utf8.RuneSelf {
		if asciiSpace[c] != isSpace(rune(c)) {
			t.Errorf("asciiSpace[%q] = %v, isSpace = %v", rune(c), asciiSpace[c], isSpace(rune(c)))
		}
	}
}
