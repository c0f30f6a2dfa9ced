package examples

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
)

// findings renders diagnostics one a line, for comparison.
func findings(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// namedLocationGet is the response of v1.0 namedlocation-get.md, shortened:
// a typed, truncated single response whose body names a derived type.
const namedLocationGet = `### Response

<!-- {
  "blockType": "response",
  "truncated": true,
  "@odata.type": "microsoft.graph.namedLocation"
} -->

` + "```http" + `
HTTP/1.1 200 OK
Content-type: application/json

{
    "@odata.type": "#microsoft.graph.ipNamedLocation",
    "id": "0854951d-5fc0-4eb1-b392-9b2c9d7949c2",
    "isTrusted": false
}
` + "```\n"

func TestReadResponse_namedlocationGet(t *testing.T) {
	exs, diags := Read("namedlocation-get.md", []byte(namedLocationGet))
	if len(diags) > 0 {
		t.Fatalf("unexpected findings:\n%s", findings(diags))
	}
	if len(exs) != 1 {
		t.Fatalf("got %d examples, want 1", len(exs))
	}
	e := exs[0]
	a := e.Annotation
	type ann struct {
		Kind                    Kind
		Pos, TypePos            string
		ODataType               string
		IsCollection, Truncated bool
		Keys                    []string
	}
	var keys []string
	for _, f := range a.Fields {
		keys = append(keys, f.Key+"@"+f.Pos.String())
	}
	got := ann{e.Kind, a.Pos.String(), a.ODataTypePos.String(), a.ODataType, a.IsCollection, a.Truncated, keys}
	want := ann{Response, "namedlocation-get.md:3:1", "namedlocation-get.md:6:18", "microsoft.graph.namedLocation", false, true,
		[]string{"blockType@namedlocation-get.md:4:3", "truncated@namedlocation-get.md:5:3", "@odata.type@namedlocation-get.md:6:3"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("annotation (-want +got):\n%s", d)
	}
	b := e.Block
	if b == nil || b.Body == nil || b.Body.JSON == nil {
		t.Fatalf("block or JSON body missing: %+v", b)
	}
	if b.Lang != "http" || b.Proto != "HTTP/1.1" || b.Status != 200 || b.Reason != "OK" || b.StartPos.String() != "namedlocation-get.md:10:1" {
		t.Errorf("start line: lang %q proto %q status %d reason %q at %s", b.Lang, b.Proto, b.Status, b.Reason, b.StartPos)
	}
	if ct := b.Header("content-type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want %q", ct, "application/json")
	}
	body := b.Body.JSON
	if got := b.Body.Pos.String(); got != "namedlocation-get.md:13:1" {
		t.Errorf("body at %s, want line 13", got)
	}
	// Member positions are page positions: "isTrusted" is on line 16.
	m := body.Members[2]
	if m.Key != "isTrusted" || b.Body.PosOf(m.KeyOffset).String() != "namedlocation-get.md:16:5" {
		t.Errorf("member %q at %s, want isTrusted at 16:5", m.Key, b.Body.PosOf(m.KeyOffset))
	}
	objs, err := e.Objects()
	if err != nil || len(objs) != 1 || objs[0] != body {
		t.Errorf("Objects() = %v, %v; want the body itself", objs, err)
	}
}

// TestReadResponse_groupListCollection: group-list.md announces a collection;
// the objects are the elements of "value", not the envelope.
func TestReadResponse_groupListCollection(t *testing.T) {
	src := "<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.group\",\n  \"isCollection\": true\n} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\n   \"@odata.count\":2,\n   \"value\":[\n      {\"id\":\"1\"},\n      {\"id\":\"2\"}\n   ]\n}\n```\n"
	exs, diags := Read("group-list.md", []byte(src))
	if len(diags) > 0 || len(exs) != 1 {
		t.Fatalf("got %d examples, findings:\n%s", len(exs), findings(diags))
	}
	objs, err := exs[0].Objects()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range objs {
		ids = append(ids, o.Get("id").String)
	}
	if d := cmp.Diff([]string{"1", "2"}, ids); d != "" {
		t.Errorf("objects (-want +got):\n%s", d)
	}
	// A collection without "value" is not the shape announced.
	exs[0].Block.Body.JSON = &jsonx.Value{Kind: jsonx.Object}
	if _, err := exs[0].Objects(); err == nil || !strings.Contains(err.Error(), `"value"`) {
		t.Errorf("Objects() on a collection without value: err = %v, want one naming \"value\"", err)
	}
}

// TestReadRequest_userPostUsers: a request of user-post-users.md, with a
// space after the backticks as 212 requests have, and its positions.
func TestReadRequest_userPostUsers(t *testing.T) {
	src := "# [HTTP](#tab/http)\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"create_user_from_users\"\n}-->\n\n``` http\nPOST https://graph.microsoft.com/v1.0/users\nContent-type: application/json\n\n{\n  \"accountEnabled\": true,\n  \"displayName\": \"Adele Vance\"\n}\n```\n"
	exs, diags := Read("user-post-users.md", []byte(src))
	if len(diags) > 0 || len(exs) != 1 {
		t.Fatalf("got %d examples, findings:\n%s", len(exs), findings(diags))
	}
	e := exs[0]
	b := e.Block
	got := []string{e.Kind.String(), e.Annotation.Name, b.Lang, b.Method, b.URL, b.Proto, b.Body.Pos.String(), b.Body.PosOf(b.Body.JSON.Members[1].KeyOffset).String()}
	want := []string{"request", "create_user_from_users", "http", "POST", "https://graph.microsoft.com/v1.0/users", "", "user-post-users.md:11:1", "user-post-users.md:13:3"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("request (-want +got):\n%s", d)
	}
}

// TestReadNameArray: drive-list.md names one response for several
// requests, as an array; Name is the first.
func TestReadNameArray(t *testing.T) {
	src := "<!-- {\n  \"blockType\": \"response\",\n  \"name\": [\"group-list-drives\", \"list-drives\"]\n} -->\n```http\nHTTP/1.1 204 No Content\n```\n"
	exs, diags := Read("drive-list.md", []byte(src))
	if len(diags) > 0 || len(exs) != 1 {
		t.Fatalf("got %d examples, findings:\n%s", len(exs), findings(diags))
	}
	if got := exs[0].Annotation.Name; got != "group-list-drives" {
		t.Errorf("Name = %q, want the first of the array", got)
	}
}

// TestReadFindings pins each diagnostic to the real page that has the defect.
func TestReadFindings(t *testing.T) {
	fence := "```"
	for _, tc := range []struct {
		name, src, want string
		examples        int
	}{{
		// chat-delete-tabs.md: a trailing comma in the annotation is repaired,
		// and a 204 needs no body.
		name:     "chat-delete-tabs.md trailing comma",
		src:      "<!-- {\n  \"blockType\": \"response\",\n}\n-->\n\n" + fence + "http\nHTTP/1.1 204 No Content\n" + fence + "\n",
		examples: 1,
	}, {
		// user-getmailtips.md: an unquoted key is not one of the repairs.
		name:     "user-getmailtips.md unquoted key",
		src:      "<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.mailTips\",\n  isCollection: true\n} -->\n" + fence + "http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n" + fence + "\n",
		want:     "f.md:4:3: warning: response annotation is not valid JSON even after repair: unexpected 'i', want a quoted object key; want a JSON object such as {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.x\"} [example-annotation-json]\n",
		examples: 1,
	}, {
		// application-list.md: a $count response is text/plain, not JSON.
		name:     "application-list.md text/plain",
		src:      "<!-- {\n  \"blockType\": \"response\"\n} -->\n" + fence + "http\nHTTP/1.1 200 OK\nContent-type: text/plain\n\n893\n" + fence + "\n",
		examples: 1,
	}, {
		// opentypeextension-get.md: a string broken over two lines.
		name:     "opentypeextension-get.md broken string",
		src:      "<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.openTypeExtension\"\n} -->\n" + fence + "http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\n    \"@odata.id\": \"https://x/extensions\n('y')\"\n}\n" + fence + "\n",
		want:     "f.md:10:18: warning: response body is not valid JSON even after repair (string literal not terminated before the end of the line): want a JSON body, or a Content-Type header that is not JSON [example-body-json]\n",
		examples: 1,
	}, {
		// event-delta.md: a header after the blank line is read as the body.
		name:     "event-delta.md header in body",
		src:      "<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"event_delta\"\n}-->\n" + fence + "msgraph-interactive\nGET https://graph.microsoft.com/v1.0/me/calendarView/delta\n\nPrefer: odata.maxpagesize=2\n" + fence + "\n",
		want:     "f.md:8:1: warning: request body is not valid JSON even after repair (unexpected 'P', want a JSON value): want a JSON body, or a Content-Type header that is not JSON [example-body-json]\n",
		examples: 1,
	}, {
		// channel-post-messagereply.md: a response block holding a request.
		name:     "channel-post-messagereply.md request as response",
		src:      "<!-- {\n  \"blockType\": \"response\"\n} -->\n" + fence + "http\nPOST https://graph.microsoft.com/v1.0/teams/1/replies\n\n{}\n" + fence + "\n",
		want:     "f.md:5:1: warning: response example starts with \"POST https://graph.microsoft.com/v1.0/teams/1/replies\": want a status line such as \"HTTP/1.1 200 OK\" [example-start-line]\n",
		examples: 1,
	}, {
		// drive-get.md, drive-list.md: "name" given as an array of
		// strings, one response for several requests, which the docs'
		// tooling reads as it reads one string.
		name:     "drive-get.md name an array of strings",
		src:      "<!-- { \"blockType\": \"response\", \"name\": [\"drive-get\", \"drive-get-2\"] } -->\n" + fence + "http\nHTTP/1.1 204 No Content\n" + fence + "\n",
		examples: 1,
	}, {
		name:     "name an array holding a number",
		src:      "<!-- { \"blockType\": \"response\", \"name\": [\"a\", 1] } -->\n" + fence + "http\nHTTP/1.1 204 No Content\n" + fence + "\n",
		want:     "f.md:1:41: warning: annotation member \"name\" is not a string: want a quoted string [example-annotation-field]\n",
		examples: 1,
	}, {
		name:     "name an object",
		src:      "<!-- { \"blockType\": \"response\", \"name\": {\"x\": 1} } -->\n" + fence + "http\nHTTP/1.1 204 No Content\n" + fence + "\n",
		want:     "f.md:1:41: warning: annotation member \"name\" is not a string: want a quoted string [example-annotation-field]\n",
		examples: 1,
	}, {
		// reportroot-getemailactivitycounts.md: a type announced, no body.
		name:     "reportroot-getemailactivitycounts.md: a redirect has no body by design",
		src:      "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.report\" } -->\n" + fence + "http\nHTTP/1.1 302 Found\nLocation: https://x\n" + fence + "\n",
		examples: 1,
	}, {
		name:     "a 200 that announces a type and shows no body",
		src:      "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.report\" } -->\n" + fence + "http\nHTTP/1.1 200 OK\n" + fence + "\n",
		want:     "f.md:2:1: warning: response example announces type \"microsoft.graph.report\" but its block has no body: want the JSON of a microsoft.graph.report after the headers and a blank line [example-no-body]\n",
		examples: 1,
	}, {
		name:     "annotation without a block",
		src:      "<!-- { \"blockType\": \"request\" } -->\n\nNo block here.\n",
		want:     "f.md:1:1: warning: request annotation is not followed by a code block: want a ```http block right after it [example-no-block]\n",
		examples: 1,
	}, {
		// goldmark's time grows with the square of the nesting.
		name:     "nesting too deep",
		src:      "<!-- { \"blockType\": \"request\" } -->\n" + strings.Repeat(">", 40000) + " x\n",
		want:     "f.md:2:1: error: line starts with 40001 bytes of indentation and block-quote or list markers, more than the limit of 256 [too-deep]\n",
		examples: 0,
	}, {
		name:     "fence never closed",
		src:      "<!-- { \"blockType\": \"request\" } -->\n" + fence + "http\nGET https://x\n",
		want:     "f.md:2:1: warning: code fence of the request example is never closed, so the rest of the page is read as its message: want a closing ``` line after it [example-unclosed]\n",
		examples: 1,
	}, {
		name: "header line without a colon",
		src:  "<!-- { \"blockType\": \"request\" } -->\n" + fence + "http\nGET https://x\nAuthorization Bearer\n" + fence + "\n",
		want: "f.md:4:1: warning: request example has a header line \"Authorization Bearer\" without a name and a colon: want \"Name: value\" [example-header]\n",
		// Only a request or response counts as an example.
		examples: 1,
	}, {
		// The blocks that are not examples: namedlocation-get.md's
		// "ignored" request syntax and its page annotation.
		name:     "namedlocation-get.md ignored blocks",
		src:      "<!-- { \"blockType\": \"ignored\" } -->\n" + fence + "http\nGET /identity/conditionalAccess/namedLocations/{id}\n" + fence + "\n<!-- {\n  \"type\": \"#page.annotation\"\n}-->\n",
		examples: 0,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			exs, diags := Read("f.md", []byte(tc.src))
			if d := cmp.Diff(tc.want, findings(diags)); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
			if len(exs) != tc.examples {
				t.Errorf("got %d examples, want %d", len(exs), tc.examples)
			}
		})
	}
}

// TestReadInListItem: an example inside a list item, as insights-list-used.md
// writes its request syntax, is read, and its positions count the item's
// indentation.
func TestReadInListItem(t *testing.T) {
	src := "- Get the documents:\n  <!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.usedInsight\" } -->\n  ```http\n  HTTP/1.1 200 OK\n\n  {\n    \"id\": \"x\"\n  }\n  ```\n"
	exs, diags := Read("insights-list-used.md", []byte(src))
	if len(diags) > 0 || len(exs) != 1 || exs[0].Block == nil || exs[0].Block.Body == nil || exs[0].Block.Body.JSON == nil {
		t.Fatalf("got %d examples, findings:\n%s", len(exs), findings(diags))
	}
	b := exs[0].Block
	id := b.Body.JSON.Members[0]
	got := []string{exs[0].Annotation.Pos.String(), b.StartPos.String(), b.Body.Pos.String(), b.Body.PosOf(id.KeyOffset).String()}
	want := []string{"insights-list-used.md:2:3", "insights-list-used.md:4:3", "insights-list-used.md:6:3", "insights-list-used.md:7:5"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("positions (-want +got):\n%s", d)
	}
}

// TestReadCRLF: a page checked out with Windows line endings gives the same
// positions.
func TestReadCRLF(t *testing.T) {
	lf, _ := Read("p.md", []byte(namedLocationGet))
	crlf, _ := Read("p.md", []byte(strings.ReplaceAll(namedLocationGet, "\n", "\r\n")))
	if len(lf) != 1 || len(crlf) != 1 {
		t.Fatalf("got %d and %d examples, want 1 and 1", len(lf), len(crlf))
	}
	if a, b := lf[0].Block.Body.PosOf(lf[0].Block.Body.JSON.Members[2].KeyOffset), crlf[0].Block.Body.PosOf(crlf[0].Block.Body.JSON.Members[2].KeyOffset); a != b {
		t.Errorf("CRLF moves a member from %s to %s", a, b)
	}
}
