package reader

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
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
		r.diags.Warnf(r.lines.Pos(0), "front-matter", "front matter opened on line 1 is not closed: want a %q line after it; reading the page without front matter", "---")
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
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		pos := r.lines.Pos(off)
		msg := err.Error()
		// yaml.v3 reports "yaml: line N: problem", N counting from the
		// first line of the YAML text.
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
		r.diags.Warnf(pos, "front-matter", "front matter is not valid YAML: %s; want key: value lines", msg)
		return
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			continue
		}
		val := collapse([]byte(v.Value))
		switch k.Value {
		case "title":
			r.page.Title = val
		case "description":
			r.page.Description = val
		case "doc_type":
			r.page.DocType = val
		}
	}
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
