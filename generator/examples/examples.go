// Package examples reads the HTTP examples of Microsoft Graph method pages:
// each request and response example, announced by an HTML-comment annotation
//
//	<!-- {
//	  "blockType": "response",
//	  "@odata.type": "microsoft.graph.group",
//	  "isCollection": true
//	} -->
//
// and written in the fenced code block right after it: a start line
// ("GET https://…", "HTTP/1.1 200 OK"), headers, a blank line and a body.
// It is the one reader of examples in the project: what checks the examples
// against the resource pages, or decodes them into generated types, starts
// from its Example values.
//
// Like the page reader it parses Markdown with goldmark, maps offsets to
// positions through diag.Lines, repairs JSON with jsonx and nothing else,
// and reports what it cannot read as positioned diagnostics, never by
// failing.
package examples

import (
	"fmt"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
)

// Kind says whether an example is a request or a response.
type Kind int

// The kinds of example, named after the annotation's blockType.
const (
	Request Kind = iota
	Response
)

func (k Kind) String() string {
	if k == Response {
		return "response"
	}
	return "request"
}

// Example is one annotated example of a method page.
type Example struct {
	Kind       Kind
	Annotation *Annotation
	// Block is the code block after the annotation, nil when none follows
	// it (a diagnostic says so).
	Block *Block
}

// Annotation is the HTML comment that announces an example.
type Annotation struct {
	Pos diag.Pos // the "<!--"
	// ODataType is the "@odata.type" member (or the legacy "@type"),
	// without a leading "#": "microsoft.graph.group". "" when absent.
	ODataType    string
	ODataTypePos diag.Pos
	IsCollection bool // "isCollection": the body is {"value": [...]} of ODataType
	Truncated    bool // "truncated": the body is shortened for readability
	// Name is "name", which ties a request to its response; a page may
	// give several, as an array, when one response answers several
	// requests (drive-list.md), as the docs' own tooling allows: Name is
	// then the first.
	Name string
	// Fields are all the members of the annotation, in the order written,
	// the ones above included.
	Fields []Field
}

// Field is one member of an annotation.
type Field struct {
	Key      string
	Pos      diag.Pos     // the key
	Value    *jsonx.Value // offsets in it are relative to the annotation, use ValuePos
	ValuePos diag.Pos
}

// Block is the fenced code block of an example: an HTTP message.
type Block struct {
	Pos  diag.Pos // the opening fence
	Lang string   // the fence's info word, lower-cased: "http", "msgraph-interactive"

	// StartLine is the first line of the message, trimmed, "" when the
	// block starts with its body. A request's is split into Method, URL
	// and Proto ("HTTP/1.1", often left out); a response's into Proto,
	// Status and Reason.
	StartLine string
	StartPos  diag.Pos
	Method    string
	URL       string
	Proto     string
	Status    int // 0 when unknown
	Reason    string

	Headers []Header
	Body    *Body // nil when the message has none
}

// Header is one header line of a message.
type Header struct {
	Name  string
	Value string
	Pos   diag.Pos
}

// Header returns the value of the first header called name, ignoring case,
// or "".
func (b *Block) Header(name string) string {
	for _, h := range b.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// Body is the body of a message.
type Body struct {
	Pos diag.Pos // its first byte
	// Text is the body as written or, when it was read as JSON, as
	// repaired by jsonx.Repair, which keeps every offset.
	Text []byte
	// JSON is the parsed body; nil when the body is not JSON, because its
	// Content-Type says so (text/plain counts) or because it does not parse
	// even after repair (then a diagnostic says where).
	JSON *jsonx.Value

	off int // offset of Text in the block's content
	src *content
}

// PosOf returns the page position of a byte offset into Text, such as a
// jsonx.Value's Offset.
func (b *Body) PosOf(off int) diag.Pos {
	if b.src == nil {
		return b.Pos
	}
	return b.src.pos(b.off + off)
}

// Objects returns the objects a response example shows of its annotated
// type: the elements of "value" when the annotation says isCollection (or
// the elements of a top-level array), otherwise the body itself. It fails
// when the body is not JSON or has not the shape the annotation announces.
func (e *Example) Objects() ([]*jsonx.Value, error) {
	if e.Block == nil || e.Block.Body == nil || e.Block.Body.JSON == nil {
		return nil, fmt.Errorf("example has no JSON body")
	}
	v := e.Block.Body.JSON
	switch {
	case v.Kind == jsonx.Array:
		return v.Elems, nil
	case e.Annotation.IsCollection:
		vals := v.Get("value")
		if vals == nil || vals.Kind != jsonx.Array {
			return nil, fmt.Errorf("collection response has no %q array: want {\"value\": [...]}", "value")
		}
		return vals.Elems, nil
	}
	return []*jsonx.Value{v}, nil
}
