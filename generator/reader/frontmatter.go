package reader

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/graphgen/graphgen/generator/diag"
)

// frontMatter reads the YAML block that opens the page between two "---"
// lines into the page's Title, Description and DocType, then blanks the block
// in r.src (every byte but newlines becomes a space) so that goldmark doesn't
// read it as a setext heading, while every offset and line number of the rest
// stays what it is in the file.
func (r *reader) frontMatter() {
	src := r.src
	first, rest, ok := cutLine(src, 0)
	if !ok || !isFence(first) {
		return
	}
	closeStart := -1
	closeEnd := len(src)
	for off := rest; off < len(src); {
		line, next, _ := cutLine(src, off)
		if isFence(line) {
			closeStart, closeEnd = off, next
			break
		}
		off = next
	}
	if closeStart < 0 {
		r.diags.Report(r.lines.Pos(0), diag.CodeFrontMatter, "front matter opened on line 1 is not closed: want a %q line after it; reading the page without front matter", "---")
		return
	}
	r.parseFrontMatter(src[rest:closeStart], rest)
	for i := 0; i < closeEnd && i < len(src); i++ {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
}

// parseFrontMatter parses the YAML text that starts at byte offset off.
// Only scalar values of the keys the generator uses are kept; doc_type is
// stored as written, typos included, for later stages to judge.
func (r *reader) parseFrontMatter(text []byte, off int) {
	pairs, ok := simpleFrontMatter(text)
	if !ok {
		var err error
		if pairs, err = yamlFrontMatter(text); err != nil {
			r.yamlError(err, off)
			return
		}
	}
	for _, kv := range pairs {
		val := collapse([]byte(kv.value))
		switch kv.key {
		case "title":
			r.page.Title = val
		case "description":
			r.page.Description = val
		case "doc_type":
			r.page.DocType = val
		}
	}
}

// yamlError reports err, from parsing the front matter that starts at byte
// offset off, at its line.
func (r *reader) yamlError(err error, off int) {
	pos := r.lines.Pos(off)
	msg := err.Error()
	// yaml.v3 reports "yaml: line N: problem", N counting from the first
	// line of the YAML text.
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil && n >= 1 {
				pos.Line += n - 1
				pos.Col = 0
				msg = after
			}
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	r.diags.Report(pos, diag.CodeFrontMatter, "front matter is not valid YAML: %s; want key: value lines", msg)
}

// keyValue is a key of the front matter and its scalar value.
type keyValue struct{ key, value string }

// yamlFrontMatter returns the members of the front matter text, a YAML
// mapping, whose values are scalars.
func yamlFrontMatter(text []byte) ([]keyValue, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	var pairs []keyValue
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k, v := m.Content[i], m.Content[i+1]; v.Kind == yaml.ScalarNode {
			pairs = append(pairs, keyValue{k.Value, v.Value})
		}
	}
	return pairs, nil
}

// simpleFrontMatter reads front matter written the way nearly every page
// writes it, without a YAML parser, which would take a sixth of the time
// spent reading a page: each line a key, ": ", and either a double-quoted
// string without escapes or a plain word. A key given twice is kept twice,
// as yaml.v3 keeps it, and the later value wins. Anything else, it leaves to
// yaml.v3 by returning false; FuzzSimpleFrontMatter holds what it accepts to
// what yaml.v3 makes of it.
func simpleFrontMatter(text []byte) ([]keyValue, bool) {
	pairs := make([]keyValue, 0, 8)
	for off := 0; off < len(text); {
		line, next, _ := cutLine(text, off)
		off = next
		if len(line) == 0 || !isAlnum(line[0]) {
			return nil, false
		}
		k := 0
		for k < len(line) && isKeyByte(line[k]) {
			k++
		}
		// YAML limits an implicit key to 1024 characters; real keys are
		// short, and a long one is left to yaml.v3 to report.
		if k > maxSimpleKey || k+2 > len(line) || line[k] != ':' || line[k+1] != ' ' {
			return nil, false
		}
		key, val := string(line[:k]), line[k+2:]
		switch {
		case len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"':
			val = val[1 : len(val)-1]
			if bytes.ContainsAny(val, `"\`) || !yamlPrintable(val) {
				return nil, false
			}
		case isPlainWord(val):
		default:
			return nil, false
		}
		pairs = append(pairs, keyValue{key, string(val)})
	}
	return pairs, true
}

// maxSimpleKey is the longest key simpleFrontMatter reads.
const maxSimpleKey = 64

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isKeyByte reports whether c may be part of a key simpleFrontMatter reads.
func isKeyByte(c byte) bool {
	return isAlnum(c) || c == '_' || c == '.' || c == '-'
}

// isPlainWord reports whether v is a YAML plain scalar that means its own
// text: a letter or digit, then also "_", ".", "-" and "/".
func isPlainWord(v []byte) bool {
	if len(v) == 0 || !isAlnum(v[0]) {
		return false
	}
	for _, c := range v {
		if !isKeyByte(c) && c != '/' {
			return false
		}
	}
	return true
}

// yamlPrintable reports whether v is valid UTF-8 made only of characters
// YAML allows as they are in a string: printable ASCII, and the printable
// ranges above it, without the byte order mark and line separators.
func yamlPrintable(v []byte) bool {
	for i := 0; i < len(v); {
		if c := v[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
			return false
		}
	}
	return true
}

// isFence reports whether line is a front-matter delimiter: "---", with
// trailing white space tolerated ("--- " opens the seed page).
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "---"
}

// cutLine returns the line of src that starts at off, without its newline,
// and the offset of the next line. ok is false at the end of src.
func cutLine(src []byte, off int) (line []byte, next int, ok bool) {
	if off >= len(src) {
		return nil, len(src), false
	}
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return src[off:], len(src), true
	}
	return src[off : off+i], off + i + 1, true
}
