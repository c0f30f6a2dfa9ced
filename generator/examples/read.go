package examples

import (
	"bytes"
	"errors"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/reader"
)

// markdown is the parser of method pages: CommonMark blocks only. Examples
// are HTML blocks and fenced code, so inline parsing would only cost time.
// A goldmark parser keeps no state between calls, so one is shared.
var markdown = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...))
})

// Read returns the request and response examples of one method page, in
// page order. path names the page in diagnostics; src holds its bytes,
// which Read does not change. It never fails outright: an example it can
// only partly read is returned with what it could read, and diagnostics say
// what it could not.
//
// An example is an HTML comment whose JSON has blockType "request" or
// "response", at any depth (examples inside list items count), and the
// fenced code block right after it. Other comments ("ignored", "example"
// and "samples" blocks, page annotations) are skipped.
//
// The diagnostic codes are stable. Errors: too-large, too-deep and
// too-complex, the limits of the page reader, which method pages are held
// to as resource pages are (the page is not read). Warnings, as a broken example stops nothing that graphgen
// makes and a docs repository must be able to suppress what it cannot fix
// at once: example-annotation-json (an annotation that is not JSON even
// after jsonx.Repair), example-no-block (no code block after the
// annotation), example-body-json (a body that should be JSON and is not,
// even after repair), example-annotation-field (a member of the wrong JSON
// type), example-start-line (a first line that is neither "METHOD URL" nor
// "HTTP/1.1 200 OK"), example-header (a header line without a colon),
// example-no-body (a response that announces a type and shows no body) and
// example-unclosed (a code fence never closed).
func Read(path string, src []byte) ([]*Example, diag.List) {
	var diags diag.List
	if len(src) > reader.MaxSize {
		diags.Report(diag.Pos{File: path}, diag.CodeTooLarge, "page is %d bytes, larger than the 8 MiB limit", len(src))
		return nil, diags
	}
	r := &pageReader{path: path, src: normalize(src)}
	r.lines = diag.NewLines(path, r.src)
	if d, bad := reader.CheckLimits(r.src, r.lines); bad {
		return nil, append(diags, d)
	}
	doc := markdown().Parse(text.NewReader(r.src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.HTMLBlock); ok && entering {
			r.htmlBlock(h)
		}
		return ast.WalkContinue, nil
	})
	r.diags.Sort()
	return r.examples, r.diags
}

// pageReader holds the state of one Read call.
type pageReader struct {
	path     string
	src      []byte // normalised; what goldmark parses
	lines    *diag.Lines
	examples []*Example
	diags    diag.List
}

// normalize returns a copy of src without a BOM and with "\r\n" turned into
// "\n", as the page reader does: dropping a "\r" before a newline leaves
// every line number, and every column before it, unchanged.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
}

func (r *pageReader) pos(off int) diag.Pos {
	if off < 0 {
		return diag.Pos{File: r.path}
	}
	return r.lines.Pos(off)
}

// htmlBlock reads an HTML comment that may announce an example.
func (r *pageReader) htmlBlock(n *ast.HTMLBlock) {
	body, off, ok := reader.CommentBody(r.src, n)
	if !ok {
		return
	}
	t := bytes.TrimSpace(body)
	if len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"blockType"`)) {
		return
	}
	kind, ok := blockKind(t)
	if !ok {
		return
	}
	at := r.pos(off - 4)
	v, err := jsonx.Parse(jsonx.Repair(body))
	if err != nil {
		errAt := off
		var se *jsonx.SyntaxError
		if errors.As(err, &se) {
			errAt += se.Offset
		}
		r.diags.Report(r.pos(errAt), diag.CodeExampleAnnotationJSON, "%s annotation is not valid JSON even after repair: %v; want a JSON object such as {\"blockType\": %q, \"@odata.type\": \"microsoft.graph.x\"}", kind, err, kind.String())
		// The example is still read, so that its block is checked; its
		// annotation only has its position.
		r.add(&Example{Kind: kind, Annotation: &Annotation{Pos: at}}, n)
		return
	}
	bt := v.Get("blockType")
	if bt == nil || bt.Kind != jsonx.String || (bt.String != "request" && bt.String != "response") {
		return
	}
	r.add(&Example{Kind: kind, Annotation: r.annotation(v, off, at)}, n)
}

// blockKind tells a request or response annotation from the other kinds of
// comment before parsing it, so that a broken one is still recognised: it
// looks for the blockType member's string value.
func blockKind(t []byte) (Kind, bool) {
	i := bytes.Index(t, []byte(`"blockType"`))
	rest := bytes.TrimLeft(t[i+len(`"blockType"`):], " \t\n")
	if len(rest) == 0 || rest[0] != ':' {
		return 0, false
	}
	rest = bytes.TrimLeft(rest[1:], " \t\n")
	switch {
	case bytes.HasPrefix(rest, []byte(`"request"`)):
		return Request, true
	case bytes.HasPrefix(rest, []byte(`"response"`)):
		return Response, true
	}
	return 0, false
}

// add records an example and reads the code block after its comment.
func (r *pageReader) add(e *Example, n *ast.HTMLBlock) {
	r.examples = append(r.examples, e)
	f, ok := n.NextSibling().(*ast.FencedCodeBlock)
	if !ok {
		r.diags.Report(e.Annotation.Pos, diag.CodeExampleNoBlock, "%s annotation is not followed by a code block: want a ```http block right after it", e.Kind)
		return
	}
	e.Block = r.block(e, f)
}

// annotation builds an Annotation from the parsed comment, whose body starts
// at byte off of the page, warning about members of the wrong JSON type.
func (r *pageReader) annotation(v *jsonx.Value, off int, at diag.Pos) *Annotation {
	a := &Annotation{Pos: at}
	for _, m := range v.Members {
		a.Fields = append(a.Fields, Field{Key: m.Key, Pos: r.pos(off + m.KeyOffset), Value: m.Value, ValuePos: r.pos(off + m.Value.Offset)})
	}
	str := func(key string) (string, diag.Pos) {
		m := v.Get(key)
		switch {
		case m == nil || m.Kind == jsonx.Null:
			return "", diag.Pos{}
		case m.Kind != jsonx.String:
			r.diags.Report(r.pos(off+m.Offset), diag.CodeExampleAnnotationField, "annotation member %q is not a string: want a quoted string", key)
			return "", diag.Pos{}
		}
		return strings.TrimSpace(m.String), r.pos(off + m.Offset)
	}
	boolean := func(key string) bool {
		m := v.Get(key)
		switch {
		case m == nil || m.Kind == jsonx.Null:
			return false
		case m.Kind == jsonx.Bool:
			return m.Bool
		case m.Kind == jsonx.String && (strings.EqualFold(m.String, "true") || strings.EqualFold(m.String, "false")):
			// A quoted boolean, as some resource annotations write
			// "abstract": "true".
			return strings.EqualFold(m.String, "true")
		}
		r.diags.Report(r.pos(off+m.Offset), diag.CodeExampleAnnotationField, "annotation member %q is not a boolean: want true or false", key)
		return false
	}
	a.ODataType, a.ODataTypePos = str("@odata.type")
	if a.ODataType == "" {
		a.ODataType, a.ODataTypePos = str("@type") // the legacy key
	}
	a.ODataType = strings.TrimPrefix(a.ODataType, "#")
	if m := v.Get("name"); m != nil && m.Kind == jsonx.Array && stringsOnly(m) {
		if len(m.Elems) > 0 {
			a.Name = strings.TrimSpace(m.Elems[0].String)
		}
	} else {
		a.Name, _ = str("name")
	}
	a.IsCollection = boolean("isCollection")
	a.Truncated = boolean("truncated")
	return a
}

// stringsOnly reports whether every element of the array v is a string.
func stringsOnly(v *jsonx.Value) bool {
	for _, e := range v.Elems {
		if e.Kind != jsonx.String {
			return false
		}
	}
	return true
}
