package reader

import (
	"bytes"
	"errors"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/yuin/goldmark/ast"
)

// htmlBlock reads an HTML comment that may be a resource annotation:
//
//	<!-- {
//	  "blockType": "resource",
//	  "@odata.type": "microsoft.graph.x"
//	}-->
//
// Other comments (uuid stamps, "#page.annotation", "ignored" and "example"
// blocks, commented-out tables) are skipped. A comment that starts like an
// annotation but isn't JSON even after jsonx.Repair is an error: the page's
// type would silently lose its annotation otherwise.
func (r *reader) htmlBlock(n *ast.HTMLBlock) {
	body, off, ok := CommentBody(r.src, n)
	if !ok {
		return
	}
	if start := off - 4; start >= 0 && !bytes.Contains(r.src[start:], []byte("-->")) {
		// goldmark runs an unclosed comment to the end of the file.
		r.diags.Report(r.pos(n.Pos()), diag.CodeUnclosedComment, "HTML comment is never closed, so the rest of the page is hidden: want %q at its end", "-->")
	}
	t := bytes.TrimSpace(body)
	if len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"blockType"`)) {
		return
	}
	v, err := jsonx.Parse(jsonx.Repair(body))
	if err != nil {
		at := off
		var se *jsonx.SyntaxError
		if errors.As(err, &se) {
			at += se.Offset
		}
		r.diags.Report(r.pos(at), diag.CodeAnnotationJSON, "annotation comment is not valid JSON even after repair: %v; want a JSON object such as {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"}", err)
		return
	}
	if bt := v.Get("blockType"); bt == nil || bt.Kind != jsonx.String || bt.String != "resource" {
		return
	}
	if r.page.Annotation != nil {
		r.diags.Report(r.pos(n.Pos()), diag.CodeAnnotationExtra, "page has more than one resource annotation; this one is ignored: want one per page (the first is on line %d)", r.page.Annotation.Pos.Line)
		return
	}
	r.page.Annotation = r.annotation(v, off, r.pos(n.Pos()))
	// The JSON representation is the json fence right after the
	// annotation; goldmark has already dropped the blank lines between.
	if f, ok := n.NextSibling().(*ast.FencedCodeBlock); ok && isJSONFence(r.src, f) {
		r.page.JSON = r.jsonBlock(f)
	}
}

// CommentBody returns the text of an HTML-comment block of src between
// "<!--" and "-->", and its offset in src. A comment left open at the end
// of the file (message.md) runs to the end. The method pages' examples are
// announced by such comments too.
func CommentBody(src []byte, n *ast.HTMLBlock) ([]byte, int, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil, 0, false
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	}
	if start < 0 || end > len(src) || start > end {
		return nil, 0, false
	}
	raw := src[start:end]
	i := bytes.Index(raw, []byte("<!--"))
	if i < 0 || len(bytes.TrimSpace(raw[:i])) > 0 {
		return nil, 0, false
	}
	body := raw[i+4:]
	if j := bytes.LastIndex(body, []byte("-->")); j >= 0 {
		body = body[:j]
	}
	return body, start + i + 4, true
}

// annotation builds an Annotation from the parsed comment, warning about
// members of the wrong JSON type.
func (r *reader) annotation(v *jsonx.Value, off int, pos diag.Pos) *Annotation {
	a := &Annotation{Pos: pos}
	str := func(key string) string {
		m := v.Get(key)
		switch {
		case m == nil || m.Kind == jsonx.Null:
			return ""
		case m.Kind != jsonx.String:
			r.diags.Report(r.pos(off+m.Offset), diag.CodeAnnotationField, "annotation member %q is not a string: want a quoted type name", key)
			return ""
		}
		return strings.TrimSpace(m.String)
	}
	boolean := func(keys ...string) bool {
		for _, key := range keys {
			m := v.Get(key)
			switch {
			case m == nil || m.Kind == jsonx.Null:
				continue
			case m.Kind == jsonx.Bool:
				return m.Bool
			case m.Kind == jsonx.String && (strings.EqualFold(m.String, "true") || strings.EqualFold(m.String, "false")):
				// 'true' as a string: three abstract flags in the corpus.
				return strings.EqualFold(m.String, "true")
			default:
				r.diags.Report(r.pos(off+m.Offset), diag.CodeAnnotationField, "annotation member %q is not a boolean: want true or false", key)
			}
		}
		return false
	}
	a.ODataType = str("@odata.type")
	if a.ODataType == "" {
		a.ODataType = str("@type") // the legacy key (accessaction.md)
	}
	a.ODataType = strings.TrimPrefix(a.ODataType, "#")
	a.BaseType = strings.TrimPrefix(str("baseType"), "#")
	a.KeyProperty = str("keyProperty")
	if m := v.Get("optionalProperties"); m != nil && m.Kind == jsonx.Array {
		for _, e := range m.Elems {
			if e.Kind == jsonx.String {
				a.OptionalProperties = append(a.OptionalProperties, e.String)
			}
		}
	}
	a.OpenType = boolean("openType")
	a.Abstract = boolean("abstract", "isAbstract")
	return a
}

// isJSONFence reports whether a fenced code block is tagged json, with or
// without a space after the backticks ("``` json").
func isJSONFence(src []byte, f *ast.FencedCodeBlock) bool {
	return f.Info != nil && strings.EqualFold(string(f.Language(src)), "json")
}

// jsonBlock reads a top-level fenced JSON block: the content is repaired and
// parsed, and a failure is reported at the offending byte. The content is
// taken from the page as it is, from the line after the fence to the end of
// the last line, rather than from goldmark's segments, which drop indentation
// and add a newline the file may not have: offsets into it are then exact
// line and column offsets from the fence (see JSONBlock.PosOf).
func (r *reader) jsonBlock(f *ast.FencedCodeBlock) *JSONBlock {
	var content []byte
	if n := f.Lines().Len(); n > 0 && f.Pos() >= 0 && f.Pos() < len(r.src) {
		if i := bytes.IndexByte(r.src[f.Pos():], '\n'); i >= 0 {
			start, end := f.Pos()+i+1, f.Lines().At(n-1).Stop
			if start <= end && end <= len(r.src) {
				content = r.src[start:end]
			}
		}
	}
	text := jsonx.Repair(content)
	b := &JSONBlock{Text: text, Pos: r.pos(f.Pos())}
	// A fence that is never closed runs to the end of the page, so what
	// follows the JSON is read as part of it; say so rather than only that
	// the JSON is not valid.
	unclosed := false
	if n := f.Lines().Len(); n > 0 {
		if stop := f.Lines().At(n - 1).Stop; stop <= len(r.src) {
			unclosed = len(bytes.TrimSpace(r.src[stop:])) == 0
		}
	}
	if unclosed {
		r.diags.Report(b.Pos, diag.CodeJSONBlock, "code fence of the JSON representation is never closed, so the rest of the page is read as JSON: want a closing ``` line after it")
	}
	if len(bytes.TrimSpace(text)) == 0 {
		r.diags.Report(b.Pos, diag.CodeJSONBlock, "JSON representation is empty: want a JSON object; the type has no example")
		return b
	}
	b.lines = diag.NewLines(r.path, text)
	v, err := jsonx.Parse(text)
	if err != nil {
		at := 0
		var se *jsonx.SyntaxError
		if errors.As(err, &se) {
			at = se.Offset
		}
		if !unclosed {
			r.diags.Report(b.PosOf(at), diag.CodeJSONBlock, "JSON representation is not valid JSON even after repair: %v; the type has no example", err)
		}
		return b
	}
	b.Value = v
	return b
}
