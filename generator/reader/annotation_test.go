package reader

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphgen/graphgen/generator/diag"
)

func TestReadAnnotation(t *testing.T) {
	const fence = "```json\n{\n  \"id\": \"String\"\n}\n```\n"
	tests := []struct {
		name  string
		src   string
		want  *Annotation
		json  string // the first key of the parsed JSON block, "" when there is none
		diags []string
	}{
		{
			name: "resource annotation and its fence/inviteparticipantsoperation.md",
			src:  page("## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"optionalProperties\": [\n\n  ],\n  \"@odata.type\": \"microsoft.graph.inviteParticipantsOperation\"\n}-->\n" + fence),
			want: &Annotation{ODataType: "microsoft.graph.inviteParticipantsOperation"},
			json: "id",
		},
		{
			name: "all the members/entity.md user.md",
			src:  page("<!--{\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"#microsoft.graph.user\",\n  \"baseType\": \"microsoft.graph.directoryObject\",\n  \"keyProperty\": \"id\",\n  \"optionalProperties\": [\"manager\", \"photo\"],\n  \"openType\": true,\n  \"abstract\": true\n} -->\n\n\n" + fence),
			want: &Annotation{ODataType: "microsoft.graph.user", BaseType: "microsoft.graph.directoryObject", KeyProperty: "id", OptionalProperties: []string{"manager", "photo"}, OpenType: true, Abstract: true},
			json: "id",
		},
		{
			name: "legacy @type, one line, and a space before json/asyncjobstatus.md",
			src:  page("<!-- { \"blockType\": \"resource\", \"@type\": \"oneDrive.asyncJobStatus\" } -->\n``` json\n{\"id\": \"String\"}\n```\n"),
			want: &Annotation{ODataType: "oneDrive.asyncJobStatus"},
			json: "id",
		},
		{
			name: "null baseType and abstract as a string/educationidentitysynchronizationconfiguration.md",
			src:  page("<!-- {\n  \"blockType\": \"resource\",\n  \"baseType\": null,\n  \"isAbstract\": \"true\",\n  \"@odata.type\": \"microsoft.graph.x\"\n}-->\n"),
			want: &Annotation{ODataType: "microsoft.graph.x", Abstract: true},
		},
		{
			name: "trailing comma is repaired/approval.md",
			src:  page("<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.approval\",\n}-->\n" + fence),
			want: &Annotation{ODataType: "microsoft.graph.approval"},
			json: "id",
		},
		{
			name:  "invalid JSON is an error at the bad byte",
			src:   page("<!-- {\n  \"blockType\": \"resource\"\n  \"@odata.type\": \"microsoft.graph.x\"\n}-->\n"),
			diags: []string{"error annotation-json 12"},
		},
		{
			name:  "a wrongly typed member is a warning",
			src:   page("<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\", \"openType\": \"sometimes\"} -->\n"),
			want:  &Annotation{ODataType: "microsoft.graph.x"},
			diags: []string{"warning annotation-field 10"},
		},
		{
			name:  "only the first resource annotation counts/synchronization-attributemappingsource.md",
			src:   page("<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.a\"} -->\n" + fence + "\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.b\"} -->\n" + fence),
			want:  &Annotation{ODataType: "microsoft.graph.a"},
			json:  "id",
			diags: []string{"warning annotation-extra 17"},
		},
		{
			name: "page annotations, ignored and example blocks are skipped/activitybasedtimeoutpolicy.md",
			src: page("<!-- {\n  \"blockType\": \"ignored\",\n  \"@odata.type\": \"microsoft.graph.y\"\n}-->\n```json\n{\"a\": 1}\n```\n" +
				"<!-- {\"blockType\": \"example\"} -->\n<!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79\n2015-10-25 14:57:30 UTC -->\n<!-- {\n  \"type\": \"#page.annotation\",\n  \"description\": \"x\"\n}-->\n"),
		},
		{
			name: "comments and trailing commas in the JSON block are repaired/driveitem.md",
			src:  page("<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.driveItem\"} -->\n```json\n{\n  \"audio\": {\"@odata.type\": \"microsoft.graph.audio\"},\n\n  /* relationships */\n  \"children\": [ { \"@odata.type\": \"microsoft.graph.driveItem\" } ],\n}\n```\n"),
			want: &Annotation{ODataType: "microsoft.graph.driveItem"},
			json: "audio",
		},
		{
			name:  "an unparseable JSON block is a warning at the bad byte/dynamics-customer.md",
			src:   page("<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.customer\"} -->\n```json\n{\n    \"id\": \"GUID\",\n    \"address\": NAV.PostalAddress\n}\n```\n"),
			want:  &Annotation{ODataType: "microsoft.graph.customer"},
			diags: []string{"warning json-block 14"},
		},
		{
			name: "a JSON representation section without an annotation/itempreviewinfo.md",
			src:  page("## JSON representation\n\nHere is a JSON representation of the resource.\n\n```json\n{\"getUrl\": \"string\"}\n```\n"),
			json: "getUrl",
		},
		{
			name: "the JSON section heading in any case/intune pages",
			src:  page("## JSON Representation\nHere is a JSON representation of the resource.\n``` json\n{\"x\": 1}\n```\n"),
			json: "x",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := Read("x.md", []byte(tt.src))
			if diff := cmp.Diff(tt.want, p.Annotation, cmpopts.IgnoreFields(Annotation{}, "Pos"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Annotation mismatch (-want +got):\n%s", diff)
			}
			var key string
			if p.JSON != nil && p.JSON.Value != nil && len(p.JSON.Value.Members) > 0 {
				key = p.JSON.Value.Members[0].Key
			}
			if key != tt.json {
				t.Errorf("first JSON key = %q, want %q", key, tt.json)
			}
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

// TestReadPositions pins the position of everything a later stage reports
// on, in a page with front matter, a BOM and Windows line endings.
func TestReadPositions(t *testing.T) {
	src := "---\ntitle: t\n---\n" + // 1-3
		"\n" + // 4
		"# thing resource type\n" + // 5
		"\n" + // 6
		"Inherits from [entity](entity.md).\n" + // 7
		"\n" + // 8
		"## Properties\n" + // 9
		"| Property | Type | Description |\n" + // 10
		"|:--|:--|:--|\n" + // 11
		"| **name** | [kind](kind.md) collection | Possible values are: `a`, `b`. |\n" + // 12
		"\n" + // 13
		"### kind values\n" + // 14
		"| Member |\n" + // 15
		"|--|\n" + // 16
		"| a |\n" + // 17
		"\n" + // 18
		"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.thing\"} -->\n" + // 19
		"```json\n" + // 20
		"{\n" + // 21
		"  \"name\": [\"String\"]\n" + // 22
		"}\n" + // 23
		"```\n"
	type positions struct {
		H1, Inherits, Name, Type, Link, Values, Enum, Member, Annotation, JSON, JSONName diag.Pos
	}
	pos := func(line, col int) diag.Pos { return diag.Pos{File: "x.md", Line: line, Col: col} }
	want := positions{
		H1:         pos(5, 1),
		Inherits:   pos(7, 15),
		Name:       pos(12, 5),
		Type:       pos(12, 14),
		Link:       pos(12, 14),
		Values:     pos(12, 65),
		Enum:       pos(14, 1),
		Member:     pos(17, 3),
		Annotation: pos(19, 1),
		JSON:       pos(20, 1),
		JSONName:   pos(22, 11),
	}
	for _, variant := range []struct{ name, src string }{
		{"LF", src},
		{"CRLF", strings.ReplaceAll(src, "\n", "\r\n")},
		{"BOM", "\ufeff" + src},
	} {
		t.Run(variant.name, func(t *testing.T) {
			p, l := Read("x.md", []byte(variant.src))
			if len(l) != 0 {
				t.Fatalf("unexpected diagnostics:\n%v", l)
			}
			if len(p.Properties) != 1 || p.Inherits == nil || len(p.Enums) != 1 || p.Annotation == nil || p.JSON == nil || p.JSON.Value == nil {
				t.Fatalf("page not read: %+v", p)
			}
			r := p.Properties[0]
			got := positions{
				H1:         p.H1Pos,
				Inherits:   p.Inherits.Pos,
				Name:       r.NamePos,
				Type:       r.Type.Pos,
				Link:       r.Type.Links[0].Pos,
				Values:     r.ValuesPos,
				Enum:       p.Enums[0].Pos,
				Member:     p.Enums[0].Members[0].Pos,
				Annotation: p.Annotation.Pos,
				JSON:       p.JSON.Pos,
				JSONName:   p.JSON.PosOf(p.JSON.Value.Get("name").Offset),
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("positions mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
