package reader

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/yuin/goldmark/ast"
)

// ParseValues returns the enum values a description lists after a marker
// such as "Possible values are:", in the Markdown snippet description: the
// code spans that follow, separated by commas, "or" and "and"
// ("`a`, `b`, or `c`"), or the items of a following <li> list. It returns nil
// when there is no such list. Read applies the same rule to every
// Description cell.
func ParseValues(description []byte) []string {
	src := normalize(description)
	if len(src) > MaxSize {
		return nil
	}
	if _, bad := CheckLimits(src, diag.NewLines("", src)); bad {
		return nil
	}
	vals, _ := valuesFrom(src, parseMarkdown(src))
	return vals
}

// valueMarkers introduce a list of values (case-insensitive). Shorter forms
// cover longer ones: "possible values" also finds "The possible values are:"
// and "Possible values:".
var valueMarkers = [...]string{
	"possible values",
	"supported values",
	"allowed values",
	"valid values",
	"one of the following",
	"can be one of",
	"one of",
}

// maxLeadWords bounds the words between a marker and the first value:
// "Supported values for **dataType** are:", "Allowed values in the
// collection are:".
const maxLeadWords = 6

// maxLeadBytes is more than maxLeadWords words take; a longer lead is not
// looked at.
const maxLeadBytes = 120

// maxListTokens bounds how far a list is followed: no enum has a thousand
// members, and the bound keeps a page full of markers linear.
const maxListTokens = 2000

// leadWords are the only words a bare "one of" may be followed by before
// the first value ("one of the following string values:"), as "one of" also
// starts ordinary prose.
var leadWords = map[string]bool{
	"are": true, "is": true, "can": true, "be": true, "the": true,
	"following": true, "values": true, "value": true, "valid": true, "string": true,
}

// tokKind is the kind of a token of flattened inline content.
type tokKind int

const (
	tokText tokKind = iota
	tokCode         // a code span
	tokTag          // an inline HTML tag, or the end of a block
)

// token is a piece of flattened inline content.
type token struct {
	kind tokKind
	text string // decoded text; the code span's content; the tag's name, lower-cased, "/li" for an end tag
	off  int    // byte offset of the content in the source
}

// valuesFrom finds the value list in the inline content under n and
// returns it with the offset of its first value, or nil and -1.
func valuesFrom(src []byte, n ast.Node) ([]string, int) {
	toks := flatten(src, n)
	for i, t := range toks {
		if t.kind != tokText {
			continue
		}
		lower := asciiLower(t.text)
		if !strings.Contains(lower, "values") && !strings.Contains(lower, "one of") {
			continue // every marker has one of the two, and most text neither
		}
		// next[k] caches where valueMarkers[k] next occurs, so that a text
		// full of markers is still searched in linear time.
		var next [len(valueMarkers)]int
		for k := range next {
			next[k] = -2 // not searched yet
		}
		for from := 0; from < len(lower); {
			best := -1
			for k, m := range valueMarkers {
				if next[k] != -1 && next[k] < from {
					next[k] = strings.Index(lower[from:], m)
					if next[k] >= 0 {
						next[k] += from
					}
				}
				if next[k] >= 0 && (best < 0 || next[k] < next[best] || next[k] == next[best] && len(m) > len(valueMarkers[best])) {
					best = k
				}
			}
			if best < 0 {
				break
			}
			after := next[best] + len(valueMarkers[best])
			if lead := t.text[after:]; len(lead) <= maxLeadBytes && isLead(lead, valueMarkers[best] == "one of") {
				if vals, off := listAfter(toks[i+1:]); vals != nil {
					return vals, off
				}
			}
			from = after
		}
	}
	return nil, -1
}

// isLead reports whether the text between a marker and the first value
// only leads up to the list: a few words, no digits ("Possible values are: 0
// - `Not Ready`" is a numeric enum's legend) and no end of sentence. strict
// limits the words to leadWords.
func isLead(s string, strict bool) bool {
	if strings.ContainsAny(s, ".;!?") {
		return false
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune(":,-–—*", r)
	})
	if len(words) > maxLeadWords {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		if strict && !leadWords[asciiLower(w)] {
			return false
		}
	}
	return true
}

// listAfter reads the list that starts at toks[0], right after a marker's
// lead: code spans ("`a`, `b`, or `c`"), <li> items, or lines that each start
// with a code span ("</br>`team` — Indicates…</br>`personal` — …" in
// teamsappdefinition.md).
func listAfter(toks []token) ([]string, int) {
	j := 0
	for j < len(toks) && toks[j].kind == tokTag && (toks[j].text == "ul" || isBreak(toks[j])) {
		j++
	}
	if j >= len(toks) {
		return nil, -1
	}
	switch {
	case toks[j].kind == tokCode && j > 0 && isBreak(toks[j-1]):
		return lineList(toks[j:])
	case toks[j].kind == tokCode:
		return codeList(toks[j:])
	case toks[j].kind == tokTag && toks[j].text == "li":
		return itemList(toks[j:])
	}
	return nil, -1
}

// isBreak reports whether t is a line break tag, "<br>", "<br/>" or the
// "</br>" the corpus also writes.
func isBreak(t token) bool {
	return t.kind == tokTag && (t.text == "br" || t.text == "/br")
}

// lineList reads values that each start a line, lines being separated by
// break tags; it stops at the first line that doesn't start with a code span.
func lineList(toks []token) ([]string, int) {
	var vals []string
	toks = toks[:min(len(toks), maxListTokens)]
	for k := 0; k < len(toks); {
		if toks[k].kind != tokCode {
			break
		}
		v := collapse([]byte(toks[k].text))
		if v == "" {
			break
		}
		vals = append(vals, v)
		// Skip the rest of the line, then the breaks.
		for k < len(toks) && !isBreak(toks[k]) && !(toks[k].kind == tokTag && toks[k].text == "") {
			k++
		}
		if k < len(toks) && !isBreak(toks[k]) {
			break // the end of the block
		}
		for k < len(toks) && isBreak(toks[k]) {
			k++
		}
	}
	if len(vals) == 0 {
		return nil, -1
	}
	return vals, toks[0].off
}

// codeList reads code spans separated by separators, starting at toks[0].
// Like the other list readers, it stops at the first empty or unusable
// value, so that a failed attempt costs constant time and a text of many
// markers stays linear.
func codeList(toks []token) ([]string, int) {
	var vals []string
	off := toks[0].off
	for k := 0; k < len(toks) && k < maxListTokens && toks[k].kind == tokCode; k += 2 {
		v := collapse([]byte(toks[k].text))
		if v == "" {
			break
		}
		vals = append(vals, v)
		if k+1 >= len(toks) || toks[k+1].kind != tokText || !isSeparator(toks[k+1].text) {
			break
		}
	}
	if len(vals) == 0 {
		return nil, -1
	}
	return vals, off
}

// itemList reads "<li>value -- what it means</li>" items
// (chatmessagepolicyviolation.md): the value is each item's first word. An
// item that doesn't start with an identifier ends the list.
func itemList(toks []token) ([]string, int) {
	var vals []string
	off := -1
	toks = toks[:min(len(toks), maxListTokens)]
loop:
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch {
		case t.kind == tokTag && (t.text == "/li" || t.text == "ul" || t.text == "/ul" || t.text == "br"):
			continue
		case t.kind == tokText && strings.TrimSpace(t.text) == "":
			continue
		case t.kind != tokTag || t.text != "li":
			break loop
		}
		// The item's text runs to the next tag.
		var b strings.Builder
		first := -1
		for k+1 < len(toks) && toks[k+1].kind != tokTag {
			k++
			if first < 0 {
				first = toks[k].off
			}
			b.WriteString(toks[k].text)
		}
		f := strings.Fields(b.String())
		if len(f) == 0 {
			break
		}
		v := strings.TrimRight(f[0], ":,.;")
		if !isIdentifier(v) {
			break
		}
		if off < 0 {
			off = first
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, -1
	}
	return vals, off
}

// isSeparator reports whether the text between two values only separates
// them: commas, white space, "or", "and", and parenthesised notes
// ("`a` (default), `b`").
func isSeparator(s string) bool {
	s = dropParens(s)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return isSpace(r) || r == ',' }) {
		if !strings.EqualFold(w, "or") && !strings.EqualFold(w, "and") {
			return false
		}
	}
	return true
}

// dropParens removes balanced parenthesised text from s. An unbalanced
// parenthesis is kept, so it fails the separator test.
func dropParens(s string) string {
	if !strings.ContainsRune(s, '(') {
		return s
	}
	var b strings.Builder
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if depth == 0 {
				b.WriteString(s[start:i])
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
				if depth == 0 {
					start = i + 1
				}
			}
		}
	}
	if depth > 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// flatten turns inline content into a sequence of text, code and tag tokens:
// emphasis and links are looked through (their text is kept), adjacent texts
// are merged so a marker split by goldmark is still found, and the end of
// each block becomes a tag token so that a list never runs from one
// paragraph into the next.
func flatten(src []byte, n ast.Node) []token {
	f := &flattener{src: src}
	f.walk(n, 0)
	f.flush()
	return f.toks
}

type flattener struct {
	src  []byte
	toks []token
	text []byte // the text token being built, merged from adjacent texts
	off  int    // its offset
}

func (f *flattener) add(kind tokKind, text string, off int) {
	f.flush()
	f.toks = append(f.toks, token{kind: kind, text: text, off: off})
}

// addText appends text to the text token being built.
func (f *flattener) addText(text []byte, off int) {
	if f.text == nil {
		f.off = off
		f.text = []byte{}
	}
	f.text = append(f.text, text...)
}

// flush ends the text token being built.
func (f *flattener) flush() {
	if f.text != nil {
		f.toks = append(f.toks, token{kind: tokText, text: string(f.text), off: f.off})
		f.text = nil
	}
}

func (f *flattener) walk(n ast.Node, depth int) {
	if depth > maxInlineDepth {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(f.src)
			if !c.IsRaw() {
				v = decodeText(v)
			}
			f.addText(v, c.Segment.Start)
			if c.SoftLineBreak() || c.HardLineBreak() {
				f.addText([]byte{' '}, c.Segment.Start)
			}
		case *ast.String:
			f.addText(c.Value, c.Pos())
		case *ast.CodeSpan:
			var b []byte
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b = append(b, t.Value(f.src)...)
				case *ast.String:
					b = append(b, t.Value...)
				}
			}
			f.add(tokCode, string(b), firstTextOffset(c))
		case *ast.RawHTML:
			raw := rawHTML(f.src, c)
			name := strings.ToLower(string(tagName(raw)))
			if name == "" {
				continue // a comment
			}
			if bytes.HasPrefix(raw, []byte("</")) {
				name = "/" + name
			}
			f.add(tokTag, name, c.Pos())
		case *ast.AutoLink:
			f.addText(c.Label(f.src), c.Pos())
		default:
			f.walk(c, depth+1)
			if c.Type() == ast.TypeBlock {
				f.add(tokTag, "", -1)
			}
		}
	}
}

// asciiLower lower-cases the ASCII letters of s and nothing else, so that
// byte offsets into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
