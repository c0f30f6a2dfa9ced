package examples

import (
	"bytes"
	"errors"
	"mime"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
)

// content is the text of a code block as goldmark gives it, line by line
// without the indentation of an enclosing list item, and where each line
// sits in the page, so that an offset into the text maps to a position.
type content struct {
	text   []byte
	starts []int // offset in text of each line
	srcs   []int // offset in the page of each line
	lines  *diag.Lines
}

// pos returns the page position of byte off of the text.
func (c *content) pos(off int) diag.Pos {
	if len(c.starts) == 0 {
		return diag.Pos{File: c.lines.File()}
	}
	i := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off }) - 1
	i = max(i, 0)
	return c.lines.Pos(c.srcs[i] + off - c.starts[i])
}

// block reads the fenced code block f of example e as an HTTP message.
func (r *pageReader) block(e *Example, f *ast.FencedCodeBlock) *Block {
	b := &Block{Pos: r.pos(f.Pos())}
	if f.Info != nil {
		b.Lang = strings.ToLower(string(f.Language(r.src)))
	}
	c := &content{lines: r.lines}
	segs := f.Lines()
	for i := range segs.Len() {
		s := segs.At(i)
		if s.Start < 0 || s.Stop > len(r.src) || s.Start > s.Stop {
			continue
		}
		c.starts = append(c.starts, len(c.text))
		c.srcs = append(c.srcs, s.Start)
		c.text = append(c.text, r.src[s.Start:s.Stop]...)
	}
	if n := segs.Len(); n > 0 && len(bytes.TrimSpace(r.src[min(segs.At(n-1).Stop, len(r.src)):])) == 0 {
		// goldmark runs an unclosed fence to the end of the page.
		r.diags.Report(b.Pos, diag.CodeExampleUnclosed, "code fence of the %s example is never closed, so the rest of the page is read as its message: want a closing ``` line after it", e.Kind)
	}
	r.message(e, b, c)
	return b
}

// message splits the text of a block into start line, headers and body.
// The body starts after the first blank line or, as hand-written examples
// often leave that line out, at the first line that opens a JSON value.
// A block that starts with "{" or "[" is all body.
func (r *pageReader) message(e *Example, b *Block, c *content) {
	t := c.text
	i := 0
	line := func() (string, int, bool) { // the next line and its offset
		if i >= len(t) {
			return "", i, false
		}
		start := i
		j := bytes.IndexByte(t[i:], '\n')
		if j < 0 {
			i = len(t)
		} else {
			i += j + 1
		}
		return strings.TrimRight(string(t[start:i]), "\r\n"), start, true
	}
	// The start line: the first line that is not blank.
	for {
		s, off, ok := line()
		if !ok {
			return
		}
		ts := strings.TrimSpace(s)
		if ts == "" {
			continue
		}
		if opensJSON(ts) {
			i = off
			break
		}
		b.StartLine, b.StartPos = ts, c.pos(off+len(s)-len(strings.TrimLeft(s, " \t")))
		r.startLine(e, b)
		for {
			s, off, ok := line()
			ts := strings.TrimSpace(s)
			if !ok || ts == "" {
				break
			}
			if opensJSON(ts) {
				i = off
				break
			}
			name, value, found := strings.Cut(ts, ":")
			if !found || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
				r.diags.Report(c.pos(off), diag.CodeExampleHeader, "%s example has a header line %q without a name and a colon: want \"Name: value\"", e.Kind, ts)
				continue
			}
			b.Headers = append(b.Headers, Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value), Pos: c.pos(off)})
		}
		break
	}
	rest := t[i:]
	if len(bytes.TrimSpace(rest)) == 0 {
		// 204 No Content, 304 Not Modified and the redirects carry no body
		// by design (a 302 points at the content: driveitem-get-content.md).
		if e.Kind == Response && e.Annotation.ODataType != "" && b.Status != 204 && (b.Status < 300 || b.Status > 399) {
			r.diags.Report(b.Pos, diag.CodeExampleNoBody, "response example announces type %q but its block has no body: want the JSON of a %s after the headers and a blank line", e.Annotation.ODataType, e.Annotation.ODataType)
		}
		return
	}
	lead := len(rest) - len(bytes.TrimLeft(rest, " \t\n"))
	body := &Body{off: i + lead, src: c, Text: bytes.TrimRight(rest[lead:], " \t\n")}
	body.Pos = c.pos(body.off)
	b.Body = body
	if !isJSONType(b.Header("Content-Type")) {
		return
	}
	body.Text = jsonx.Repair(body.Text)
	v, err := jsonx.Parse(body.Text)
	if err != nil {
		at := 0
		var se *jsonx.SyntaxError
		if errors.As(err, &se) {
			at = se.Offset
		}
		r.diags.Report(body.PosOf(at), diag.CodeExampleBodyJSON, "%s body is not valid JSON even after repair (%v): want a JSON body, or a Content-Type header that is not JSON", e.Kind, err)
		return
	}
	body.JSON = v
}

// opensJSON reports whether a trimmed line starts a JSON object or array.
func opensJSON(s string) bool {
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}

// isJSONType reports whether a body of Content-Type ct is read as JSON: a
// JSON media type ("application/json", "application/problem+json"), or
// none at all, as Microsoft Graph speaks JSON unless it says otherwise.
func isJSONType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json")
}

// startLine splits the start line of a block: "GET https://… HTTP/1.1" for
// a request, "HTTP/1.1 200 OK" for a response.
func (r *pageReader) startLine(e *Example, b *Block) {
	fields := strings.Fields(b.StartLine)
	if e.Kind == Response {
		if len(fields) >= 2 && strings.HasPrefix(strings.ToUpper(fields[0]), "HTTP") {
			if n, err := strconv.Atoi(fields[1]); err == nil && n >= 100 && n <= 999 {
				b.Proto, b.Status = fields[0], n
				b.Reason = strings.Join(fields[2:], " ")
				return
			}
		}
		r.diags.Report(b.StartPos, diag.CodeExampleStartLine, "response example starts with %q: want a status line such as \"HTTP/1.1 200 OK\"", b.StartLine)
		return
	}
	if len(fields) >= 2 && isMethod(fields[0]) {
		b.Method, b.URL = fields[0], fields[1]
		if len(fields) >= 3 {
			b.Proto = strings.Join(fields[2:], " ")
		}
		return
	}
	r.diags.Report(b.StartPos, diag.CodeExampleStartLine, "request example starts with %q: want a request line such as \"GET https://graph.microsoft.com/v1.0/me\"", b.StartLine)
}

// isMethod reports whether s is an HTTP method in upper case.
func isMethod(s string) bool {
	switch s {
	case "GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}
