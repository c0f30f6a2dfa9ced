package resolve

import (
	"strconv"
	"strings"
	"unicode"
)

// File names are plain ASCII: lower-case letters, digits and hyphens. Two
// names that differ only in case must not both be generated, and the go
// command, Windows, macOS and zip tools each fold non-ASCII letters with a
// rule of their own: the go command maps "widgetſ.go" and "widgets.go" to
// one name and refuses to build the package, where Linux keeps both. On
// ASCII they all agree that folding is lower-casing, so unique lower-case
// ASCII names are unique everywhere.

// maxFileBase bounds the length of a file's base name: with a numeric
// suffix and "_test.go" it stays under the 143 bytes eCryptfs, the
// tightest file system in common use, allows in a name.
const maxFileBase = 120

// windowsReserved are the device names Windows reserves, whatever the
// extension: a file "con.go" or "con.x.go" cannot be created there, and
// the go command refuses to put one in a module zip
// (golang.org/x/mod/module.CheckFilePath).
var windowsReserved = []string{
	"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
}

// fileNamer hands out the names of generated files, one per claim, unique
// and never reserved. The first claim on a name gets it; later ones get a
// numeric suffix, so the outcome depends only on the order of claims,
// which callers keep sorted.
type fileNamer struct {
	used map[string]bool
	// next is the suffix to try first for a base name: the ones below it
	// are taken, so that many claims of one base cost linear time.
	next map[string]int
}

func newFileNamer() *fileNamer {
	n := &fileNamer{used: map[string]bool{}, next: map[string]int{}}
	// graphgen.go and graphgen_test.go hold the support code.
	n.used["graphgen"] = true
	for _, r := range windowsReserved {
		n.used[r] = true
	}
	return n
}

// claim returns the name of the file of the Go type typeName: its
// fileBase, or that with the smallest suffix from 2 up that is still
// free, and ".go".
func (n *fileNamer) claim(typeName string) string {
	base := fileBase(typeName)
	got := base
	for i := max(n.next[base], 2); n.used[got]; i++ {
		got = base + strconv.Itoa(i)
		n.next[base] = i + 1
	}
	n.used[got] = true
	return got + ".go"
}

// fileBase returns the base of the file name of the Go type name: the name
// in lower case, with each rune other than an ASCII letter or digit written
// as its code point in hex between hyphens, and an "x" first where the name
// would start with a hyphen. "Señal" gives "se-f1-al", "X日本" gives
// "x-65e5-672c". Non-ASCII letters are lower-cased first, so that a KELVIN
// SIGN K gives "k". The result is at most maxFileBase bytes long.
func fileBase(name string) string {
	var b strings.Builder
	coded := false // b ends with a code point in hex
	for _, r := range name {
		if b.Len() > maxFileBase {
			break
		}
		r = unicode.ToLower(r)
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if coded {
				b.WriteByte('-')
				coded = false
			}
			b.WriteRune(r)
			continue
		}
		if b.Len() == 0 {
			b.WriteByte('x')
		}
		b.WriteByte('-')
		b.WriteString(strconv.FormatInt(int64(r), 16))
		coded = true
	}
	s := b.String()
	if len(s) > maxFileBase {
		s = strings.TrimRight(s[:maxFileBase], "-")
	}
	if s == "" {
		s = "x"
	}
	return s
}
