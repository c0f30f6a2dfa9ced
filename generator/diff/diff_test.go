package diff_test

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/diff"
	"github.com/graphgen/graphgen/generator/model"
)

// basePages is the old side of every case; a case edits a copy of it.
var basePages = map[string]string{
	"widget.md": `---
title: "widget resource type"
description: "A widget."
---

# widget resource type

Namespace: microsoft.graph

A widget.

## Properties

| Property | Type | Description |
|:---|:---|:---|
| name | String | The name. |
| size | Int32 | The size. |
| tags | String collection | The tags. |
| state | String | The state. Possible values are: ` + "`on`, `off`" + `. |
| colour | [colour](colour.md) | The colour. |
| owner | [gadget](gadget.md) | The owner. |

## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.widget"
}-->
` + "```json" + `
{
  "name": "String",
  "size": 0,
  "tags": ["String"],
  "state": "on | off",
  "colour": "red",
  "owner": {"@odata.type": "microsoft.graph.gadget"}
}
` + "```" + `
`,
	"gadget.md": `# gadget resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |
`,
	"thing.md": `# thing resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
| label | String | The label. |
`,
	"colour.md": `# colour enum type

Namespace: microsoft.graph

## Members
|Member|Value|Description|
|:---|:---|:---|
|red|0|Red.|
|green|1|Green.|
`,
}

// edit returns basePages with each old string of page replaced by the new
// one, failing when an old string is not there, so a case cannot silently
// test nothing.
func edit(t *testing.T, edits ...[3]string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	for k, v := range basePages {
		pages[k] = v
	}
	for _, e := range edits {
		page, old, new := e[0], e[1], e[2]
		src, ok := pages[page]
		if old == "" {
			pages[page] = new
			continue
		}
		if !ok || !strings.Contains(src, old) {
			t.Fatalf("edit: %q is not in %s", old, page)
		}
		if new == "\x00" {
			delete(pages, page)
			continue
		}
		pages[page] = strings.Replace(src, old, new, 1)
	}
	return pages
}

func load(t *testing.T, prefix string, pages map[string]string) *model.Package {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range pages {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	res, err := generator.Generate(fsys, prefix, generator.Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("pages of %s have errors:\n%v", prefix, res.Diags)
	}
	return res.Model
}

// got is the part of a change a case pins down.
type got struct {
	Kind  diff.Kind
	Class string
	Where string // path:line of the change
	Sub   string // type, property or member
}

func summarise(cs []diff.Change) []got {
	out := []got{}
	for _, c := range cs {
		sub := c.Type
		if c.Property != "" {
			sub += "/" + c.Property
		}
		if c.Member != "" {
			sub += "/" + c.Member
		}
		where := c.Pos.File
		if c.Pos.Line > 0 {
			where += ":" + strconv.Itoa(c.Pos.Line)
		}
		out = append(out, got{c.Kind, c.Class.String(), where, sub})
	}
	return out
}

const (
	goOnly = "breaking-go"
	both   = "breaking-go,breaking-wire"
	wire   = "breaking-wire"
	compat = "compatible"
)

func TestCompare(t *testing.T) {
	type edits = [][3]string
	const del = "\x00"
	newGizmo := "# gizmo resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |\n"
	newShade := "# shade enum type\n\nNamespace: microsoft.graph\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|dark|0|Dark.|\n"
	cases := []struct {
		name  string
		edits edits
		want  []got
	}{
		{"no edit is no change", nil, []got{}},
		{"prose, descriptions and front matter are no change", edits{
			{"widget.md", `description: "A widget."`, `description: "A small widget."` + "\nms.localizationpriority: medium"},
			{"widget.md", "\nA widget.\n", "\nA widget, which is small.\n"},
			{"widget.md", "| The size. |", "| The size, in millimetres. |"},
			{"widget.md", "The state. Possible values are:", "The current state. The possible values are:"},
			{"colour.md", "|Red.|", "|Like a tomato.|"},
		}, []got{}},
		{"type added", edits{{"gizmo.md", "", newGizmo}},
			[]got{{diff.TypeAdded, compat, "new/gizmo.md:1", "microsoft.graph.gizmo"}}},
		{"type removed", edits{{"thing.md", "# thing", del}},
			[]got{{diff.TypeRemoved, goOnly, "old/thing.md:1", "microsoft.graph.thing"}}},
		{"enum type added", edits{{"shade.md", "", newShade}},
			[]got{{diff.EnumAdded, compat, "new/shade.md:1", "microsoft.graph.shade"}}},
		{"enum type removed, and the property typed with it falls back to raw JSON", edits{{"colour.md", "# colour", del}},
			[]got{
				{diff.PropertyRetyped, both, "new/widget.md:20", "microsoft.graph.widget/colour"},
				{diff.EnumRemoved, goOnly, "old/colour.md:1", "microsoft.graph.colour"},
			}},
		{"property added", edits{{"widget.md", "| name | String | The name. |", "| name | String | The name. |\n| weight | Double | The weight. |"}},
			[]got{{diff.PropertyAdded, compat, "new/widget.md:17", "microsoft.graph.widget/weight"}}},
		{"property removed", edits{{"widget.md", "| size | Int32 | The size. |\n", ""}},
			[]got{{diff.PropertyRemoved, goOnly, "old/widget.md:17", "microsoft.graph.widget/size"}}},
		{"property retyped", edits{{"widget.md", "| size | Int32 |", "| size | Int64 |"}},
			[]got{{diff.PropertyRetyped, both, "new/widget.md:17", "microsoft.graph.widget/size"}}},
		{"property retyped to another complex type", edits{{"widget.md", "| owner | [gadget](gadget.md) |", "| owner | [thing](thing.md) |"}},
			[]got{{diff.PropertyRetyped, both, "new/widget.md:21", "microsoft.graph.widget/owner"}}},
		{"String that gains documented values becomes an enum: Go only, the JSON is a string either way", edits{{"widget.md", "| name | String | The name. |", "| name | String | The name. Possible values are: `a`, `b`. |"}},
			[]got{
				{diff.PropertyRetyped, goOnly, "new/widget.md:16", "microsoft.graph.widget/name"},
				{diff.EnumAdded, compat, "new/widget.md:16", "microsoft.graph.widget.name"},
			}},
		{"property whose name changed case, with the same Go name", edits{{"widget.md", "| size | Int32 |", "| Size | Int32 |"}},
			[]got{{diff.PropertyCaseChanged, wire, "new/widget.md:17", "microsoft.graph.widget/Size"}}},
		{"property whose name changed case and type", edits{{"widget.md", "| size | Int32 |", "| Size | Int64 |"}},
			[]got{
				{diff.PropertyCaseChanged, wire, "new/widget.md:17", "microsoft.graph.widget/Size"},
				{diff.PropertyRetyped, both, "new/widget.md:17", "microsoft.graph.widget/Size"},
			}},
		{"property into a collection", edits{{"widget.md", "| size | Int32 |", "| size | Int32 collection |"}},
			[]got{{diff.PropertyToCollection, both, "new/widget.md:17", "microsoft.graph.widget/size"}}},
		{"property out of a collection", edits{{"widget.md", "| tags | String collection |", "| tags | String |"}},
			[]got{{diff.PropertyFromCollection, both, "new/widget.md:18", "microsoft.graph.widget/tags"}}},
		{"enum member added: compatible, as decoders keep unknown values", edits{{"colour.md", "|green|1|Green.|", "|green|1|Green.|\n|blue|2|Blue.|"}},
			[]got{{diff.MemberAdded, compat, "new/colour.md:10", "microsoft.graph.colour/blue"}}},
		{"enum member removed", edits{{"colour.md", "|green|1|Green.|\n", ""}},
			[]got{{diff.MemberRemoved, both, "old/colour.md:9", "microsoft.graph.colour/green"}}},
		{"inline enum member added", edits{{"widget.md", "`on`, `off`", "`on`, `off`, `broken`"}},
			[]got{{diff.MemberAdded, compat, "new/widget.md:19", "microsoft.graph.widget.state/broken"}}},
		{"enum member case changed, with the same Go name", edits{{"colour.md", "|green|1|", "|Green|1|"}},
			[]got{{diff.MemberCaseChanged, wire, "new/colour.md:9", "microsoft.graph.colour/Green"}}},
		{"enum member case changed, with a new Go name", edits{{"colour.md", "|green|1|", "|grEen|1|"}},
			[]got{{diff.MemberCaseChanged, both, "new/colour.md:9", "microsoft.graph.colour/grEen"}}},
		{"type name whose case changed is renamed: @odata.type differs, the Go name does not", edits{{"gadget.md", "# gadget resource type", "# Gadget resource type"}},
			[]got{{diff.TypeRenamed, wire, "new/gadget.md:1", "microsoft.graph.Gadget"}}},
		{"property whose Go name is taken by a new property above it is renamed", edits{{"widget.md", "| name | String | The name. |", "| name_ | String | The name, again. |\n| name | String | The name. |"}},
			[]got{
				{diff.PropertyAdded, compat, "new/widget.md:16", "microsoft.graph.widget/name_"},
				{diff.PropertyRenamed, goOnly, "new/widget.md:17", "microsoft.graph.widget/name"},
			}},
		{"member whose Go name is taken by a new member above it is renamed", edits{{"colour.md", "|green|1|Green.|", "|Green|1|Green.|\n|green|2|Green.|"}},
			[]got{
				{diff.MemberAdded, compat, "new/colour.md:9", "microsoft.graph.colour/Green"},
				{diff.MemberRenamed, goOnly, "new/colour.md:10", "microsoft.graph.colour/green"},
			}},
		{"type opened: compatible, as it only gains AdditionalData", edits{{"widget.md", `"blockType": "resource",`, `"blockType": "resource", "openType": true,`}},
			[]got{{diff.TypeOpened, compat, "new/widget.md:6", "microsoft.graph.widget"}}},
		{"base type added", edits{{"widget.md", `"blockType": "resource",`, `"blockType": "resource", "baseType": "microsoft.graph.thing",`}},
			[]got{{diff.BaseChanged, both, "new/widget.md:6", "microsoft.graph.widget"}}},
		{"property moved into the base is not removed", edits{
			{"widget.md", `"blockType": "resource",`, `"blockType": "resource", "baseType": "microsoft.graph.thing",`},
			{"widget.md", "| name | String | The name. |\n", ""},
			{"thing.md", "| label | String | The label. |", "| label | String | The label. |\n| name | String | The name. |"},
		}, []got{
			{diff.PropertyAdded, compat, "new/thing.md:10", "microsoft.graph.thing/name"},
			{diff.BaseChanged, both, "new/widget.md:6", "microsoft.graph.widget"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old := load(t, "old", basePages)
			new := load(t, "new", edit(t, tc.edits...))
			changes := diff.Compare(old, new)
			if d := cmp.Diff(tc.want, summarise(changes)); d != "" {
				t.Errorf("changes differ (-want +got):\n%s\nall changes:\n%s", d, render(changes))
			}
			for _, c := range changes {
				if c.Message == "" || strings.ContainsAny(c.Message, "\n") {
					t.Errorf("change %v: want a one-line message", c)
				}
			}
			// The reverse comparison reports as many changes: nothing is
			// seen in one direction only.
			if back := diff.Compare(new, old); len(back) != len(changes) {
				t.Errorf("new→old found %d changes, old→new %d:\n%s", len(back), len(changes), render(back))
			}
		})
	}
}

func render(cs []diff.Change) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestClassNames(t *testing.T) {
	for _, tc := range []struct {
		c        diff.Class
		want     string
		breaking bool
	}{
		{0, "compatible", false},
		{diff.BreakingGo, "breaking-go", true},
		{diff.BreakingWire, "breaking-wire", true},
		{diff.BreakingGo | diff.BreakingWire, "breaking-go,breaking-wire", true},
	} {
		if got := tc.c.String(); got != tc.want || tc.c.Breaking() != tc.breaking {
			t.Errorf("Class(%d) = %q, breaking %v; want %q, %v", tc.c, got, tc.c.Breaking(), tc.want, tc.breaking)
		}
	}
}

// TestCompareIsSorted checks the order of many changes at once: by file,
// line, then kind.
func TestCompareIsSorted(t *testing.T) {
	old := load(t, "a", basePages)
	new := load(t, "a", edit(t,
		[3]string{"widget.md", "| size | Int32 |", "| size | Int64 |"},
		[3]string{"widget.md", "| tags | String collection |", "| tags | String |"},
		[3]string{"colour.md", "|green|1|Green.|", "|green|1|Green.|\n|blue|2|Blue.|"},
		[3]string{"gizmo.md", "", "# gizmo resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |\n"},
	))
	changes := diff.Compare(old, new)
	var where []string
	for _, c := range changes {
		where = append(where, c.Pos.String())
	}
	want := []string{"a/colour.md:10:2", "a/gizmo.md:1:1", "a/widget.md:17:3", "a/widget.md:18:3"}
	if d := cmp.Diff(want, where); d != "" {
		t.Errorf("positions differ (-want +got):\n%s", d)
	}
	for i := 1; i < len(changes); i++ {
		if changes[i].Pos.Before(changes[i-1].Pos) {
			t.Errorf("change %d (%s) sorts before change %d (%s)", i, changes[i].Pos, i-1, changes[i-1].Pos)
		}
	}
}

// TestTypeClosed is the reverse of the opened case: the Go type loses its
// AdditionalData field.
func TestTypeClosed(t *testing.T) {
	old := load(t, "old", edit(t, [3]string{"widget.md", `"blockType": "resource",`, `"blockType": "resource", "openType": true,`}))
	new := load(t, "new", basePages)
	want := []got{{diff.TypeClosed, goOnly, "new/widget.md:6", "microsoft.graph.widget"}}
	if d := cmp.Diff(want, summarise(diff.Compare(old, new))); d != "" {
		t.Errorf("changes differ (-want +got):\n%s", d)
	}
}

// TestNamesDifferingInCase checks that two enums whose names differ only in
// case on one side are each matched with their own, never both with one.
func TestNamesDifferingInCase(t *testing.T) {
	enum := func(wire, name string) *model.Enum {
		return &model.Enum{Name: name, WireName: wire, Source: diag.Pos{File: wire + ".md", Line: 1, Col: 1}}
	}
	both := &model.Package{Enums: []*model.Enum{enum("ns.Mode", "Mode"), enum("ns.mode", "Mode2")}}
	if cs := diff.Compare(both, both); len(cs) != 0 {
		t.Errorf("a model compared with itself has changes:\n%s", render(cs))
	}
	one := &model.Package{Enums: []*model.Enum{enum("ns.mode", "Mode2")}}
	want := []got{{diff.EnumRemoved, goOnly, "ns.Mode.md:1", "ns.Mode"}}
	if d := cmp.Diff(want, summarise(diff.Compare(both, one))); d != "" {
		t.Errorf("changes differ (-want +got):\n%s", d)
	}
	// With one candidate left, a change of case is the same enum renamed.
	renamed := &model.Package{Enums: []*model.Enum{enum("ns.MODE", "MODE")}}
	want = []got{{diff.EnumRenamed, goOnly, "ns.MODE.md:1", "ns.MODE"}}
	if d := cmp.Diff(want, summarise(diff.Compare(one, renamed))); d != "" {
		t.Errorf("changes differ (-want +got):\n%s", d)
	}
}

// TestChangeStringIsOneLine checks that a wire name holding a newline, a
// NUL, a byte order mark or a byte that is not UTF-8 is written escaped,
// so that a change stays one line of text.
func TestChangeStringIsOneLine(t *testing.T) {
	c := diff.Change{Kind: diff.TypeRemoved, Class: diff.BreakingGo, Message: "type microsoft.graph.a\nb\x00\ufeff\xff é (Go AB) was removed"}
	want := `breaking-go: type microsoft.graph.a\nb\x00\ufeff\xff é (Go AB) was removed [type-removed]`
	if got := c.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
