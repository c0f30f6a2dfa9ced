package reader

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown returns the parser every page and snippet goes through:
// CommonMark plus GFM tables and nothing else (no linkify, no typographer), so
// the tree holds what the author wrote. A goldmark parser keeps no state
// between calls, so one is shared.
var markdown = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
})

// parseMarkdown parses src, which must already be normalised (see Read).
func parseMarkdown(src []byte) ast.Node {
	return markdown().Parse(text.NewReader(src))
}

// maxInlineDepth bounds how deep the text walkers descend into nested inline
// nodes. Real cells nest two or three levels (a link inside bold); a page of
// ten thousand asterisks nests thousands, and its text is not worth a deep
// stack.
const maxInlineDepth = 64

// plain renders inline content as plain text: emphasis dropped, links and
// images replaced by their text, code spans by their content, HTML tags by a
// space or nothing, backslash escapes and entities decoded, "[!INCLUDE [x](y)]"
// references removed, and white space collapsed. Links met on the way are
// reported to onLink, when it is not nil, with their plain text and the text
// before them.
type plain struct {
	src    []byte
	buf    []byte
	onLink func(l *ast.Link, text string, before []byte)
	// dropBracket is set after an INCLUDE's link was skipped: the "]" that
	// closes the reference is the next thing to drop.
	dropBracket bool
}

// plainText returns the plain text of the inline children of n.
func plainText(src []byte, n ast.Node, onLink func(l *ast.Link, text string, before []byte)) string {
	p := &plain{src: src, onLink: onLink}
	p.children(n, 0)
	return collapse(p.buf)
}

func (p *plain) children(n ast.Node, depth int) {
	if depth > maxInlineDepth {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.node(c, depth)
	}
}

func (p *plain) node(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(p.src)
		if !n.IsRaw() {
			v = decodeText(v)
		}
		p.write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			p.write([]byte{' '})
		}
	case *ast.String:
		p.write(n.Value)
	case *ast.CodeSpan:
		// Code spans keep their bytes: no escapes or entities inside.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				p.write(t.Value(p.src))
			case *ast.String:
				p.write(t.Value)
			}
		}
	case *ast.Link:
		if p.isInclude() {
			// "[!INCLUDE [beta-disclaimer](../../includes/x.md)]": goldmark
			// sees the text "[!INCLUDE ", a link, and "]". The included file
			// is not part of the corpus, so the reference is dropped.
			p.dropBracket = true
			return
		}
		start := len(p.buf)
		p.children(n, depth+1)
		if p.onLink != nil {
			p.onLink(n, collapse(p.buf[start:]), p.buf[:start])
		}
	case *ast.RawHTML:
		raw := rawHTML(p.src, n)
		switch name := strings.ToLower(string(tagName(raw))); {
		case spaceTags[name]:
			p.write([]byte{' '})
		case name == "" || htmlTags[name]:
			// A comment, or markup such as <code> whose text follows.
		default:
			// Not HTML but a placeholder the author meant literally: "The
			// format is <languagecode2>-<country/regioncode2>".
			p.write(raw)
		}
	case *ast.AutoLink:
		p.write(n.Label(p.src))
	default:
		// Emphasis, images (their alt text), and any inline node an
		// extension may add: keep the text inside.
		p.children(n, depth+1)
	}
}

// write appends v, first dropping the "]" that ends a skipped INCLUDE.
func (p *plain) write(v []byte) {
	if p.dropBracket {
		t := bytes.TrimLeft(v, " \t")
		if len(t) == 0 {
			return
		}
		p.dropBracket = false
		if t[0] == ']' {
			v = t[1:]
		}
	}
	p.buf = append(p.buf, v...)
}

// isInclude reports whether the text written so far ends with "[!INCLUDE",
// in which case it removes that text: the link that follows is the INCLUDE's
// target.
func (p *plain) isInclude() bool {
	const marker = "[!include"
	t := bytes.TrimRight(p.buf, " \t")
	if len(t) < len(marker) || !strings.EqualFold(string(t[len(t)-len(marker):]), marker) {
		return false
	}
	p.buf = p.buf[:len(t)-len(marker)]
	return true
}

// decodeText resolves the backslash escapes and entity references of a text
// segment, which goldmark leaves for the HTML renderer to do.
func decodeText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// rawHTML returns the source of an inline HTML node.
func rawHTML(src []byte, n *ast.RawHTML) []byte {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// spaceTags are the HTML elements that separate words: line breaks, list
// items, paragraphs and table cells.
var spaceTags = map[string]bool{
	"br": true, "li": true, "ul": true, "ol": true, "p": true, "div": true,
	"tr": true, "td": true, "th": true, "table": true, "hr": true,
	"dl": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
}

// htmlTags are the other HTML elements the corpus uses; they are dropped and
// their content kept. A tag not listed here, or in spaceTags, is a
// placeholder that goldmark took for HTML and is kept as text.
var htmlTags = map[string]bool{
	"a": true, "b": true, "i": true, "em": true, "strong": true, "code": true,
	"span": true, "sup": true, "sub": true, "u": true, "s": true, "del": true,
	"ins": true, "small": true, "kbd": true, "tt": true, "font": true,
	"img": true, "iframe": true, "thead": true, "tbody": true, "center": true,
	"nobr": true, "wbr": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true,
}

// tagName returns the element name of an HTML tag such as "<br/>" or
// "</li>", or nil for comments and other markup.
func tagName(tag []byte) []byte {
	if len(tag) < 2 || tag[0] != '<' {
		return nil
	}
	t := tag[1:]
	if len(t) > 0 && t[0] == '/' {
		t = t[1:]
	}
	i := 0
	for i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z' || i > 0 && t[i] >= '0' && t[i] <= '9') {
		i++
	}
	return t[:i]
}

// collapse turns every run of white space (including U+00A0 and the other
// Unicode spaces) into one space, drops zero-width spaces and BOMs, trims the
// ends, and replaces invalid UTF-8, so every string a Page holds is valid text.
func collapse(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	space := false
	for i := 0; i < len(b); {
		// Nearly all text is ASCII: copy each run of it that holds no
		// white space whole, without decoding runes.
		if c := b[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = out.Len() > 0
				i++
				continue
			}
			j := i + 1
			for j < len(b) && b[j] < utf8.RuneSelf && !asciiSpace[b[j]] {
				j++
			}
			if space {
				out.WriteByte(' ')
				space = false
			}
			out.Write(b[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		i += n
		collapseRune(&out, &space, r)
	}
	return out.String()
}

// asciiSpace holds the ASCII bytes isSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// collapseRune writes r to out as collapse does, space saying whether white
// space is pending.
func collapseRune(out *strings.Builder, space *bool, r rune) {
	switch {
	case r == '\u200b' || r == '\ufeff':
		return
	case isSpace(r):
		*space = out.Len() > 0
		return
	}
	if *space {
		out.WriteByte(' ')
		*space = false
	}
	out.WriteRune(r) // utf8.RuneError for an invalid byte
}

// isSpace reports whether r is white space, Unicode spaces included: the
// corpus pads cells with U+00A0 and U+202F.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// firstTextOffset returns the byte offset of the first text inside n, or of n
// itself when it holds none, or -1.
func firstTextOffset(n ast.Node) int {
	for depth, c := 0, n; c != nil && depth <= maxInlineDepth; depth++ {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if c.FirstChild() == nil {
			break
		}
		c = c.FirstChild()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return n.Pos()
}

// linkDest returns a link's destination as written, escapes decoded.
func linkDest(l *ast.Link) string {
	return collapse(decodeText(l.Destination))
}
