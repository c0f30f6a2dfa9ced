package emit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The go command refuses a module whose file names clash or that Windows
// cannot hold: it will not build a package with two files whose names
// differ only in case, nor put a file named like a Windows device in a
// module zip. Its rules are copied here, so that the checks refuse such a
// name with the position of the type behind it; the tests hold them to
// golang.org/x/mod, which holds the go command's own code.

// goFold returns name folded as the go command folds file names to find
// those that differ only in case (cmd/go/internal/str.ToFold, and
// strToFold in golang.org/x/mod/zip): each rune to the smallest rune of
// its unicode.SimpleFold orbit, then A-Z to a-z. It folds "widgetſ.go"
// to "widgets.go", which Linux keeps apart.
func goFold(name string) string {
	plain := true
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		for {
			r0 := r
			r = unicode.SimpleFold(r0)
			if r <= r0 {
				break
			}
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// windowsDevice returns the part of name before its first dot when that is
// a device name Windows reserves whatever the extension ("con.go",
// "Com1.x.go"), and "" otherwise.
func windowsDevice(name string) string {
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToLower(stem) {
	case "con", "prn", "aux", "nul",
		"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
		"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9":
		return stem
	}
	return ""
}

// zipNameChars are the ASCII characters other than letters and digits
// that the go command allows in the name of a file in a module
// (golang.org/x/mod/module.CheckFilePath); beyond ASCII it allows letters.
const zipNameChars = "!#$%&()+,-.=@[]^_{}~ "

// badZipRune returns the first rune of name that the go command refuses in
// the name of a file in a module, and false if there is none.
func badZipRune(name string) (rune, bool) {
	for _, r := range name {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		case r < utf8.RuneSelf && strings.ContainsRune(zipNameChars, r):
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
		default:
			return r, true
		}
	}
	return 0, false
}
